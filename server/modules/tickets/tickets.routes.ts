import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctx, protectedErrors, withConflict, withNotFound } from '../../platform/http';
import type { BulkService } from './bulk.service';
import type { ContactsService } from './contacts.service';
import type { MessagesService } from './messages.service';
import type { ReplyingService } from './replying.service';
import { ticketsSchemas as s } from './tickets.schemas';
import type { TicketsService } from './tickets.service';

const tags = ['tickets'];
const read = { access: 'tickets.read' } as const;
const write = { access: 'tickets.write' } as const;

export const ticketsRoutes: FastifyPluginAsyncZod<{
  tickets: TicketsService;
  messages: MessagesService;
  bulk: BulkService;
  contacts: ContactsService;
  replying: ReplyingService;
}> = async (app, { tickets, messages, bulk, contacts, replying }) => {
  app.post(
    '/api/v1/tickets',
    {
      config: write,
      schema: {
        tags,
        summary: 'Open a ticket; the requester is found or created by email',
        body: s.create.body,
        response: { 201: s.create.response, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await tickets.create(ctx(req), req.body)),
  );
  app.patch(
    '/api/v1/tickets',
    {
      config: write,
      schema: {
        tags,
        summary: 'Bulk-update tickets (assignee, team, status, priority, tags)',
        body: s.bulk.body,
        response: { 200: s.bulk.response, ...protectedErrors },
      },
    },
    (req) => bulk.update(ctx(req), req.body),
  );
  app.get(
    '/api/v1/tickets/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Get a ticket',
        params: s.get.params,
        response: { 200: s.get.response, ...withNotFound },
      },
    },
    (req) => tickets.get(ctx(req), req.params.id),
  );
  app.patch(
    '/api/v1/tickets/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a ticket; send its version to refuse stale writes',
        params: s.update.params,
        body: s.update.body,
        response: { 200: s.update.response, ...withConflict },
      },
    },
    (req) => tickets.update(ctx(req), req.params.id, req.body),
  );
  app.put(
    '/api/v1/tickets/:id/escalation',
    {
      config: write,
      schema: {
        tags,
        summary: 'Escalate a ticket with a reason',
        params: s.escalate.params,
        body: s.escalate.body,
        response: { 200: s.escalate.response, ...withConflict },
      },
    },
    (req) => tickets.escalate(ctx(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/tickets/:id/escalation',
    {
      config: write,
      schema: {
        tags,
        summary: 'Take back an escalation',
        params: s.deescalate.params,
        response: { 200: s.deescalate.response, ...withNotFound },
      },
    },
    (req) => tickets.deescalate(ctx(req), req.params.id),
  );
  app.post(
    '/api/v1/tickets/:id/merges',
    {
      config: write,
      schema: {
        tags,
        summary: 'Merge other tickets into this one',
        params: s.merge.params,
        body: s.merge.body,
        response: { 200: s.merge.response, ...withConflict },
      },
    },
    (req) => bulk.merge(ctx(req), req.params.id, req.body.sourceIds, req.body.acknowledgeRequesterChange),
  );
  app.get(
    '/api/v1/tickets/:id/messages',
    {
      config: read,
      schema: {
        tags,
        summary: 'The conversation: replies, customer messages, notes, logged contacts',
        params: s.messages.params,
        response: { 200: s.messages.response, ...withNotFound },
      },
    },
    async (req) => ({ data: await messages.list(ctx(req), req.params.id) }),
  );
  app.post(
    '/api/v1/tickets/:id/messages',
    {
      config: write,
      schema: {
        tags,
        summary: 'Reply to the customer or add an internal note',
        params: s.addMessage.params,
        body: s.addMessage.body,
        response: { 201: s.addMessage.response, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await messages.add(ctx(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/tickets/:id/messages/preview',
    {
      config: write,
      schema: {
        tags,
        summary: 'Render a reply or note as it will read, without sending it',
        params: s.previewMessage.params,
        body: s.previewMessage.body,
        response: { 200: s.previewMessage.response, ...withNotFound },
      },
    },
    (req) => messages.preview(ctx(req), req.params.id, req.body.body),
  );
  app.get(
    '/api/v1/tickets/:id/replying',
    {
      config: read,
      schema: {
        tags,
        summary: 'The agents writing a reply to the customer right now',
        params: s.replying.params,
        response: { 200: s.replying.response, ...withNotFound },
      },
    },
    (req) => replying.list(ctx(req), req.params.id),
  );
  app.put(
    '/api/v1/tickets/:id/replying',
    {
      config: write,
      schema: {
        tags,
        summary: 'Say you are writing a reply; say it again within 30 seconds to keep it',
        params: s.replying.params,
        response: { 200: s.replying.response, ...withNotFound },
      },
    },
    (req) => replying.start(ctx(req), req.params.id),
  );
  app.delete(
    '/api/v1/tickets/:id/replying',
    {
      config: write,
      schema: {
        tags,
        summary: 'Say you stopped writing a reply',
        params: s.replying.params,
        response: { 204: z.null(), ...withNotFound },
      },
    },
    async (req, reply) => {
      await replying.stop(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/tickets/:id/events',
    {
      config: read,
      schema: {
        tags,
        summary: 'The ticket history: every status change, assignment and reply',
        params: s.events.params,
        response: { 200: s.events.response, ...withNotFound },
      },
    },
    async (req) => ({ data: await tickets.history(ctx(req), req.params.id) }),
  );
  app.post(
    '/api/v1/contacts',
    {
      config: write,
      schema: {
        tags,
        summary: 'Log a phone call or walk-in visit, on a new or existing ticket',
        body: s.contact.body,
        response: { 201: s.contact.response, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await contacts.log(ctx(req), req.body)),
  );
};
