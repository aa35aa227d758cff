import type { DbOrTrx } from '../../db/database';
import { containsText } from '../../db/like';
import { prepared } from '../../db/prepared';
import type { TeamRow } from '../../db/schema';

export interface MemberRow {
  teamId: number;
  id: number;
  name: string;
  email: string;
}

/** Every ticket routed, checked or filed under a team reads its team: built once. */
const byIdQuery = prepared((db, p: { id: number }) =>
  db.selectFrom('teams').selectAll().where('id', '=', p.id),
);

export const teamsRepository = {
  findById(db: DbOrTrx, id: number): Promise<TeamRow | undefined> {
    return byIdQuery.first(db, { id });
  },

  findByName(db: DbOrTrx, name: string): Promise<TeamRow | undefined> {
    return db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirst();
  },

  /** Ids and names by name: of the given teams, or of every team without ids. */
  names(db: DbOrTrx, ids?: number[]): Promise<{ id: number; name: string }[]> {
    if (ids?.length === 0) return Promise.resolve([]);
    let query = db.selectFrom('teams').select(['id', 'name']);
    if (ids) query = query.where('id', 'in', ids);
    return query.orderBy('name').execute();
  },

  list(db: DbOrTrx, filter: { q?: string; limit: number }, afterName: string | null): Promise<TeamRow[]> {
    let query = db.selectFrom('teams').selectAll();
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) => containsText(eb.ref('name'), q));
    }
    if (afterName !== null) query = query.where('name', '>', afterName);
    return query
      .orderBy('name')
      .limit(filter.limit + 1)
      .execute();
  },

  /** Active members of the given teams. */
  async members(db: DbOrTrx, teamIds: number[]): Promise<MemberRow[]> {
    if (teamIds.length === 0) return [];
    return db
      .selectFrom('team_members')
      .innerJoin('users', 'users.id', 'team_members.user_id')
      .select(['team_members.team_id as teamId', 'users.id', 'users.name', 'users.email'])
      .where('team_members.team_id', 'in', teamIds)
      .where('users.deactivated_at', 'is', null)
      .orderBy('users.name')
      .execute();
  },

  /** The teams a person belongs to and the teams they lead. */
  async reachOf(db: DbOrTrx, userId: number) {
    const [member, led] = await Promise.all([
      db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute(),
      db.selectFrom('teams').select('id').where('lead_id', '=', userId).execute(),
    ]);
    return { memberOf: member.map((r) => r.team_id), leads: led.map((r) => r.id) };
  },

  async leads(db: DbOrTrx, leadIds: number[]) {
    if (leadIds.length === 0) return [];
    return db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', leadIds).execute();
  },

  /** Ids among `ids` that are active staff (not customers). */
  async activeStaffIds(db: DbOrTrx, ids: number[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', ids)
      .where('deactivated_at', 'is', null)
      .where('role', '!=', 'customer')
      .execute();
    return rows.map((r) => r.id);
  },

  async insert(
    db: DbOrTrx,
    values: {
      name: string;
      description: string;
      leadId: number | null;
      calendarId: number | null;
      now: string;
    },
  ): Promise<number> {
    const row = await db
      .insertInto('teams')
      .values({
        name: values.name,
        description: values.description,
        lead_id: values.leadId,
        calendar_id: values.calendarId,
        created_at: values.now,
        updated_at: values.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(
    db: DbOrTrx,
    id: number,
    values: {
      name?: string;
      description?: string;
      leadId?: number | null;
      calendarId?: number | null;
      now: string;
    },
  ) {
    await db
      .updateTable('teams')
      .set({
        name: values.name,
        description: values.description,
        lead_id: values.leadId,
        calendar_id: values.calendarId,
        updated_at: values.now,
      })
      .where('id', '=', id)
      .execute();
  },

  async setMembers(db: DbOrTrx, teamId: number, userIds: number[], now: string): Promise<void> {
    await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
    if (userIds.length === 0) return;
    await db
      .insertInto('team_members')
      .values(userIds.map((userId) => ({ team_id: teamId, user_id: userId, created_at: now })))
      .execute();
  },

  async delete(db: DbOrTrx, id: number): Promise<void> {
    await db.deleteFrom('teams').where('id', '=', id).execute();
  },

  async setTeamsOfUser(db: DbOrTrx, userId: number, teamIds: number[], at: string): Promise<void> {
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
};
