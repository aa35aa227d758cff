import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctx, withNotFound } from '../../platform/http';
import { sideConversationsSchemas as s } from './side-conversations.schemas';
import type { SideConversationsService } from './side-conversations.service';

const tags = ['side conversations'];

/** Mail with a third party about a ticket, for staff only. */
export const sideConversationsRoutes: FastifyPluginAsyncZod<{ sides: SideConversationsService }> = async (
  app,
  { sides },
) => {
  app.get(
    '/api/v1/tickets/:id/side-conversations',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: "The ticket's side conversations with their messages (never shown to the customer)",
        params: s.list.params,
        response: { 200: s.list.response, ...withNotFound },
      },
    },
    (req) => sides.list(ctx(req), req.params.id),
  );
  app.post(
    '/api/v1/tickets/:id/side-conversations',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Start a side conversation: mail a third party about the ticket',
        params: s.start.params,
        body: s.start.body,
        response: { 201: s.start.response, ...withNotFound },
      },
    },
    async (req, reply) => reply.code(201).send(await sides.start(ctx(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/side-conversations/:id/messages',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Reply in a side conversation',
        params: s.reply.params,
        body: s.reply.body,
        response: { 201: s.reply.response, ...withNotFound },
      },
    },
    async (req, reply) => reply.code(201).send(await sides.reply(ctx(req), req.params.id, req.body)),
  );
};
