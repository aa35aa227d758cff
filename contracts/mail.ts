import { z } from 'zod';
import { isoTimestamp, pageQuery } from './common';
import { lineText, plainText, proseText } from './text';

const ref = z.object({ id: z.number(), name: z.string() });
const address = z.string().trim().toLowerCase().max(254).email('Enter an email address');

export const inboundMethods = ['smtp', 'imap'] as const;

export const imapSettingsInput = z
  .object({
    host: z.string().trim().min(1).max(253),
    port: z.number().int().min(1).max(65535).default(993),
    secure: z.boolean().default(true),
    user: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(500).optional().describe('Required when first set; omit to keep'),
    folder: z.string().trim().min(1).max(200).default('INBOX'),
    processedAction: z.enum(['move', 'flag']).default('move'),
    processedFolder: z.string().trim().min(1).max(200).nullable().default('Processed'),
    intervalSeconds: z.number().int().min(10).max(3600).default(60),
  })
  .strict();

/** Why an outbound SMTP URL cannot be used, or null when it can: parsed, not pattern-matched. */
function smtpUrlProblem(value: string): string | null {
  if (/[\s\p{Cc}]/u.test(value)) return 'Remove spaces and control characters';
  const port = /^[a-z]+:\/\/(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^:/?#]*):([^/?#]*)/i.exec(value)?.[1];
  if (port && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    return 'The port must be a number between 1 and 65535';
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Not a URL: use smtp://user:password@host:port or smtps://…';
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return 'The scheme must be smtp:// or smtps://';
  if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname))
    return 'Give the server host name';
  if (url.pathname !== '' && url.pathname !== '/') return 'Leave out a path after the host';
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    return 'Percent-encode the user name and password';
  }
  return null;
}

const smtpUrl = z
  .string()
  .trim()
  .max(500)
  .superRefine((value, ctx) => {
    const problem = smtpUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const mailboxFields = {
  address,
  displayName: lineText(120),
  defaultTeamId: z.number().int().positive().nullable(),
  defaultCategoryId: z.number().int().positive().nullable(),
  signature: proseText(5000, { min: 0, trim: false }),
  inboundMethod: z.enum(inboundMethods),
  imap: imapSettingsInput.nullable(),
  smtpUrl: smtpUrl.nullable(),
  autoAck: z.boolean(),
  ackSubject: lineText(300).nullable(),
  ackBody: proseText(20_000).nullable(),
  isDefault: z.boolean(),
};

export const createMailboxBody = z
  .object({
    ...mailboxFields,
    defaultTeamId: mailboxFields.defaultTeamId.default(null),
    defaultCategoryId: mailboxFields.defaultCategoryId.default(null),
    signature: mailboxFields.signature.default(''),
    inboundMethod: mailboxFields.inboundMethod.default('smtp'),
    imap: mailboxFields.imap.default(null),
    smtpUrl: mailboxFields.smtpUrl.default(null),
    autoAck: mailboxFields.autoAck.default(true),
    ackSubject: mailboxFields.ackSubject.default(null),
    ackBody: mailboxFields.ackBody.default(null),
    isDefault: mailboxFields.isDefault.default(false),
  })
  .strict();
export type CreateMailboxBody = z.input<typeof createMailboxBody>;

export const updateMailboxBody = z
  .object(
    Object.fromEntries(Object.entries(mailboxFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof mailboxFields]: z.ZodOptional<(typeof mailboxFields)[K]>;
    },
  )
  .strict();
export type UpdateMailboxBody = z.input<typeof updateMailboxBody>;

export const mailboxSchema = z.object({
  id: z.number(),
  address: z.string(),
  displayName: z.string(),
  defaultTeam: ref.nullable(),
  defaultCategory: ref.nullable(),
  signature: z.string(),
  inboundMethod: z.enum(inboundMethods),
  imap: z
    .object({
      host: z.string(),
      port: z.number(),
      secure: z.boolean(),
      user: z.string(),
      folder: z.string(),
      processedAction: z.enum(['move', 'flag']),
      processedFolder: z.string().nullable(),
      intervalSeconds: z.number(),
      lastPolledAt: isoTimestamp.nullable(),
      lastError: z.string().nullable(),
    })
    .nullable()
    .describe('The password is never returned'),
  smtp: z
    .object({
      host: z.string(),
      port: z.number().nullable(),
      secure: z.boolean(),
      user: z.string().nullable(),
    })
    .nullable()
    .describe('Outbound server of this mailbox (without its password); null sends through SMTP_URL'),
  autoAck: z.boolean(),
  ackSubject: z.string().nullable(),
  ackBody: z.string().nullable(),
  isDefault: z.boolean(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Mailbox = z.infer<typeof mailboxSchema>;

export const inboundStatuses = ['queued', 'processed', 'failed', 'spam', 'ignored'] as const;
export const inboundMailSchema = z.object({
  id: z.number(),
  mailbox: ref.nullable(),
  source: z.enum(['smtp', 'imap']),
  envelopeFrom: z.string().nullable(),
  recipients: z.array(z.string()),
  messageId: z.string().nullable(),
  sender: z.string().nullable(),
  subject: z.string(),
  size: z.number(),
  status: z.enum(inboundStatuses),
  reason: z.string().nullable(),
  attempts: z.number(),
  ticketId: z.number().nullable(),
  receivedAt: isoTimestamp,
  processedAt: isoTimestamp.nullable(),
  originalUrl: z.string(),
});
export type InboundMail = z.infer<typeof inboundMailSchema>;

export const listInboundQuery = pageQuery
  .extend({
    status: z.enum(inboundStatuses).optional(),
    q: z.string().trim().max(200).optional(),
  })
  .strict();

export const mailRuleKinds = ['block_sender', 'header'] as const;
export const mailRuleSchema = z.object({
  id: z.number(),
  kind: z.enum(mailRuleKinds),
  header: z.string().nullable(),
  pattern: z.string(),
  note: z.string(),
  createdAt: isoTimestamp,
});
export type MailRule = z.infer<typeof mailRuleSchema>;

export const createMailRuleBody = z
  .object({
    kind: z.enum(mailRuleKinds),
    header: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9-]{1,80}$/, 'A header name, e.g. X-Spam-Flag')
      .nullable()
      .default(null),
    pattern: plainText(254, { min: 1 }).toLowerCase(),
    note: lineText(200, { min: 0 }).default(''),
  })
  .strict()
  .refine((r) => (r.kind === 'header') === (r.header !== null), {
    message: 'Header rules name a header; sender rules do not',
    path: ['header'],
  });
export type CreateMailRuleBody = z.input<typeof createMailRuleBody>;

export const mailSettingsSchema = z.object({
  senderLimitPerHour: z.number().int().min(1).max(10_000),
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;
export const updateMailSettingsBody = mailSettingsSchema.partial().strict();

export const templateKeys = [
  'ticket_received',
  'agent_replied',
  'ticket_solved',
  'agent_ticket_assigned',
  'agent_customer_replied',
  'satisfaction_survey',
  'nps_campaign',
] as const;
export type TemplateKey = (typeof templateKeys)[number];

/** Each template's name, as admins see it (the editor, the audit log). */
export const templateLabels: Record<TemplateKey, string> = {
  ticket_received: 'Request received',
  agent_replied: 'Agent reply',
  ticket_solved: 'Request solved',
  agent_ticket_assigned: 'Ticket assigned',
  agent_customer_replied: 'Customer replied',
  satisfaction_survey: 'Satisfaction survey',
  nps_campaign: 'NPS campaign',
};

export const mailTemplateSchema = z.object({
  key: z.enum(templateKeys),
  audience: z.enum(['customer', 'agent']),
  description: z.string(),
  subject: z.string(),
  body: z.string(),
  enabled: z.boolean(),
  placeholders: z.array(z.string()),
  isDefault: z.boolean().describe('True while the template has not been edited'),
  updatedAt: isoTimestamp.nullable(),
});
export type MailTemplate = z.infer<typeof mailTemplateSchema>;

export const updateMailTemplateBody = z
  .object({
    subject: lineText(300).optional(),
    body: proseText(20_000).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type UpdateMailTemplateBody = z.input<typeof updateMailTemplateBody>;

export const previewTemplateBody = z
  .object({
    subject: z.string().max(300),
    body: z.string().max(20_000),
  })
  .strict();
export const renderedMailSchema = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type RenderedMail = z.infer<typeof renderedMailSchema>;

export const deliverySchema = z
  .object({
    status: z
      .enum(['queued', 'sending', 'sent', 'logged', 'failed'])
      .describe('`logged`: no mail server is configured, so the mail was written to the log, not sent'),
    to: z.array(z.string()),
    error: z.string().nullable(),
    attempts: z.number(),
  })
  .describe('How the mail carrying this reply fared');
export type Delivery = z.infer<typeof deliverySchema>;

/** What the receiving mail server's Authentication-Results said about a mail (in `meta.email.authentication`). */
export const emailAuthenticationSchema = z.object({
  spf: z.string().nullable(),
  dkim: z.string().nullable(),
  dmarc: z.string().nullable(),
  suspicious: z.boolean().describe('DMARC failed for the From domain: the mail never adds copies'),
});
export type EmailAuthentication = z.infer<typeof emailAuthenticationSchema>;

export const copySuggestionSchema = z.object({
  address: z.string(),
  messageId: z.number().nullable().describe('The ticket message whose mail had the address in To or Cc'),
  from: z.string().describe('Who sent that mail'),
  suggestedAt: isoTimestamp,
});
export type CopySuggestion = z.infer<typeof copySuggestionSchema>;

export const ticketCopiesSchema = z.object({
  copies: z.array(z.string()).describe('Addresses in copy on mail to the customer'),
  suggestions: z.array(copySuggestionSchema).describe('Addresses a mail put in copy, waiting for an agent'),
});
export type TicketCopies = z.infer<typeof ticketCopiesSchema>;

const addressList = z.array(address).max(20).default([]);
export const updateTicketCopiesBody = z
  .object({
    add: addressList.describe('Addresses to keep in copy (adding a suggestion accepts it)'),
    dismiss: addressList.describe('Suggestions to drop'),
    remove: addressList.describe('Copies to stop sending to'),
  })
  .strict()
  .refine((b) => b.add.length + b.dismiss.length + b.remove.length > 0, {
    message: 'Give at least one address to add, dismiss or remove',
  });
export type UpdateTicketCopiesBody = z.input<typeof updateTicketCopiesBody>;
