import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import { contractsSchemas as s } from './contracts.schemas';
import type { ContractsService } from './contracts.service';

const tags = ['contracts'];
const read = { access: 'contracts.read' } as const;
const manage = { access: 'contracts.manage' } as const;

export const contractsRoutes: FastifyPluginAsyncZod<{ contracts: ContractsService }> = async (
  app,
  { contracts },
) => {
  app.get(
    '/api/v1/contracts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Support contracts, the soonest to end first: by organisation, status, or due for review',
        querystring: s.list.querystring,
        response: { 200: s.list.response, ...protectedErrors },
      },
    },
    (req) => contracts.list(ctx(req), req.query),
  );

  app.post(
    '/api/v1/contracts',
    {
      config: manage,
      schema: {
        tags,
        summary: "Create an organisation's contract",
        body: s.create.body,
        response: { 201: s.create.response, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await contracts.create(ctx(req), req.body)),
  );

  app.get(
    '/api/v1/contracts/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Get a contract with this month’s usage',
        params: s.get.params,
        response: { 200: s.get.response, ...withNotFound },
      },
    },
    (req) => contracts.get(ctx(req), req.params.id),
  );

  app.patch(
    '/api/v1/contracts/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a contract; a new end or review period is reminded again',
        params: s.update.params,
        body: s.update.body,
        response: { 200: s.update.response, ...withNotFound },
      },
    },
    (req) => contracts.update(ctx(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/contracts/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a contract',
        params: s.remove.params,
        response: { 204: z.null(), ...withNotFound },
      },
    },
    async (req, reply) => {
      await contracts.remove(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/tickets/:id/contract',
    {
      config: read,
      schema: {
        tags,
        summary: "The contract of a ticket's organisation, flagged when expired or past what it includes",
        params: s.ofTicket.params,
        response: { 200: s.ofTicket.response, ...withNotFound },
      },
    },
    (req) => contracts.ofTicket(ctx(req), req.params.id),
  );
};
