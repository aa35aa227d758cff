import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionInfo } from '../../../contracts/auth';
import { errorBody, idParam } from '../../../contracts/common';
import {
  contactFormBody,
  contactFormResult,
  magicLinkBody,
  magicLinkRedeemBody,
  mailPreferencesSchema,
  portalNewRequestBody,
  portalReplyBody,
  portalTicketDetail,
  portalTicketSchema,
} from '../../../contracts/portal';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import { sessionBody, setSessionCookies } from '../auth';
import type { PortalService } from './portal.service';

const tags = ['portal'];
const config = { access: 'portal.use' } as const;
const accepted = z.object({ accepted: z.literal(true) });

export const portalRoutes: FastifyPluginAsyncZod<{
  portal: PortalService;
  secureCookies: boolean;
  publicPerMinute: number;
}> = async (app, { portal, secureCookies, publicPerMinute }) => {
  const limited = { max: publicPerMinute, timeWindow: '1 minute' };

  app.post(
    '/api/v1/portal/magic-links',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary:
          'Email a one-time sign-in link (202 whether or not the address is known; 429 when this client asked too often)',
        body: magicLinkBody,
        response: { 202: accepted, 400: errorBody, 429: errorBody },
      },
    },
    async (req, reply) => {
      await portal.sendMagicLink(req.body.email, req.ip ?? null);
      return reply.code(202).send({ accepted: true as const });
    },
  );

  app.post(
    '/api/v1/portal/sessions',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Sign in with the token from a sign-in link (and a TOTP code when two-factor is on)',
        body: magicLinkRedeemBody,
        response: { 200: sessionInfo, 400: errorBody, 401: errorBody, 403: errorBody, 429: errorBody },
      },
    },
    async (req, reply) => {
      const session = await portal.redeemMagicLink(req.body.token, req.body.totp, {
        ip: req.ip ?? null,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setSessionCookies(reply, session, secureCookies);
      return sessionBody(session);
    },
  );

  app.get(
    '/api/v1/portal/tickets',
    {
      config,
      schema: {
        tags,
        summary: 'My requests',
        response: { 200: z.object({ data: z.array(portalTicketSchema) }), ...protectedErrors },
      },
    },
    async (req) => ({
      data: await portal.requests(ctx(req)),
    }),
  );
  app.post(
    '/api/v1/portal/tickets',
    {
      config,
      schema: {
        tags,
        summary: 'Submit a new request',
        body: portalNewRequestBody,
        response: { 201: portalTicketDetail, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await portal.create(ctx(req), req.body)),
  );
  app.get(
    '/api/v1/portal/tickets/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One of my requests with its conversation',
        params: idParam,
        response: { 200: portalTicketDetail, ...withNotFound },
      },
    },
    (req) => portal.request(ctx(req), req.params.id),
  );
  app.post(
    '/api/v1/portal/tickets/:id/messages',
    {
      config,
      schema: {
        tags,
        summary: 'Reply on a request (a closed one gets a follow-up request)',
        params: idParam,
        body: portalReplyBody,
        response: { 201: portalTicketDetail, ...withNotFound },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await portal.reply(ctx(req), req.params.id, req.body.body, req.body.attachmentIds)),
  );

  app.get(
    '/api/v1/portal/preferences',
    {
      config,
      schema: {
        tags,
        summary: 'What I want mailed about my requests',
        response: { 200: mailPreferencesSchema, ...protectedErrors },
      },
    },
    (req) => portal.preferences(ctx(req)),
  );
  app.put(
    '/api/v1/portal/preferences',
    {
      config,
      schema: {
        tags,
        summary: 'Choose what is mailed to me about my requests (every reply still shows here)',
        body: mailPreferencesSchema,
        response: { 200: mailPreferencesSchema, ...protectedErrors },
      },
    },
    (req) => portal.setPreferences(ctx(req), req.body),
  );

  app.post(
    '/api/v1/public/contact',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'The public contact form (embeddable; no sign-in)',
        body: contactFormBody,
        response: { 202: contactFormResult, 400: errorBody, 429: errorBody },
      },
    },
    async (req, reply) =>
      reply.code(202).send({ received: true as const, reference: await portal.contact(req.body) }),
  );
};
