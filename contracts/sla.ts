import { z } from 'zod';
import { isoTimestamp } from './common';
import { slaMetricSchema } from './sla-summary';
import { lineText, plainText } from './text';
import { channelSchema, prioritySchema, ticketPriorities, typeSchema } from './tickets';

export * from './sla-summary';

/** The statuses during which a policy may stop its clocks. */
export const pausableStatuses = ['pending', 'on_hold'] as const;

/** A year, in minutes: the longest target. */
const MAX_TARGET_MINUTES = 525_600;

export const slaTargetSchema = z
  .object({
    minutes: z.number().int().min(1).max(MAX_TARGET_MINUTES).describe('Time allowed, in minutes'),
    businessHours: z
      .boolean()
      .default(true)
      .describe("Counted in the calendar's open hours (true) or around the clock (false)"),
  })
  .strict();
export type SlaTarget = z.infer<typeof slaTargetSchema>;

const targetsOfPriority = z
  .object({
    first_reply: slaTargetSchema.optional(),
    next_reply: slaTargetSchema.optional(),
    periodic_update: slaTargetSchema.optional(),
    resolution: slaTargetSchema.optional(),
  })
  .strict();

export const slaTargetsSchema = z
  .object({
    low: targetsOfPriority.optional(),
    normal: targetsOfPriority.optional(),
    high: targetsOfPriority.optional(),
    urgent: targetsOfPriority.optional(),
  })
  .strict()
  .describe('Targets per ticket priority; a metric left out has no target at that priority');
export type SlaTargets = z.infer<typeof slaTargetsSchema>;

const ids = z.array(z.number().int().positive()).max(50);

/** Which tickets a policy applies to: every condition given must hold; within one, any value. */
export const slaConditionsSchema = z
  .object({
    priority: z.array(prioritySchema).max(ticketPriorities.length).optional(),
    type: z.array(typeSchema).max(4).optional(),
    channel: z.array(channelSchema).max(7).optional(),
    teamId: ids.optional().describe('Any of these teams'),
    organizationId: ids.optional().describe('Any of these organisations'),
    categoryId: ids.optional().describe('Any of these categories'),
    plan: z
      .array(lineText(80))
      .max(20)
      .optional()
      .describe("Any of these contract plans (the organisation's running contract)"),
    tags: z
      .array(plainText(40).transform((t) => t.toLowerCase()))
      .max(10)
      .optional()
      .describe('Any of these tags'),
  })
  .strict();
export type SlaConditions = z.infer<typeof slaConditionsSchema>;

/** The conditions as a policy reads back: the tags are already lower case, so nothing is transformed on the way out. */
const slaConditionsRead = slaConditionsSchema.extend({
  tags: z.array(z.string()).optional().describe('Any of these tags'),
});

export const slaPolicySchema = z
  .object({
    id: z.number(),
    name: z.string(),
    description: z.string(),
    position: z.number().describe('Policies are tried in this order; the first that matches applies'),
    active: z.boolean(),
    conditions: slaConditionsRead,
    targets: slaTargetsSchema,
    calendar: z
      .object({ id: z.number(), name: z.string() })
      .nullable()
      .describe('Null: the default calendar'),
    pauseOn: z.array(z.enum(pausableStatuses)).describe('Statuses during which the clocks stop'),
    warnAtPercent: z.number().describe('Share of a target after which the assignee is warned'),
    onBreach: z.object({
      raisePriority: z.boolean().describe('Raise the priority one step when a target is missed'),
      escalateToTeam: z.object({ id: z.number(), name: z.string() }).nullable(),
    }),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .describe('A service-level policy');
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
export const slaPoliciesList = z.object({ data: z.array(slaPolicySchema) });

const policyFields = {
  name: lineText(80),
  description: lineText(500, { min: 0 }),
  active: z.boolean(),
  conditions: slaConditionsSchema,
  targets: slaTargetsSchema,
  calendarId: z.number().int().positive().nullable(),
  pauseOn: z.array(z.enum(pausableStatuses)).max(2),
  warnAtPercent: z.number().int().min(10).max(99),
  onBreach: z
    .object({
      raisePriority: z.boolean().default(false),
      escalateToTeamId: z.number().int().positive().nullable().default(null),
    })
    .strict(),
};

export const createSlaPolicyBody = z
  .object({
    name: policyFields.name,
    description: policyFields.description.default(''),
    active: policyFields.active.default(true),
    conditions: policyFields.conditions.default({}),
    targets: policyFields.targets,
    calendarId: policyFields.calendarId.default(null),
    pauseOn: policyFields.pauseOn.default(['pending', 'on_hold']),
    warnAtPercent: policyFields.warnAtPercent.default(75),
    onBreach: policyFields.onBreach.default({ raisePriority: false, escalateToTeamId: null }),
  })
  .strict();
export type CreateSlaPolicyBody = z.input<typeof createSlaPolicyBody>;

export const updateSlaPolicyBody = z
  .object({
    name: policyFields.name.optional(),
    description: policyFields.description.optional(),
    active: policyFields.active.optional(),
    conditions: policyFields.conditions.optional(),
    targets: policyFields.targets.optional(),
    calendarId: policyFields.calendarId.optional(),
    pauseOn: policyFields.pauseOn.optional(),
    warnAtPercent: policyFields.warnAtPercent.optional(),
    onBreach: policyFields.onBreach.optional(),
  })
  .strict();
export type UpdateSlaPolicyBody = z.input<typeof updateSlaPolicyBody>;

export const orderSlaPoliciesBody = z
  .object({
    ids: z.array(z.number().int().positive()).min(1).max(200).describe('Every policy id, first to last'),
  })
  .strict();

export const slaDryRunBody = z
  .object({
    ids: z
      .array(z.number().int().positive())
      .max(200)
      .optional()
      .describe('An order to try before saving it (every policy id); the saved order when left out'),
  })
  .strict();

export const slaDryRunResult = z.object({
  data: z.array(
    z.object({
      ticketId: z.number(),
      subject: z.string(),
      priority: prioritySchema,
      current: z.object({ id: z.number(), name: z.string() }).nullable().describe('The policy it has now'),
      proposed: z.object({ id: z.number(), name: z.string() }).nullable().describe('The policy it would get'),
    }),
  ),
  changed: z.number().describe('Tickets whose policy would change'),
});
export type SlaDryRun = z.infer<typeof slaDryRunResult>;

/** Where a clock stands. */
export const slaClockStates = ['running', 'paused', 'done'] as const;
export const slaOutcomes = ['achieved', 'breached', 'breached_then_achieved', 'cancelled'] as const;
export type SlaOutcome = (typeof slaOutcomes)[number];

export const slaClockSchema = z.object({
  metric: slaMetricSchema,
  state: z.enum(slaClockStates),
  targetMinutes: z.number(),
  businessHours: z.boolean(),
  startedAt: isoTimestamp,
  countedMinutes: z
    .number()
    .describe('Time counted so far (business or calendar minutes), up to the last change'),
  runningSince: isoTimestamp.nullable(),
  dueAt: isoTimestamp.nullable().describe('When the target runs out; null while paused or done'),
  warnAt: isoTimestamp.nullable(),
  warnedAt: isoTimestamp.nullable(),
  breachedAt: isoTimestamp.nullable(),
  stoppedAt: isoTimestamp.nullable(),
  outcome: z.enum(slaOutcomes).nullable(),
});
export type SlaClock = z.infer<typeof slaClockSchema>;

export const slaEventTypes = [
  'started',
  'paused',
  'resumed',
  'retargeted',
  'policy_applied',
  'policy_changed',
  'policy_removed',
  'warned',
  'breached',
  'achieved',
  'stopped',
  'escalated',
] as const;
export type SlaEventType = (typeof slaEventTypes)[number];

export const slaEventSchema = z.object({
  id: z.number(),
  type: z.enum(slaEventTypes),
  metric: slaMetricSchema.nullable(),
  policy: z.object({ id: z.number(), name: z.string() }).nullable(),
  detail: z.string().describe('What happened, in words'),
  at: isoTimestamp,
});
export type SlaEvent = z.infer<typeof slaEventSchema>;

export const ticketSlaSchema = z.object({
  policy: z.object({ id: z.number(), name: z.string() }).nullable(),
  calendar: z.object({ id: z.number(), name: z.string(), timezone: z.string() }).nullable(),
  clocks: z.array(slaClockSchema),
  events: z.array(slaEventSchema),
});
export type TicketSla = z.infer<typeof ticketSlaSchema>;
