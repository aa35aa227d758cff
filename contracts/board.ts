import { z } from 'zod';
import { isoTimestamp } from './common';
import { presenceStateSchema } from './routing';
import { statusSchema } from './tickets';

const teamRef = z
  .object({ id: z.number().int(), name: z.string() })
  .nullable()
  .describe('Null: the tickets that reached no team');

/** The unsolved statuses the backlog is counted in. */
export const boardStatuses = ['new', 'open', 'pending', 'on_hold'] as const;

export const boardTeamRowSchema = z.object({
  team: teamRef,
  open: z.number().int().describe('Unsolved tickets of the team'),
  byStatus: z.record(statusSchema, z.number().int()).describe('Unsolved tickets by status'),
  unassigned: z.number().int().describe('Unsolved tickets of the team nobody is assigned to'),
});
export type BoardTeamRow = z.infer<typeof boardTeamRowSchema>;

/** How long unassigned tickets have waited: the buckets' upper bounds in hours (the last has none). */
export const unassignedBuckets = [
  { key: 'under1h', label: 'Under 1 hour', fromHours: 0, toHours: 1 },
  { key: 'under4h', label: '1 to 4 hours', fromHours: 1, toHours: 4 },
  { key: 'under24h', label: '4 to 24 hours', fromHours: 4, toHours: 24 },
  { key: 'over24h', label: 'Over a day', fromHours: 24, toHours: null },
] as const;
export type UnassignedBucketKey = (typeof unassignedBuckets)[number]['key'];

export const boardAgentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  presence: presenceStateSchema,
  load: z.number().int().describe('Unsolved tickets assigned to the agent'),
});
export type BoardAgent = z.infer<typeof boardAgentSchema>;

export const boardAlertKinds = ['unassigned', 'spike'] as const;
export const boardAlertSchema = z.object({
  kind: z
    .enum(boardAlertKinds)
    .describe(
      "'unassigned': tickets left unassigned past the team's alert time; 'spike': a surge in incoming tickets",
    ),
  title: z.string(),
  since: isoTimestamp.describe('When the first ticket of the alert was raised'),
  ticketIds: z.array(z.number().int()).describe('The tickets behind the alert (at most 50)'),
});
export type BoardAlert = z.infer<typeof boardAlertSchema>;

export const boardHourSchema = z.object({
  hour: z.number().int().min(0).max(23).describe('Hour of the day in the desk’s time zone'),
  from: isoTimestamp.describe('Where the hour starts'),
  incoming: z.number().int(),
  solved: z.number().int(),
});
export type BoardHour = z.infer<typeof boardHourSchema>;

export const boardSchema = z.object({
  scope: z
    .enum(['all', 'led'])
    .describe("'all': every team (managers and admins); 'led': the teams the caller leads"),
  teamIds: z.array(z.number().int()).nullable().describe('The teams the board covers; null for all'),
  generatedAt: isoTimestamp,
  backlog: z.object({
    open: z.number().int(),
    byStatus: z.record(statusSchema, z.number().int()),
    byTeam: z.array(boardTeamRowSchema),
  }),
  unassigned: z.object({
    count: z.number().int(),
    oldestAt: isoTimestamp.nullable().describe('When the longest-waiting unassigned ticket came in'),
    buckets: z.array(
      z.object({
        key: z.enum(unassignedBuckets.map((b) => b.key) as [UnassignedBucketKey, ...UnassignedBucketKey[]]),
        label: z.string(),
        count: z.number().int(),
        createdAfter: isoTimestamp.nullable(),
        createdBefore: isoTimestamp.nullable(),
      }),
    ),
  }),
  sla: z.object({
    breached: z.number().int().describe('Unsolved tickets whose next service-level target has run out'),
    breachingSoon: z.number().int().describe('Unsolved tickets whose next target runs out within the hour'),
    soonUntil: isoTimestamp,
  }),
  agents: z.array(boardAgentSchema),
  today: z.object({
    timezone: z.string(),
    from: isoTimestamp.describe('Midnight today in the desk’s time zone'),
    incoming: z.number().int(),
    solved: z.number().int(),
    hours: z.array(boardHourSchema),
  }),
  alerts: z.array(boardAlertSchema),
});
export type Board = z.infer<typeof boardSchema>;
