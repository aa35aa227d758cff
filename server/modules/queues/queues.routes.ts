import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import { queuesSchemas } from './queues.schemas';
import type { QueuesService } from './queues.service';

const s = queuesSchemas.views;
const tags = ['views'];
const config = { access: 'tickets.read' } as const;

export const queuesRoutes: FastifyPluginAsyncZod<{ views: QueuesService }> = async (app, { views }) => {
  app.get(
    '/api/v1/tickets',
    {
      config,
      schema: {
        tags: ['tickets'],
        summary: 'A page of tickets: a view, filters, sort and full-text search',
        querystring: queuesSchemas.tickets.querystring,
        response: { 200: queuesSchemas.tickets.response, ...withNotFound },
      },
    },
    (req) => views.tickets(ctx(req), req.query),
  );
  app.get(
    '/api/v1/views',
    {
      config,
      schema: {
        tags,
        summary: 'Built-in and saved views with live counts',
        response: { 200: s.list.response, ...protectedErrors },
      },
    },
    async (req) => ({
      data: await views.list(ctx(req)),
    }),
  );
  app.post(
    '/api/v1/views',
    {
      config,
      schema: {
        tags,
        summary: 'Save a view (shared views: managers and admins)',
        body: s.create.body,
        response: { 201: s.create.response, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await views.create(ctx(req), req.body)),
  );
  app.patch(
    '/api/v1/views/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a saved view',
        params: s.update.params,
        body: s.update.body,
        response: { 200: s.update.response, ...withNotFound },
      },
    },
    (req) => views.update(ctx(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/views/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a saved view',
        params: s.remove.params,
        response: { 204: z.null(), ...withNotFound },
      },
    },
    async (req, reply) => {
      await views.remove(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};
