import type { DbOrTrx } from '../../db/database';

/** Who is writing a reply to which ticket (table `ticket_replying`, migration 0029). */
export const replyingRepository = {
  /** Says the agent is replying until `until`. */
  async hold(db: DbOrTrx, ticketId: number, userId: number, until: string): Promise<void> {
    await db
      .insertInto('ticket_replying')
      .values({ ticket_id: ticketId, user_id: userId, expires_at: until })
      .onConflict((oc) => oc.columns(['ticket_id', 'user_id']).doUpdateSet({ expires_at: until }))
      .execute();
  },

  /** Ends the agent's reply; answers whether one was still holding. */
  async release(db: DbOrTrx, ticketId: number, userId: number, now: string): Promise<boolean> {
    const rows = await db
      .deleteFrom('ticket_replying')
      .where('ticket_id', '=', ticketId)
      .where('user_id', '=', userId)
      .returning('expires_at')
      .execute();
    return rows.some((r) => Date.parse(String(r.expires_at)) > Date.parse(now));
  },

  /** The agents replying to a ticket now, by name, first to start first. */
  holding(db: DbOrTrx, ticketId: number, now: string) {
    return db
      .selectFrom('ticket_replying')
      .innerJoin('users', 'users.id', 'ticket_replying.user_id')
      .select(['ticket_replying.user_id', 'users.name', 'ticket_replying.expires_at'])
      .where('ticket_replying.ticket_id', '=', ticketId)
      .where('ticket_replying.expires_at', '>', now)
      .where('users.deactivated_at', 'is', null)
      .orderBy('ticket_replying.user_id')
      .execute();
  },

  /** Rows that lapsed a while ago (the browser went away without saying so). */
  async sweep(db: DbOrTrx, before: string): Promise<void> {
    await db.deleteFrom('ticket_replying').where('expires_at', '<', before).execute();
  },
};
