import type { DbOrTrx } from '../../db/database';
import { insertReturningId, pick } from '../../db/prepared';

const columns = ['ticket_id', 'user_id', 'minutes', 'note', 'created_at'] as const;
const insertEntry = insertReturningId(
  (db, p: { ticket_id: number; user_id: number; minutes: number; note: string; created_at: string }) =>
    db.insertInto('ticket_time_entries').values(pick(p, columns)),
);

const withAuthor = (db: DbOrTrx) =>
  db
    .selectFrom('ticket_time_entries')
    .leftJoin('users', 'users.id', 'ticket_time_entries.user_id')
    .selectAll('ticket_time_entries')
    .select('users.name as user_name');

/** Time spent on tickets (handle time); each entry's ticket event is written by the service. */
export const timeEntriesRepository = {
  insert(
    db: DbOrTrx,
    entry: { ticketId: number; userId: number; minutes: number; note: string; at: string },
  ): Promise<number> {
    return insertEntry(db, {
      ticket_id: entry.ticketId,
      user_id: entry.userId,
      minutes: entry.minutes,
      note: entry.note,
      created_at: entry.at,
    });
  },

  /** A ticket's entries, newest first. */
  listByTicket(db: DbOrTrx, ticketId: number) {
    return withAuthor(db)
      .where('ticket_time_entries.ticket_id', '=', ticketId)
      .orderBy('ticket_time_entries.created_at', 'desc')
      .orderBy('ticket_time_entries.id', 'desc')
      .execute();
  },

  find(db: DbOrTrx, ticketId: number, entryId: number) {
    return withAuthor(db)
      .where('ticket_time_entries.id', '=', entryId)
      .where('ticket_time_entries.ticket_id', '=', ticketId)
      .executeTakeFirst();
  },

  async remove(db: DbOrTrx, entryId: number): Promise<void> {
    await db.deleteFrom('ticket_time_entries').where('id', '=', entryId).execute();
  },
};

export type TimeEntryRow = NonNullable<Awaited<ReturnType<typeof timeEntriesRepository.find>>>;
