import type { DbOrTrx } from '../../db/database';
import { slaRepository as repo } from './sla.repository';

/**
 * How many unsolved tickets have run out of their next service-level target (before `now`) and
 * how many will within the next `soonMs`, of the given teams or all: counted through the index
 * on the due time the clocks keep on each ticket, for the operations board.
 */
export async function countTicketsDue(
  db: DbOrTrx,
  at: { now: number; soonMs: number; teamIds: number[] | null },
): Promise<{ breached: number; breachingSoon: number; soonUntil: string }> {
  const now = new Date(at.now).toISOString();
  const soonUntil = new Date(at.now + at.soonMs).toISOString();
  const breached = await repo.countDue(db, { after: null, before: now, teamIds: at.teamIds });
  const breachingSoon = await repo.countDue(db, { after: now, before: soonUntil, teamIds: at.teamIds });
  return { breached, breachingSoon, soonUntil };
}
