// The feedback module's front door: satisfaction surveys after a ticket is solved (scheduled in
// the change's transaction, sent by a job with a link bound to the ticket), the customer's
// answer on a public page, and the feedback inbox with CSAT, CES and the response rate; NPS
// campaigns and their answers in the inbox; testimonial requests to promoters and the consent they give.

export {
  type CampaignsService,
  campaignsService,
  insertNpsSetup,
  insertPastCampaign,
  loadNpsSettings,
  NPS_JOB,
  type PastCampaign,
  resolveSegment,
  sendDueCampaigns,
} from './feedback.campaigns';
export { campaignsRoutes } from './feedback.campaigns.routes';
export {
  type AnswerDriver,
  type DriverFilter,
  dissatisfactionDrivers,
  negativeComments,
} from './feedback.drivers';
export { type FollowUpsService, followUpsService } from './feedback.followups';
export {
  afterAnswerRecorded,
  answersOfCustomer,
  type FollowUpSourceInput,
  followUpsSoFar,
  insertTheme,
  insertThemeRule,
  openFollowUp,
  SENTIMENT_JOB,
  scoreUnscoredAnswers,
  tagAnswerByHand,
  workPastFollowUp,
} from './feedback.loop';
export { feedbackLoopRoutes } from './feedback.loop.routes';
export { type NpsAnswersService, npsAnswersService, npsFigures } from './feedback.nps-answers';
export { npsAnswersRoutes } from './feedback.nps-answers.routes';
export { feedbackRoutes } from './feedback.routes';
export { type FeedbackService, feedbackService, summaryOf } from './feedback.service';
export {
  defaultSpikeSettings,
  HOURS_PER_WEEK,
  type HourVerdict,
  judgeHour,
  type SpikeSettings,
} from './feedback.spikes';
export {
  insertPastSurvey,
  insertSurveyReason,
  loadSurveySettings,
  type PastSurvey,
  SURVEY_JOB,
  type SurveyService,
  scheduleSurvey,
  sendDueSurveys,
  surveyService,
} from './feedback.surveys';
export {
  defaultTestimonialSettings,
  insertPastTestimonial,
  loadTestimonialSettings,
  type PastTestimonial,
  sendDueTestimonialRequests,
  TESTIMONIAL_JOB,
  type TestimonialsService,
  testimonialsService,
} from './feedback.testimonials';
export { testimonialsRoutes } from './feedback.testimonials.routes';
export { type ThemesService, themesService } from './feedback.themes';
