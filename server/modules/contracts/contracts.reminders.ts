import type { Db } from '../../db/database';
import { notifyUsers } from '../notifications';
import { activeManagerIds } from '../users';
import { contractsRepository as repo } from './contracts.repository';
import { today } from './contracts.service';

const DAY = 86_400_000;
const reviewDate = (endsOn: string, days: number) =>
  new Date(Date.parse(`${endsOn}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

/**
 * Tells the owner and the managers of each contract whose renewal review has come, once: the
 * reminder is claimed on the contract row (on any number of nodes) in the transaction that
 * rings their bells. A contract whose end or review period changes is reminded again.
 */
export async function remindContractReviews(db: Db, now = Date.now()): Promise<number> {
  const on = today(now);
  const due = (await repo.dueForReminder(db, on)).filter(
    (row) => reviewDate(row.ends_on, row.review_days) <= on,
  );
  let sent = 0;
  for (const row of due) {
    await db.transaction().execute(async (trx) => {
      const at = new Date(now).toISOString();
      if (!(await repo.claimReminder(trx, row.id, at))) return;
      const to = [
        ...new Set([...(row.owner_id !== null ? [row.owner_id] : []), ...(await activeManagerIds(trx))]),
      ];
      await notifyUsers(trx, to, {
        kind: 'contract_review',
        ticketId: null,
        messageId: null,
        actorName: 'Steward',
        detail: `${row.organization_name} · ${row.plan}, ends ${row.ends_on}`,
        now: at,
      });
      sent += 1;
    });
  }
  return sent;
}
