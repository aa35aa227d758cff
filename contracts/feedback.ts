import { z } from 'zod';
import { isoTimestamp } from './common';
import { lineText, plainText, proseText } from './text';
import { ticketChannels, ticketTypes } from './tickets';

/**
 * Customer satisfaction after a ticket is solved (CSAT, with customer effort, CES, in the same
 * survey when asked), and the scores managers read: the formulas live here so the server, the
 * web app and the tests compute them one way.
 */
export const csatScales = ['binary', 'five'] as const;
export type CsatScale = (typeof csatScales)[number];

/** The CES question, as the customer reads it. */
export const cesQuestion = 'The company made it easy to handle my issue.';

/** Whether a CSAT rating counts as positive: "good" on the two-point scale, 4 or 5 on the five-point one. */
export function isPositiveRating(scale: CsatScale, rating: number): boolean {
  return scale === 'binary' ? rating === 1 : rating >= 4;
}

/** Ratings a scale accepts: 0 (bad) and 1 (good), or 1 to 5. */
export function ratingsOf(scale: CsatScale): number[] {
  return scale === 'binary' ? [1, 0] : [5, 4, 3, 2, 1];
}

/** How a rating reads to the customer and in the feedback inbox. */
export function ratingLabel(scale: CsatScale, rating: number): string {
  if (scale === 'binary') return rating === 1 ? 'Good' : 'Bad';
  return ['', 'Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'][rating] ?? '';
}

/** CSAT: the share of positive answers among all answers, in percent (null without answers). */
export function csatOf(answers: readonly { positive: boolean }[]): number | null {
  return csatRate(answers.filter((a) => a.positive).length, answers.length);
}

/** CSAT from counts: positive answers among all answers, in percent (null without answers). */
export const csatRate = (positive: number, answers: number): number | null =>
  answers === 0 ? null : (100 * positive) / answers;

/** CES: the average of the 1–7 effort scores given (null when none was given). */
export function cesOf(scores: readonly (number | null)[]): number | null {
  const given = scores.filter((s): s is number => s !== null);
  return cesAverage(
    given.reduce((sum, s) => sum + s, 0),
    given.length,
  );
}

/** CES from a sum and a count of effort scores (null when none was given). */
export const cesAverage = (sum: number, count: number): number | null => (count === 0 ? null : sum / count);

/** NPS: percent promoters (9–10) minus percent detractors (0–6), from −100 to 100 (null without answers). */
export function npsOf(scores: readonly number[]): number | null {
  return npsRate(scores.filter((s) => s >= 9).length, scores.filter((s) => s <= 6).length, scores.length);
}

/** NPS from counts: percent promoters minus percent detractors among all answers (null without answers). */
export const npsRate = (promoters: number, detractors: number, answers: number): number | null =>
  answers === 0 ? null : (100 * (promoters - detractors)) / answers;

export const surveySettingsSchema = z
  .object({
    enabled: z.boolean(),
    scale: z.enum(csatScales),
    askEffort: z.boolean().describe('Ask the CES question (1–7) in the same survey'),
    delayMinutes: z.number().int().describe('Minutes after solving before the survey goes out'),
    channels: z.array(z.enum(ticketChannels)).describe('Only tickets from these channels; empty: all'),
    types: z.array(z.enum(ticketTypes)).describe('Only tickets of these types; empty: all'),
    teamIds: z.array(z.number().int()).describe('Only tickets of these teams; empty: all'),
    changeDays: z
      .number()
      .int()
      .describe('Days after answering during which the customer may change the answer'),
    linkDays: z.number().int().describe('Days a survey link works after it was sent'),
    updatedAt: isoTimestamp.nullable(),
  })
  .describe('Which solved tickets are surveyed, when, and on what scale');
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

export const updateSurveySettingsBody = z
  .object({
    enabled: z.boolean(),
    scale: z.enum(csatScales),
    askEffort: z.boolean(),
    delayMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 14),
    channels: z.array(z.enum(ticketChannels)).max(ticketChannels.length),
    types: z.array(z.enum(ticketTypes)).max(ticketTypes.length),
    teamIds: z.array(z.number().int().positive()).max(200),
    changeDays: z.number().int().min(0).max(365),
    linkDays: z.number().int().min(1).max(365),
  })
  .partial()
  .strict();
export type UpdateSurveySettingsBody = z.infer<typeof updateSurveySettingsBody>;

export const surveyReasonSchema = z.object({
  id: z.number(),
  label: z.string(),
  position: z.number(),
  active: z.boolean(),
});
export type SurveyReason = z.infer<typeof surveyReasonSchema>;
export const surveyReasonsList = z.object({ data: z.array(surveyReasonSchema) });
export const createSurveyReasonBody = z
  .object({ label: lineText(80), active: z.boolean().default(true) })
  .strict();
export const updateSurveyReasonBody = z
  .object({ label: lineText(80), active: z.boolean(), position: z.number().int().min(0).max(1000) })
  .partial()
  .strict();

/** The token of a survey link: 43 URL-safe characters. */
export const surveyToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,64}$/, 'Not a survey link')
  .describe('The token from the survey link');
export const surveyTokenParam = z.object({ token: surveyToken }).strict();

const answerFields = {
  rating: z.number().int(),
  effort: z.number().int().min(1).max(7).nullable(),
  comment: z.string(),
  reasonId: z.number().nullable(),
};

/** What the public survey page shows: never more than the ticket's number and subject. */
export const publicSurveySchema = z.object({
  ticket: z.object({ id: z.number(), subject: z.string() }),
  scale: z.enum(csatScales),
  askEffort: z.boolean(),
  effortQuestion: z.string(),
  reasons: z.array(z.object({ id: z.number(), label: z.string() })),
  answer: z.object(answerFields).nullable().describe('The answer already given, if any'),
  changeableUntil: isoTimestamp.nullable().describe('Until when an answer can be changed'),
  expired: z.boolean().describe('The link is too old, or the time to change the answer is over'),
});
export type PublicSurvey = z.infer<typeof publicSurveySchema>;

export const surveyAnswerBody = z
  .object({
    rating: z.number().int().min(0).max(5),
    effort: z.number().int().min(1).max(7).nullable().default(null),
    comment: proseText(2000, { min: 0 }).default(''),
    reasonId: z.number().int().positive().nullable().default(null),
  })
  .strict();
export type SurveyAnswerBody = z.input<typeof surveyAnswerBody>;

const ref = z.object({ id: z.number(), name: z.string() });

/**
 * The sentiment of an answer's comment: its AFINN comparative score (the sum of the words'
 * scores divided by the number of words) is negative at −0.05 or below, positive at 0.05 or
 * above, neutral in between and without a comment.
 */
export const sentimentLabels = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof sentimentLabels)[number];
export const SENTIMENT_THRESHOLD = 0.05;
export function sentimentLabelOf(comparative: number): SentimentLabel {
  if (comparative <= -SENTIMENT_THRESHOLD) return 'negative';
  if (comparative >= SENTIMENT_THRESHOLD) return 'positive';
  return 'neutral';
}
export const answerSentimentSchema = z.object({
  label: z.enum(sentimentLabels),
  score: z.number().describe('Sum of the AFINN scores of the words'),
  comparative: z.number().describe('The score per word'),
});
export const answerThemeSchema = z.object({
  id: z.number(),
  name: z.string(),
  source: z.enum(['manual', 'rule']).describe('Tagged by hand or by a theme rule'),
});
export type AnswerTheme = z.infer<typeof answerThemeSchema>;

export const surveyAnswerSchema = z
  .object({
    id: z.number(),
    ticket: z.object({ id: z.number(), subject: z.string(), channel: z.enum(ticketChannels) }),
    customer: ref.extend({ email: z.string().nullable() }),
    organization: ref.nullable(),
    agent: ref.nullable().describe('The assignee when the ticket was solved'),
    team: ref.nullable().describe('The team when the ticket was solved'),
    category: ref.nullable(),
    scale: z.enum(csatScales),
    rating: z.number(),
    ratingLabel: z.string(),
    positive: z.boolean(),
    effort: z.number().nullable(),
    comment: z.string(),
    reason: ref.nullable(),
    answeredAt: isoTimestamp,
    updatedAt: isoTimestamp,
    sentiment: answerSentimentSchema.nullable().describe("The comment's sentiment; null until scored"),
    themes: z.array(answerThemeSchema),
  })
  .describe("A customer's answer to a satisfaction survey");
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;

/** What both inboxes' summaries say of the comments: their tone, and the themes they are tagged with. */
export const toneSummaryFields = {
  sentiments: z
    .object({ negative: z.number(), neutral: z.number(), positive: z.number() })
    .describe('Answers by sentiment'),
  themes: z
    .array(z.object({ id: z.number(), name: z.string(), count: z.number() }))
    .describe('Answers tagged with each theme, most first'),
};

export const feedbackSummarySchema = z.object({
  answers: z.number(),
  positive: z.number(),
  csat: z.number().nullable().describe('Percent of positive answers'),
  ces: z.number().nullable().describe('Average effort score, 1–7'),
  sent: z.number().describe('Surveys sent in the period'),
  responseRate: z.number().nullable().describe('Percent of surveys sent in the period that were answered'),
  ...toneSummaryFields,
});
export type FeedbackSummary = z.infer<typeof feedbackSummarySchema>;

export const surveyAnswersPage = z.object({
  data: z.array(surveyAnswerSchema),
  nextCursor: z.string().nullable(),
  summary: feedbackSummarySchema,
});

const optionalId = z.coerce.number().int().positive().optional();
export const surveyAnswersQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: plainText(200, { trim: false }).optional(),
    score: z.enum(['positive', 'negative']).optional(),
    rating: z.coerce.number().int().min(0).max(5).optional(),
    agentId: optionalId,
    teamId: optionalId,
    categoryId: optionalId,
    organizationId: optionalId,
    channel: z.enum(ticketChannels).optional(),
    withComment: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    from: z.iso.date().optional().describe('First day answered, YYYY-MM-DD (UTC)'),
    to: z.iso.date().optional().describe('Last day answered, YYYY-MM-DD (UTC)'),
    sentiment: z.enum(sentimentLabels).optional(),
    themeId: optionalId.describe('Only answers tagged with this theme'),
    customerId: optionalId,
  })
  .strict();
export type SurveyAnswersQuery = z.input<typeof surveyAnswersQuery>;

export const ticketSatisfactionSchema = z.object({
  survey: z
    .object({
      status: z.enum(['scheduled', 'sent', 'answered', 'cancelled']),
      dueAt: isoTimestamp,
      sentAt: isoTimestamp.nullable(),
    })
    .nullable(),
  answer: surveyAnswerSchema.nullable(),
});
export type TicketSatisfaction = z.infer<typeof ticketSatisfactionSchema>;
