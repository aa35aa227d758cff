import { idParam, okBody } from '../common';
import { answerThemeParams } from '../feedback-loop';
import {
  createNpsCampaignBody,
  npsAnswerBody,
  npsAnswersPage,
  npsAnswersQuery,
  npsCampaignList,
  npsCampaignSchema,
  npsInboxAnswerSchema,
  npsResultsSchema,
  npsSettingsSchema,
  npsTokenParam,
  publicNpsSchema,
  publicUnsubscribeSchema,
  surveyPreferenceSchema,
  updateNpsCampaignBody,
  updateNpsSettingsBody,
  updateSurveyPreferenceBody,
} from '../nps';
import { route } from './route';

const campaigns = '/api/v1/nps-campaigns';
const answers = '/api/v1/nps-answers';

export const npsRoutes = {
  list: route({ method: 'GET', path: campaigns, response: npsCampaignList }),
  create: route({
    method: 'POST',
    path: campaigns,
    body: createNpsCampaignBody,
    response: npsCampaignSchema,
  }),
  results: route({ method: 'GET', path: `${campaigns}/:id`, params: idParam, response: npsResultsSchema }),
  update: route({
    method: 'PATCH',
    path: `${campaigns}/:id`,
    params: idParam,
    body: updateNpsCampaignBody,
    response: npsCampaignSchema,
  }),
  answers: route({ method: 'GET', path: answers, querystring: npsAnswersQuery, response: npsAnswersPage }),
  tagAnswer: route({
    method: 'PUT',
    path: `${answers}/:id/themes/:themeId`,
    params: answerThemeParams,
    response: npsInboxAnswerSchema,
  }),
  untagAnswer: route({
    method: 'DELETE',
    path: `${answers}/:id/themes/:themeId`,
    params: answerThemeParams,
    response: npsInboxAnswerSchema,
  }),
  settings: route({ method: 'GET', path: '/api/v1/nps-settings', response: npsSettingsSchema }),
  updateSettings: route({
    method: 'PATCH',
    path: '/api/v1/nps-settings',
    body: updateNpsSettingsBody,
    response: npsSettingsSchema,
  }),
  publicView: route({
    method: 'GET',
    path: '/api/v1/public/nps/:token',
    params: npsTokenParam,
    response: publicNpsSchema,
  }),
  publicAnswer: route({
    method: 'PUT',
    path: '/api/v1/public/nps/:token/answer',
    params: npsTokenParam,
    body: npsAnswerBody,
    response: publicNpsSchema,
  }),
  unsubscribeView: route({
    method: 'GET',
    path: '/api/v1/public/unsubscribe/:token',
    params: npsTokenParam,
    response: publicUnsubscribeSchema,
  }),
  unsubscribe: route({
    method: 'POST',
    path: '/api/v1/public/unsubscribe/:token',
    params: npsTokenParam,
    response: okBody,
  }),
  preference: route({
    method: 'GET',
    path: '/api/v1/portal/survey-preference',
    response: surveyPreferenceSchema,
  }),
  updatePreference: route({
    method: 'PUT',
    path: '/api/v1/portal/survey-preference',
    body: updateSurveyPreferenceBody,
    response: surveyPreferenceSchema,
  }),
};
