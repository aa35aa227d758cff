import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import { tokensSchemas as s } from './tokens.schemas';
import type { TokensService } from './tokens.service';

const tags = ['api tokens'];
const config = { access: 'tokens.manage' } as const;

export const tokensRoutes: FastifyPluginAsyncZod<{ tokens: TokensService }> = async (app, { tokens }) => {
  app.get(
    '/api/v1/api-tokens',
    {
      config,
      schema: {
        tags,
        summary: 'List API tokens',
        querystring: s.list.querystring,
        response: { 200: s.list.response, ...protectedErrors },
      },
    },
    (req) => tokens.list(ctx(req), req.query),
  );

  app.post(
    '/api/v1/api-tokens',
    {
      config,
      schema: {
        tags,
        summary: 'Create an API token (the secret is returned once)',
        body: s.create.body,
        response: { 201: s.create.response, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await tokens.create(ctx(req), req.body)),
  );

  app.delete(
    '/api/v1/api-tokens/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: s.revoke.params,
        response: { 200: s.revoke.response, ...withNotFound },
      },
    },
    (req) => tokens.revoke(ctx(req), req.params.id),
  );
};
