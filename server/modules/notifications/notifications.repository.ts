import type { DbOrTrx } from '../../db/database';

export const notificationsRepository = {
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
