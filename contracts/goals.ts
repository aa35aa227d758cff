import { z } from 'zod';
import { holidayDate } from './business-hours';
import { isoTimestamp } from './common';
import type { ReportKind } from './reports';
import { lineText } from './text';

/**
 * Goals: a KPI of the reports with a target over a period, owned by the department, a team or
 * an agent. Progress is the KPI over the elapsed part of the period (docs/metrics.md, Goals).
 */
export type GoalDirection = 'higher' | 'lower';
/** A count adds up over the period (extrapolated); a level is a rate, median or score (read as it stands). */
export type GoalKpiShape = 'count' | 'level';

export interface GoalKpi {
  label: string;
  report: ReportKind;
  /** The figure's key in that report. */
  figure: string;
  unit: 'count' | 'percent' | 'hours' | 'score';
  direction: GoalDirection;
  shape: GoalKpiShape;
}

export const goalKpis = {
  csat: {
    label: 'CSAT',
    report: 'satisfaction',
    figure: 'csat',
    unit: 'percent',
    direction: 'higher',
    shape: 'level',
  },
  nps: {
    label: 'NPS',
    report: 'satisfaction',
    figure: 'nps',
    unit: 'score',
    direction: 'higher',
    shape: 'level',
  },
  ces: {
    label: 'Customer effort (CES)',
    report: 'satisfaction',
    figure: 'ces',
    unit: 'score',
    direction: 'lower',
    shape: 'level',
  },
  first_reply_median: {
    label: 'First reply, median',
    report: 'speed',
    figure: 'first_reply_median',
    unit: 'hours',
    direction: 'lower',
    shape: 'level',
  },
  resolution_median: {
    label: 'Full resolution, median',
    report: 'speed',
    figure: 'resolution_median',
    unit: 'hours',
    direction: 'lower',
    shape: 'level',
  },
  sla_first_reply: {
    label: 'First-reply SLA achieved',
    report: 'service-levels',
    figure: 'sla_first_reply',
    unit: 'percent',
    direction: 'higher',
    shape: 'level',
  },
  sla_resolution: {
    label: 'Resolution SLA achieved',
    report: 'service-levels',
    figure: 'sla_resolution',
    unit: 'percent',
    direction: 'higher',
    shape: 'level',
  },
  one_touch: {
    label: 'One-touch resolution',
    report: 'quality',
    figure: 'one_touch',
    unit: 'percent',
    direction: 'higher',
    shape: 'level',
  },
  reopen_rate: {
    label: 'Reopen rate',
    report: 'quality',
    figure: 'reopen_rate',
    unit: 'percent',
    direction: 'lower',
    shape: 'level',
  },
  solved: {
    label: 'Tickets solved',
    report: 'volume',
    figure: 'solved',
    unit: 'count',
    direction: 'higher',
    shape: 'count',
  },
  backlog: {
    label: 'Backlog at the end',
    report: 'volume',
    figure: 'backlog',
    unit: 'count',
    direction: 'lower',
    shape: 'level',
  },
} as const satisfies Record<string, GoalKpi>;
export type GoalKpiKey = keyof typeof goalKpis;
export const goalKpiKeys = Object.keys(goalKpis) as [GoalKpiKey, ...GoalKpiKey[]];

export const trajectories = ['pending', 'on_track', 'at_risk', 'achieved', 'missed'] as const;
export type Trajectory = (typeof trajectories)[number];
export const trajectoryLabels: Record<Trajectory, string> = {
  pending: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  achieved: 'Achieved',
  missed: 'Missed',
};

export const goalOwnerKinds = ['department', 'team', 'agent'] as const;
export type GoalOwnerKind = (typeof goalOwnerKinds)[number];

const date = holidayDate.describe('A date like 2027-03-31');

export const goalPeriodInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('month'),
      month: z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, 'A month like 2026-12'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('quarter'),
      quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'A quarter like 2026-Q4'),
    })
    .strict(),
  z
    .object({ kind: z.literal('custom'), from: date, to: date })
    .strict()
    .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['from'] })
    .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 366 * 86_400_000, {
      message: 'a goal covers at most a year',
      path: ['to'],
    }),
]);
export type GoalPeriodInput = z.infer<typeof goalPeriodInput>;

export const goalOwnerInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('department') }).strict(),
  z.object({ kind: z.literal('team'), id: z.number().int().positive() }).strict(),
  z.object({ kind: z.literal('agent'), id: z.number().int().positive() }).strict(),
]);

const target = z.number().finite().min(-100).max(1_000_000);

export const createGoalBody = z
  .object({
    name: lineText(120),
    description: lineText(1000, { min: 0 }).default(''),
    kpi: z.enum(goalKpiKeys),
    target,
    period: goalPeriodInput,
    owner: goalOwnerInput,
  })
  .strict();
export type CreateGoalBody = z.input<typeof createGoalBody>;

export const updateGoalBody = z
  .object({
    name: lineText(120).optional(),
    description: lineText(1000, { min: 0 }).optional(),
    kpi: z.enum(goalKpiKeys).optional(),
    target: target.optional(),
    period: goalPeriodInput.optional(),
    owner: goalOwnerInput.optional(),
  })
  .strict();

export const goalsQuery = z
  .object({
    ownerKind: z.enum(goalOwnerKinds).optional(),
    teamId: z.coerce.number().int().positive().optional().describe('Goals of this team (team goals)'),
    agentId: z.coerce.number().int().positive().optional().describe('Goals of this agent'),
    status: z
      .enum(['active', 'ended', 'all'])
      .default('all')
      .describe('active: the period includes today; ended: the period is over'),
  })
  .strict();

const ref = z.object({ id: z.number(), name: z.string() });

export const goalSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    description: z.string(),
    kpi: z.enum(goalKpiKeys),
    kpiLabel: z.string(),
    unit: z.enum(['count', 'percent', 'hours', 'score']),
    direction: z.enum(['higher', 'lower']).describe('Whether a higher or a lower value is better'),
    target: z.number(),
    period: z.object({
      kind: z.enum(['month', 'quarter', 'custom']),
      from: z.string(),
      to: z.string(),
      label: z.string(),
    }),
    owner: z.object({ kind: z.enum(goalOwnerKinds), team: ref.nullable(), agent: ref.nullable() }),
    progress: z.object({
      value: z.number().nullable().describe('The KPI over the elapsed part of the period'),
      through: z.string().nullable().describe('The last day counted (null before the period starts)'),
      elapsed: z.number().describe('Share of the period elapsed, 0 to 1'),
      forecast: z.number().nullable().describe('Where the KPI is expected to end the period'),
    }),
    trajectory: z.enum(trajectories),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .describe('A goal with its progress');
export type Goal = z.infer<typeof goalSchema>;
export const goalsList = z.object({ data: z.array(goalSchema) });
