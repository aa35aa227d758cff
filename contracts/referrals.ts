import { z } from 'zod';
import { isoTimestamp } from './common';
import { emailAddress, lineText, plainText, proseText } from './text';

/**
 * Referrals: an existing customer who sent us another. The referred customer's first ticket is
 * linked by itself (now, or when they open it), or an order reference is typed in; the reward
 * moves pending → qualified → rewarded, or is declined, each change kept with who and when.
 */
export const referralStates = ['pending', 'qualified', 'rewarded', 'declined'] as const;
export type ReferralState = (typeof referralStates)[number];
export const referralSources = ['phone', 'portal', 'email', 'event', 'other'] as const;
export type ReferralSource = (typeof referralSources)[number];

export const referralStateLabels: Record<ReferralState, string> = {
  pending: 'Pending',
  qualified: 'Qualified',
  rewarded: 'Rewarded',
  declined: 'Declined',
};

/** The reward states a referral may move to from each state (rewarded is final). */
export const referralMoves: Record<ReferralState, readonly ReferralState[]> = {
  pending: ['qualified', 'declined'],
  qualified: ['rewarded', 'declined', 'pending'],
  rewarded: [],
  declined: ['pending'],
};

const person = z.object({ id: z.number(), name: z.string(), email: z.string().nullable() });

export const referralEventSchema = z.object({
  from: z.enum(referralStates).nullable(),
  to: z.enum(referralStates),
  actor: z.object({ id: z.number(), name: z.string() }).nullable(),
  note: z.string(),
  at: isoTimestamp,
});

export const referralSchema = z.object({
  id: z.number(),
  referrer: person,
  referred: person,
  source: z.enum(referralSources),
  note: z.string(),
  ticket: z
    .object({ id: z.number(), subject: z.string() })
    .nullable()
    .describe("The referred customer's first ticket"),
  orderRef: z.string(),
  state: z.enum(referralStates),
  createdBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  createdAt: isoTimestamp,
  stateChangedAt: isoTimestamp,
  history: z.array(referralEventSchema).describe('Reward state changes, oldest first'),
});
export type Referral = z.infer<typeof referralSchema>;
export const referralList = z.object({ data: z.array(referralSchema) });

export const referralsQuery = z
  .object({
    state: z.enum(referralStates).optional(),
    referrerId: z.coerce.number().int().positive().optional(),
    customerId: z.coerce
      .number()
      .int()
      .positive()
      .optional()
      .describe('Referrals this customer made or came by'),
  })
  .strict();
export type ReferralsQuery = z.infer<typeof referralsQuery>;

export const createReferralBody = z
  .object({
    referrerId: z.number().int().positive(),
    referred: z.union([
      z.object({ customerId: z.number().int().positive() }).strict(),
      z.object({ email: emailAddress, name: lineText(120) }).strict(),
    ]),
    source: z.enum(referralSources),
    note: proseText(2000, { min: 0 }).default(''),
    orderRef: plainText(80).default(''),
  })
  .strict();
export type CreateReferralBody = z.input<typeof createReferralBody>;

export const updateReferralBody = z
  .object({ note: proseText(2000, { min: 0 }), orderRef: plainText(80) })
  .partial()
  .strict();
export type UpdateReferralBody = z.input<typeof updateReferralBody>;

export const referralStateBody = z
  .object({ state: z.enum(referralStates), note: proseText(500, { min: 0 }).default('') })
  .strict();
export type ReferralStateBody = z.input<typeof referralStateBody>;
