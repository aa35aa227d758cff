import { z } from 'zod';
import { isoTimestamp } from './common';
import { answerSentimentSchema, answerThemeSchema, sentimentLabels, toneSummaryFields } from './feedback';
import { lineText, plainText, proseText } from './text';

/**
 * Net Promoter Score campaigns: a "how likely are you to recommend us" question (0–10 and a
 * comment) mailed to a segment of customers once or on a cadence, with a frequency cap across
 * campaigns and a one-click unsubscribe. The score itself is `npsOf` in ./feedback.
 */
export const npsCadences = ['once', 'monthly', 'quarterly'] as const;
export type NpsCadence = (typeof npsCadences)[number];
export const npsStatuses = ['draft', 'active', 'paused', 'finished'] as const;
export type NpsStatus = (typeof npsStatuses)[number];

export const defaultNpsQuestion = 'How likely are you to recommend {company} to a friend or colleague?';

/** The question as the customer reads it: `{company}` becomes the company's name. */
export function npsQuestionText(question: string, company: string): string {
  return question.split('{company}').join(company || 'us');
}

export const npsGroups = ['promoter', 'passive', 'detractor'] as const;
export type NpsGroup = (typeof npsGroups)[number];

/** Promoter (9–10), passive (7–8) or detractor (0–6). */
export function npsGroupOf(score: number): NpsGroup {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/** The next run of a campaign on a cadence: a month or three after the last one (same day, clamped). */
export function nextRunAfter(cadence: NpsCadence, runAt: string): string | null {
  if (cadence === 'once') return null;
  const d = new Date(runAt);
  const months = cadence === 'monthly' ? 1 : 3;
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString();
}

/** Who a campaign asks: every customer with an address matching all the parts given (empty: any). */
export const npsSegmentSchema = z
  .object({
    organizationIds: z.array(z.number().int().positive()).max(200).default([]),
    tags: z.array(lineText(40)).max(50).default([]),
    plans: z.array(lineText(80)).max(50).default([]),
    activeDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .nullable()
      .default(null)
      .describe('Only customers with a ticket opened in the last N days'),
  })
  .strict();
export type NpsSegment = z.infer<typeof npsSegmentSchema>;

export const npsCampaignSchema = z.object({
  id: z.number(),
  name: z.string(),
  question: z.string(),
  segment: z.object({
    organizationIds: z.array(z.number()),
    tags: z.array(z.string()),
    plans: z.array(z.string()),
    activeDays: z.number().nullable(),
  }),
  cadence: z.enum(npsCadences),
  status: z.enum(npsStatuses),
  startsAt: isoTimestamp,
  nextRunAt: isoTimestamp.nullable().describe('When the campaign is sent next (active campaigns)'),
  lastRunAt: isoTimestamp.nullable(),
  runs: z.number(),
  sent: z.number().describe('Mails sent over all runs'),
  answered: z.number(),
  skippedCap: z.number().describe('Customers left out because they were asked too recently'),
  skippedUnsubscribed: z.number().describe('Customers left out because they unsubscribed'),
  nps: z.number().nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type NpsCampaign = z.infer<typeof npsCampaignSchema>;
export const npsCampaignList = z.object({ data: z.array(npsCampaignSchema) });

export const createNpsCampaignBody = z
  .object({
    name: lineText(120),
    question: lineText(300).default(defaultNpsQuestion),
    segment: npsSegmentSchema.default({ organizationIds: [], tags: [], plans: [], activeDays: null }),
    cadence: z.enum(npsCadences).default('once'),
    startsAt: z.iso.datetime({ offset: true }).describe('The first (or only) run'),
    status: z.enum(['draft', 'active']).default('draft'),
  })
  .strict();
export type CreateNpsCampaignBody = z.input<typeof createNpsCampaignBody>;

export const updateNpsCampaignBody = z
  .object({
    name: lineText(120),
    question: lineText(300),
    segment: npsSegmentSchema,
    cadence: z.enum(npsCadences),
    startsAt: z.iso.datetime({ offset: true }),
    status: z.enum(npsStatuses),
  })
  .partial()
  .strict();
export type UpdateNpsCampaignBody = z.input<typeof updateNpsCampaignBody>;

export const npsAnswerSchema = z.object({
  id: z.number(),
  customer: z.object({ id: z.number(), name: z.string(), email: z.string().nullable() }),
  organization: z.object({ id: z.number(), name: z.string() }).nullable(),
  score: z.number(),
  group: z.enum(npsGroups),
  comment: z.string(),
  answeredAt: isoTimestamp,
});
export type NpsAnswer = z.infer<typeof npsAnswerSchema>;

/** An NPS answer as the feedback inbox lists it: with its campaign, the comment's tone and its themes. */
export const npsInboxAnswerSchema = npsAnswerSchema
  .extend({
    campaign: z.object({ id: z.number(), name: z.string() }),
    updatedAt: isoTimestamp.describe('When the customer last changed the answer'),
    sentiment: answerSentimentSchema.nullable().describe("The comment's sentiment; null until scored"),
    themes: z.array(answerThemeSchema),
  })
  .describe("A customer's answer to an NPS campaign");
export type NpsInboxAnswer = z.infer<typeof npsInboxAnswerSchema>;

export const npsSummarySchema = z.object({
  answers: z.number(),
  promoters: z.number().describe('Answers of 9 or 10'),
  passives: z.number().describe('Answers of 7 or 8'),
  detractors: z.number().describe('Answers of 0 to 6'),
  nps: z.number().nullable().describe('Percent promoters minus percent detractors, −100 to 100'),
  sent: z
    .number()
    .describe('Campaign mails sent in the period, to the campaign, organisation and customer filtered on'),
  responseRate: z.number().nullable().describe('Percent of those mails that were answered'),
  ...toneSummaryFields,
});
export type NpsSummary = z.infer<typeof npsSummarySchema>;

export const npsAnswersPage = z.object({
  data: z.array(npsInboxAnswerSchema),
  nextCursor: z.string().nullable(),
  summary: npsSummarySchema,
});

export const npsResultsSchema = z.object({
  campaign: npsCampaignSchema,
  nps: z.number().nullable().describe('Percent promoters minus percent detractors'),
  promoters: z.number(),
  passives: z.number(),
  detractors: z.number(),
  sent: z.number(),
  answered: z.number(),
  responseRate: z.number().nullable().describe('Percent of the mails sent that were answered'),
  answers: z.array(npsAnswerSchema).describe('The latest answers, newest first'),
});
export type NpsResults = z.infer<typeof npsResultsSchema>;

const optionalId = z.coerce.number().int().positive().optional();
/**
 * The NPS inbox's filters. An NPS answer is about the company, not a ticket: it has no agent,
 * team, category or channel, so those filters of the survey inbox are not accepted here (400).
 */
export const npsAnswersQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: plainText(200, { trim: false }).optional(),
    group: z.enum(npsGroups).optional().describe('Promoters (9–10), passives (7–8) or detractors (0–6)'),
    score: z.coerce.number().int().min(0).max(10).optional().describe('Only answers of this score'),
    campaignId: optionalId,
    organizationId: optionalId,
    customerId: optionalId,
    withComment: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    from: z.iso.date().optional().describe('First day answered, YYYY-MM-DD (UTC)'),
    to: z.iso.date().optional().describe('Last day answered, YYYY-MM-DD (UTC)'),
    sentiment: z.enum(sentimentLabels).optional(),
    themeId: optionalId.describe('Only answers tagged with this theme'),
  })
  .strict();
export type NpsAnswersQuery = z.input<typeof npsAnswersQuery>;

export const npsSettingsSchema = z.object({
  company: z.string().describe('The name the question uses for {company}'),
  capDays: z.number().int().describe('No customer is asked by any campaign more often than this'),
  linkDays: z.number().int().describe('Days a campaign link works after it was sent'),
  updatedAt: isoTimestamp.nullable(),
});
export type NpsSettings = z.infer<typeof npsSettingsSchema>;
export const updateNpsSettingsBody = z
  .object({
    company: lineText(80),
    capDays: z.number().int().min(0).max(730),
    linkDays: z.number().int().min(1).max(365),
  })
  .partial()
  .strict();
export type UpdateNpsSettingsBody = z.input<typeof updateNpsSettingsBody>;

/** The token of a campaign link: URL-safe characters. */
export const npsTokenParam = z
  .object({
    token: z
      .string()
      .regex(/^[A-Za-z0-9_-]{20,64}$/, 'Not a survey link')
      .describe('The token from the link'),
  })
  .strict();

/** What the public answer page shows: the question, and the answer already given. */
export const publicNpsSchema = z.object({
  question: z.string(),
  company: z.string(),
  answer: z.object({ score: z.number(), comment: z.string() }).nullable(),
  expiresAt: isoTimestamp.nullable(),
  expired: z.boolean(),
  unsubscribed: z.boolean(),
});
export type PublicNps = z.infer<typeof publicNpsSchema>;

export const npsAnswerBody = z
  .object({
    score: z.number().int().min(0).max(10),
    comment: proseText(2000, { min: 0 }).default(''),
  })
  .strict();
export type NpsAnswerBody = z.input<typeof npsAnswerBody>;

/** The unsubscribe page: whose address, and whether it is already unsubscribed. */
export const publicUnsubscribeSchema = z.object({
  email: z.string().describe('The address, partly hidden'),
  unsubscribed: z.boolean(),
});
export type PublicUnsubscribe = z.infer<typeof publicUnsubscribeSchema>;

export const surveyPreferenceSchema = z.object({
  campaigns: z
    .boolean()
    .describe('Occasional surveys (how likely you are to recommend us); not the rating after a request'),
});
export type SurveyPreference = z.infer<typeof surveyPreferenceSchema>;
export const updateSurveyPreferenceBody = surveyPreferenceSchema.strict();
