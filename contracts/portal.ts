import { z } from 'zod';
import { totpCode } from './auth';
import { isoTimestamp } from './common';
import { emailAddress, lineText, plainText, proseText } from './text';
import { attachmentSchema, statusSchema } from './tickets';

/** What a customer sees of a request: no internal notes, assignees' private data, tags or fields. */
export const portalMessageSchema = z.object({
  id: z.number(),
  fromMe: z.boolean(),
  authorName: z.string().describe("The agent's display name, or the customer's"),
  html: z.string(),
  attachments: z.array(attachmentSchema),
  createdAt: isoTimestamp,
});
export type PortalMessage = z.infer<typeof portalMessageSchema>;

export const portalTicketSchema = z.object({
  id: z.number(),
  subject: z.string(),
  status: statusSchema.describe('Show it in plain words: pending = "Waiting for your reply"'),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  followUpOfId: z.number().nullable(),
});
export type PortalTicket = z.infer<typeof portalTicketSchema>;

export const portalTicketDetail = portalTicketSchema.extend({ messages: z.array(portalMessageSchema) });
export type PortalTicketDetail = z.infer<typeof portalTicketDetail>;

/** The most files one message from the portal carries. */
export const PORTAL_MAX_FILES = 10;
const fileIds = (where: string) =>
  z.array(z.number().int().positive()).max(PORTAL_MAX_FILES).default([]).describe(where);

export const portalNewRequestBody = z
  .object({
    subject: lineText(250),
    body: proseText(20_000),
    attachmentIds: fileIds('Files uploaded for a new request first (POST /api/v1/portal/attachments)'),
  })
  .strict();
export const portalReplyBody = z
  .object({
    body: proseText(20_000),
    attachmentIds: fileIds('Files uploaded to this request first'),
  })
  .strict();

/** What a customer wants mailed about their requests; every reply still shows in the portal. */
export const mailPreferencesSchema = z
  .object({
    mailOnReply: z.boolean().describe('Mail me when an agent replies'),
    mailOnSolved: z.boolean().describe('Mail me when my request is solved'),
  })
  .strict();
export type MailPreferences = z.infer<typeof mailPreferencesSchema>;

export const magicLinkBody = z.object({ email: emailAddress }).strict();
/** The token from a sign-in link, and the two-factor code when the customer has two-factor on. */
export const magicLinkRedeemBody = z
  .object({ token: z.string().min(20).max(200), totp: totpCode.optional() })
  .strict();

export const contactFormBody = z
  .object({
    name: lineText(160),
    email: emailAddress,
    subject: lineText(250),
    message: proseText(20_000),
    website: plainText(200, { trim: false }).optional().describe('Leave empty: a field only robots fill in'),
  })
  .strict();
export const contactFormResult = z.object({ received: z.literal(true), reference: z.string() });
