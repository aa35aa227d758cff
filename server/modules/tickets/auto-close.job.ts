import type { Db, DbOrTrx } from '../../db/database';
import { withSavepoint } from '../../db/savepoint';
import { nowIso } from '../../platform/clock';
import { clearJobFailure, heldJobItems, recordJobFailure } from '../../platform/job-failures';
import { loadTicketSettings } from '../settings';
import { recordTicketEvents } from './ticket-events';
import { ticketsRepository } from './tickets.repository';
import { autoCloseCutoff } from './tickets.rules';

/** The job's name among background jobs (its failed tickets). */
export const AUTO_CLOSE_JOB = 'auto-close';
const BATCH = 500;

/**
 * One ticket in its own savepoint: closed with its event, or, when that throws, left solved
 * and recorded as a failed item (retried with backoff, then kept for an admin).
 */
function closeOne(trx: DbOrTrx, id: number, at: string): Promise<boolean> {
  const key = String(id);
  return withSavepoint(
    trx,
    `close_${id}`,
    async () => {
      if (!(await ticketsRepository.closeSolved(trx, id, at))) return false;
      await recordTicketEvents(
        trx,
        id,
        { type: 'system', id: null },
        [{ type: 'status_changed', from: 'solved', to: 'closed' }],
        at,
      );
      await clearJobFailure(trx, AUTO_CLOSE_JOB, key);
      return true;
    },
    async (error) => {
      await recordJobFailure(
        trx,
        { job: AUTO_CLOSE_JOB, key, label: `Ticket ${id}: close after solved` },
        error,
      );
      return false;
    },
  );
}

/**
 * Closes solved tickets that stayed solved longer than the configured number of days, a few
 * hundred per transaction, so a large backlog never holds the database for long. A ticket that
 * cannot be closed is recorded and skipped; the others still close.
 */
export async function closeStaleSolvedTickets(db: Db, now = new Date()): Promise<number[]> {
  const { autoCloseDays } = await loadTicketSettings(db);
  const cutoff = autoCloseCutoff(now, autoCloseDays);
  const skip = [...(await heldJobItems(db, AUTO_CLOSE_JOB))].map(Number);
  const closed: number[] = [];
  for (;;) {
    const { batch, done } = await db.transaction().execute(async (trx) => {
      const at = nowIso();
      const ids = await ticketsRepository.solvedBefore(trx, cutoff, BATCH, skip);
      const ok: number[] = [];
      for (const id of ids) if (await closeOne(trx, id, at)) ok.push(id);
      return { batch: ids, done: ok };
    });
    closed.push(...done);
    skip.push(...batch.filter((id) => !done.includes(id)));
    if (batch.length < BATCH) return closed;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
