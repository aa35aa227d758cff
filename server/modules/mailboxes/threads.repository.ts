import type { Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import type { TicketMailTable } from '../../db/schema';

/** The Message-IDs that thread a ticket's mail (in and out), and each ticket's mail settings. */
export const threadsRepository = {
  /** The ticket a Message-ID belongs to: the newest of the ids given that we know. */
  async ticketForMessageIds(db: DbOrTrx, ids: string[]): Promise<number | null> {
    if (ids.length === 0) return null;
    const rows = await db
      .selectFrom('mail_message_ids')
      .select(['message_id', 'ticket_id'])
      .where('message_id', 'in', ids.slice(0, 100))
      .execute();
    const byId = new Map(rows.map((r) => [r.message_id, r.ticket_id]));
    for (const id of ids) {
      const ticket = byId.get(id);
      if (ticket !== undefined) return ticket;
    }
    return null;
  },

  async rememberMessageId(
    db: DbOrTrx,
    messageId: string,
    ticketId: number,
    direction: 'in' | 'out',
    now: string,
    outboxId: number | null = null,
  ) {
    await db
      .insertInto('mail_message_ids')
      .values({ message_id: messageId, ticket_id: ticketId, direction, created_at: now, outbox_id: outboxId })
      .onConflict((oc) => oc.column('message_id').doNothing())
      .execute();
  },

  /** The outbox mail that went out with one of these Message-IDs (a bounce names it). */
  async outboxForMessageIds(db: DbOrTrx, ids: string[]) {
    if (ids.length === 0) return undefined;
    return db
      .selectFrom('mail_message_ids')
      .select(['outbox_id', 'ticket_id'])
      .where('message_id', 'in', ids.slice(0, 20))
      .where('direction', '=', 'out')
      .where('outbox_id', 'is not', null)
      .executeTakeFirst();
  },

  /** The thread's Message-IDs, oldest first (for References), and the newest one (for In-Reply-To). */
  async threadIds(db: DbOrTrx, ticketId: number): Promise<string[]> {
    const rows = await db
      .selectFrom('mail_message_ids')
      .select('message_id')
      .where('ticket_id', '=', ticketId)
      .orderBy('created_at', 'desc')
      .limit(20)
      .execute();
    return rows.map((r) => r.message_id).reverse();
  },

  ticketMail(db: DbOrTrx, ticketId: number) {
    return db.selectFrom('ticket_mail').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
  },

  /** The ticket's mail settings, locked on PostgreSQL until the transaction ends (copies are read, then written). */
  lockTicketMail(db: DbOrTrx, ticketId: number) {
    const query = db.selectFrom('ticket_mail').selectAll().where('ticket_id', '=', ticketId);
    return adapterOf(db).forUpdate(query).executeTakeFirst();
  },

  /** Writes the copies and suggestions (JSON) and, when given, the mailbox the ticket's mail uses. */
  async saveTicketMail(
    db: DbOrTrx,
    ticketId: number,
    values: Pick<Updateable<TicketMailTable>, 'mailbox_id'> & { cc: string; suggested_cc: string },
  ) {
    await db
      .insertInto('ticket_mail')
      .values({ ticket_id: ticketId, mailbox_id: values.mailbox_id ?? null, ...values })
      .onConflict((oc) => oc.column('ticket_id').doUpdateSet(values))
      .execute();
  },
};
