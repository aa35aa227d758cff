import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody, idParam, okBody } from '../../../contracts/common';
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
} from '../../../contracts/nps';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import type { CampaignsService } from './feedback.campaigns';

const tags = ['feedback'];
const read = { access: 'feedback.read' } as const;
const manage = { access: 'feedback.manage' } as const;
const campaigns = '/api/v1/nps-campaigns';

export const campaignsRoutes: FastifyPluginAsyncZod<{
  campaigns: CampaignsService;
  publicPerMinute: number;
}> = async (app, { campaigns: service, publicPerMinute }) => {
  const limited = { max: publicPerMinute, timeWindow: '1 minute' };
  const publicErrors = { 400: errorBody, 404: errorBody, 429: errorBody };

  // A mail program's one-click unsubscribe posts `List-Unsubscribe=One-Click` as a form (RFC 8058);
  // the body says nothing else, so it is read and dropped (this plugin's routes only).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_req, _body, done) => done(null, undefined),
  );

  app.get(
    campaigns,
    {
      config: read,
      schema: {
        tags,
        summary: 'NPS campaigns, newest first, with what each sent and its score',
        response: { 200: npsCampaignList, ...protectedErrors },
      },
    },
    (req) => service.list(ctx(req)),
  );

  app.post(
    campaigns,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create an NPS campaign (a draft, or active: it is sent at its start time)',
        body: createNpsCampaignBody,
        response: { 201: npsCampaignSchema, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(ctx(req), req.body)),
  );

  app.get(
    `${campaigns}/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: "A campaign's results: NPS, promoters, passives, detractors, response rate, answers",
        params: idParam,
        response: { 200: npsResultsSchema, ...withNotFound },
      },
    },
    (req) => service.results(ctx(req), req.params.id),
  );

  app.patch(
    `${campaigns}/:id`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a campaign, or activate, pause or finish it',
        params: idParam,
        body: updateNpsCampaignBody,
        response: { 200: npsCampaignSchema, ...withNotFound },
      },
    },
    (req) => service.update(ctx(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/nps-settings',
    {
      config: read,
      schema: {
        tags,
        summary: 'The company name campaigns use, the frequency cap and how long links work',
        response: { 200: npsSettingsSchema, ...protectedErrors },
      },
    },
    (req) => service.settings(ctx(req)),
  );

  app.patch(
    '/api/v1/nps-settings',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change the NPS settings',
        body: updateNpsSettingsBody,
        response: { 200: npsSettingsSchema, ...protectedErrors },
      },
    },
    (req) => service.updateSettings(ctx(req), req.body),
  );

  app.get(
    '/api/v1/public/nps/:token',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'The NPS question a campaign link opens (no sign-in); reading it records nothing',
        params: npsTokenParam,
        response: { 200: publicNpsSchema, ...publicErrors },
      },
    },
    (req) => service.view(req.params.token),
  );

  app.put(
    '/api/v1/public/nps/:token/answer',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Answer the NPS question, or change the answer while the link works (no sign-in)',
        params: npsTokenParam,
        body: npsAnswerBody,
        response: { 200: publicNpsSchema, ...publicErrors, 410: errorBody },
      },
    },
    (req) => service.answer(req.params.token, req.body),
  );

  app.get(
    '/api/v1/public/unsubscribe/:token',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Whom an unsubscribe link is for, and whether they already are (records nothing)',
        params: npsTokenParam,
        response: { 200: publicUnsubscribeSchema, ...publicErrors },
      },
    },
    (req) => service.unsubscribeView(req.params.token),
  );

  app.post(
    '/api/v1/public/unsubscribe/:token',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Unsubscribe from NPS campaigns in one click (no sign-in; the List-Unsubscribe address)',
        params: npsTokenParam,
        response: { 200: okBody, ...publicErrors },
      },
    },
    (req) => service.unsubscribe(req.params.token),
  );

  app.get(
    '/api/v1/portal/survey-preference',
    {
      config: { access: 'portal.use' },
      schema: {
        tags,
        summary: 'Whether the signed-in customer receives occasional surveys (NPS campaigns)',
        response: { 200: surveyPreferenceSchema, ...protectedErrors },
      },
    },
    (req) => service.preference(ctx(req)),
  );

  app.put(
    '/api/v1/portal/survey-preference',
    {
      config: { access: 'portal.use' },
      schema: {
        tags,
        summary: 'Turn occasional surveys (NPS campaigns) on or off for the signed-in customer',
        body: updateSurveyPreferenceBody,
        response: { 200: surveyPreferenceSchema, ...protectedErrors },
      },
    },
    (req) => service.updatePreference(ctx(req), req.body),
  );
};
