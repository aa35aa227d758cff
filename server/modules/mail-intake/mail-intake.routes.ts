import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctx, protectedErrors, withConflict, withNotFound } from '../../platform/http';
import { mailIntakeSchemas as s } from './mail-intake.schemas';
import type { InboundService } from './mail-intake.service';

const tags = ['mail'];

function sendEml(reply: FastifyReply, raw: Buffer, name: string) {
  return reply
    .header('content-type', 'message/rfc822')
    .header('content-disposition', `attachment; filename="${name}.eml"`)
    .header('cache-control', 'private, no-store')
    .send(raw);
}

/** Received mail: the failed, spam and ignored lists for admins, and the original of a message. */
export const inboundRoutes: FastifyPluginAsyncZod<{ inbound: InboundService }> = async (app, { inbound }) => {
  app.get(
    '/api/v1/inbound-mail',
    {
      config: { access: 'channels.manage' },
      schema: {
        tags,
        summary: 'Received mail, newest first (filter failed, spam or ignored)',
        querystring: s.inbound.list.querystring,
        response: { 200: s.inbound.list.response, ...protectedErrors },
      },
    },
    (req) => inbound.list(ctx(req), req.query),
  );
  app.get(
    '/api/v1/inbound-mail/:id',
    {
      config: { access: 'channels.manage' },
      schema: {
        tags,
        summary: 'One received mail',
        params: s.inbound.get.params,
        response: { 200: s.inbound.get.response, ...withNotFound },
      },
    },
    (req) => inbound.get(ctx(req), req.params.id),
  );
  app.get(
    '/api/v1/inbound-mail/:id/original',
    {
      config: { access: 'channels.manage' },
      schema: {
        tags,
        summary: 'Download the mail as received (.eml)',
        params: s.inbound.original.params,
        response: { 200: z.unknown().describe('message/rfc822'), ...withNotFound },
      },
    },
    async (req, reply) =>
      sendEml(reply, await inbound.original(ctx(req), req.params.id), `mail-${req.params.id}`),
  );
  app.post(
    '/api/v1/inbound-mail/:id/retry',
    {
      config: { access: 'channels.manage' },
      schema: {
        tags,
        summary: 'Process a failed, spam or ignored mail again',
        params: s.inbound.retry.params,
        response: { 200: s.inbound.retry.response, ...withConflict },
      },
    },
    (req) => inbound.retry(ctx(req), req.params.id),
  );
  app.delete(
    '/api/v1/inbound-mail/:id',
    {
      config: { access: 'channels.manage' },
      schema: {
        tags,
        summary: 'Delete a failed, spam or ignored mail',
        params: s.inbound.remove.params,
        response: { 204: z.null(), ...withConflict },
      },
    },
    async (req, reply) => {
      await inbound.remove(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/tickets/:id/messages/:messageId/original',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Download the mail a message arrived in (.eml)',
        params: s.inbound.messageOriginal.params,
        response: { 200: z.unknown().describe('message/rfc822'), ...withNotFound },
      },
    },
    async (req, reply) =>
      sendEml(
        reply,
        await inbound.originalOfMessage(ctx(req), req.params.id, req.params.messageId),
        `message-${req.params.messageId}`,
      ),
  );
};
