import { z } from 'zod';
import { isoTimestamp } from './common';
import { prioritySchema, VIEW_COUNT_LIMIT } from './tickets';

/** A queue's size, counted up to the views' limit like their badges. */
export const queueCountSchema = z.object({
  count: z
    .number()
    .int()
    .describe(`Tickets, counted up to ${VIEW_COUNT_LIMIT.toLocaleString('en')}`),
  countCapped: z.boolean().describe('True when more tickets match than count'),
});
export type QueueCount = z.infer<typeof queueCountSchema>;

export const teamQueueSchema = z.object({
  team: z
    .object({ id: z.number(), name: z.string() })
    .nullable()
    .describe('Null: the tickets that reached no team'),
  open: queueCountSchema.describe('Unsolved tickets: new, open, pending or on hold'),
  unassigned: queueCountSchema.describe('Unsolved tickets nobody is assigned to'),
  pending: queueCountSchema.describe('Tickets waiting on the customer'),
});
export type TeamQueue = z.infer<typeof teamQueueSchema>;

export const workloadSchema = z.object({
  scope: z
    .enum(['all', 'own'])
    .describe("'all': every team (managers and admins); 'own': the caller's own teams (agents)"),
  mine: z
    .object({ open: queueCountSchema, pending: queueCountSchema })
    .nullable()
    .describe("The caller's own tickets; null for an API token"),
  teams: z
    .array(teamQueueSchema)
    .describe('By team name; the no-team row last, and only when it holds tickets'),
  oldestUnassigned: z
    .object({
      id: z.number(),
      subject: z.string(),
      priority: prioritySchema,
      createdAt: isoTimestamp,
      team: z.object({ id: z.number(), name: z.string() }).nullable(),
    })
    .nullable()
    .describe('The unsolved ticket that has waited longest for someone to take it, within the scope'),
});
export type Workload = z.infer<typeof workloadSchema>;
