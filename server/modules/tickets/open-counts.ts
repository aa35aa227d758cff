import type { Db } from '../../db/database';
import { type OpenCountDifference, openCountsRepository as repo } from './open-counts.repository';

export type { OpenCountDifference } from './open-counts.repository';

/** Counts the open tickets by team, status and assignee afresh (`steward reports rebuild`); answers how many are open. */
export function rebuildOpenTicketCounts(db: Db): Promise<number> {
  return db.transaction().execute((trx) => repo.rebuild(trx));
}

/** The kept open-ticket counts that differ from a recount (`steward reports check`); empty when all agree. */
export function checkOpenTicketCounts(db: Db): Promise<OpenCountDifference[]> {
  return repo.differences(db);
}
