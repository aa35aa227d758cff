import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { prepared } from '../../db/prepared';
import type { TicketsTable } from '../../db/schema';
import { tablesStamp } from '../../db/stamps';
import { keptWhileUnchanged } from '../../platform/kept';

// Reading whole tickets: the ticket row with the names it points at (requester, organisation,
// category, assignee, team, escalated to).

const joined = (db: DbOrTrx) =>
  db
    .selectFrom('tickets')
    .innerJoin('customers as requester', 'requester.id', 'tickets.requester_id')
    .leftJoin('organizations as org', 'org.id', 'tickets.organization_id')
    .leftJoin('categories as category', 'category.id', 'tickets.category_id')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .leftJoin('teams as team', 'team.id', 'tickets.team_id')
    .leftJoin('users as escalated_to', 'escalated_to.id', 'tickets.escalated_to_id');

/** The names a ticket row carries besides its own columns. */
const names = {
  requester_name: 'requester.name',
  requester_email: 'requester.email',
  organization_name: 'org.name',
  category_name: 'category.name',
  assignee_name: 'assignee.name',
  team_name: 'team.name',
  escalated_to_name: 'escalated_to.name',
} as const;

const base = (db: DbOrTrx) =>
  joined(db)
    .selectAll('tickets')
    .select([
      'requester.name as requester_name',
      'requester.email as requester_email',
      'org.name as organization_name',
      'category.name as category_name',
      'assignee.name as assignee_name',
      'team.name as team_name',
      'escalated_to.name as escalated_to_name',
    ]);

export type TicketRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

/** Every column of the tickets table (the type checker keeps the list complete). */
export const ticketColumns: Record<keyof TicketsTable, true> = {
  id: true,
  subject: true,
  requester_id: true,
  organization_id: true,
  channel: true,
  type: true,
  priority: true,
  status: true,
  is_open: true,
  category_id: true,
  assignee_id: true,
  team_id: true,
  due_at: true,
  sla_metric: true,
  sla_due_at: true,
  sla_warn_at: true,
  escalated_at: true,
  escalation_reason: true,
  escalated_to_id: true,
  custom_fields: true,
  tags: true,
  version: true,
  first_reply_at: true,
  solved_at: true,
  closed_at: true,
  last_message_at: true,
  last_customer_message_at: true,
  waiting_since: true,
  merged_into_id: true,
  follow_up_of_id: true,
  message_count: true,
  created_at: true,
  updated_at: true,
};

/**
 * A whole ticket row as the entries of one JSON object, where the database writing JSON and V8
 * parsing it is cheaper than the driver building the row (see `readsRowsAsJson`).
 */
const rowEntries = [
  ...Object.keys(ticketColumns).map((column) => [column, `tickets.${column}`]),
  ...Object.entries(names),
].map(([key, ref]) => {
  const [table, column] = ref!.split('.');
  return [key!, table!, column!] as const;
});

/** One ticket as JSON (SQLite) or as columns (PostgreSQL): built once, as every change reads its ticket before and after. */
const rowAsJson = prepared((db, p: { id: number }) =>
  joined(db).select(adapterOf(db).jsonObject(rowEntries).as('row')).where('tickets.id', '=', p.id),
);
const rowAsColumns = prepared((db, p: { id: number }) => base(db).where('tickets.id', '=', p.id));

/** The tables a ticket row is read from: a write to any of them may change it. */
const ROW_TABLES = ['tickets', 'customers', 'organizations', 'categories', 'users', 'teams'] as const;

let keepInTransactions = false;

/**
 * Whether a ticket read inside a write transaction is kept for the next read of it there, while
 * none of the tables it is read from was written (ADR 0035). The registry turns it on unless
 * CACHES=off; a process without the registry reads every time.
 */
export function keepTicketReadsInTransactions(keep: boolean): void {
  keepInTransactions = keep;
}

/** Rows as read inside each open transaction, by ticket id, under the stamp they were read at. */
const keptByTransaction = new WeakMap<DbOrTrx, ReturnType<typeof keptWhileUnchanged<string | null>>>();

async function rowJson(db: DbOrTrx, id: number): Promise<string | null> {
  const read = async () => (await rowAsJson.first(db, { id }))?.row ?? null;
  if (!keepInTransactions || !db.isTransaction) return read();
  let kept = keptByTransaction.get(db);
  if (!kept) {
    kept = keptWhileUnchanged<string | null>();
    keptByTransaction.set(db, kept);
  }
  return kept.answer(await tablesStamp(db, ROW_TABLES, { withinTransactions: true }), String(id), read);
}

/** One ticket row with its names. */
export async function rowById(db: DbOrTrx, id: number): Promise<TicketRow | undefined> {
  if (!adapterOf(db).readsRowsAsJson) return rowAsColumns.first(db, { id });
  const found = await rowJson(db, id);
  return found === null ? undefined : (JSON.parse(found) as TicketRow);
}

/** Ticket rows with their names, in no particular order. */
export async function rowsByIds(db: DbOrTrx, ids: number[]): Promise<TicketRow[]> {
  if (ids.length === 0) return [];
  const dialect = adapterOf(db);
  // On PostgreSQL one array parameter rather than a list: one statement text for any number of
  // ids, so PostgreSQL keeps one prepared statement for it (ADR 0009).
  const byId = dialect.idIn('tickets.id', ids);
  if (!dialect.readsRowsAsJson) return base(db).where(byId).execute();
  const rows = await joined(db).select(dialect.jsonObject(rowEntries).as('row')).where(byId).execute();
  return rows.map((r) => JSON.parse(r.row) as TicketRow);
}
