import { z } from 'zod';
import { idParam } from '../../../contracts/common';
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
  ticketCopiesSchema,
  updateMailboxBody,
  updateMailSettingsBody,
  updateMailTemplateBody,
  updateTicketCopiesBody,
} from '../../../contracts/mail';

const templateParam = z.object({ key: z.enum(templateKeys) }).strict();
const messageParams = z
  .object({ id: z.coerce.number().int().positive(), messageId: z.coerce.number().int().positive() })
  .strict();

export const channelsSchemas = {
  mailboxes: {
    list: { response: z.object({ data: z.array(mailboxSchema) }) },
    create: { body: createMailboxBody, response: mailboxSchema },
    get: { params: idParam, response: mailboxSchema },
    update: { params: idParam, body: updateMailboxBody, response: mailboxSchema },
    remove: { params: idParam },
  },
  rules: {
    list: { response: z.object({ data: z.array(mailRuleSchema) }) },
    create: { body: createMailRuleBody, response: mailRuleSchema },
    remove: { params: idParam },
  },
  settings: {
    get: { response: mailSettingsSchema },
    update: { body: updateMailSettingsBody, response: mailSettingsSchema },
  },
  templates: {
    list: { response: z.object({ data: z.array(mailTemplateSchema) }) },
    update: { params: templateParam, body: updateMailTemplateBody, response: mailTemplateSchema },
    reset: { params: templateParam, response: mailTemplateSchema },
    preview: { params: templateParam, body: previewTemplateBody, response: renderedMailSchema },
  },
  inbound: {
    list: {
      querystring: listInboundQuery,
      response: z.object({
        data: z.array(inboundMailSchema),
        nextCursor: z.string().nullable(),
        counts: z.record(z.enum(inboundStatuses), z.number()).describe('Received mail per status'),
      }),
    },
    get: { params: idParam, response: inboundMailSchema },
    retry: { params: idParam, response: inboundMailSchema },
    remove: { params: idParam },
    original: { params: idParam },
    messageOriginal: { params: messageParams },
  },
  copies: {
    get: { params: idParam, response: ticketCopiesSchema },
    update: { params: idParam, body: updateTicketCopiesBody, response: ticketCopiesSchema },
  },
};
