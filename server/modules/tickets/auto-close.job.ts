import type { Db } from '../../db/database';
import { nowIso } from '../../platform/clock';
import { loadTicketSettings } from '../settings/settings.service';
import { eventsRepository } from './events.repository';
import { ticketsRepository } from './tickets.repository';
import { autoCloseCutoff } from './tickets.rules';

const BATCH = 500;

/**
 * Closes solved tickets that stayed solved longer than the configured number of days, a few
 * hundred per transaction, so a large backlog never holds the database for long.
 */
export async function closeStaleSolvedTickets(db: Db, now = new Date()): Promise<number[]> {
  const { autoCloseDays } = await loadTicketSettings(db);
  const cutoff = autoCloseCutoff(now, autoCloseDays);
  const closed: number[] = [];
  for (;;) {
    const ids = await db.transaction().execute(async (trx) => {
      const at = nowIso();
      const batch = await ticketsRepository.closeSolvedBefore(trx, cutoff, at, BATCH);
      for (const id of batch) {
        await eventsRepository.append(
          trx,
          id,
          { type: 'system', id: null },
          [{ type: 'status_changed', from: 'solved', to: 'closed' }],
          at,
        );
      }
      return batch;
    });
    closed.push(...ids);
    if (ids.length < BATCH) return closed;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
