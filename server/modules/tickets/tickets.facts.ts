import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { prepared } from '../../db/prepared';
import { updateTickets } from './tickets.repository';

// What a subscriber to ticket events (ADR 0021) reads of the ticket it reacts to, and the
// service-level summary it writes back on the row.

const factsQuery = prepared((db, p: { id: number }) =>
  db
    .selectFrom('tickets')
    .select([
      'id',
      'status',
      'priority',
      'type',
      'channel',
      'team_id',
      'organization_id',
      'category_id',
      'assignee_id',
      'tags',
      'created_at',
      'first_reply_at',
      'solved_at',
      'waiting_since',
      'merged_into_id',
      'sla_metric',
      'sla_due_at',
      'sla_warn_at',
    ])
    .where('id', '=', p.id),
);

const lockQuery = prepared((db, p: { id: number }) =>
  adapterOf(db).forUpdate(db.selectFrom('tickets').select('id').where('id', '=', p.id)),
);

/**
 * Locks a ticket's row until the transaction ends (PostgreSQL; SQLite has one writer). Work
 * that changes a ticket's other rows and then the ticket takes this lock first, in the order a
 * ticket change takes them, so the two never wait on each other.
 */
export async function lockTicketRow(db: DbOrTrx, id: number): Promise<void> {
  if (adapterOf(db).locksRows) await lockQuery.run(db, { id });
}

export type TicketFactsRow = NonNullable<Awaited<ReturnType<typeof factsQuery.first>>>;

/** The columns a ticket's routing and service levels depend on. */
export function ticketFacts(db: DbOrTrx, id: number): Promise<TicketFactsRow | undefined> {
  return factsQuery.first(db, { id });
}

export type SlaSummaryColumns = {
  sla_metric: string | null;
  sla_due_at: string | null;
  sla_warn_at: string | null;
};

const summaryUpdate = prepared((db, p: SlaSummaryColumns & { id: number }) =>
  updateTickets(db, () => ({
    sla_metric: p.sla_metric,
    sla_due_at: p.sla_due_at,
    sla_warn_at: p.sla_warn_at,
  })).where('id', '=', p.id),
);

/** The same for a ticket opened in this transaction: its version stays the one its opening answers with. */
const openingSummaryUpdate = prepared((db, p: SlaSummaryColumns & { id: number }) =>
  updateTickets(
    db,
    () => ({ sla_metric: p.sla_metric, sla_due_at: p.sla_due_at, sla_warn_at: p.sla_warn_at }),
    { opening: true },
  ).where('id', '=', p.id),
);

/**
 * Keeps the clock that runs out next on the ticket row (lists sort and filter by it); every
 * ticket change under a policy writes it. `opening`: the ticket was opened in this transaction.
 */
export async function setTicketSlaSummary(
  db: DbOrTrx,
  id: number,
  summary: SlaSummaryColumns,
  options: { opening?: boolean } = {},
): Promise<void> {
  await (options.opening ? openingSummaryUpdate : summaryUpdate).run(db, { ...summary, id });
}
