import { type ReferralState, referralMoves } from '../../../contracts/referrals';

/** Why a reward state change is refused, or null when it stands. */
export function moveProblem(from: ReferralState, to: ReferralState): string | null {
  if (from === to) return null;
  if (referralMoves[from].includes(to)) return null;
  return from === 'rewarded'
    ? 'A rewarded referral stays rewarded'
    : `A ${from} referral cannot become ${to}`;
}

/** A referral names two different customers. */
export const isSelfReferral = (referrerId: number, referredId: number) => referrerId === referredId;
