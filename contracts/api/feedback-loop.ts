import { idParam } from '../common';
import { surveyAnswerSchema } from '../feedback';
import {
  answerThemeParams,
  changeFollowUpBody,
  contactCustomerBody,
  contactCustomerResult,
  createThemeRuleBody,
  feedbackThemeSchema,
  feedbackThemesList,
  followUpDetailSchema,
  followUpSettingsSchema,
  followUpsPage,
  followUpsQuery,
  myScoresSchema,
  rerunThemeRulesResult,
  themeBody,
  themeRuleSchema,
  themeRulesList,
  ticketFollowUpsSchema,
  updateFollowUpSettingsBody,
  updateThemeRuleBody,
} from '../feedback-loop';
import { noContent, route } from './route';

const themes = '/api/v1/feedback/themes';
const rules = '/api/v1/feedback/theme-rules';
const followUps = '/api/v1/follow-ups';

export const feedbackLoopRoutes = {
  themes: route({ method: 'GET', path: themes, response: feedbackThemesList }),
  createTheme: route({ method: 'POST', path: themes, body: themeBody, response: feedbackThemeSchema }),
  updateTheme: route({
    method: 'PATCH',
    path: `${themes}/:id`,
    params: idParam,
    body: themeBody,
    response: feedbackThemeSchema,
  }),
  deleteTheme: route({ method: 'DELETE', path: `${themes}/:id`, params: idParam, response: noContent }),
  rules: route({ method: 'GET', path: rules, response: themeRulesList }),
  createRule: route({ method: 'POST', path: rules, body: createThemeRuleBody, response: themeRuleSchema }),
  updateRule: route({
    method: 'PATCH',
    path: `${rules}/:id`,
    params: idParam,
    body: updateThemeRuleBody,
    response: themeRuleSchema,
  }),
  deleteRule: route({ method: 'DELETE', path: `${rules}/:id`, params: idParam, response: noContent }),
  runRules: route({ method: 'POST', path: `${rules}/run`, response: rerunThemeRulesResult }),
  tagAnswer: route({
    method: 'PUT',
    path: '/api/v1/survey-answers/:id/themes/:themeId',
    params: answerThemeParams,
    response: surveyAnswerSchema,
  }),
  untagAnswer: route({
    method: 'DELETE',
    path: '/api/v1/survey-answers/:id/themes/:themeId',
    params: answerThemeParams,
    response: surveyAnswerSchema,
  }),
  myScores: route({ method: 'GET', path: '/api/v1/survey-answers/mine', response: myScoresSchema }),
  followUps: route({ method: 'GET', path: followUps, querystring: followUpsQuery, response: followUpsPage }),
  followUp: route({
    method: 'GET',
    path: `${followUps}/:id`,
    params: idParam,
    response: followUpDetailSchema,
  }),
  changeFollowUp: route({
    method: 'PATCH',
    path: `${followUps}/:id`,
    params: idParam,
    body: changeFollowUpBody,
    response: followUpDetailSchema,
  }),
  contactCustomer: route({
    method: 'POST',
    path: `${followUps}/:id/contact`,
    params: idParam,
    body: contactCustomerBody,
    response: contactCustomerResult,
  }),
  settings: route({ method: 'GET', path: `${followUps}/settings`, response: followUpSettingsSchema }),
  updateSettings: route({
    method: 'PATCH',
    path: `${followUps}/settings`,
    body: updateFollowUpSettingsBody,
    response: followUpSettingsSchema,
  }),
  ofTicket: route({
    method: 'GET',
    path: '/api/v1/tickets/:id/follow-ups',
    params: idParam,
    response: ticketFollowUpsSchema,
  }),
};
