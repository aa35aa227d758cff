import { idParam, okBody } from '../common';
import {
  createNpsCampaignBody,
  npsAnswerBody,
  npsCampaignList,
  npsCampaignSchema,
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
