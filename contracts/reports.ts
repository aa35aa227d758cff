import { z } from 'zod';
import { channelSchema, prioritySchema, typeSchema } from './tickets';

/** Counters kept per hour and dimensions (migration 0039). */
export const reportCounters = [
  'created',
  'solved',
  'reopened',
  'merged',
  'replies',
  'agent_replies',
  'one_touch',
  'sla_first_reply_achieved',
  'sla_first_reply_breached',
  'sla_next_reply_achieved',
  'sla_next_reply_breached',
  'sla_periodic_update_achieved',
  'sla_periodic_update_breached',
  'sla_resolution_achieved',
  'sla_resolution_breached',
] as const;
export type ReportCounter = (typeof reportCounters)[number];

/** Durations kept as log-scale buckets per hour and dimensions; `_bh` = in business hours. */
export const reportDurationMetrics = [
  'first_reply',
  'first_reply_bh',
  'resolution',
  'resolution_bh',
  'wait',
  'wait_bh',
] as const;
export type ReportDurationMetric = (typeof reportDurationMetrics)[number];

export const reportKinds = [
  'volume',
  'speed',
  'service-levels',
  'quality',
  'satisfaction',
  'productivity',
  'complaints',
  'pain-points',
] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportTitles: Record<ReportKind, string> = {
  volume: 'Volume',
  speed: 'Speed',
  'service-levels': 'Service levels',
  quality: 'Quality',
  satisfaction: 'Satisfaction',
  productivity: 'Agent productivity',
  complaints: 'Complaints',
  'pain-points': 'Pain points',
};

/** Figures whose tickets a drill-down lists. */
export const drillMetrics = [
  'created',
  'solved',
  'reopened',
  'backlog',
  'first_reply',
  'resolution',
  'one_touch',
  'sla_breached',
  'sla_achieved',
  'complaints',
  'answers',
] as const;
export type DrillMetric = (typeof drillMetrics)[number];

/**
 * Every figure's definition, shown beside it in the app and written out with its edge cases in
 * docs/metrics.md: the one place the words live.
 */
export const metricDefinitions = {
  created: 'Tickets opened in the period (a ticket merged away later still counts as opened).',
  solved:
    'Times a ticket went from an open status to solved or closed in the period; a ticket solved, reopened and solved again counts twice.',
  reopened: 'Times a solved or closed ticket went back to an open status in the period.',
  merged: 'Open tickets merged into another ticket in the period (closed without being solved).',
  backlog:
    'Open tickets at the end of each day or hour: tickets opened before it, minus those solved or merged, plus those reopened (counted from the events, not a snapshot).',
  first_reply:
    'Time from a ticket being opened to the first public reply by an agent (automatic replies do not count), in the hour of that reply.',
  first_reply_bh:
    'First reply time counting only the default calendar’s business hours and skipping holidays.',
  resolution:
    'Time from a ticket being opened to its final solve; when a ticket is reopened, its earlier solve stops counting and the next solve counts instead. Merged tickets are left out.',
  resolution_bh: 'Resolution time counting only business hours.',
  wait: 'Time the requester waited on the team before the final solve: time spent new, open or on hold (pending, waiting on the customer, does not count).',
  wait_bh: 'Requester wait time counting only business hours.',
  median: 'The middle value: half the tickets took less. Read from log-scale buckets, within 9 %.',
  p90: 'Nine in ten tickets took less than this. Read from log-scale buckets, within 9 %.',
  sla: 'Targets met on time as a share of targets met or missed in the period (a target stopped without a result, for instance when a ticket is merged, counts neither way). A target missed, then met late, counts as missed.',
  one_touch: 'Share of solved tickets solved with exactly one public agent reply and never reopened.',
  reopen_rate: 'Reopenings as a share of solves in the period.',
  replies_per_ticket: 'Public agent replies in the period divided by tickets solved in the period.',
  csat: 'Share of survey answers in the period that were positive (from the satisfaction surveys).',
  ces: 'Average customer effort score (1 = very easy … 7 = very hard) of answers in the period.',
  nps: 'Net promoter score of the NPS campaign answers given in the period: % promoters (9–10) − % detractors (0–6). An answer belongs to a customer, not a ticket: a filter by team, agent, channel, category, priority or type shows “—”; the organisation filter applies.',
  nps_response_rate: 'NPS campaign mails sent in the period that were answered, as a share of those mails.',
  response_rate: 'Surveys answered as a share of surveys sent in the period.',
  agent_solved: 'Tickets the agent solved in the period (the agent who made the change).',
  agent_replies: 'Public replies the agent wrote in the period.',
  agent_touched: 'Distinct tickets the agent replied on, changed, solved or logged time on in the period.',
  handle_time:
    'Time agents logged on tickets in the period, in hours (an entry counts in the hour it was logged; a removed entry no longer counts).',
  handle_time_per_ticket: 'Hours logged in the period divided by the tickets time was logged on.',
  complaints: 'Tickets of type complaint opened in the period.',
  complaint_share: 'Complaints as a share of all tickets opened in the period.',
  complaint_final_response:
    'Time from a complaint being opened to its final solve (the final response), median and p90.',
  contact_drivers:
    'Tickets opened in the period by category (from the hourly aggregates) and by tag (tickets opened in the period carrying the tag; a ticket with two tags counts for each), with their share of all tickets opened and the change against the previous period.',
  negative_answers:
    'Survey answers in the period that were negative (not a positive rating), by the ticket’s category and by feedback theme, with the negative share of that driver’s answers.',
  negative_rate: 'Negative answers as a share of all survey answers in the period.',
} as const;
export type MetricDefinitionKey = keyof typeof metricDefinitions;

export const reportDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((v) => {
    const ms = Date.parse(`${v}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === v;
  }, 'a real date');
const optionalId = z.coerce.number().int().positive().optional();

export const reportFilterFields = {
  from: reportDate,
  to: reportDate,
  tz: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('IANA time zone of the day boundaries; default the department’s'),
  teamId: optionalId,
  agentId: optionalId,
  channel: channelSchema.optional(),
  categoryId: optionalId,
  priority: prioritySchema.optional(),
  type: typeSchema.optional(),
  organizationId: optionalId,
};

/** A period is whole days, `from` to `to` included, at most two years. */
export function periodChecked<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema
    .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
    .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 2 * 86_400_000, {
      message: 'a report covers at most two years',
      path: ['to'],
    });
}

/** Filters every report takes; `from` and `to` are whole days in `tz` (to included). */
export const reportFiltersSchema = periodChecked(z.object(reportFilterFields).strict());
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

export const reportParams = z.object({ report: z.enum(reportKinds) }).strict();

export const reportExportQuery = periodChecked(
  z.object({ ...reportFilterFields, format: z.enum(['csv', 'xlsx']) }).strict(),
);

export const drillQuery = periodChecked(
  z
    .object({
      ...reportFilterFields,
      metric: z.enum(drillMetrics),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    })
    .strict(),
);

const unit = z.enum(['count', 'percent', 'hours', 'ratio', 'score']);

export const reportFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit,
  value: z.number().nullable(),
  previous: z.number().nullable().describe('The same figure over the previous period of the same length'),
  definition: z.string(),
  drill: z.enum(drillMetrics).nullable().describe('The drill-down metric that lists the tickets behind it'),
});
export type ReportFigure = z.infer<typeof reportFigureSchema>;

export const reportSeriesSchema = z.object({
  unit,
  grain: z.enum(['hour', 'day']),
  keys: z.array(z.object({ key: z.string(), label: z.string() })),
  points: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});

export const reportTableSchema = z.object({
  columns: z.array(z.object({ key: z.string(), label: z.string(), unit: unit.nullable() })),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

export const contactDriverSchema = z.object({
  kind: z.enum(['category', 'tag']),
  name: z.string(),
  tickets: z.number(),
  share: z.number().nullable().describe('Percent of all tickets opened in the period'),
  previous: z.number().describe('Tickets of this driver in the previous period'),
  examples: z.array(z.string()).describe('Up to three recent negative survey comments, text only'),
});
export type ContactDriver = z.infer<typeof contactDriverSchema>;

export const dissatisfactionDriverSchema = z.object({
  kind: z.enum(['category', 'theme']),
  name: z.string(),
  answers: z.number(),
  negative: z.number(),
  negativeRate: z.number().nullable().describe('Percent of this driver’s answers that were negative'),
  examples: z.array(z.string()).describe('Up to three recent negative survey comments, text only'),
});
export type DissatisfactionDriver = z.infer<typeof dissatisfactionDriverSchema>;

/** The pain-point report's drivers: what people contact us about, and what they are unhappy with. */
export const painPointsSchema = z.object({
  contacts: z.array(contactDriverSchema),
  dissatisfaction: z.array(dissatisfactionDriverSchema),
});
export type PainPoints = z.infer<typeof painPointsSchema>;

export const reportSchema = z.object({
  report: z.enum(reportKinds),
  title: z.string(),
  period: z.object({ from: z.string(), to: z.string(), tz: z.string() }),
  previous: z.object({ from: z.string(), to: z.string() }),
  figures: z.array(reportFigureSchema),
  series: reportSeriesSchema.nullable(),
  table: reportTableSchema.nullable(),
  /** When the aggregates last caught up with the events. */
  asOf: z.string().nullable(),
  /** The pain-point report's drivers with example comments (that report only). */
  painPoints: painPointsSchema.optional(),
});
export type Report = z.infer<typeof reportSchema>;

export const drillRowSchema = z.object({
  id: z.number(),
  subject: z.string(),
  status: z.string(),
  priority: z.string(),
  at: z.string().describe('When the event behind the figure happened'),
});
export const drillResultSchema = z.object({
  metric: z.enum(drillMetrics),
  total: z.number(),
  rows: z.array(drillRowSchema),
});
export type DrillResult = z.infer<typeof drillResultSchema>;
