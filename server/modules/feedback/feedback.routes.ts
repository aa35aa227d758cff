import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody } from '../../../contracts/common';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import { feedbackSchemas as s } from './feedback.schemas';
import type { FeedbackService } from './feedback.service';
import type { SurveyService } from './feedback.surveys';

const tags = ['feedback'];
const read = { access: 'feedback.read' } as const;
const manage = { access: 'feedback.manage' } as const;

export const feedbackRoutes: FastifyPluginAsyncZod<{
  feedback: FeedbackService;
  surveys: SurveyService;
  publicPerMinute: number;
}> = async (app, { feedback, surveys, publicPerMinute }) => {
  const limited = { max: publicPerMinute, timeWindow: '1 minute' };

  app.get(
    '/api/v1/surveys/settings',
    {
      config: read,
      schema: {
        tags,
        summary: 'Which solved tickets get a satisfaction survey, when, and on what scale',
        response: { 200: s.settings.response, ...protectedErrors },
      },
    },
    (req) => feedback.settings(ctx(req)),
  );

  app.patch(
    '/api/v1/surveys/settings',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change the survey settings; surveys already scheduled keep theirs',
        body: s.updateSettings.body,
        response: { 200: s.updateSettings.response, ...protectedErrors },
      },
    },
    (req) => feedback.updateSettings(ctx(req), req.body),
  );

  app.get(
    '/api/v1/surveys/reasons',
    {
      config: read,
      schema: {
        tags,
        summary: 'The reasons a customer can pick with a rating, in order',
        response: { 200: s.reasons.response, ...protectedErrors },
      },
    },
    (req) => feedback.reasons(ctx(req)),
  );

  app.post(
    '/api/v1/surveys/reasons',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add a reason',
        body: s.createReason.body,
        response: { 201: s.createReason.response, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await feedback.createReason(ctx(req), req.body)),
  );

  app.patch(
    '/api/v1/surveys/reasons/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Rename, reorder, or retire a reason (answers keep it)',
        params: s.updateReason.params,
        body: s.updateReason.body,
        response: { 200: s.updateReason.response, ...withNotFound },
      },
    },
    (req) => feedback.updateReason(ctx(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/survey-answers',
    {
      config: read,
      schema: {
        tags,
        summary: 'The feedback inbox: answers newest first, filtered, with CSAT, CES and the response rate',
        description:
          'Answers to the satisfaction survey sent after a ticket is solved (CSAT, with CES when asked), each about that ticket, its agent, team, category and channel. Answers to NPS campaigns are about the company rather than a ticket: GET /api/v1/nps-answers lists them with the same list shape.',
        querystring: s.answers.querystring,
        response: { 200: s.answers.response, ...protectedErrors },
      },
    },
    (req) => feedback.answers(ctx(req), req.query),
  );

  app.get(
    '/api/v1/tickets/:id/satisfaction',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: "A ticket's satisfaction survey and the customer's answer",
        params: s.ofTicket.params,
        response: { 200: s.ofTicket.response, ...withNotFound },
      },
    },
    (req) => feedback.ofTicket(ctx(req), req.params.id),
  );

  app.get(
    '/api/v1/portal/requests/:id/survey',
    {
      config: { access: 'portal.use' },
      schema: {
        tags,
        summary:
          "The satisfaction survey of one of the signed-in customer's requests: null until it was sent",
        params: s.ownView.params,
        response: { 200: s.ownView.response, ...protectedErrors },
      },
    },
    (req) => surveys.viewOwn(ctx(req), req.params.id),
  );

  app.put(
    '/api/v1/portal/requests/:id/survey',
    {
      config: { access: 'portal.use' },
      schema: {
        tags,
        summary: "Answer the survey of one of the signed-in customer's requests, or change the answer",
        params: s.ownAnswer.params,
        body: s.ownAnswer.body,
        response: { 200: s.ownAnswer.response, ...withNotFound, 410: errorBody },
      },
    },
    (req) => surveys.answerOwn(ctx(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/public/surveys/:token',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'The survey a link opens (no sign-in); reading it records nothing',
        params: s.publicView.params,
        response: { 200: s.publicView.response, 400: errorBody, 404: errorBody, 429: errorBody },
      },
    },
    (req) => surveys.view(req.params.token),
  );

  app.put(
    '/api/v1/public/surveys/:token/answer',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Answer the survey, or change the answer while that is allowed (no sign-in)',
        params: s.publicAnswer.params,
        body: s.publicAnswer.body,
        response: {
          200: s.publicAnswer.response,
          400: errorBody,
          404: errorBody,
          410: errorBody,
          429: errorBody,
        },
      },
    },
    (req) => surveys.answer(req.params.token, req.body),
  );
};
