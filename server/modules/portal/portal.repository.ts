import type { DbOrTrx } from '../../db/database';

export const portalRepository = {
  async customerIdOfUser(db: DbOrTrx, userId: number): Promise<number | null> {
    const row = await db
      .selectFrom('users')
      .select('customer_id')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.customer_id ?? null;
  },

  requestsOf(db: DbOrTrx, customerId: number) {
    return db
      .selectFrom('tickets')
      .select(['id', 'subject', 'status', 'created_at', 'updated_at', 'follow_up_of_id'])
      .where('requester_id', '=', customerId)
      .where('merged_into_id', 'is', null)
      .orderBy('updated_at', 'desc')
      .limit(200)
      .execute();
  },

  requestOf(db: DbOrTrx, ticketId: number, customerId: number) {
    return db
      .selectFrom('tickets')
      .select(['id', 'subject', 'status', 'created_at', 'updated_at', 'follow_up_of_id', 'merged_into_id'])
      .where('id', '=', ticketId)
      .where('requester_id', '=', customerId)
      .executeTakeFirst();
  },

  async insertMagicLink(
    db: DbOrTrx,
    values: { tokenHash: string; email: string; requesterIp: string; expiresAt: string; now: string },
  ) {
    await db
      .insertInto('magic_links')
      .values({
        token_hash: values.tokenHash,
        email: values.email,
        requester_ip: values.requesterIp,
        expires_at: values.expiresAt,
        created_at: values.now,
      })
      .execute();
  },

  /** Links asked from a client address since a time, for every address or only for `email`. */
  async recentLinksFrom(db: DbOrTrx, ip: string, since: string, email?: string): Promise<number> {
    let query = db
      .selectFrom('magic_links')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('requester_ip', '=', ip)
      .where('created_at', '>=', since);
    if (email !== undefined) query = query.where('email', '=', email);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Marks an unused, unexpired link used and returns its email; undefined when not redeemable. */
  async redeemMagicLink(db: DbOrTrx, tokenHash: string, now: string): Promise<string | undefined> {
    const row = await db
      .updateTable('magic_links')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('email')
      .executeTakeFirst();
    return row?.email;
  },

  /** An unused, unexpired link's email, without spending it. */
  async peekMagicLink(db: DbOrTrx, tokenHash: string, now: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('magic_links')
      .select('email')
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row?.email;
  },

  findUserByEmail(db: DbOrTrx, email: string) {
    return db
      .selectFrom('users')
      .select([
        'id',
        'name',
        'email',
        'role',
        'customer_id',
        'deactivated_at',
        'locked_until',
        'totp_secret',
        'totp_enabled_at',
        'totp_last_step',
      ])
      .where('email', '=', email)
      .executeTakeFirst();
  },
};
