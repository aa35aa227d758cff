import { z } from 'zod';
import { isoTimestamp, pageQuery } from './common';
import { deliverySchema } from './mail';
import { ticketSlaSummary } from './sla-summary';
import { emailAddress, lineText, plainText, proseText } from './text';

export const ticketChannels = ['email', 'web', 'portal', 'api', 'phone', 'walk_in', 'other'] as const;
/** The channels an agent opens a ticket on with their own first message. */
export const agentChannels = ['phone', 'email', 'walk_in', 'other'] as const;
export type AgentChannel = (typeof agentChannels)[number];
export const ticketTypes = ['question', 'complaint', 'incident', 'task'] as const;
export const ticketPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const ticketStatuses = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export const channelSchema = z.enum(ticketChannels);
export const typeSchema = z.enum(ticketTypes);
export const prioritySchema = z.enum(ticketPriorities);
export const statusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof statusSchema>;
export type TicketPriority = z.infer<typeof prioritySchema>;

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_.:-]+$/u, 'Tags are single words (letters, digits, _ . : -)');
export const tagsSchema = z.array(tag).max(30);
const customValue = z.union([proseText(2000, { min: 0, trim: false }), z.number(), z.boolean(), z.null()]);
/** A custom field's key, as it is created: also how filters and values name the field. */
export const customFieldKey = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'A custom field key: lower-case letters, digits and _, starting with a letter',
  );
const keyRule =
  'custom field keys are lower-case letters, digits and _, start with a letter, at most 40 long';
/** Values by custom field key; a key that cannot name a field is refused before it reaches a query. */
const byCustomFieldKey = () =>
  z.record(customFieldKey, customValue, {
    error: (issue) =>
      issue.code === 'invalid_key'
        ? `"${String(issue.input).slice(0, 40)}" is not valid: ${keyRule}`
        : undefined,
  });
export const customFieldValues = byCustomFieldKey();

const ref = z.object({ id: z.number(), name: z.string() });

export const ticketSchema = z.object({
  id: z.number(),
  subject: z.string(),
  requester: z.object({ id: z.number(), name: z.string(), email: z.string().nullable() }),
  organization: ref.nullable(),
  channel: channelSchema,
  type: typeSchema,
  priority: prioritySchema,
  status: statusSchema,
  category: ref.nullable(),
  tags: z.array(z.string()),
  assignee: ref.nullable(),
  team: ref.nullable(),
  dueAt: isoTimestamp.nullable(),
  escalation: z.object({ at: isoTimestamp, reason: z.string(), escalatedTo: ref.nullable() }).nullable(),
  customFields: customFieldValues,
  version: z.number().describe('Send back on updates; a stale version is refused with 409'),
  firstReplyAt: isoTimestamp.nullable(),
  solvedAt: isoTimestamp.nullable(),
  closedAt: isoTimestamp.nullable(),
  lastMessageAt: isoTimestamp.nullable(),
  lastCustomerMessageAt: isoTimestamp.nullable().describe('When the customer last wrote'),
  waitingSince: isoTimestamp
    .nullable()
    .describe(
      "The customer's oldest message not yet answered by an agent (reply, call, visit or logged contact)",
    ),
  mergedIntoId: z.number().nullable(),
  followUpOfId: z.number().nullable(),
  messageCount: z.number(),
  sla: ticketSlaSummary,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Ticket = z.infer<typeof ticketSchema>;

const body = proseText(100_000, { tooShort: 'Write something' });

export const createTicketBody = z
  .object({
    subject: lineText(250),
    requester: z
      .object({
        email: emailAddress,
        name: lineText(160, { min: 0 }).optional(),
      })
      .strict()
      .optional(),
    requesterId: z.number().int().positive().optional(),
    message: z
      .object({
        body,
        attachmentIds: z.array(z.number().int().positive()).max(20).default([]),
        author: z
          .enum(['requester', 'agent'])
          .default('requester')
          .describe(
            "Who wrote it: the requester (a request passed on by an integration), or the agent calling, on the ticket's channel: on email it is mailed to the requester; on phone, walk_in or other it records the contact",
          ),
      })
      .strict(),
    channel: channelSchema.default('api'),
    type: typeSchema.default('question'),
    priority: prioritySchema.default('normal'),
    status: z.enum(['new', 'open', 'pending', 'on_hold', 'solved']).default('new'),
    categoryId: z.number().int().positive().nullable().default(null),
    tags: tagsSchema.default([]),
    assigneeId: z.number().int().positive().nullable().default(null),
    teamId: z.number().int().positive().nullable().default(null),
    dueAt: z.iso.datetime({ offset: true }).nullable().default(null),
    customFields: customFieldValues.default({}),
  })
  .strict()
  .refine((v) => v.requester || v.requesterId, {
    message: 'Give requester {email, name} or requesterId',
    path: ['requester'],
  })
  .refine(
    (v) => v.message.author === 'requester' || (agentChannels as readonly string[]).includes(v.channel),
    {
      message:
        "An agent's first message goes out by email, or records a phone call, a visit or another contact",
      path: ['channel'],
    },
  );
export type CreateTicketBody = z.input<typeof createTicketBody>;

export const updateTicketBody = z
  .object({
    version: z.number().int().positive().optional(),
    subject: lineText(250).optional(),
    type: typeSchema.optional(),
    priority: prioritySchema.optional(),
    status: statusSchema.optional(),
    categoryId: z.number().int().positive().nullable().optional(),
    tags: tagsSchema.optional(),
    assigneeId: z.number().int().positive().nullable().optional(),
    teamId: z.number().int().positive().nullable().optional(),
    dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
    requesterId: z.number().int().positive().optional(),
    customFields: customFieldValues.optional(),
  })
  .strict();
export type UpdateTicketBody = z.input<typeof updateTicketBody>;

export const escalateBody = z
  .object({
    reason: proseText(500),
    escalatedToId: z.number().int().positive().nullable().default(null),
    priority: prioritySchema.optional(),
  })
  .strict();

export const messageKinds = ['reply', 'note', 'customer', 'call', 'visit', 'contact', 'system'] as const;
export const attachmentSchema = z.object({
  id: z.number(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  url: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Addresses a reply may have in copy, and in hidden copy, each. */
export const MAX_RECIPIENTS = 20;
export const messageRecipientsSchema = z
  .object({
    to: z.array(z.string()),
    cc: z.array(z.string()),
    bcc: z.array(z.string()).describe('Hidden copies: shown to staff only'),
  })
  .describe('Who the reply mail was written to');
export type MessageRecipients = z.infer<typeof messageRecipientsSchema>;

const recipientList = (field: string) =>
  z.array(emailAddress).max(MAX_RECIPIENTS, `At most ${MAX_RECIPIENTS} addresses in ${field}`);

export const messageSchema = z.object({
  id: z.number(),
  ticketId: z.number(),
  kind: z.enum(messageKinds),
  author: z.object({
    type: z.enum(['user', 'customer', 'system']),
    id: z.number().nullable(),
    name: z.string(),
  }),
  channel: channelSchema,
  body: z.string(),
  html: z.string().describe('Sanitised HTML of the body'),
  meta: z.record(z.string(), z.unknown()),
  attachments: z.array(attachmentSchema),
  delivery: deliverySchema.nullable(),
  recipients: messageRecipientsSchema
    .nullable()
    .describe('Who an agent’s reply was written to; null for other messages'),
  createdAt: isoTimestamp,
});
export type Message = z.infer<typeof messageSchema>;

export const createMessageBody = z
  .object({
    kind: z.enum(['reply', 'note']).default('reply'),
    body,
    attachmentIds: z.array(z.number().int().positive()).max(20).default([]),
    status: z
      .enum(['open', 'pending', 'on_hold', 'solved'])
      .optional()
      .describe('Set the ticket status with the reply'),
    version: z.number().int().positive().optional(),
    cc: recipientList('Cc')
      .optional()
      .describe('Addresses in copy on this reply; omit for the ticket’s copies'),
    bcc: recipientList('Bcc').optional().describe('Hidden copies of this reply'),
  })
  .strict()
  .refine((b) => b.kind === 'reply' || (b.cc === undefined && b.bcc === undefined), {
    message: 'Only a reply to the customer has Cc and Bcc',
    path: ['cc'],
  });
export type CreateMessageBody = z.input<typeof createMessageBody>;

/** A reply or note as it will read: its Markdown rendered by the same safe rules as a sent message. */
export const previewMessageBody = z.object({ body }).strict();
export const messagePreviewSchema = z.object({ html: z.string().describe('Sanitised HTML of the body') });
export type MessagePreview = z.infer<typeof messagePreviewSchema>;

/** How long "is replying" holds without being said again. */
export const REPLYING_SECONDS = 30;
export const replyingAgentSchema = z.object({
  userId: z.number(),
  name: z.string(),
  until: isoTimestamp.describe('When this ends unless the agent’s browser says it again'),
});
export const ticketReplyingSchema = z.object({
  ticketId: z.number(),
  agents: z.array(replyingAgentSchema).describe('Agents writing a reply to the customer right now'),
});
export type TicketReplying = z.infer<typeof ticketReplyingSchema>;

export const contactBody = z
  .object({
    kind: z.enum(['call', 'visit']),
    ticketId: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Log on an existing ticket; omit to open a new one'),
    subject: lineText(250).optional(),
    requesterId: z.number().int().positive().optional(),
    requester: z
      .object({
        email: emailAddress,
        name: lineText(160, { min: 0 }).optional(),
      })
      .strict()
      .optional(),
    summary: body,
    durationMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
    outcome: z.enum(['resolved', 'follow_up', 'escalated', 'no_answer', 'information_given']),
    type: typeSchema.default('question'),
    priority: prioritySchema.default('normal'),
  })
  .strict();

export const ticketEventSchema = z.object({
  id: z.number(),
  type: z.string(),
  actor: z.object({ type: z.string(), id: z.number().nullable(), name: z.string() }),
  from: z.string().nullable(),
  to: z.string().nullable(),
  createdAt: isoTimestamp,
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;

/** "-7d", "+24h", "-2w" or "now": a time relative to the moment a list is read. */
const relativeTime = /^(?:now|[+-]\d{1,4}[hdw])$/;
const HOUR_MS = 3_600_000;
const unitMs = { h: HOUR_MS, d: 24 * HOUR_MS, w: 7 * 24 * HOUR_MS } as const;

/**
 * One end of a date range: a moment (ISO 8601 with its offset) or a time relative to when the
 * list is read, so a saved view of "the last 7 days" stays the last 7 days.
 */
export const timeBound = z
  .union([z.iso.datetime({ offset: true }), z.string().regex(relativeTime)], {
    error: 'A date-time such as 2026-03-01T09:00:00Z, or a time from now such as -7d, +24h, -2w or now',
  })
  .describe(
    'An ISO 8601 date-time, or a time from now: "now", or a sign, a number and h, d or w ("-7d", "+24h")',
  );
export type TimeBound = z.infer<typeof timeBound>;

/** Whether a bound moves with the clock ("-7d") rather than naming a moment. */
export function isRelativeTime(bound: TimeBound): boolean {
  return relativeTime.test(bound);
}

/** The moment a bound names, read at `now` (milliseconds). */
export function timeBoundMs(bound: TimeBound, now: number): number {
  if (!isRelativeTime(bound)) return Date.parse(bound);
  if (bound === 'now') return now;
  const amount = Number(bound.slice(1, -1)) * unitMs[bound.at(-1) as keyof typeof unitMs];
  return bound.startsWith('-') ? now - amount : now + amount;
}

/** The date ranges a list can be filtered by: each with its filter keys and the column it reads. */
export const dateRanges = [
  { after: 'createdAfter', before: 'createdBefore', column: 'created_at' },
  { after: 'updatedAfter', before: 'updatedBefore', column: 'updated_at' },
  { after: 'dueAfter', before: 'dueBefore', column: 'due_at' },
  { after: 'solvedAfter', before: 'solvedBefore', column: 'solved_at' },
  { after: 'slaDueAfter', before: 'slaDueBefore', column: 'sla_due_at' },
] as const;
export type DateRange = (typeof dateRanges)[number];

const positiveId = z.number().int().positive();

export const viewFilters = z
  .object({
    status: z.array(statusSchema).max(6).optional(),
    priority: z.array(prioritySchema).max(4).optional(),
    type: z.array(typeSchema).max(4).optional(),
    channel: z.array(channelSchema).max(ticketChannels.length).optional(),
    assignee: z
      .array(z.union([positiveId, z.enum(['me', 'none'])]))
      .max(50)
      .optional(),
    team: z
      .array(z.union([positiveId, z.enum(['mine', 'none'])]))
      .max(50)
      .optional(),
    categoryId: z.array(positiveId).max(50).optional().describe('Any of these categories'),
    tags: z.array(plainText(40)).max(10).optional().describe('Every one of these tags'),
    escalated: z.boolean().optional(),
    hasAttachments: z.boolean().optional().describe('Whether any sent message of the ticket has files'),
    requesterId: positiveId.optional(),
    organizationId: positiveId.optional(),
    createdAfter: timeBound.optional().describe('Created at or after (a date-time or a time from now)'),
    createdBefore: timeBound.optional().describe('Created before'),
    updatedAfter: timeBound.optional().describe('Last changed at or after'),
    updatedBefore: timeBound.optional().describe('Last changed before'),
    dueAfter: timeBound.optional().describe('Due at or after (tickets without a due date never match)'),
    dueBefore: timeBound.optional().describe('Due before: "now" finds the overdue'),
    solvedAfter: timeBound.optional().describe('Solved at or after'),
    solvedBefore: timeBound.optional().describe('Solved before'),
    slaDueAfter: timeBound
      .optional()
      .describe(
        'The next service-level target runs out at or after (tickets with no running target never match)',
      ),
    slaDueBefore: timeBound
      .optional()
      .describe('The next service-level target runs out before: "now" finds the breached'),
    customFields: byCustomFieldKey()
      .optional()
      .describe('Custom field values by key; a ticket matches when each field has exactly that value'),
  })
  .strict()
  .superRefine((filters, ctx) => {
    const now = Date.now();
    for (const range of dateRanges) {
      const after = filters[range.after];
      const before = filters[range.before];
      if (after && before && timeBoundMs(after, now) >= timeBoundMs(before, now))
        ctx.addIssue({
          code: 'custom',
          path: [range.before],
          message: `${range.before} must be later than ${range.after}`,
        });
    }
  });
export type ViewFilters = z.infer<typeof viewFilters>;

export const sortKeys = [
  'updated_at',
  'created_at',
  'priority',
  'status',
  'due_at',
  'sla_due_at',
  'id',
] as const;
export type SortKey = (typeof sortKeys)[number];
export const viewSort = z.object({ by: z.enum(sortKeys), dir: z.enum(['asc', 'desc']) }).strict();
export type ViewSort = z.infer<typeof viewSort>;
export const ticketColumns = [
  'id',
  'subject',
  'requester',
  'organization',
  'status',
  'priority',
  'type',
  'channel',
  'assignee',
  'team',
  'category',
  'tags',
  'due_at',
  'sla',
  'created_at',
  'updated_at',
] as const;
export type TicketColumn = (typeof ticketColumns)[number];
/** The columns of a list whose view has none of its own, and of a view created without any. */
export const defaultTicketColumns: readonly TicketColumn[] = [
  'id',
  'subject',
  'requester',
  'status',
  'priority',
  'assignee',
  'updated_at',
];

/** Live counts stop here: a queue's badge needs no more, and counting a million tickets on every change would not keep up. */
export const VIEW_COUNT_LIMIT = 1000;

export const viewSchema = z.object({
  id: z.string().describe('Built-in views have names such as "my-open"; saved views have numbers'),
  name: z.string(),
  builtIn: z.boolean(),
  shared: z.boolean(),
  filters: viewFilters,
  sort: viewSort,
  columns: z.array(z.enum(ticketColumns)),
  count: z
    .number()
    .nullable()
    .describe(
      `Tickets in the view, counted up to ${VIEW_COUNT_LIMIT.toLocaleString('en')} (see countCapped)`,
    ),
  countCapped: z.boolean().describe(`True when more tickets match than count: counting stops at the limit`),
});
export type View = z.infer<typeof viewSchema>;

export const createViewBody = z
  .object({
    name: lineText(80),
    shared: z.boolean().default(false),
    filters: viewFilters.default({}),
    sort: viewSort.default({ by: 'updated_at', dir: 'desc' }),
    columns: z
      .array(z.enum(ticketColumns))
      .min(1)
      .max(ticketColumns.length)
      .default([...defaultTicketColumns]),
  })
  .strict();
export const updateViewBody = z
  .object({
    name: lineText(80).optional(),
    shared: z.boolean().optional(),
    filters: viewFilters.optional(),
    sort: viewSort.optional(),
    columns: z.array(z.enum(ticketColumns)).min(1).max(ticketColumns.length).optional(),
  })
  .strict();

export const listTicketsQuery = pageQuery
  .extend({
    view: plainText(40).optional().describe('A view id: its filters and sort apply'),
    filters: z.string().max(4000).optional().describe('JSON of view filters, combined with the view'),
    sort: z.enum(sortKeys).optional(),
    dir: z.enum(['asc', 'desc']).optional(),
    q: plainText(200).optional().describe('Full-text search, combined with the filters'),
  })
  .strict();

export const bulkUpdateBody = z
  .object({
    ticketIds: z.array(z.number().int().positive()).min(1).max(500),
    changes: z
      .object({
        assigneeId: z.number().int().positive().nullable().optional(),
        teamId: z.number().int().positive().nullable().optional(),
        status: statusSchema.optional(),
        priority: prioritySchema.optional(),
        addTags: tagsSchema.optional(),
        removeTags: tagsSchema.optional(),
      })
      .strict(),
  })
  .strict();

export const bulkResult = z.object({
  updated: z.array(z.number()),
  failed: z.array(z.object({ ticketId: z.number(), code: z.string(), message: z.string() })),
});

export const mergeTicketsBody = z
  .object({
    sourceIds: z.array(z.number().int().positive()).min(1).max(20),
    acknowledgeRequesterChange: z
      .boolean()
      .default(false)
      .describe(
        "Merge tickets of another requester too: their replies and messages (never notes) become visible to this ticket's requester",
      ),
  })
  .strict()
  .describe('Tickets to merge into this one: their conversations move here and they are closed with a link');

export const searchQuery = z
  .object({
    q: plainText(200, { min: 1 }),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export const searchResult = z.object({
  tickets: z.array(
    z.object({ ticket: ticketSchema, snippet: z.string().describe('HTML with <mark> around matches') }),
  ),
  customers: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      email: z.string().nullable(),
      organization: z.string().nullable(),
    }),
  ),
});

export const categorySchema = z.object({
  id: z.number(),
  name: z.string(),
  parentId: z.number().nullable(),
  path: z.string().describe('"Billing › Refunds"'),
  position: z.number(),
  archived: z.boolean(),
});
export type Category = z.infer<typeof categorySchema>;
export const createCategoryBody = z
  .object({
    name: lineText(80),
    parentId: z.number().int().positive().nullable().default(null),
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .strict();
export const updateCategoryBody = z
  .object({
    name: lineText(80).optional(),
    parentId: z.number().int().positive().nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    archived: z.boolean().optional(),
  })
  .strict();

export const customFieldTypes = ['text', 'number', 'dropdown', 'date', 'checkbox'] as const;
export const customFieldSchema = z.object({
  id: z.number(),
  key: z.string(),
  label: z.string(),
  type: z.enum(customFieldTypes),
  options: z.array(z.string()),
  ticketTypes: z.array(typeSchema),
  required: z.boolean(),
  position: z.number(),
  archived: z.boolean(),
});
export type CustomField = z.infer<typeof customFieldSchema>;
export const createCustomFieldBody = z
  .object({
    key: customFieldKey,
    label: lineText(80),
    type: z.enum(customFieldTypes),
    options: z.array(lineText(80)).max(100).default([]),
    ticketTypes: z.array(typeSchema).max(4).default([]),
    required: z.boolean().default(false),
    position: z.number().int().min(0).max(10_000).default(0),
  })
  .strict();
export const updateCustomFieldBody = z
  .object({
    label: lineText(80).optional(),
    options: z.array(lineText(80)).max(100).optional(),
    ticketTypes: z.array(typeSchema).max(4).optional(),
    required: z.boolean().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    archived: z.boolean().optional(),
  })
  .strict();
