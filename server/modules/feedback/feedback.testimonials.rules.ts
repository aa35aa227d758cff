import type { TestimonialState } from '../../../contracts/testimonials';

/** An answer a testimonial may be asked for: its kind, its score and the comment beside it. */
export interface PromoterCandidate {
  kind: 'csat' | 'nps';
  /** NPS 0–10, or the CSAT rating (1–5, or 1 / 0 on the two-point scale) */
  score: number;
  scale: 'nps' | 'five' | 'binary';
  comment: string;
}

/** A promoter with something to quote: NPS 9–10, CSAT 5 of 5 or "good", and a comment. */
export function isQuotablePromoter(c: PromoterCandidate): boolean {
  if (c.comment.trim() === '') return false;
  if (c.scale === 'nps') return c.score >= 9;
  if (c.scale === 'five') return c.score === 5;
  return c.score === 1;
}

/** The state a list shows: a request whose link ran out unanswered reads "expired". */
export function shownState(
  stored: 'requested' | 'approved' | 'declined' | 'withdrawn',
  expiresAt: string | null,
  now: string,
): TestimonialState {
  if (stored === 'requested' && expiresAt !== null && expiresAt <= now) return 'expired';
  return stored;
}

export type Decision = 'approve' | 'decline' | 'withdraw';

/**
 * Whether a decision stands on a request in a given state: approving and declining need a live
 * link (approving again changes the name chosen, it adds nothing); withdrawing needs an approval
 * and works however old the link is.
 */
export function decisionProblem(
  decision: Decision,
  stored: 'requested' | 'approved' | 'declined' | 'withdrawn',
  expired: boolean,
): 'expired' | 'not-approved' | null {
  if (decision === 'withdraw') return stored === 'approved' ? null : 'not-approved';
  return expired ? 'expired' : null;
}
