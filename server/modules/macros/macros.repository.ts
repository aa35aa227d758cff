import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { containsText } from '../../db/like';
import type { MacrosTable } from '../../db/schema';

export type MacroRow = Selectable<MacrosTable> & {
  team_name: string | null;
  team_lead_id: number | null;
  owner_name: string | null;
};

export type MacroValues = Omit<
  MacrosTable,
  'id' | 'usage_count' | 'last_used_at' | 'created_at' | 'updated_at'
>;

/** Who is looking: their own personal macros, their teams' (or every team's), and the shared ones. */
export interface MacroViewer {
  userId: number | null;
  allTeams: boolean;
}

export interface MacroFilter {
  q?: string;
  visibility?: MacrosTable['visibility'];
  /** Only those not used since this moment (or never). */
  unusedSince?: string;
}

const macros = (db: DbOrTrx) =>
  db
    .selectFrom('macros')
    .leftJoin('teams as team', 'team.id', 'macros.team_id')
    .leftJoin('users as owner', 'owner.id', 'macros.owner_id')
    .selectAll('macros')
    .select(['team.name as team_name', 'team.lead_id as team_lead_id', 'owner.name as owner_name']);

export const macrosRepository = {
  list(db: DbOrTrx, viewer: MacroViewer, filter: MacroFilter): Promise<MacroRow[]> {
    let q = macros(db).where((eb) => {
      const seen = [eb('macros.visibility', '=', 'shared')];
      if (viewer.userId !== null)
        seen.push(
          eb.and([eb('macros.visibility', '=', 'personal'), eb('macros.owner_id', '=', viewer.userId)]),
        );
      if (viewer.allTeams) seen.push(eb('macros.visibility', '=', 'team'));
      else if (viewer.userId !== null)
        seen.push(
          eb.and([
            eb('macros.visibility', '=', 'team'),
            eb(
              'macros.team_id',
              'in',
              eb.selectFrom('team_members').select('team_id').where('user_id', '=', viewer.userId),
            ),
          ]),
        );
      return eb.or(seen);
    });
    if (filter.visibility) q = q.where('macros.visibility', '=', filter.visibility);
    if (filter.unusedSince) {
      const since = filter.unusedSince;
      q = q.where((eb) =>
        eb.or([eb('macros.last_used_at', 'is', null), eb('macros.last_used_at', '<', since)]),
      );
    }
    if (filter.q) {
      const text = filter.q;
      q = q.where((eb) =>
        eb.or([
          containsText(eb.ref('macros.name'), text),
          containsText(eb.ref('macros.description'), text),
          containsText(eb.ref('macros.body'), text),
        ]),
      );
    }
    return q.orderBy('macros.name').orderBy('macros.id').limit(1000).execute();
  },

  findById(db: DbOrTrx, id: number): Promise<MacroRow | undefined> {
    return macros(db).where('macros.id', '=', id).executeTakeFirst();
  },

  async isTeamMember(db: DbOrTrx, teamId: number, userId: number): Promise<boolean> {
    const row = await db
      .selectFrom('team_members')
      .select('user_id')
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row !== undefined;
  },

  async insert(
    db: DbOrTrx,
    values: MacroValues,
    now: string,
    usage?: { count: number; lastUsedAt: string | null },
  ) {
    const row = await db
      .insertInto('macros')
      .values({
        ...values,
        usage_count: usage?.count ?? 0,
        last_used_at: usage?.lastUsedAt ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(db: DbOrTrx, id: number, values: Partial<MacroValues>, now: string): Promise<void> {
    await db
      .updateTable('macros')
      .set({ ...values, updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  async remove(db: DbOrTrx, id: number): Promise<void> {
    await db.deleteFrom('macros').where('id', '=', id).execute();
  },

  /** Counts one use, in the statement itself: two agents applying at once both count. */
  async countUse(db: DbOrTrx, id: number, at: string): Promise<void> {
    await db
      .updateTable('macros')
      .set((eb) => ({ usage_count: eb('usage_count', '+', 1), last_used_at: at }))
      .where('id', '=', id)
      .execute();
  },
};
