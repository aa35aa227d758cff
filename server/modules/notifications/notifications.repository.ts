import type { DbOrTrx } from '../../db/database';

/** The in-app bell: what each user was told about, and whether they read it. */
export const notificationsRepository = {
  /** One notification for each of the users, about a message on a ticket. */
  async insert(
    db: DbOrTrx,
    userIds: number[],
    at: {
      kind: string;
      ticketId: number | null;
      messageId: number | null;
      actorName: string;
      detail?: string | null;
      now: string;
    },
  ): Promise<void> {
    if (userIds.length === 0) return;
    await db
      .insertInto('notifications')
      .values(
        userIds.map((userId) => ({
          user_id: userId,
          kind: at.kind,
          ticket_id: at.ticketId,
          message_id: at.messageId,
          actor_name: at.actorName,
          detail: at.detail ?? null,
          created_at: at.now,
        })),
      )
      .execute();
  },

  latest(db: DbOrTrx, userId: number) {
    return db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(50)
      .execute();
  },

  async unreadCount(db: DbOrTrx, userId: number): Promise<number> {
    const row = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async markRead(db: DbOrTrx, userId: number, ids: number[] | undefined, now: string) {
    let q = db
      .updateTable('notifications')
      .set({ read_at: now })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (ids) q = q.where('id', 'in', ids.length ? ids : [-1]);
    await q.execute();
  },
};
