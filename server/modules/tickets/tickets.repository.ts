import type { ExpressionBuilder, Selectable, UpdateObject } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { insertReturningId, pick, prepared, preparedByShape } from '../../db/prepared';
import type { Database, TicketsTable } from '../../db/schema';
import { openCountsRepository } from './open-counts.repository';
import { rowById, rowsByIds, type TicketRow, ticketColumns } from './tickets.rows';

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
  /**
   * `opening`: the rows were inserted in this same transaction, so nobody has read them yet; they
   * keep the version their opening answers with, and the list indexes that carry the version are
   * not rewritten for a column they do not hold.
   */
  options: { opening?: boolean } = {},
) {
  return db.updateTable('tickets').set((eb) => {
    const values = change(eb);
    return {
      ...values,
      ...(values.status ? { is_open: isOpen(values.status) } : {}),
      ...(options.opening ? {} : { version: eb('version', '+', 1) }),
    };
  });
}

type StoredValues = Omit<Selectable<TicketsTable>, 'id'>;
const insertColumns = Object.keys(ticketColumns).filter((c): c is keyof StoredValues => c !== 'id');
type UpdateValues = Record<string, string | number | null>;
const EXPECTED_VERSION = '\u0000expected_version';
/**
 * A change of one ticket, built once per set of columns it changes (a ticket's edits repeat a
 * few shapes: status, assignee, priority...), checking the version the editor read when given.
 */
const updateByShape = preparedByShape((db, p: UpdateValues, keys) => {
  const columns = keys.filter(
    (key) => key !== EXPECTED_VERSION && key !== 'status',
  ) as (keyof TicketChange)[];
  let q = updateTickets(db, () => pick(p, columns) as TicketChange).where('id', '=', p.id as number);
  // A status is a value here, so its open flag is one too (updateTickets would work it out from the placeholder).
  if (keys.includes('status'))
    q = q.set({ status: p.status as TicketsTable['status'], is_open: p.is_open as number });
  return keys.includes(EXPECTED_VERSION) ? q.where('version', '=', p[EXPECTED_VERSION] as number) : q;
});

/** Who may be assigned, and whether a team exists: checked on every ticket filed under one. */
const staffMemberQuery = prepared((db, p: { id: number }) =>
  db.selectFrom('users').select(['role', 'deactivated_at']).where('id', '=', p.id),
);
const teamQuery = prepared((db, p: { id: number }) =>
  db.selectFrom('teams').select('id').where('id', '=', p.id),
);

/** Every ticket opened runs it: built once, every column given (see server/db/prepared.ts). */
const insertQuery = insertReturningId((db, p: StoredValues) =>
  db.insertInto('tickets').values(pick(p, insertColumns)),
);

export const ticketsRepository = {
  findById(db: DbOrTrx, id: number): Promise<TicketRow | undefined> {
    return rowById(db, id);
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
    const keys = Object.keys(values)
      .filter((key) => values[key as keyof TicketValues] !== undefined)
      .sort();
    if (expectedVersion !== null) keys.push(EXPECTED_VERSION);
    const result = await updateByShape(db, keys, {
      ...(values as UpdateValues),
      is_open: values.status === undefined ? null : isOpen(values.status),
      [EXPECTED_VERSION]: expectedVersion,
      id,
    });
    return Number(result.numAffectedRows ?? 0) === 1;
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
    return staffMemberQuery.first(db, { id });
  },

  async teamExists(db: DbOrTrx, id: number): Promise<boolean> {
    return (await teamQuery.first(db, { id })) !== undefined;
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
