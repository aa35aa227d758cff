import { idParam } from '../common';
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
} from '../feedback';
import { route } from './route';

const surveys = '/api/v1/surveys';

export const feedbackRoutes = {
  settings: route({ method: 'GET', path: `${surveys}/settings`, response: surveySettingsSchema }),
  updateSettings: route({
    method: 'PATCH',
    path: `${surveys}/settings`,
    body: updateSurveySettingsBody,
    response: surveySettingsSchema,
  }),
  reasons: route({ method: 'GET', path: `${surveys}/reasons`, response: surveyReasonsList }),
  createReason: route({
    method: 'POST',
    path: `${surveys}/reasons`,
    body: createSurveyReasonBody,
    response: surveyReasonSchema,
  }),
  updateReason: route({
    method: 'PATCH',
    path: `${surveys}/reasons/:id`,
    params: idParam,
    body: updateSurveyReasonBody,
    response: surveyReasonSchema,
  }),
  answers: route({
    method: 'GET',
    path: '/api/v1/survey-answers',
    querystring: surveyAnswersQuery,
    response: surveyAnswersPage,
  }),
  ofTicket: route({
    method: 'GET',
    path: '/api/v1/tickets/:id/satisfaction',
    params: idParam,
    response: ticketSatisfactionSchema,
  }),
  ownView: route({
    method: 'GET',
    path: '/api/v1/portal/requests/:id/survey',
    params: idParam,
    response: publicSurveySchema.nullable(),
  }),
  ownAnswer: route({
    method: 'PUT',
    path: '/api/v1/portal/requests/:id/survey',
    params: idParam,
    body: surveyAnswerBody,
    response: publicSurveySchema,
  }),
  publicView: route({
    method: 'GET',
    path: '/api/v1/public/surveys/:token',
    params: surveyTokenParam,
    response: publicSurveySchema,
  }),
  publicAnswer: route({
    method: 'PUT',
    path: '/api/v1/public/surveys/:token/answer',
    params: surveyTokenParam,
    body: surveyAnswerBody,
    response: publicSurveySchema,
  }),
};
