import { z } from 'zod';
import { isoTimestamp } from './common';
import { emailAddress, lineText, proseText } from './text';

/** At most this many third-party addresses on one side conversation. */
export const MAX_SIDE_RECIPIENTS = 10;
/** The longest message of a side conversation, in characters. */
export const MAX_SIDE_BODY = 20_000;

export const sideMessageSchema = z.object({
  id: z.number(),
  direction: z.enum(['in', 'out']).describe('`out`: written by an agent; `in`: the third party answered'),
  author: z.object({ userId: z.number().nullable(), name: z.string() }),
  from: z.string().describe('The address the message came from'),
  body: z.string(),
  createdAt: isoTimestamp,
});
export type SideMessage = z.infer<typeof sideMessageSchema>;

export const sideConversationSchema = z.object({
  id: z.number(),
  ticketId: z.number(),
  subject: z.string(),
  to: z.array(z.string()).describe('The third party: never the customer'),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  messages: z.array(sideMessageSchema).describe('Oldest first'),
});
export type SideConversation = z.infer<typeof sideConversationSchema>;

export const sideConversationList = z.object({ items: z.array(sideConversationSchema) });

export const startSideConversationBody = z
  .object({
    to: z
      .array(emailAddress)
      .min(1, 'Give at least one address')
      .max(MAX_SIDE_RECIPIENTS)
      .describe('The third party (a supplier, another department)'),
    subject: lineText(200),
    body: proseText(MAX_SIDE_BODY),
  })
  .strict();

export const replySideConversationBody = z.object({ body: proseText(MAX_SIDE_BODY) }).strict();
