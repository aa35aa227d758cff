import { z } from 'zod';
import { isoTimestamp } from './common';
import { emailAddress, lineText, proseText } from './text';
import {
  channelSchema,
  customFieldKey,
  prioritySchema,
  statusSchema,
  tagsSchema,
  ticketChannels,
  ticketPriorities,
  ticketStatuses,
  ticketTypes,
  typeSchema,
} from './tickets';

// Triggers (rules run on every ticket change) and time-based automations (rules a periodic job
// runs): their conditions, actions, and how both read in words.

/** What a condition looks at. */
export const conditionFields = [
  'status',
  'priority',
  'type',
  'channel',
  'team',
  'assignee',
  'category',
  'organization',
  'requester',
  'mailbox',
  'tags',
  'custom_field',
  'contract_plan',
  'subject',
  'body',
  'text',
  'business_hours',
  'sla',
  'hours_since_created',
  'hours_since_updated',
  'hours_since_pending',
  'hours_since_customer_message',
  'hours_since_solved',
] as const;
export type ConditionField = (typeof conditionFields)[number];

export const conditionOperators = [
  'is',
  'is_not',
  'one_of',
  'changed',
  'changed_to',
  'changed_from',
  'contains',
  'not_contains',
  'matches',
  'is_set',
  'not_set',
  'within',
  'outside',
  'at_least',
  'less_than',
] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

export const slaStates = ['none', 'running', 'warning', 'breached'] as const;
export type SlaState = (typeof slaStates)[number];

/** Fields whose previous value a change records (`changed_to`, `changed_from`). */
export const changeableFields = ['status', 'priority', 'type', 'team', 'assignee', 'category'] as const;
const enumFields = {
  status: ticketStatuses,
  priority: ticketPriorities,
  type: ticketTypes,
  channel: ticketChannels,
};
const refFields = ['team', 'assignee', 'category', 'organization', 'requester', 'mailbox'] as const;
const textFields = ['subject', 'body', 'text'] as const;
export const timeFields = [
  'hours_since_created',
  'hours_since_updated',
  'hours_since_pending',
  'hours_since_customer_message',
  'hours_since_solved',
] as const;
export type TimeField = (typeof timeFields)[number];

const has = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** The operators each field takes. */
export function operatorsOf(field: ConditionField): readonly ConditionOperator[] {
  if (has(timeFields, field)) return ['at_least', 'less_than'];
  if (field === 'business_hours') return ['within', 'outside'];
  if (has(textFields, field)) return ['contains', 'not_contains', 'matches'];
  if (field === 'tags') return ['contains', 'not_contains'];
  if (field === 'custom_field') return ['is', 'is_not', 'contains', 'is_set', 'not_set'];
  if (field === 'sla' || field === 'channel' || field === 'organization') return ['is', 'is_not', 'one_of'];
  if (has(changeableFields, field))
    return ['is', 'is_not', 'one_of', 'changed', 'changed_to', 'changed_from'];
  return ['is', 'is_not'];
}

const conditionValue = z.union([
  z.string().max(500),
  z.number().finite(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string().max(80), z.number().int()])).max(20),
]);

const conditionBase = z
  .object({
    field: z.enum(conditionFields),
    operator: z.enum(conditionOperators),
    value: conditionValue.default(null),
    /** The custom field's key (field `custom_field`). */
    key: customFieldKey.optional(),
    /** Time conditions: count only open hours of the ticket's business calendar. */
    businessHours: z.boolean().optional(),
  })
  .strict();
export type Condition = z.output<typeof conditionBase>;
export type ConditionInput = z.input<typeof conditionBase>;

/** Why a condition cannot be used, or null. The server checks regular expressions further (linear time). */
export function conditionProblem(c: Condition): { path: string; message: string } | null {
  if (!operatorsOf(c.field).includes(c.operator))
    return { path: 'operator', message: `"${c.operator}" does not apply to ${c.field.replace(/_/g, ' ')}` };
  const v = c.value;
  if (c.field === 'custom_field' && !c.key) return { path: 'key', message: 'Name the custom field' };
  if (c.operator === 'one_of') {
    if (!Array.isArray(v) || v.length === 0) return { path: 'value', message: 'Give a list of values' };
  } else if (Array.isArray(v)) return { path: 'value', message: 'Give one value' };
  if (c.operator === 'changed' || c.operator === 'is_set' || c.operator === 'not_set') return null;
  if (c.operator === 'within' || c.operator === 'outside') return null;
  if (has(timeFields, c.field))
    return typeof v === 'number' && v >= 0 && v <= 100_000
      ? null
      : { path: 'value', message: 'Give a number of hours (0 to 100000)' };
  if (has(textFields, c.field) || c.field === 'tags')
    return typeof v === 'string' && v.length > 0
      ? null
      : { path: 'value', message: 'Give the text to look for' };
  const values = Array.isArray(v) ? v : [v];
  const allowed =
    c.field in enumFields
      ? enumFields[c.field as keyof typeof enumFields]
      : c.field === 'sla'
        ? slaStates
        : null;
  if (allowed) {
    const bad = values.find((x) => typeof x !== 'string' || !has(allowed, x));
    return bad === undefined ? null : { path: 'value', message: `One of: ${allowed.join(', ')}` };
  }
  if (has(refFields, c.field)) {
    const ok = values.every((x) => x === null || (typeof x === 'number' && Number.isInteger(x) && x > 0));
    return ok ? null : { path: 'value', message: 'An id, or null for none' };
  }
  if (c.field === 'contract_plan')
    return v === null || typeof v === 'string'
      ? null
      : { path: 'value', message: 'A plan name, or null for none' };
  return null;
}

export const conditionSchema = conditionBase.superRefine((c, ctx) => {
  const problem = conditionProblem(c);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
});

/** All of `all` must hold and, when `any` has conditions, at least one of them. */
export const conditionsSchema = z
  .object({
    all: z.array(conditionSchema).max(30).default([]),
    any: z.array(conditionSchema).max(30).default([]),
  })
  .strict();
export type Conditions = z.output<typeof conditionsSchema>;

export const settableFields = ['status', 'priority', 'type', 'team', 'assignee', 'category'] as const;
export type SettableField = (typeof settableFields)[number];

const setAction = z
  .object({
    type: z.literal('set'),
    field: z.enum(settableFields),
    value: z.union([z.string().max(40), z.number().int().positive(), z.null()]),
  })
  .strict()
  .superRefine((a, ctx) => {
    const allowed = a.field in enumFields ? enumFields[a.field as keyof typeof enumFields] : null;
    if (allowed ? typeof a.value !== 'string' || !has(allowed, a.value) : typeof a.value === 'string')
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: allowed ? `One of: ${allowed.join(', ')}` : 'An id, or null for none',
      });
    if (a.field === 'status' && a.value === 'new')
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'A ticket cannot be made new again' });
  });

export const actionSchema = z.union([
  setAction,
  z
    .object({
      type: z.literal('set_custom_field'),
      key: customFieldKey,
      value: z.union([proseText(500, { min: 0 }), z.number().finite(), z.boolean(), z.null()]),
    })
    .strict(),
  z
    .object({
      type: z.literal('route'),
      teamId: z.number().int().positive(),
    })
    .strict()
    .describe("Moves the ticket to the team and assigns it by the team's routing method"),
  z.object({ type: z.literal('add_tags'), tags: tagsSchema.min(1) }).strict(),
  z.object({ type: z.literal('remove_tags'), tags: tagsSchema.min(1) }).strict(),
  z
    .object({
      type: z.literal('notify'),
      target: z.enum(['user', 'team', 'assignee', 'team_lead', 'email']),
      userId: z.number().int().positive().optional(),
      teamId: z.number().int().positive().optional(),
      email: emailAddress.optional(),
      message: lineText(300, { min: 0 }).default(''),
    })
    .strict()
    .superRefine((a, ctx) => {
      if (a.target === 'user' && !a.userId)
        ctx.addIssue({ code: 'custom', path: ['userId'], message: 'Choose who to notify' });
      if (a.target === 'team' && !a.teamId)
        ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'Choose the team to notify' });
      if (a.target === 'email' && !a.email)
        ctx.addIssue({ code: 'custom', path: ['email'], message: 'Give the address to notify' });
    }),
  z
    .object({
      type: z.literal('email_customer'),
      body: proseText(5000).describe(
        'Markdown; {{customer.name}}, {{ticket.id}}, {{ticket.subject}} and {{ticket.status}} are filled in (escaped)',
      ),
    })
    .strict(),
  z.object({ type: z.literal('escalate'), reason: lineText(200) }).strict(),
  z.object({ type: z.literal('note'), body: proseText(5000) }).strict(),
]);
export type Action = z.output<typeof actionSchema>;
export type ActionInput = z.input<typeof actionSchema>;

// Rules as answers give them: the same shapes, without the input checks and defaults (the
// response serializers compile plain schemas).
const conditionOut = z.object({
  field: z.enum(conditionFields),
  operator: z.enum(conditionOperators),
  value: conditionValue,
  key: z.string().optional(),
  businessHours: z.boolean().optional(),
});
const conditionsOut = z.object({ all: z.array(conditionOut), any: z.array(conditionOut) });
const actionOut = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('set'),
    field: z.enum(settableFields),
    value: z.union([z.string(), z.number(), z.null()]),
  }),
  z.object({
    type: z.literal('set_custom_field'),
    key: z.string(),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  }),
  z.object({ type: z.literal('route'), teamId: z.number() }),
  z.object({ type: z.literal('add_tags'), tags: z.array(z.string()) }),
  z.object({ type: z.literal('remove_tags'), tags: z.array(z.string()) }),
  z.object({
    type: z.literal('notify'),
    target: z.enum(['user', 'team', 'assignee', 'team_lead', 'email']),
    message: z.string(),
    userId: z.number().optional(),
    teamId: z.number().optional(),
    email: z.string().optional(),
  }),
  z.object({ type: z.literal('email_customer'), body: z.string() }),
  z.object({ type: z.literal('escalate'), reason: z.string() }),
  z.object({ type: z.literal('note'), body: z.string() }),
]);

export const triggerWhen = ['create', 'update', 'both'] as const;
export type TriggerWhen = (typeof triggerWhen)[number];

const ruleName = lineText(120);

export const triggerDraft = z
  .object({
    name: ruleName,
    active: z.boolean().default(true),
    when: z.enum(triggerWhen).default('both'),
    conditions: conditionsSchema,
    actions: z.array(actionSchema).min(1, 'Add at least one action').max(20),
  })
  .strict();
export type TriggerDraft = z.output<typeof triggerDraft>;
export type TriggerDraftInput = z.input<typeof triggerDraft>;

export const createTriggerBody = triggerDraft;
export const updateTriggerBody = z
  .object({
    name: ruleName.optional(),
    active: z.boolean().optional(),
    when: z.enum(triggerWhen).optional(),
    conditions: conditionsSchema.optional(),
    actions: z.array(actionSchema).min(1, 'Add at least one action').max(20).optional(),
  })
  .strict();

export const triggerSchema = z.object({
  id: z.number(),
  name: z.string(),
  active: z.boolean(),
  position: z.number(),
  when: z.enum(triggerWhen),
  conditions: conditionsOut,
  actions: z.array(actionOut),
  description: z.string().describe('The trigger in words'),
  firedCount: z.number(),
  lastFiredAt: isoTimestamp.nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Trigger = z.infer<typeof triggerSchema>;
export const triggersList = z.object({ data: z.array(triggerSchema) });

export const orderBody = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(500) })
  .strict()
  .describe('Every id, in the new order');

export const triggerDryRunBody = z
  .object({
    triggerId: z.number().int().positive().optional(),
    trigger: triggerDraft.optional(),
  })
  .strict()
  .refine((b) => (b.triggerId === undefined) !== (b.trigger === undefined), {
    message: 'Give either triggerId or trigger',
    path: ['trigger'],
  });

export const dryRunRow = z.object({
  ticketId: z.number(),
  subject: z.string(),
  status: statusSchema,
  priority: prioritySchema,
  type: typeSchema,
  channel: channelSchema,
  matched: z.boolean(),
  changes: z.array(z.string()).describe('What the rule would change, in words'),
});
export const dryRunResult = z.object({
  checked: z.number(),
  matched: z.number(),
  data: z.array(dryRunRow),
});
export type DryRunResult = z.infer<typeof dryRunResult>;

export const automationKinds = ['custom', 'auto_close'] as const;

export const automationDraft = z
  .object({
    name: ruleName,
    active: z.boolean().default(true),
    conditions: conditionsSchema,
    actions: z.array(actionSchema).min(1, 'Add at least one action').max(20),
  })
  .strict();
export type AutomationDraft = z.output<typeof automationDraft>;
export type AutomationDraftInput = z.input<typeof automationDraft>;
export const createAutomationBody = automationDraft;
export const updateAutomationBody = z
  .object({
    name: ruleName.optional(),
    active: z.boolean().optional(),
    conditions: conditionsSchema.optional(),
    actions: z.array(actionSchema).min(1, 'Add at least one action').max(20).optional(),
  })
  .strict();

export const automationSchema = z.object({
  id: z.number(),
  name: z.string(),
  active: z.boolean(),
  position: z.number(),
  kind: z
    .enum(automationKinds)
    .describe(
      'auto_close: the default "solved N days, then close"; its days are the setting tickets.autoCloseDays',
    ),
  conditions: conditionsOut,
  actions: z.array(actionOut),
  description: z.string(),
  actedCount: z.number(),
  lastRunAt: isoTimestamp.nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Automation = z.infer<typeof automationSchema>;
export const automationsList = z.object({ data: z.array(automationSchema) });

export const automationDryRunBody = z
  .object({
    automationId: z.number().int().positive().optional(),
    automation: automationDraft.optional(),
  })
  .strict()
  .refine((b) => (b.automationId === undefined) !== (b.automation === undefined), {
    message: 'Give either automationId or automation',
    path: ['automation'],
  });

export const automationRunResult = z.object({
  checked: z.number().describe('Tickets looked at'),
  acted: z.number().describe('Tickets the rule acted on in this run'),
  failed: z.number().describe('Tickets that failed and wait for a retry (see failed background work)'),
});

// ---- Words ----

/** Names of the things conditions and actions point at by id; unknown ids read as "#id". */
export interface Names {
  teams?: ReadonlyMap<number, string>;
  users?: ReadonlyMap<number, string>;
  categories?: ReadonlyMap<number, string>;
  organizations?: ReadonlyMap<number, string>;
  mailboxes?: ReadonlyMap<number, string>;
}

const fieldWords: Record<ConditionField, string> = {
  status: 'status',
  priority: 'priority',
  type: 'type',
  channel: 'channel',
  team: 'team',
  assignee: 'assignee',
  category: 'category',
  organization: 'organisation',
  requester: 'requester',
  mailbox: 'mailbox',
  tags: 'tags',
  custom_field: 'field',
  contract_plan: 'contract plan',
  subject: 'subject',
  body: 'message',
  text: 'subject or message',
  business_hours: 'business hours',
  sla: 'service level',
  hours_since_created: 'hours since created',
  hours_since_updated: 'hours since the last update',
  hours_since_pending: 'hours pending',
  hours_since_customer_message: "hours since the customer's last message",
  hours_since_solved: 'hours since solved',
};

const words = (v: unknown) => String(v).replace(/_/g, ' ');

function refName(field: string, v: unknown, names: Names): string {
  if (v === null || v === undefined) return 'none';
  const id = Number(v);
  const map =
    field === 'team'
      ? names.teams
      : field === 'assignee' || field === 'requester'
        ? names.users
        : field === 'category'
          ? names.categories
          : field === 'organization'
            ? names.organizations
            : field === 'mailbox'
              ? names.mailboxes
              : undefined;
  return map?.get(id) ?? `#${id}`;
}

function valueWords(field: string, v: unknown, names: Names): string {
  if (Array.isArray(v)) {
    const parts = v.map((x) => valueWords(field, x, names));
    return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}` : (parts[0] ?? '');
  }
  if (has(refFields, field)) return refName(field, v, names);
  if (v === null) return 'none';
  if (typeof v === 'string' && (has(textFields, field) || field === 'tags' || field === 'custom_field'))
    return `“${v}”`;
  return words(v);
}

/** One condition in words: "priority changed to urgent", "subject contains “refund”". */
export function describeCondition(c: Condition, names: Names = {}): string {
  const subject = c.field === 'custom_field' ? `field ${c.key ?? ''}` : fieldWords[c.field];
  const value = valueWords(c.field, c.value, names);
  if (has(timeFields, c.field)) {
    const unit = c.businessHours ? 'business hours' : 'hours';
    const what = fieldWords[c.field].replace(/^hours /, '');
    return `${c.operator === 'at_least' ? 'at least' : 'less than'} ${c.value} ${unit} ${what}`;
  }
  switch (c.operator) {
    case 'within':
      return 'within business hours';
    case 'outside':
      return 'outside business hours';
    case 'is':
      return c.field === 'tags' ? `tags include ${value}` : `${subject} is ${value}`;
    case 'is_not':
      return `${subject} is not ${value}`;
    case 'one_of':
      return `${subject} is ${value}`;
    case 'changed':
      return `${subject} changed`;
    case 'changed_to':
      return `${subject} changed to ${value}`;
    case 'changed_from':
      return `${subject} changed from ${value}`;
    case 'contains':
      return c.field === 'tags' ? `tags include ${value}` : `${subject} contains ${value}`;
    case 'not_contains':
      return c.field === 'tags' ? `tags do not include ${value}` : `${subject} does not contain ${value}`;
    case 'matches':
      return `${subject} matches the pattern ${value}`;
    case 'is_set':
      return `${subject} is set`;
    case 'not_set':
      return `${subject} is empty`;
    default:
      return `${subject} ${words(c.operator)} ${value}`;
  }
}

/** One action in words: "set priority to high", "move it to Complaints". */
export function describeAction(a: Action, names: Names = {}): string {
  switch (a.type) {
    case 'set':
      if (a.field === 'team')
        return a.value === null ? 'take it off its team' : `move it to ${refName('team', a.value, names)}`;
      if (a.field === 'assignee')
        return a.value === null ? 'unassign it' : `assign it to ${refName('assignee', a.value, names)}`;
      return `set ${a.field} to ${valueWords(a.field, a.value, names)}`;
    case 'set_custom_field':
      return `set field ${a.key} to ${a.value === null ? 'empty' : `“${String(a.value)}”`}`;
    case 'route':
      return `route it to ${refName('team', a.teamId, names)} by the team's assignment method`;
    case 'add_tags':
      return `add tag${a.tags.length > 1 ? 's' : ''} ${a.tags.join(', ')}`;
    case 'remove_tags':
      return `remove tag${a.tags.length > 1 ? 's' : ''} ${a.tags.join(', ')}`;
    case 'notify': {
      const who =
        a.target === 'user'
          ? refName('assignee', a.userId, names)
          : a.target === 'team'
            ? `the ${refName('team', a.teamId, names)} team`
            : a.target === 'assignee'
              ? 'the assignee'
              : a.target === 'team_lead'
                ? "the team's lead"
                : (a.email ?? '');
      return `notify ${who}`;
    }
    case 'email_customer':
      return 'email the customer';
    case 'escalate':
      return `escalate it (“${a.reason}”)`;
    case 'note':
      return 'add an internal note';
  }
}

const joinAnd = (parts: string[]) =>
  parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
const joinOr = (parts: string[]) =>
  parts.length > 1 ? `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}` : (parts[0] ?? '');

/** The conditions in words: "its type is complaint and (priority is high or tags include vip)". */
export function describeConditions(c: Conditions, names: Names = {}): string {
  const all = c.all.map((x) => describeCondition(x, names));
  const any = c.any.map((x) => describeCondition(x, names));
  if (any.length > 0) all.push(any.length > 1 ? `either ${joinOr(any)}` : any[0]!);
  return joinAnd(all);
}

/** A whole trigger in words: "When a ticket is created and its type is complaint, set priority to high and move it to Complaints". */
export function describeTrigger(
  t: { when: TriggerWhen; conditions: Conditions; actions: readonly Action[] },
  names: Names = {},
): string {
  const when =
    t.when === 'create' ? 'is created' : t.when === 'update' ? 'is updated' : 'is created or updated';
  const conditions = describeConditions(t.conditions, names);
  const actions = joinAnd(t.actions.map((a) => describeAction(a, names)));
  return `When a ticket ${when}${conditions ? ` and ${conditions}` : ''}, ${actions}`;
}

/** A time-based automation in words: "Every few minutes, for tickets where …, solve them". */
export function describeAutomation(
  a: { conditions: Conditions; actions: readonly Action[] },
  names: Names = {},
): string {
  const conditions = describeConditions(a.conditions, names);
  const actions = joinAnd(a.actions.map((x) => describeAction(x, names)));
  return `For each ticket where ${conditions || 'anything'}: ${actions}, once per period`;
}
