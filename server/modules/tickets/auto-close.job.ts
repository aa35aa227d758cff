import type { Db } from '../../db/database';
import { nowIso } from '../../platform/clock';
import { loadTicketSettings } from '../settings/settings.service';
import { eventsRepository } from './events.repository';
import { ticketsRepository } from './tickets.repository';
import { autoCloseCutoff } from './tickets.rules';

/** Closes solved tickets that stayed solved longer than the configured number of days. */
export async function closeStaleSolvedTickets(db: Db, now = new Date()): Promise<number[]> {
  const { autoCloseDays } = await loadTicketSettings(db);
  return db.transaction().execute(async (trx) => {
    const at = nowIso();
    const ids = await ticketsRepository.closeSolvedBefore(trx, autoCloseCutoff(now, autoCloseDays), at);
    for (const id of ids) {
      await eventsRepository.append(
        trx,
        id,
        { type: 'system', id: null },
        [{ type: 'status_changed', from: 'solved', to: 'closed' }],
        at,
      );
    }
    return ids;
  });
}
