import type { z } from 'zod';
import type { listUsersQuery } from '../../../contracts/users';
import type { DbOrTrx } from '../../db/database';
import { containsText } from '../../db/like';
import type { NewUserRow, UserRow, UserUpdate } from '../../db/schema';

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

export const usersRepository = {
  findById(db: DbOrTrx, id: number): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
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

  async setTeams(db: DbOrTrx, userId: number, teamIds: number[], at: string): Promise<void> {
    await db.deleteFrom('team_members').where('user_id', '=', userId).execute();
    if (teamIds.length === 0) return;
    await db
      .insertInto('team_members')
      .values(teamIds.map((teamId) => ({ team_id: teamId, user_id: userId, created_at: at })))
      .execute();
  },

  /** Removes the user as lead of any team they leave or when they are deactivated. */
  async clearLeadership(
    db: DbOrTrx,
    userId: number,
    keepTeamIds: number[] | null,
    at: string,
  ): Promise<void> {
    let query = db.updateTable('teams').set({ lead_id: null, updated_at: at }).where('lead_id', '=', userId);
    if (keepTeamIds && keepTeamIds.length > 0) query = query.where('id', 'not in', keepTeamIds);
    await query.execute();
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
};
