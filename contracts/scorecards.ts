import { z } from 'zod';
import { holidayDate } from './business-hours';

/**
 * A scorecard: one agent's or one team's KPIs over a period, each beside the average of their
 * peers (an agent: their team's per-agent average; a team: the department's per-team average)
 * and the previous period of the same length.
 */
export const scorecardKpis = [
  { key: 'solved', label: 'Solved', unit: 'count', direction: 'higher' },
  { key: 'replies', label: 'Replies', unit: 'count', direction: 'higher' },
  { key: 'touched', label: 'Tickets touched', unit: 'count', direction: 'higher' },
  { key: 'first_reply_median', label: 'First reply, median', unit: 'hours', direction: 'lower' },
  { key: 'resolution_median', label: 'Full resolution, median', unit: 'hours', direction: 'lower' },
  { key: 'sla_first_reply', label: 'First-reply SLA achieved', unit: 'percent', direction: 'higher' },
  { key: 'sla_resolution', label: 'Resolution SLA achieved', unit: 'percent', direction: 'higher' },
  { key: 'csat', label: 'CSAT', unit: 'percent', direction: 'higher' },
  { key: 'ces', label: 'Customer effort (CES)', unit: 'score', direction: 'lower' },
  { key: 'one_touch', label: 'One-touch resolution', unit: 'percent', direction: 'higher' },
  { key: 'reopen_rate', label: 'Reopen rate', unit: 'percent', direction: 'lower' },
  { key: 'handle_time', label: 'Handle time per ticket', unit: 'hours', direction: 'lower' },
] as const;
export type ScorecardKpiKey = (typeof scorecardKpis)[number]['key'];

export const scorecardQuery = z
  .object({
    from: holidayDate.optional().describe('First day; default the first of this month'),
    to: holidayDate.optional().describe('Last day; default today'),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  })
  .refine(
    (q) =>
      q.from === undefined || q.to === undefined || Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000,
    { message: 'a scorecard covers at most a year', path: ['to'] },
  );
export type ScorecardQuery = z.infer<typeof scorecardQuery>;

export const scorecardSchema = z
  .object({
    subject: z.object({
      kind: z.enum(['agent', 'team']),
      id: z.number(),
      name: z.string(),
      team: z
        .object({ id: z.number(), name: z.string() })
        .nullable()
        .describe("An agent's team the average is of"),
    }),
    period: z.object({ from: z.string(), to: z.string() }),
    previous: z.object({ from: z.string(), to: z.string() }),
    averageOf: z.string().describe('What the average is of, in words'),
    kpis: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        unit: z.enum(['count', 'percent', 'hours', 'score']),
        direction: z.enum(['higher', 'lower']),
        value: z.number().nullable(),
        average: z.number().nullable(),
        previous: z.number().nullable(),
      }),
    ),
  })
  .describe("An agent's or a team's scorecard");
export type Scorecard = z.infer<typeof scorecardSchema>;
