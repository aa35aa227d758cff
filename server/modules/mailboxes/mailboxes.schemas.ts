import { z } from 'zod';
import { idParam } from '../../../contracts/common';
import {
  createMailboxBody,
  createMailRuleBody,
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

export const mailboxesSchemas = {
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
  copies: {
    get: { params: idParam, response: ticketCopiesSchema },
    update: { params: idParam, body: updateTicketCopiesBody, response: ticketCopiesSchema },
  },
};
