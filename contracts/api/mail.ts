import { z } from 'zod';
import { idParam } from '../common';
import {
  createMailboxBody,
  createMailRuleBody,
  inboundMailSchema,
  inboundStatuses,
  listInboundQuery,
  mailboxSchema,
  mailRuleSchema,
  mailSettingsSchema,
  mailTemplateSchema,
  previewTemplateBody,
  renderedMailSchema,
  templateKeys,
  updateMailboxBody,
  updateMailSettingsBody,
  updateMailTemplateBody,
} from '../mail';
import { noContent, rawFile, route } from './route';

export const templateParam = z.object({ key: z.enum(templateKeys) }).strict();
export const mailboxList = z.object({ data: z.array(mailboxSchema) });
export const mailRuleList = z.object({ data: z.array(mailRuleSchema) });
export const mailTemplateList = z.object({ data: z.array(mailTemplateSchema) });
/** Received mail, a page of it, with how much there is in each status. */
export const inboundPage = z.object({
  data: z.array(inboundMailSchema),
  nextCursor: z.string().nullable(),
  counts: z.record(z.enum(inboundStatuses), z.number()).describe('Received mail per status'),
});

/** The email channel, for admins: mailboxes, spam rules, settings, templates and received mail. */
export const mailRoutes = {
  mailboxes: route({ method: 'GET', path: '/api/v1/mailboxes', response: mailboxList }),
  createMailbox: route({
    method: 'POST',
    path: '/api/v1/mailboxes',
    body: createMailboxBody,
    response: mailboxSchema,
  }),
  mailbox: route({ method: 'GET', path: '/api/v1/mailboxes/:id', params: idParam, response: mailboxSchema }),
  updateMailbox: route({
    method: 'PATCH',
    path: '/api/v1/mailboxes/:id',
    params: idParam,
    body: updateMailboxBody,
    response: mailboxSchema,
  }),
  removeMailbox: route({
    method: 'DELETE',
    path: '/api/v1/mailboxes/:id',
    params: idParam,
    response: noContent,
  }),
  rules: route({ method: 'GET', path: '/api/v1/mail-rules', response: mailRuleList }),
  createRule: route({
    method: 'POST',
    path: '/api/v1/mail-rules',
    body: createMailRuleBody,
    response: mailRuleSchema,
  }),
  removeRule: route({
    method: 'DELETE',
    path: '/api/v1/mail-rules/:id',
    params: idParam,
    response: noContent,
  }),
  settings: route({ method: 'GET', path: '/api/v1/settings/mail', response: mailSettingsSchema }),
  updateSettings: route({
    method: 'PATCH',
    path: '/api/v1/settings/mail',
    body: updateMailSettingsBody,
    response: mailSettingsSchema,
  }),
  templates: route({ method: 'GET', path: '/api/v1/mail-templates', response: mailTemplateList }),
  updateTemplate: route({
    method: 'PATCH',
    path: '/api/v1/mail-templates/:key',
    params: templateParam,
    body: updateMailTemplateBody,
    response: mailTemplateSchema,
  }),
  resetTemplate: route({
    method: 'DELETE',
    path: '/api/v1/mail-templates/:key',
    params: templateParam,
    response: mailTemplateSchema,
  }),
  previewTemplate: route({
    method: 'POST',
    path: '/api/v1/mail-templates/:key/preview',
    params: templateParam,
    body: previewTemplateBody,
    response: renderedMailSchema,
  }),
  inbound: route({
    method: 'GET',
    path: '/api/v1/inbound-mail',
    querystring: listInboundQuery,
    response: inboundPage,
  }),
  inboundMail: route({
    method: 'GET',
    path: '/api/v1/inbound-mail/:id',
    params: idParam,
    response: inboundMailSchema,
  }),
  removeInbound: route({
    method: 'DELETE',
    path: '/api/v1/inbound-mail/:id',
    params: idParam,
    response: noContent,
  }),
  inboundOriginal: route({
    method: 'GET',
    path: '/api/v1/inbound-mail/:id/original',
    params: idParam,
    response: rawFile('message/rfc822'),
  }),
  retryInbound: route({
    method: 'POST',
    path: '/api/v1/inbound-mail/:id/retry',
    params: idParam,
    response: inboundMailSchema,
  }),
};
