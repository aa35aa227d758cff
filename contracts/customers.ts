import { z } from 'zod';
import { isoTimestamp, pageQuery } from './common';
import { emailAddress, lineText, plainText, proseText } from './text';

const tags = z.array(lineText(40)).max(30);
const email = emailAddress;
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(253)
  .regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'A domain such as example.com');

export const organizationRef = z.object({ id: z.number(), name: z.string() });

export const customerSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  organization: organizationRef.nullable(),
  timezone: z.string().nullable(),
  language: z.string().nullable(),
  tags: z.array(z.string()),
  mergedIntoId: z.number().nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Customer = z.infer<typeof customerSchema>;

export const createCustomerBody = z
  .object({
    name: lineText(160),
    email: email.nullable().default(null),
    phone: plainText(40).nullable().default(null),
    organizationId: z.number().int().positive().nullable().default(null),
    timezone: plainText(64).nullable().default(null),
    language: plainText(16).nullable().default(null),
    tags: tags.default([]),
  })
  .strict();
export type CreateCustomerBody = z.input<typeof createCustomerBody>;

export const updateCustomerBody = z
  .object({
    name: lineText(160).optional(),
    email: email.nullable().optional(),
    phone: plainText(40).nullable().optional(),
    organizationId: z.number().int().positive().nullable().optional(),
    timezone: plainText(64).nullable().optional(),
    language: plainText(16).nullable().optional(),
    tags: tags.optional(),
  })
  .strict();
export type UpdateCustomerBody = z.input<typeof updateCustomerBody>;

export const listCustomersQuery = pageQuery
  .extend({
    q: plainText(100).optional(),
    organizationId: z.coerce.number().int().positive().optional(),
    tag: plainText(40).optional(),
  })
  .strict();

export const mergeCustomersBody = z
  .object({ sourceIds: z.array(z.number().int().positive()).min(1).max(20) })
  .strict()
  .describe('Customers to merge into this one: their tickets, notes and history move over');

export const customerNoteSchema = z.object({
  id: z.number(),
  body: z.string(),
  author: z.object({ id: z.number(), name: z.string() }).nullable(),
  createdAt: isoTimestamp,
});
export type CustomerNote = z.infer<typeof customerNoteSchema>;
export const createCustomerNoteBody = z.object({ body: proseText(5000) }).strict();

export const organizationSchema = z.object({
  id: z.number(),
  name: z.string(),
  domains: z.array(z.string()),
  notes: z.string(),
  tags: z.array(z.string()),
  customerCount: z.number(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Organization = z.infer<typeof organizationSchema>;

export const createOrganizationBody = z
  .object({
    name: lineText(160),
    domains: z.array(domain).max(20).default([]),
    notes: proseText(5000, { min: 0 }).default(''),
    tags: tags.default([]),
  })
  .strict();
export const updateOrganizationBody = z
  .object({
    name: lineText(160).optional(),
    domains: z.array(domain).max(20).optional(),
    notes: proseText(5000, { min: 0 }).optional(),
    tags: tags.optional(),
  })
  .strict();
export const listOrganizationsQuery = pageQuery.extend({ q: plainText(100).optional() }).strict();

/** A satisfaction survey answer as the customer's timeline shows it. */
export const timelineAnswerSchema = z.object({
  id: z.number(),
  ticketId: z.number(),
  ticketSubject: z.string(),
  rating: z.number(),
  ratingLabel: z.string(),
  positive: z.boolean(),
  effort: z.number().nullable(),
  comment: z.string(),
  sentiment: z.string().nullable().describe('negative, neutral or positive; null until scored'),
});
export type TimelineAnswer = z.infer<typeof timelineAnswerSchema>;

export const timelineItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ticket'),
    at: isoTimestamp,
    ticket: z.object({
      id: z.number(),
      subject: z.string(),
      status: z.string(),
      priority: z.string(),
      channel: z.string(),
    }),
  }),
  z.object({ kind: z.literal('note'), at: isoTimestamp, note: customerNoteSchema }),
  z.object({ kind: z.literal('survey_answer'), at: isoTimestamp, answer: timelineAnswerSchema }),
]);
export type TimelineItem = z.infer<typeof timelineItem>;
