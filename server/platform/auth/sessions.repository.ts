import type { DbOrTrx } from '../../db/database';

/** Signed-in sessions: created at sign-in, listed and ended by their owner, ended on deactivation and password changes. */
export const sessionsRepository = {
  async createSession(
    db: DbOrTrx,
    values: {
      id: string;
      userId: number;
      csrfToken: string;
      ip: string | null;
      userAgent: string | null;
      now: string;
      expiresAt: string;
    },
  ): Promise<void> {
    await db
      .insertInto('sessions')
      .values({
        id: values.id,
        user_id: values.userId,
        csrf_token: values.csrfToken,
        ip: values.ip,
        user_agent: values.userAgent,
        created_at: values.now,
        last_seen_at: values.now,
        expires_at: values.expiresAt,
      })
      .execute();
  },

  findSession(db: DbOrTrx, id: string) {
    return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  listSessions(db: DbOrTrx, userId: number, now: string) {
    return db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('expires_at', '>', now)
      .orderBy('last_seen_at', 'desc')
      .execute();
  },

  async deleteSession(db: DbOrTrx, id: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },

  /** Ends every session of a user but `keepId`; returns how many ended. */
  async deleteUserSessions(db: DbOrTrx, userId: number, keepId: string | null): Promise<number> {
    let query = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepId) query = query.where('id', '!=', keepId);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  async deleteExpiredSessions(db: DbOrTrx, now: string): Promise<void> {
    await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  },
};
