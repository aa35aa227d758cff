import { idParam } from '../../../contracts/common';
import {
  createSurveyReasonBody,
  publicSurveySchema,
  surveyAnswerBody,
  surveyAnswersPage,
  surveyAnswersQuery,
  surveyReasonSchema,
  surveyReasonsList,
  surveySettingsSchema,
  surveyTokenParam,
  ticketSatisfactionSchema,
  updateSurveyReasonBody,
  updateSurveySettingsBody,
} from '../../../contracts/feedback';

export const feedbackSchemas = {
  settings: { response: surveySettingsSchema },
  updateSettings: { body: updateSurveySettingsBody, response: surveySettingsSchema },
  reasons: { response: surveyReasonsList },
  createReason: { body: createSurveyReasonBody, response: surveyReasonSchema },
  updateReason: { params: idParam, body: updateSurveyReasonBody, response: surveyReasonSchema },
  answers: { querystring: surveyAnswersQuery, response: surveyAnswersPage },
  ofTicket: { params: idParam, response: ticketSatisfactionSchema },
  publicView: { params: surveyTokenParam, response: publicSurveySchema },
  ownView: { params: idParam, response: publicSurveySchema.nullable() },
  ownAnswer: { params: idParam, body: surveyAnswerBody, response: publicSurveySchema },
  publicAnswer: { params: surveyTokenParam, body: surveyAnswerBody, response: publicSurveySchema },
};
