import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctx, protectedErrors, withConflict, withNotFound } from '../../platform/http';
import { teamsSchemas as s } from './teams.schemas';
import type { TeamsService } from './teams.service';

const tags = ['teams'];

export const teamsRoutes: FastifyPluginAsyncZod<{ teams: TeamsService }> = async (app, { teams }) => {
  app.get(
    '/api/v1/teams',
    {
      config: { access: 'teams.read' },
      schema: {
        tags,
        summary: 'List teams with their lead and members',
        querystring: s.list.querystring,
        response: { 200: s.list.response, ...protectedErrors },
      },
    },
    (req) => teams.list(ctx(req), req.query),
  );

  app.post(
    '/api/v1/teams',
    {
      config: { access: 'teams.write' },
      schema: {
        tags,
        summary: 'Create a team',
        body: s.create.body,
        response: { 201: s.create.response, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await teams.create(ctx(req), req.body)),
  );

  app.get(
    '/api/v1/teams/:id',
    {
      config: { access: 'teams.read' },
      schema: {
        tags,
        summary: 'Get a team',
        params: s.get.params,
        response: { 200: s.get.response, ...withNotFound },
      },
    },
    (req) => teams.get(ctx(req), req.params.id),
  );

  app.patch(
    '/api/v1/teams/:id',
    {
      config: { access: 'teams.write' },
      schema: {
        tags,
        summary: 'Rename a team, change its lead or set its members',
        params: s.update.params,
        body: s.update.body,
        response: { 200: s.update.response, ...withConflict },
      },
    },
    (req) => teams.update(ctx(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/teams/:id',
    {
      config: { access: 'teams.write' },
      schema: {
        tags,
        summary: 'Delete a team',
        params: s.remove.params,
        response: { 204: z.null(), ...withNotFound },
      },
    },
    async (req, reply) => {
      await teams.remove(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};
