import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctx, withConflict, withNotFound } from '../../platform/http';
import { usersSchemas as s } from './users.schemas';
import type { UsersService } from './users.service';

const tags = ['users'];

export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (app, { users }) => {
  app.get(
    '/api/v1/users',
    {
      config: { access: 'users.read' },
      schema: {
        tags,
        summary: 'List users',
        querystring: s.list.querystring,
        response: { 200: s.list.response, ...withNotFound },
      },
    },
    (req) => users.list(ctx(req), req.query),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: 'users.write' },
      schema: {
        tags,
        summary: 'Create a user',
        body: s.create.body,
        response: { 201: s.create.response, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await users.create(ctx(req), req.body)),
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { access: 'users.read' },
      schema: {
        tags,
        summary: 'Get a user',
        params: s.get.params,
        response: { 200: s.get.response, ...withNotFound },
      },
    },
    (req) => users.get(ctx(req), req.params.id),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'users.write' },
      schema: {
        tags,
        summary: 'Update, deactivate or reactivate a user',
        params: s.update.params,
        body: s.update.body,
        response: { 200: s.update.response, ...withConflict },
      },
    },
    (req) => users.update(ctx(req), req.params.id, req.body),
  );

  app.put(
    '/api/v1/users/:id/password',
    {
      config: { access: 'users.reset-credentials' },
      schema: {
        tags,
        summary: "Set a user's password (ends their sessions)",
        params: s.resetPassword.params,
        body: s.resetPassword.body,
        response: { 200: s.resetPassword.response, ...withNotFound },
      },
    },
    async (req) => {
      await users.resetPassword(ctx(req), req.params.id, req.body.password);
      return { ok: true as const };
    },
  );

  app.delete(
    '/api/v1/users/:id/two-factor',
    {
      config: { access: 'users.reset-credentials' },
      schema: {
        tags,
        summary: "Reset a user's two-factor sign-in",
        params: s.resetTwoFactor.params,
        response: { 200: s.resetTwoFactor.response, ...withNotFound },
      },
    },
    (req) => users.resetTwoFactor(ctx(req), req.params.id),
  );

  app.delete(
    '/api/v1/users/:id/sessions',
    {
      config: { access: 'users.write' },
      schema: {
        tags,
        summary: 'Sign a user out everywhere',
        params: s.signOut.params,
        response: { 200: s.signOut.response, ...withNotFound },
      },
    },
    async (req) => {
      await users.signOutEverywhere(ctx(req), req.params.id);
      return { ok: true as const };
    },
  );
};
