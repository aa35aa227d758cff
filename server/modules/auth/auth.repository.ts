import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { UsersTable } from '../../db/schema';

type CredentialUpdate = Partial<
  Pick<
    UsersTable,
    | 'password_hash'
    | 'totp_secret'
    | 'totp_pending_secret'
    | 'totp_enabled_at'
    | 'totp_last_step'
    | 'locked_until'
    | 'last_login_at'
    | 'updated_at'
  > & { failed_logins: number }
>;

/** Sessions, and the credential columns of users (passwords, 2FA, lockout). */
export const authRepository = {
  findCredentialsByEmail(db: DbOrTrx, email: string) {
    return db
      .selectFrom('users')
      .select([
        'id',
        'email',
        'name',
        'role',
        'password_hash',
        'totp_secret',
        'totp_pending_secret',
        'totp_enabled_at',
        'totp_last_step',
        'failed_logins',
        'locked_until',
        'deactivated_at',
      ])
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
  },

  findCredentialsById(db: DbOrTrx, id: number) {
    return db
      .selectFrom('users')
      .select([
        'id',
        'email',
        'name',
        'password_hash',
        'totp_secret',
        'totp_pending_secret',
        'totp_enabled_at',
        'totp_last_step',
      ])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async updateCredentials(db: DbOrTrx, userId: number, values: CredentialUpdate): Promise<void> {
    await db.updateTable('users').set(values).where('id', '=', userId).execute();
  },

  /**
   * Counts one failed sign-in in a single statement, so concurrent guesses each count: a lock
   * that has run out starts the count again, and reaching `threshold` locks until `lockUntil`.
   */
  async recordFailedLogin(
    db: DbOrTrx,
    userId: number,
    at: { now: string; lockUntil: string; threshold: number },
  ): Promise<{ failedLogins: number; lockedUntil: string | null } | undefined> {
    const next = sql<number>`case when locked_until is not null and locked_until <= ${at.now} then 1 else failed_logins + 1 end`;
    const row = await db
      .updateTable('users')
      .set({
        failed_logins: next,
        locked_until: sql<
          string | null
        >`case when locked_until > ${at.now} then locked_until when ${next} >= ${at.threshold} then ${at.lockUntil} else null end`,
      })
      .where('id', '=', userId)
      .returning(['failed_logins', 'locked_until'])
      .executeTakeFirst();
    return row && { failedLogins: row.failed_logins, lockedUntil: row.locked_until };
  },

  /**
   * Spends a TOTP time step: true only when it is later than the last one spent, checked and
   * written in one statement so the same code cannot sign in twice, even at the same moment.
   */
  async claimTotpStep(db: DbOrTrx, userId: number, step: number): Promise<boolean> {
    const result = await db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
