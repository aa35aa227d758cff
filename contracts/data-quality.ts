import { z } from 'zod';
import { isoTimestamp } from './common';

const positiveId = z.number().int().positive();

/**
 * The data-quality checks, in the order the page lists them, with their weight in the score.
 * The score is 100 minus the weighted share of issues: each check's share is what it found over
 * what it looked at (capped at 1), times its weight; the weights add up to 100, so a desk with no
 * findings scores 100 and one where every check finds everything scores 0.
 */
export const dataQualityChecks = [
  {
    key: 'missing-category',
    title: 'Tickets with no category',
    weight: 15,
    fix: 'Open the ticket and set its category.',
  },
  {
    key: 'stale-open',
    title: 'Open tickets with no activity',
    weight: 20,
    fix: 'Open the ticket and move it on, or solve it.',
  },
  {
    key: 'duplicate-customers',
    title: 'Likely duplicate customers',
    weight: 15,
    fix: 'Open the customer and merge the duplicate into it.',
  },
  {
    key: 'deactivated-assignee',
    title: 'Tickets assigned to deactivated agents',
    weight: 20,
    fix: 'Unassign them in one click: routing or the team queue picks them up again.',
  },
  {
    key: 'solved-without-reply',
    title: 'Solved tickets without a public reply',
    weight: 15,
    fix: 'Open the ticket and check the customer was answered.',
  },
  {
    key: 'expired-contracts',
    title: 'Contracts past their end date',
    weight: 10,
    fix: 'Open the organisation and renew or end its contract.',
  },
  {
    key: 'organizations-without-domain',
    title: 'Organisations with no domain',
    weight: 5,
    fix: 'Open the organisation and add the email domains its people write from.',
  },
] as const;
export type DataQualityCheckKey = (typeof dataQualityChecks)[number]['key'];
export const dataQualityCheckKeys = dataQualityChecks.map((c) => c.key) as [
  DataQualityCheckKey,
  ...DataQualityCheckKey[],
];

/** How many items of each check a run keeps for the page. */
export const DATA_QUALITY_ITEMS = 20;

export const dataQualityItemSchema = z.object({
  kind: z.enum(['ticket', 'customer', 'organization']).describe('What the item links to'),
  id: z.number().int(),
  label: z.string(),
  detail: z.string(),
  relatedId: z.number().int().nullable().describe('For a duplicate customer: the other customer'),
});
export type DataQualityItem = z.infer<typeof dataQualityItemSchema>;

export const dataQualityFindingSchema = z.object({
  check: z.enum(dataQualityCheckKeys),
  count: z.number().int(),
  countCapped: z.boolean().describe('True when more were found than counted'),
  population: z.number().int().describe('What the check looked at (the share is count over this)'),
  items: z.array(dataQualityItemSchema).describe(`The first ${DATA_QUALITY_ITEMS} found`),
});
export type DataQualityFinding = z.infer<typeof dataQualityFindingSchema>;

export const dataQualityRunSchema = z.object({
  id: z.number().int(),
  trigger: z.enum(['daily', 'manual']),
  ranAt: isoTimestamp,
  score: z.number().describe('0 to 100, one decimal'),
  findings: z.array(dataQualityFindingSchema),
});
export type DataQualityRun = z.infer<typeof dataQualityRunSchema>;

export const dataQualitySettingsSchema = z.object({
  staleDays: z.number().int().min(1).max(365).describe('Open tickets untouched this many days are stale'),
});
export type DataQualitySettings = z.infer<typeof dataQualitySettingsSchema>;

export const dataQualityOverviewSchema = z.object({
  settings: dataQualitySettingsSchema,
  latest: dataQualityRunSchema.nullable(),
  history: z
    .array(z.object({ ranAt: isoTimestamp, score: z.number(), trigger: z.enum(['daily', 'manual']) }))
    .describe('Scores of the last 90 days, oldest first'),
});
export type DataQualityOverview = z.infer<typeof dataQualityOverviewSchema>;

export const updateDataQualitySettingsBody = dataQualitySettingsSchema.strict();

export const dataQualityFixBody = z
  .object({
    check: z
      .literal('deactivated-assignee')
      .describe('The check whose findings to fix (only safe fixes exist)'),
    ticketIds: z.array(positiveId).min(1).max(100),
  })
  .strict();
export type DataQualityFixBody = z.infer<typeof dataQualityFixBody>;

export const dataQualityFixResult = z.object({
  fixed: z.array(z.number().int()).describe('Tickets unassigned'),
  skipped: z.array(z.number().int()).describe('Tickets no longer on a deactivated agent (or gone)'),
});
export type DataQualityFixResult = z.infer<typeof dataQualityFixResult>;
