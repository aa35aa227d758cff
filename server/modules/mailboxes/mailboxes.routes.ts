import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctx, protectedErrors, withConflict, withNotFound } from '../../platform/http';
import { mailboxesSchemas as s } from './mailboxes.schemas';
import type { MailboxesService } from './mailboxes.service';
import type { MailRulesService } from './rules.service';
import type { TemplatesService } from './templates.service';

const tags = ['mail'];
const access = 'channels.manage' as const;

/** Mailboxes, spam rules, mail settings and notification templates (admins). */
export const mailboxesRoutes: FastifyPluginAsyncZod<{
  mailboxes: MailboxesService;
  rules: MailRulesService;
  templates: TemplatesService;
}> = async (app, { mailboxes, rules, templates }) => {
  app.get(
    '/api/v1/mailboxes',
    {
      config: { access },
      schema: {
        tags,
        summary: 'List mailboxes',
        response: { 200: s.mailboxes.list.response, ...protectedErrors },
      },
    },
    async (req) => ({ data: await mailboxes.list(ctx(req)) }),
  );
  app.post(
    '/api/v1/mailboxes',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Add a mailbox',
        body: s.mailboxes.create.body,
        response: { 201: s.mailboxes.create.response, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await mailboxes.create(ctx(req), req.body)),
  );
  app.get(
    '/api/v1/mailboxes/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Get a mailbox',
        params: s.mailboxes.get.params,
        response: { 200: s.mailboxes.get.response, ...withNotFound },
      },
    },
    (req) => mailboxes.get(ctx(req), req.params.id),
  );
  app.patch(
    '/api/v1/mailboxes/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Change a mailbox (omit the IMAP password to keep it)',
        params: s.mailboxes.update.params,
        body: s.mailboxes.update.body,
        response: { 200: s.mailboxes.update.response, ...withConflict },
      },
    },
    (req) => mailboxes.update(ctx(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/mailboxes/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Remove a mailbox',
        params: s.mailboxes.remove.params,
        response: { 204: z.null(), ...withNotFound },
      },
    },
    async (req, reply) => {
      await mailboxes.remove(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/mail-rules',
    {
      config: { access },
      schema: {
        tags,
        summary: 'List spam rules',
        response: { 200: s.rules.list.response, ...protectedErrors },
      },
    },
    async (req) => ({ data: await rules.list(ctx(req)) }),
  );
  app.post(
    '/api/v1/mail-rules',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Add a spam rule (blocked sender or header check)',
        body: s.rules.create.body,
        response: { 201: s.rules.create.response, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await rules.add(ctx(req), req.body)),
  );
  app.delete(
    '/api/v1/mail-rules/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Remove a spam rule',
        params: s.rules.remove.params,
        response: { 204: z.null(), ...withNotFound },
      },
    },
    async (req, reply) => {
      await rules.remove(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/settings/mail',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Mail settings (loop guard)',
        response: { 200: s.settings.get.response, ...protectedErrors },
      },
    },
    (req) => rules.settings(ctx(req)),
  );
  app.patch(
    '/api/v1/settings/mail',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Change mail settings',
        body: s.settings.update.body,
        response: { 200: s.settings.update.response, ...protectedErrors },
      },
    },
    (req) => rules.updateSettings(ctx(req), req.body),
  );

  app.get(
    '/api/v1/mail-templates',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Notification templates',
        response: { 200: s.templates.list.response, ...protectedErrors },
      },
    },
    async (req) => ({ data: await templates.list(ctx(req)) }),
  );
  app.patch(
    '/api/v1/mail-templates/:key',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Edit a template or turn it off',
        params: s.templates.update.params,
        body: s.templates.update.body,
        response: { 200: s.templates.update.response, ...withNotFound },
      },
    },
    (req) => templates.update(ctx(req), req.params.key, req.body),
  );
  app.delete(
    '/api/v1/mail-templates/:key',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Reset a template to its default text',
        params: s.templates.reset.params,
        response: { 200: s.templates.reset.response, ...withNotFound },
      },
    },
    (req) => templates.reset(ctx(req), req.params.key),
  );
  app.post(
    '/api/v1/mail-templates/:key/preview',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Render a template with sample values (unsaved text)',
        params: s.templates.preview.params,
        body: s.templates.preview.body,
        response: { 200: s.templates.preview.response, ...withNotFound },
      },
    },
    (req) => templates.preview(ctx(req), req.params.key, req.body),
  );
};
