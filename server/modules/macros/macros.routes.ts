import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import { macrosSchemas as s } from './macros.schemas';
import type { MacrosService } from './macros.service';

const tags = ['macros'];
const read = { access: 'macros.read' } as const;
const write = { access: 'macros.write' } as const;
const use = { access: 'tickets.write' } as const;

export const macrosRoutes: FastifyPluginAsyncZod<{ macros: MacrosService }> = async (app, { macros }) => {
  app.get(
    '/api/v1/macros',
    {
      config: read,
      schema: {
        tags,
        summary: 'The macros the caller may use, by name: search, visibility, or unused in 90 days',
        querystring: s.list.querystring,
        response: { 200: s.list.response, ...protectedErrors },
      },
    },
    (req) => macros.list(ctx(req), req.query),
  );

  app.post(
    '/api/v1/macros',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create a macro: personal (anyone), for a team (its lead, managers) or shared (managers)',
        body: s.create.body,
        response: { 201: s.create.response, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await macros.create(ctx(req), req.body)),
  );

  app.get(
    '/api/v1/macros/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Get a macro',
        params: s.get.params,
        response: { 200: s.get.response, ...withNotFound },
      },
    },
    (req) => macros.get(ctx(req), req.params.id),
  );

  app.patch(
    '/api/v1/macros/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a macro',
        params: s.update.params,
        body: s.update.body,
        response: { 200: s.update.response, ...withNotFound },
      },
    },
    (req) => macros.update(ctx(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/macros/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete a macro',
        params: s.remove.params,
        response: { 204: z.null(), ...withNotFound },
      },
    },
    async (req, reply) => {
      await macros.remove(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/macros/:id/preview',
    {
      config: read,
      schema: {
        tags,
        summary: 'What applying a macro to a ticket would do: its text filled in and the changes in words',
        params: s.preview.params,
        body: s.preview.body,
        response: { 200: s.preview.response, ...withNotFound },
      },
    },
    (req) => macros.preview(ctx(req), req.params.id, req.body.ticketId),
  );

  app.post(
    '/api/v1/macros/:id/apply',
    {
      config: use,
      schema: {
        tags,
        summary: "Apply a macro's changes to a ticket, count a use, and return its text for the reply",
        params: s.apply.params,
        body: s.apply.body,
        response: { 200: s.apply.response, ...withNotFound },
      },
    },
    (req) => macros.apply(ctx(req), req.params.id, req.body),
  );
};
