import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import { goalsSchemas as s } from './goals.schemas';
import type { GoalsService } from './goals.service';

const tags = ['goals'];
const read = { access: 'goals.read' } as const;
const write = { access: 'goals.write' } as const;

export const goalsRoutes: FastifyPluginAsyncZod<{ goals: GoalsService }> = async (app, { goals }) => {
  app.get(
    '/api/v1/goals',
    {
      config: read,
      schema: {
        tags,
        summary: 'The goals the caller may see, with progress and trajectory; by owner and status',
        querystring: s.list.querystring,
        response: { 200: s.list.response, ...protectedErrors },
      },
    },
    (req) => goals.list(ctx(req), req.query),
  );

  app.post(
    '/api/v1/goals',
    {
      config: write,
      schema: {
        tags,
        summary: "Create a goal (managers; a team's lead for the team and its members)",
        body: s.create.body,
        response: { 201: s.create.response, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await goals.create(ctx(req), req.body)),
  );

  app.get(
    '/api/v1/goals/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A goal with its progress and trajectory',
        params: s.get.params,
        response: { 200: s.get.response, ...withNotFound },
      },
    },
    (req) => goals.get(ctx(req), req.params.id),
  );

  app.patch(
    '/api/v1/goals/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a goal; it is judged afresh',
        params: s.update.params,
        body: s.update.body,
        response: { 200: s.update.response, ...withNotFound },
      },
    },
    (req) => goals.update(ctx(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/goals/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Delete a goal',
        params: s.remove.params,
        response: { 204: z.null(), ...withNotFound },
      },
    },
    async (req, reply) => {
      await goals.remove(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};
