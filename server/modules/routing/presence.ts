import type { PresenceState, PresenceStatus } from '../../../contracts/routing';
import type { Db, DbOrTrx } from '../../db/database';
import type { PresenceRow } from './routing.repository';
import { routingRepository as repo } from './routing.repository';
import { redistributeTickets } from './routing.route';

// Agents' presence: online, away or offline. The agent sets it; inactivity makes them away;
// signing out or being deactivated makes them offline, which hands on their open tickets in
// teams that redistribute.

/** Minutes without a request or a live socket after which an online agent reads as away. */
export const AWAY_AFTER_MINUTES = 15;
export const PRESENCE_SWEEP_JOB = 'presence-sweep';

type MaybePresence = { [K in 'status' | 'reason' | 'changed_at']: PresenceRow[K] | null };

export function toPresence(row: MaybePresence | null | undefined): PresenceState {
  if (!row?.status) return { status: 'offline', reason: 'set', changedAt: null };
  return { status: row.status, reason: row.reason ?? 'set', changedAt: row.changed_at };
}

/**
 * Sets a person's presence in the caller's transaction. Going offline hands on their open
 * tickets where their team says so. Returns the presence before.
 */
export async function setPresence(
  db: DbOrTrx,
  userId: number,
  status: PresenceStatus,
  reason: PresenceRow['reason'],
  now: string,
): Promise<PresenceState> {
  const before = toPresence(await repo.presence(db, userId));
  if (before.status === status && before.reason === reason) return before;
  await repo.setPresence(db, { user_id: userId, status, reason, changed_at: now });
  if (status === 'offline' && before.status !== 'offline') await redistributeTickets(db, userId);
  return before;
}

/** Sign-out: the person goes offline (the auth module calls this in the sign-out's transaction). */
export async function signedOut(db: DbOrTrx, userId: number, now: string): Promise<void> {
  await setPresence(db, userId, 'offline', 'signed_out', now);
}

/**
 * The periodic presence job: online agents with no request or live socket for
 * AWAY_AFTER_MINUTES become away; deactivated people still present go offline (and their
 * tickets are handed on). Each change is claimed on the row as read, so two nodes make it once.
 * Returns how many changed.
 */
export async function sweepPresence(
  db: Db,
  now = Date.now(),
  awayAfterMinutes = AWAY_AFTER_MINUTES,
): Promise<number> {
  const at = new Date(now).toISOString();
  const idleBefore = now - awayAfterMinutes * 60_000;
  let changed = 0;
  for (const row of await repo.onlineWithLastSeen(db)) {
    const lastSeen = row.last_seen_at ? Date.parse(String(row.last_seen_at)) : 0;
    const active = Math.max(lastSeen, Date.parse(row.changed_at));
    if (active >= idleBefore) continue;
    const before = {
      user_id: row.user_id,
      status: row.status,
      reason: row.reason,
      changed_at: row.changed_at,
    };
    if (await repo.claimPresence(db, before, { status: 'away', reason: 'inactive', changed_at: at }))
      changed++;
  }
  for (const row of await repo.deactivatedPresent(db)) {
    const done = await db.transaction().execute(async (trx) => {
      if (!(await repo.claimPresence(trx, row, { status: 'offline', reason: 'deactivated', changed_at: at })))
        return false;
      await redistributeTickets(trx, row.user_id);
      return true;
    });
    if (done) changed++;
  }
  return changed;
}
