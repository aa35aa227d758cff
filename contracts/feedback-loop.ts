import { z } from 'zod';
import { isoTimestamp } from './common';
import { surveyAnswerSchema } from './feedback';
import { lineText, proseText } from './text';

/**
 * Closing the feedback loop: themes and the keyword rules that tag answers with them, the
 * follow-up a negative answer opens for the team's lead, and an agent's own scores.
 */

/** Limits of a theme rule: few, short phrases, so matching stays linear in the comment's length. */
export const THEME_RULE_LIMITS = { phrases: 30, wordsPerPhrase: 5, phraseLength: 60 } as const;

export const feedbackThemeSchema = z.object({
  id: z.number(),
  name: z.string(),
  answers: z.number().describe('Answers (survey and NPS) tagged with the theme'),
  createdAt: isoTimestamp,
});
export type FeedbackTheme = z.infer<typeof feedbackThemeSchema>;
export const feedbackThemesList = z.object({ data: z.array(feedbackThemeSchema) });
export const themeBody = z.object({ name: lineText(40) }).strict();

export const themeRuleSchema = z.object({
  id: z.number(),
  theme: z.object({ id: z.number(), name: z.string() }),
  phrases: z.array(z.string()).describe('Words or phrases, matched whole and ignoring case'),
  active: z.boolean(),
  updatedAt: isoTimestamp,
});
export type ThemeRule = z.infer<typeof themeRuleSchema>;
export const themeRulesList = z.object({ data: z.array(themeRuleSchema) });

const phrase = lineText(THEME_RULE_LIMITS.phraseLength).refine(
  (p) => p.split(/\s+/).length <= THEME_RULE_LIMITS.wordsPerPhrase,
  `At most ${THEME_RULE_LIMITS.wordsPerPhrase} words in a phrase`,
);
export const createThemeRuleBody = z
  .object({
    themeId: z.number().int().positive(),
    phrases: z.array(phrase).min(1).max(THEME_RULE_LIMITS.phrases),
    active: z.boolean().default(true),
  })
  .strict();
export const updateThemeRuleBody = z
  .object({
    phrases: z.array(phrase).min(1).max(THEME_RULE_LIMITS.phrases),
    active: z.boolean(),
  })
  .partial()
  .strict();
export const rerunThemeRulesResult = z.object({
  answers: z.number().describe('Answers read, survey and NPS'),
  tagged: z.number().describe('Theme tags added'),
  removed: z.number().describe('Rule tags no rule matches any more'),
});
export const answerThemeParams = z
  .object({ id: z.coerce.number().int().positive(), themeId: z.coerce.number().int().positive() })
  .strict();

/** Follow-ups: open → contacted → resolved (open may be resolved directly; resolved may be reopened). */
export const followUpStates = ['open', 'contacted', 'resolved'] as const;
export type FollowUpState = (typeof followUpStates)[number];
export const followUpOutcomes = ['recovered', 'not_recovered', 'no_response'] as const;
export type FollowUpOutcome = (typeof followUpOutcomes)[number];
export const followUpOutcomeLabels: Record<FollowUpOutcome, string> = {
  recovered: 'Recovered',
  not_recovered: 'Not recovered',
  no_response: 'No response',
};
export const followUpSources = ['csat', 'nps'] as const;
export type FollowUpSource = (typeof followUpSources)[number];

/** The states a follow-up may move to from each state. */
export const followUpMoves: Record<FollowUpState, readonly FollowUpState[]> = {
  open: ['contacted', 'resolved'],
  contacted: ['resolved', 'open'],
  resolved: ['open'],
};
export const canMoveFollowUp = (from: FollowUpState, to: FollowUpState) => followUpMoves[from].includes(to);

const ref = z.object({ id: z.number(), name: z.string() });

export const followUpSchema = z.object({
  id: z.number(),
  source: z.object({ kind: z.enum(followUpSources), id: z.number() }),
  summary: z.string().describe('What the customer said, in a line'),
  ticket: z
    .object({ id: z.number(), subject: z.string() })
    .nullable()
    .describe('The ticket the answer is about'),
  customer: ref.extend({ email: z.string().nullable() }),
  team: ref.nullable(),
  owner: ref.nullable().describe("The team's lead; null: the managers"),
  state: z.enum(followUpStates),
  outcome: z.enum(followUpOutcomes).nullable(),
  outcomeNote: z.string(),
  contactTicket: z.object({ id: z.number(), subject: z.string() }).nullable(),
  dueAt: isoTimestamp,
  overdue: z.boolean(),
  closedAt: isoTimestamp.nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const followUpEventSchema = z.object({
  id: z.number(),
  kind: z.enum(['opened', 'state', 'contacted', 'reopened']),
  actor: ref.nullable(),
  fromState: z.enum(followUpStates).nullable(),
  toState: z.enum(followUpStates),
  outcome: z.enum(followUpOutcomes).nullable(),
  note: z.string(),
  ticketId: z.number().nullable(),
  at: isoTimestamp,
});
export const followUpDetailSchema = followUpSchema.extend({
  answer: surveyAnswerSchema.nullable().describe('The CSAT answer that opened it'),
  history: z.array(followUpEventSchema),
});
export type FollowUpDetail = z.infer<typeof followUpDetailSchema>;

export const followUpViews = ['open', 'overdue', 'closed', 'all'] as const;
export const followUpsQuery = z
  .object({
    view: z.enum(followUpViews).default('open'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type FollowUpsQuery = z.input<typeof followUpsQuery>;
export const followUpsPage = z.object({
  data: z.array(followUpSchema),
  summary: z.object({
    open: z.number(),
    overdue: z.number(),
    closed: z.number(),
    closedInTime: z.number().describe('Closed by their due time'),
    closedInTimeShare: z.number().nullable().describe('Percent of closed follow-ups closed within target'),
  }),
});

export const changeFollowUpBody = z
  .object({
    state: z.enum(followUpStates),
    outcome: z.enum(followUpOutcomes).optional(),
    note: proseText(2000, { min: 0 }).default(''),
  })
  .strict();
export type ChangeFollowUpBody = z.input<typeof changeFollowUpBody>;

export const contactCustomerBody = z
  .object({
    subject: lineText(200).optional(),
    message: proseText(10_000),
  })
  .strict();
export type ContactCustomerBody = z.input<typeof contactCustomerBody>;
export const contactCustomerResult = z.object({ ticketId: z.number(), followUp: followUpDetailSchema });

export const followUpSettingsSchema = z.object({
  dueHours: z.number().describe('Hours a follow-up has before it is overdue'),
  updatedAt: isoTimestamp.nullable(),
});
export const updateFollowUpSettingsBody = z
  .object({
    dueHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30),
  })
  .strict();

export const ticketFollowUpsSchema = z.object({
  data: z
    .array(z.object({ id: z.number(), state: z.enum(followUpStates), role: z.enum(['source', 'contact']) }))
    .describe('Follow-ups about this ticket (its answer opened them) or that opened it (contact)'),
});

/** An agent's own scores: the last 30 days against the 30 before. */
const period = z.object({
  from: isoTimestamp,
  answers: z.number(),
  csat: z.number().nullable(),
  ces: z.number().nullable(),
});
export const myScoresSchema = z.object({
  current: period,
  previous: period,
  latestComments: z.array(
    z.object({
      id: z.number(),
      ticket: z.object({ id: z.number(), subject: z.string() }),
      ratingLabel: z.string(),
      positive: z.boolean(),
      comment: z.string(),
      sentiment: z.enum(['negative', 'neutral', 'positive']).nullable(),
      answeredAt: isoTimestamp,
    }),
  ),
});
export type MyScores = z.infer<typeof myScoresSchema>;

/** A CSAT rating that opens a follow-up: "bad" on the two-point scale, 1 or 2 on the five-point one. */
export function isNegativeRating(scale: 'binary' | 'five', rating: number): boolean {
  return scale === 'binary' ? rating === 0 : rating <= 2;
}

/** An NPS score that opens a follow-up: a detractor (0–6). */
export const isDetractorScore = (score: number) => score <= 6;
