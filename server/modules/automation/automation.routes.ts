import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctx, protectedErrors, withConflict, withNotFound } from '../../platform/http';
import { automationSchemas } from './automation.schemas';
import type { AutomationService } from './automation.service';

const read = { access: 'automation.read' } as const;
const manage = { access: 'automation.manage' } as const;

export const automationRoutes: FastifyPluginAsyncZod<{ automation: AutomationService }> = async (
  app,
  { automation },
) => {
  const t = automationSchemas.triggers;
  const triggers = ['triggers'];

  app.get(
    '/api/v1/triggers',
    {
      config: read,
      schema: {
        tags: triggers,
        summary: 'Triggers, in the order they run',
        response: { 200: t.list.response, ...protectedErrors },
      },
    },
    (req) => automation.listTriggers(ctx(req)),
  );

  app.post(
    '/api/v1/triggers',
    {
      config: manage,
      schema: {
        tags: triggers,
        summary: 'Create a trigger (it runs after the others until reordered)',
        body: t.create.body,
        response: { 201: t.create.response, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await automation.createTrigger(ctx(req), req.body)),
  );

  app.put(
    '/api/v1/triggers/order',
    {
      config: manage,
      schema: {
        tags: triggers,
        summary: 'Set the order in which triggers run: every trigger id, first to last',
        body: t.order.body,
        response: { 200: t.order.response, ...protectedErrors },
      },
    },
    (req) => automation.orderTriggers(ctx(req), req.body),
  );

  app.post(
    '/api/v1/triggers/dry-run',
    {
      config: manage,
      schema: {
        tags: triggers,
        summary:
          "Test a trigger (saved or a draft) against the newest 100 tickets' latest changes: which match, and what it would change",
        body: t.dryRun.body,
        response: { 200: t.dryRun.response, ...withNotFound },
      },
    },
    (req) => automation.dryRunTrigger(ctx(req), req.body),
  );

  app.get(
    '/api/v1/triggers/:id',
    {
      config: read,
      schema: {
        tags: triggers,
        summary: 'Get a trigger',
        params: t.get.params,
        response: { 200: t.get.response, ...withNotFound },
      },
    },
    (req) => automation.getTrigger(ctx(req), req.params.id),
  );

  app.patch(
    '/api/v1/triggers/:id',
    {
      config: manage,
      schema: {
        tags: triggers,
        summary: 'Change a trigger',
        params: t.update.params,
        body: t.update.body,
        response: { 200: t.update.response, ...withNotFound },
      },
    },
    (req) => automation.updateTrigger(ctx(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/triggers/:id',
    {
      config: manage,
      schema: {
        tags: triggers,
        summary: 'Delete a trigger',
        params: t.remove.params,
        response: { 204: z.null(), ...withNotFound },
      },
    },
    async (req, reply) => {
      await automation.removeTrigger(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  const a = automationSchemas.automations;
  const automations = ['automations'];

  app.get(
    '/api/v1/automations',
    {
      config: read,
      schema: {
        tags: automations,
        summary: 'Time-based automations, in the order they run',
        response: { 200: a.list.response, ...protectedErrors },
      },
    },
    (req) => automation.listAutomations(ctx(req)),
  );

  app.post(
    '/api/v1/automations',
    {
      config: manage,
      schema: {
        tags: automations,
        summary: 'Create a time-based automation',
        body: a.create.body,
        response: { 201: a.create.response, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await automation.createAutomation(ctx(req), req.body)),
  );

  app.post(
    '/api/v1/automations/dry-run',
    {
      config: manage,
      schema: {
        tags: automations,
        summary:
          'The tickets an automation (saved or a draft) would act on in its next run, and what it would change',
        body: a.dryRun.body,
        response: { 200: a.dryRun.response, ...withNotFound },
      },
    },
    (req) => automation.dryRunAutomation(ctx(req), req.body),
  );

  app.get(
    '/api/v1/automations/:id',
    {
      config: read,
      schema: {
        tags: automations,
        summary: 'Get an automation',
        params: a.get.params,
        response: { 200: a.get.response, ...withNotFound },
      },
    },
    (req) => automation.getAutomation(ctx(req), req.params.id),
  );

  app.patch(
    '/api/v1/automations/:id',
    {
      config: manage,
      schema: {
        tags: automations,
        summary: "Change an automation (the default one's days are the auto-close setting)",
        params: a.update.params,
        body: a.update.body,
        response: { 200: a.update.response, ...withNotFound },
      },
    },
    (req) => automation.updateAutomation(ctx(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/automations/:id',
    {
      config: manage,
      schema: {
        tags: automations,
        summary: 'Delete an automation (the default one can only be turned off)',
        params: a.remove.params,
        response: { 204: z.null(), ...withConflict },
      },
    },
    async (req, reply) => {
      await automation.removeAutomation(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/automations/:id/run',
    {
      config: manage,
      schema: {
        tags: automations,
        summary: 'Run an automation now; each ticket is still acted on once per period',
        params: a.run.params,
        response: { 200: a.run.response, ...withNotFound },
      },
    },
    (req) => automation.runAutomation(ctx(req), req.params.id),
  );
};
