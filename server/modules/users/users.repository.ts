import { sql } from 'kysely';
import type { z } from 'zod';
import type { listUsersQuery } from '../../../contracts/users';
import type { DbOrTrx } from '../../db/database';
import { containsText } from '../../db/like';
import type { NewUserRow, UserRow, UsersTable, UserUpdate } from '../../db/schema';

export type TeamRef = { id: number; name: string };

/** What a user looks like to others: no password hash, 2FA secrets or lockout state. */
const listedColumns = [
  'id',
  'email',
  'name',
  'role',
  'timezone',
  'skills',
  'languages',
  'totp_enabled_at',
  'last_login_at',
  'deactivated_at',
  'created_at',
  'updated_at',
] as const;
export type ListedUserRow = Pick<UserRow, (typeof listedColumns)[number]>;
type ListFilter = z.output<typeof listUsersQuery>;

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

export const usersRepository = {
  findById(db: DbOrTrx, id: number): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },

  namesByIds(db: DbOrTrx, ids: number[]): Promise<{ id: number; name: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  },

  findByEmail(db: DbOrTrx, email: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  },

  /** Newest first by id; `afterId` is the cursor. Fetches limit+1 rows. */
  list(db: DbOrTrx, filter: ListFilter, afterId: number | null): Promise<ListedUserRow[]> {
    // Only the columns a listed user shows: every value read costs, on a page of fifty.
    let query = db.selectFrom('users').select(listedColumns);
    if (filter.status === 'active') query = query.where('deactivated_at', 'is', null);
    if (filter.status === 'deactivated') query = query.where('deactivated_at', 'is not', null);
    if (filter.role) query = query.where('role', '=', filter.role);
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) => eb.or([containsText(eb.ref('name'), q), containsText(eb.ref('email'), q)]));
    }
    if (filter.teamId) {
      const teamId = filter.teamId;
      query = query.where('id', 'in', (eb) =>
        eb.selectFrom('team_members').select('user_id').where('team_id', '=', teamId),
      );
    }
    if (afterId !== null) query = query.where('id', '<', afterId);
    return query
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  async teamsOf(db: DbOrTrx, userIds: number[]): Promise<Map<number, TeamRef[]>> {
    const map = new Map<number, TeamRef[]>();
    if (userIds.length === 0) return map;
    const rows = await db
      .selectFrom('team_members')
      .innerJoin('teams', 'teams.id', 'team_members.team_id')
      .select(['team_members.user_id as userId', 'teams.id', 'teams.name'])
      .where('team_members.user_id', 'in', userIds)
      .orderBy('teams.name')
      .execute();
    for (const row of rows) {
      const list = map.get(row.userId) ?? [];
      list.push({ id: row.id, name: row.name });
      map.set(row.userId, list);
    }
    return map;
  },

  async insert(db: DbOrTrx, values: NewUserRow): Promise<number> {
    const row = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async update(db: DbOrTrx, id: number, values: UserUpdate): Promise<void> {
    await db.updateTable('users').set(values).where('id', '=', id).execute();
  },

  async activeIdsWithRole(db: DbOrTrx, role: 'admin' | 'manager' | 'agent'): Promise<number[]> {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', role)
      .where('deactivated_at', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  },

  async countActiveAdmins(db: DbOrTrx): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('deactivated_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async existingTeamIds(db: DbOrTrx, ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('teams').select('id').where('id', 'in', ids).execute();
    return rows.map((r) => r.id);
  },

  async movePortalAccounts(db: DbOrTrx, fromId: number, toId: number) {
    await db.updateTable('users').set({ customer_id: toId }).where('customer_id', '=', fromId).execute();
  },

  async linkUserToCustomer(db: DbOrTrx, userId: number, customerId: number) {
    await db.updateTable('users').set({ customer_id: customerId }).where('id', '=', userId).execute();
  },

  // The credential columns (passwords, 2FA, lockout), for sign-in and the profile.
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
