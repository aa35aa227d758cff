import type { ExpressionBuilder, Selectable, UpdateObject } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { insertReturningId, pick } from '../../db/prepared';
import type { Database, TicketsTable } from '../../db/schema';
import { openCountsRepository } from './open-counts.repository';
import { rowsByIds, type TicketRow, ticketColumns } from './tickets.rows';

export type { TicketRow } from './tickets.rows';

type SlaColumns = 'sla_metric' | 'sla_due_at' | 'sla_warn_at';
type TicketValues = Omit<TicketsTable, 'id' | 'version' | 'message_count' | 'is_open' | SlaColumns> & {
  message_count?: number;
} & Partial<Pick<TicketsTable, SlaColumns>>;

/** The statuses the is_open flag stands for. */
export const OPEN_STATUSES = ['new', 'open', 'pending', 'on_hold'] as const;
const isOpen = (status: string) => ((OPEN_STATUSES as readonly string[]).includes(status) ? 1 : 0);

/** What a change to tickets may set: never `version` or `is_open`, which follow from it, and `status` only as a value. */
export type TicketChange = Omit<UpdateObject<Database, 'tickets'>, 'version' | 'is_open' | 'status'> & {
  status?: TicketsTable['status'];
};

/**
 * The one statement that changes ticket rows (ADR 0017); the caller adds its `where`. Every
 * change moves `version` by one, which tells open editors, rendered rows (ADR 0008) and kept
 * queue pages (ADR 0011) that the ticket changed, and `is_open` follows `status`. Like any
 * write, SQLite's statement cache counts it as a write to `tickets` (`server/db/write-counts.ts`),
 * and that drops the kept pages. `test/architecture/ticket-writes.test.ts` fails on any other
 * statement that writes the table.
 */
export function updateTickets(
  db: DbOrTrx,
  change: (eb: ExpressionBuilder<Database, 'tickets'>) => TicketChange,
) {
  return db.updateTable('tickets').set((eb) => {
    const values = change(eb);
    return {
      ...values,
      ...(values.status ? { is_open: isOpen(values.status) } : {}),
      version: eb('version', '+', 1),
    };
  });
}

type StoredValues = Omit<Selectable<TicketsTable>, 'id'>;
const insertColumns = Object.keys(ticketColumns).filter((c): c is keyof StoredValues => c !== 'id');
/** Every ticket opened runs it: built once, every column given (see server/db/prepared.ts). */
const insertQuery = insertReturningId((db, p: StoredValues) =>
  db.insertInto('tickets').values(pick(p, insertColumns)),
);

export const ticketsRepository = {
  async findById(db: DbOrTrx, id: number): Promise<TicketRow | undefined> {
    return (await rowsByIds(db, [id]))[0];
  },

  findByIds(db: DbOrTrx, ids: number[]): Promise<TicketRow[]> {
    return rowsByIds(db, ids);
  },

  subjectsByIds(db: DbOrTrx, ids: number[]): Promise<{ id: number; subject: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('tickets').select(['id', 'subject']).where('id', 'in', ids).execute();
  },

  async lastId(db: DbOrTrx): Promise<number> {
    const row = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  },

  async insert(db: DbOrTrx, values: TicketValues): Promise<number> {
    return (await ticketsRepository.insertRow(db, values)).id;
  },

  /** Inserts a ticket and hands back the stored row: every column is given, so none is read back. */
  async insertRow(db: DbOrTrx, values: TicketValues): Promise<Selectable<TicketsTable>> {
    const stored: StoredValues = {
      sla_metric: null,
      sla_due_at: null,
      sla_warn_at: null,
      ...values,
      message_count: values.message_count ?? 0,
      is_open: isOpen(values.status),
      version: 1,
    };
    const id = await insertQuery(db, stored);
    await openCountsRepository.opened(db, { ...stored, id });
    return { ...stored, id };
  },

  /** Updates when the version still matches; returns false when someone else changed it first. */
  async update(
    db: DbOrTrx,
    id: number,
    values: Partial<TicketValues>,
    expectedVersion: number | null,
  ): Promise<boolean> {
    let q = updateTickets(db, () => values).where('id', '=', id);
    if (expectedVersion !== null) q = q.where('version', '=', expectedVersion);
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** One more message at `at`, with what else it changes (the times kept from the conversation). */
  async countMessage(db: DbOrTrx, id: number, at: string, changes: Partial<TicketValues> = {}) {
    await updateTickets(db, (eb) => ({
      ...changes,
      message_count: eb('message_count', '+', 1),
      last_message_at: at,
      updated_at: at,
    }))
      .where('id', '=', id)
      .execute();
  },

  async setTags(db: DbOrTrx, id: number, tags: string[]) {
    await db.deleteFrom('ticket_tags').where('ticket_id', '=', id).execute();
    if (tags.length > 0)
      await db
        .insertInto('ticket_tags')
        .values(tags.map((tag) => ({ ticket_id: id, tag })))
        .execute();
  },

  /** Solved tickets past the cutoff become closed; returns their ids. */
  /** Closes up to `limit` tickets solved before the cutoff; answers their ids. */
  /** Tickets solved before the cutoff, oldest id first, leaving out `except`. */
  async solvedBefore(db: DbOrTrx, cutoff: string, limit: number, except: number[]): Promise<number[]> {
    let query = db
      .selectFrom('tickets')
      .select('id')
      .where('status', '=', 'solved')
      .where('solved_at', '<', cutoff);
    if (except.length > 0) query = query.where('id', 'not in', except);
    return (await query.orderBy('id').limit(limit).execute()).map((r) => r.id);
  },

  /** Closes one solved ticket; false when it is no longer solved. */
  async closeSolved(db: DbOrTrx, id: number, now: string): Promise<boolean> {
    const result = await updateTickets(db, () => ({ status: 'closed', closed_at: now, updated_at: now }))
      .where('id', '=', id)
      .where('status', '=', 'solved')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Moves a conversation to another ticket; the source is left with none (the caller re-counts the target). */
  async moveMessages(db: DbOrTrx, fromId: number, toId: number) {
    await db.updateTable('messages').set({ ticket_id: toId }).where('ticket_id', '=', fromId).execute();
    await updateTickets(db, () => ({ message_count: 0, waiting_since: null }))
      .where('id', '=', fromId)
      .execute();
  },

  staffMember(db: DbOrTrx, id: number) {
    return db.selectFrom('users').select(['role', 'deactivated_at']).where('id', '=', id).executeTakeFirst();
  },

  async teamExists(db: DbOrTrx, id: number): Promise<boolean> {
    return (await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  },

  /** Active staff whose address starts with one of the handles (the part before @). */
  async staffByHandles(db: DbOrTrx, handles: string[]): Promise<number[]> {
    if (handles.length === 0) return [];
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('deactivated_at', 'is', null)
      .where('role', '!=', 'customer')
      .where((eb) => eb.or(handles.map((h) => eb('email', 'like', `${h}@%`))))
      .execute();
    return rows.map((r) => r.id);
  },

  /** Moves a requester's tickets to another customer; answers the tickets that moved, for re-indexing. */
  async moveRequester(db: DbOrTrx, fromId: number, toId: number): Promise<number[]> {
    const rows = await db.selectFrom('tickets').select('id').where('requester_id', '=', fromId).execute();
    // The version moves with the requester, so open editors and rendered rows see the change.
    await updateTickets(db, () => ({ requester_id: toId }))
      .where('requester_id', '=', fromId)
      .execute();
    return rows.map((r) => r.id);
  },
};
