import { z } from 'zod';
import { isoTimestamp } from './common';
import { periodChecked, reportDate } from './reports';

/** What a trend chart counts: incoming tickets, or a satisfaction score of the answers. */
export const trendMeasures = ['volume', 'csat', 'ces', 'nps', 'negative'] as const;
export type TrendMeasure = (typeof trendMeasures)[number];

export const trendMeasureLabels: Record<TrendMeasure, string> = {
  volume: 'Incoming tickets',
  csat: 'CSAT %',
  ces: 'CES (average effort)',
  nps: 'NPS',
  negative: 'Negative answers',
};

/** What the series are split by; `product` is a ticket custom field named by `field`. */
export const trendSplits = ['category', 'tag', 'product', 'organization'] as const;
export type TrendSplit = (typeof trendSplits)[number];

/**
 * What a `survey_answered` ticket event carries (written when an answer is recorded or
 * changed): the answer as it now stands, so the report fold never reads the answers table.
 */
export const surveyAnsweredEvent = z.object({
  id: z.number().int(),
  /** when the answer was first given: the hour it counts in */
  at: z.string(),
  positive: z.number().int(),
  effort: z.number().int().nullable(),
  categoryId: z.number().int().nullable(),
  organizationId: z.number().int().nullable(),
});
export type SurveyAnsweredEvent = z.infer<typeof surveyAnsweredEvent>;

export const trendQuery = periodChecked(
  z
    .object({
      from: reportDate,
      to: reportDate,
      tz: z
        .string()
        .min(1)
        .max(64)
        .optional()
        .describe('IANA time zone of the day boundaries; default the department’s'),
      measure: z.enum(trendMeasures).default('volume'),
      split: z.enum(trendSplits).default('category'),
      field: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[a-z0-9_]+$/, 'a custom field key')
        .optional()
        .describe('For split=product: the key of the ticket custom field that names the product'),
      grain: z.enum(['day', 'week']).default('day'),
      top: z.coerce
        .number()
        .int()
        .min(1)
        .max(10)
        .default(5)
        .describe('How many series; the rest are "Other"'),
    })
    .strict(),
).refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
  message: 'a trend covers at most a year',
  path: ['to'],
});
export type TrendQuery = z.infer<typeof trendQuery>;

export const trendSchema = z.object({
  measure: z.enum(trendMeasures),
  split: z.enum(trendSplits),
  grain: z.enum(['day', 'week']),
  unit: z.enum(['count', 'percent', 'score']),
  period: z.object({ from: z.string(), to: z.string(), tz: z.string() }),
  keys: z
    .array(z.object({ key: z.string(), label: z.string(), total: z.number().nullable() }))
    .describe('The series, largest first; "other" sums the rest'),
  points: z
    .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
    .describe('One per day or week: `bucket` (its first day) and each series key’s value (null: no answers)'),
});
export type Trend = z.infer<typeof trendSchema>;

export const spikeMeasures = ['volume', 'negative'] as const;
export type SpikeMeasure = (typeof spikeMeasures)[number];
export const spikeStates = ['open', 'acknowledged', 'resolved'] as const;

export const spikeAlertSchema = z.object({
  id: z.number().int(),
  category: z.object({ id: z.number().int(), name: z.string() }),
  measure: z
    .enum(spikeMeasures)
    .describe("'volume': incoming tickets per hour; 'negative': negative answers per hour"),
  state: z.enum(spikeStates),
  title: z.string(),
  startedAt: isoTimestamp.describe('The first spike hour'),
  lastSeenAt: isoTimestamp.describe('The latest spike hour'),
  observed: z.number().int().describe('Count in the latest spike hour'),
  expected: z.number().describe('What that weekday and hour usually has (median of the earlier weeks)'),
  z: z.number().describe('Robust z-score of the latest spike hour'),
  ticketIds: z.array(z.number().int()).describe('The tickets in the spike hours (at most 50)'),
  acknowledgedAt: isoTimestamp.nullable(),
  resolvedAt: isoTimestamp.nullable(),
});
export type SpikeAlert = z.infer<typeof spikeAlertSchema>;

export const spikeAlertListQuery = z
  .object({ state: z.enum(['unresolved', 'resolved', 'all']).default('unresolved') })
  .strict();

export const spikeSettingsSchema = z.object({
  threshold: z.number().min(1).max(20).describe('Robust z-score at which an hour is a spike (default 3.2)'),
  minCount: z.number().int().min(1).max(10_000).describe('Fewest in the hour for it to count (default 5)'),
});
export type SpikeSettingsBody = z.infer<typeof spikeSettingsSchema>;
export const spikeSettingsBody = spikeSettingsSchema.strict();
