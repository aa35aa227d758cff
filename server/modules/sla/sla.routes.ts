import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctx, protectedErrors, withConflict, withNotFound } from '../../platform/http';
import { slaSchemas as s } from './sla.schemas';
import type { SlaService } from './sla.service';

const tags = ['service levels'];
const read = { access: 'sla.read' } as const;
const manage = { access: 'sla.manage' } as const;

export const slaRoutes: FastifyPluginAsyncZod<{ sla: SlaService }> = async (app, { sla }) => {
  app.get(
    '/api/v1/sla-policies',
    {
      config: read,
      schema: {
        tags,
        summary: 'Service-level policies, in the order they are tried',
        response: { 200: s.list.response, ...protectedErrors },
      },
    },
    (req) => sla.list(ctx(req)),
  );

  app.post(
    '/api/v1/sla-policies',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a policy (tried after the others until reordered)',
        body: s.create.body,
        response: { 201: s.create.response, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await sla.create(ctx(req), req.body)),
  );

  app.put(
    '/api/v1/sla-policies/order',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Set the order in which policies are tried: every policy id, first to last',
        body: s.order.body,
        response: { 200: s.order.response, ...protectedErrors },
      },
    },
    (req) => sla.order(ctx(req), req.body),
  );

  app.post(
    '/api/v1/sla-policies/dry-run',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Which policy the last 100 tickets have, and would get in the saved or a proposed order',
        body: s.dryRun.body,
        response: { 200: s.dryRun.response, ...protectedErrors },
      },
    },
    (req) => sla.dryRun(ctx(req), req.body),
  );

  app.get(
    '/api/v1/sla-policies/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Get a policy',
        params: s.get.params,
        response: { 200: s.get.response, ...withNotFound },
      },
    },
    (req) => sla.get(ctx(req), req.params.id),
  );

  app.patch(
    '/api/v1/sla-policies/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a policy; tickets take the change at their next change',
        params: s.update.params,
        body: s.update.body,
        response: { 200: s.update.response, ...withConflict },
      },
    },
    (req) => sla.update(ctx(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/sla-policies/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a policy; its tickets are matched again at their next change',
        params: s.remove.params,
        response: { 204: z.null(), ...withNotFound },
      },
    },
    async (req, reply) => {
      await sla.remove(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/tickets/:id/sla',
    {
      config: read,
      schema: {
        tags,
        summary: "A ticket's service-level policy, clocks and their history",
        params: s.ofTicket.params,
        response: { 200: s.ofTicket.response, ...withNotFound },
      },
    },
    (req) => sla.ofTicket(ctx(req), req.params.id),
  );
};
