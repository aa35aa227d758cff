import { z } from 'zod';
import { isoTimestamp, pageQuery } from './common';
import { lineText } from './text';
import type { TicketPriority, ticketChannels } from './tickets';

type TicketChannel = (typeof ticketChannels)[number];

/**
 * Routing: how a team's new tickets find an agent. `manual`: nobody is picked; `round_robin`:
 * the next qualified agent in turn; `least_loaded`: the qualified agent with the lowest load,
 * open tickets weighted by priority (`priorityWeights`).
 */
export const routingMethods = ['manual', 'round_robin', 'least_loaded'] as const;
export const routingMethodSchema = z.enum(routingMethods);
export type RoutingMethod = z.infer<typeof routingMethodSchema>;

export const routingMethodLabels: Record<RoutingMethod, string> = {
  manual: 'Manual',
  round_robin: 'Round robin',
  least_loaded: 'Least loaded',
};

/** How much one open ticket weighs in an agent's load (least loaded). */
export const priorityWeights: Record<TicketPriority, number> = { urgent: 4, high: 2, normal: 1, low: 0.5 };

export const presenceStatuses = ['online', 'away', 'offline'] as const;
export const presenceSchema = z.enum(presenceStatuses);
export type PresenceStatus = z.infer<typeof presenceSchema>;
export const presenceLabels: Record<PresenceStatus, string> = {
  online: 'Online',
  away: 'Away',
  offline: 'Offline',
};
export const presenceReasons = ['set', 'inactive', 'signed_out', 'deactivated'] as const;

export const MIN_SKILL_LEVEL = 1;
export const MAX_SKILL_LEVEL = 5;
const skillName = lineText(40);
const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, 'Use a two-letter language code (ISO 639-1), e.g. en')
  .max(2);

/** An agent's skill and how good they are at it (1 beginner … 5 expert). */
export const agentSkill = z
  .object({
    name: skillName,
    level: z.number().int().min(MIN_SKILL_LEVEL).max(MAX_SKILL_LEVEL),
  })
  .strict();
export type AgentSkill = z.infer<typeof agentSkill>;

const channelCap = z.number().int().min(0).max(1000).optional();
/** The most open tickets of each channel an agent may hold; a channel left out is unlimited. */
export const capacitySchema = z
  .object({
    email: channelCap,
    web: channelCap,
    portal: channelCap,
    api: channelCap,
    phone: channelCap,
    walk_in: channelCap,
    other: channelCap,
  })
  .strict();
export type Capacity = Partial<Record<TicketChannel, number>>;

export const presenceStateSchema = z.object({
  status: presenceSchema,
  reason: z.enum(presenceReasons),
  changedAt: isoTimestamp.nullable(),
});
export type PresenceState = z.infer<typeof presenceStateSchema>;

export const setPresenceBody = z.object({ status: presenceSchema }).strict();

export const agentLoad = z.object({
  open: z.number(),
  weighted: z.number(),
  byChannel: z.record(z.string(), z.number()),
});

export const routingAgentSchema = z.object({
  id: z.number(),
  name: z.string(),
  role: z.string(),
  presence: presenceStateSchema,
  skills: z.array(agentSkill),
  languages: z.array(z.string()),
  capacity: z.record(z.string(), z.number()),
  load: agentLoad,
});
export type RoutingAgent = z.infer<typeof routingAgentSchema>;

export const teamRoutingSchema = z.object({
  team: z.object({ id: z.number(), name: z.string() }),
  lead: z.object({ id: z.number(), name: z.string() }).nullable(),
  method: routingMethodSchema,
  redistributeOffline: z.boolean(),
  alertAfterMinutes: z.number().nullable(),
  agents: z.array(routingAgentSchema),
  unassigned: z.number(),
});
export type TeamRouting = z.infer<typeof teamRoutingSchema>;
export const teamRoutingList = z.object({ data: z.array(teamRoutingSchema) });

export const updateTeamRoutingBody = z
  .object({
    method: routingMethodSchema.optional(),
    redistributeOffline: z.boolean().optional(),
    alertAfterMinutes: z.number().int().min(1).max(10_080).nullable().optional(),
  })
  .strict();
export type UpdateTeamRoutingBody = z.input<typeof updateTeamRoutingBody>;

export const updateAgentRoutingBody = z
  .object({
    capacity: capacitySchema.optional(),
    skills: z.array(agentSkill).max(30).optional(),
    languages: z.array(languageCode).max(30).optional(),
  })
  .strict();
export type UpdateAgentRoutingBody = z.input<typeof updateAgentRoutingBody>;

export const routingLogEntry = z.object({
  id: z.number(),
  ticketId: z.number(),
  ticketSubject: z.string().nullable(),
  team: z.object({ id: z.number(), name: z.string() }).nullable(),
  method: z.string(),
  assignee: z.object({ id: z.number(), name: z.string() }).nullable(),
  outcome: z.enum(['assigned', 'unassigned']),
  reason: z.string(),
  candidates: z.number(),
  language: z.string().nullable(),
  skills: z.array(z.string()),
  createdAt: isoTimestamp,
});
export type RoutingLogEntry = z.infer<typeof routingLogEntry>;
export const routingLogPage = z.object({ data: z.array(routingLogEntry), nextCursor: z.string().nullable() });

export const routingLogQuery = pageQuery
  .extend({
    ticketId: z.coerce.number().int().positive().optional(),
    teamId: z.coerce.number().int().positive().optional(),
  })
  .strict();
export type RoutingLogQuery = z.input<typeof routingLogQuery>;

export const reassignQueueBody = z
  .object({
    fromUserId: z.number().int().positive(),
    toUserId: z.number().int().positive().optional(),
    route: z.literal(true).optional(),
  })
  .strict()
  .refine((b) => (b.toUserId === undefined) !== (b.route === undefined), {
    message: 'Give either toUserId or route: true',
    path: ['toUserId'],
  });
export const reassignQueueResult = z.object({
  moved: z.number(),
  assigned: z.number(),
  unassigned: z.number(),
});

export const agentPresenceList = z.object({
  data: z.array(z.object({ id: z.number(), name: z.string(), presence: presenceStateSchema })),
});
