import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';

function notifiable(db: DbOrTrx) {
  return db
    .selectFrom('ticket_events')
    .innerJoin('tickets', 'tickets.id', 'ticket_events.ticket_id')
    .select([
      'ticket_events.id',
      'ticket_events.ticket_id',
      'ticket_events.type',
      'ticket_events.actor_type',
      'ticket_events.actor_id',
      'ticket_events.to_value',
      'ticket_events.created_at',
      'tickets.assignee_id',
    ])
    .where('ticket_events.historic', '=', 0)
    .where((eb) =>
      eb.or([
        eb('ticket_events.type', 'in', ['replied', 'assigned']),
        eb.and([
          eb('ticket_events.type', '=', 'status_changed'),
          eb('ticket_events.to_value', '=', 'solved'),
        ]),
        eb.and([
          eb('ticket_events.type', '=', 'customer_replied'),
          eb('tickets.assignee_id', 'is not', null),
        ]),
      ]),
    );
}

/** What the mail notifier reads: its place in the ticket history, and who to write to. */
export const notifyRepository = {
  /** The notifier's position; null the first time (it then starts from now). */
  async cursor(db: DbOrTrx, name: string): Promise<number | null> {
    const query = db.selectFrom('event_cursors').select('last_id').where('name', '=', name);
    return (await adapterOf(db).forUpdate(query).executeTakeFirst())?.last_id ?? null;
  },

  async setCursor(db: DbOrTrx, name: string, lastId: number) {
    await db
      .insertInto('event_cursors')
      .values({ name, last_id: lastId })
      .onConflict((oc) => oc.column('name').doUpdateSet({ last_id: lastId }))
      .execute();
  },

  async lastEventId(db: DbOrTrx): Promise<number> {
    const row = await db
      .selectFrom('ticket_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  },

  /**
   * Events that may send mail, after the cursor and up to a settled id: replies, solved,
   * assignments, and customer replies on assigned tickets. Historic events (seeding,
   * back-fills) never do.
   */
  eventsAfter(db: DbOrTrx, afterId: number, upToId: number, limit: number) {
    return notifiable(db)
      .where('ticket_events.id', '>', afterId)
      .where('ticket_events.id', '<=', upToId)
      .orderBy('ticket_events.id')
      .limit(limit)
      .execute();
  },

  /** One event, as eventsAfter reads it (for a retry); undefined when it is gone or sends no mail. */
  eventById(db: DbOrTrx, id: number) {
    return notifiable(db).where('ticket_events.id', '=', id).executeTakeFirst();
  },

  /**
   * The newest event that is settled: on PostgreSQL only events older than `settledBefore`,
   * because ids of concurrent transactions can commit out of order.
   */
  async newestSettledId(db: DbOrTrx, settledBefore: string | null): Promise<number> {
    let query = db.selectFrom('ticket_events').select((eb) => eb.fn.max('id').as('id'));
    if (settledBefore) query = query.where('created_at', '<', settledBefore);
    return Number((await query.executeTakeFirst())?.id ?? 0);
  },

  /** Whether the ticket got another event of this type in the same change (same actor, same time). */
  async sameChangeHas(db: DbOrTrx, ticketId: number, at: string, types: string[]): Promise<boolean> {
    const row = await db
      .selectFrom('ticket_events')
      .select('id')
      .where('ticket_id', '=', ticketId)
      .where('created_at', '=', at)
      .where('type', 'in', types)
      .executeTakeFirst();
    return row !== undefined;
  },
};
