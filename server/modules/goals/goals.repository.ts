import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { GoalsTable } from '../../db/schema';

export type GoalRow = Selectable<GoalsTable> & { team_name: string | null; agent_name: string | null };
export type GoalValues = Omit<
  GoalsTable,
  'id' | 'created_at' | 'updated_at' | 'last_trajectory' | 'evaluated_at' | 'created_by'
>;

const goals = (db: DbOrTrx) =>
  db
    .selectFrom('goals')
    .leftJoin('teams as team', 'team.id', 'goals.team_id')
    .leftJoin('users as agent', 'agent.id', 'goals.agent_id')
    .selectAll('goals')
    .select(['team.name as team_name', 'agent.name as agent_name']);

export interface GoalFilter {
  ownerKind?: GoalsTable['owner_kind'];
  teamId?: number;
  agentId?: number;
  /** Goals whose period includes this date. */
  activeOn?: string;
  /** Goals whose period ended before this date. */
  endedBefore?: string;
}

export const goalsRepository = {
  list(db: DbOrTrx, filter: GoalFilter): Promise<GoalRow[]> {
    let q = goals(db);
    if (filter.ownerKind) q = q.where('goals.owner_kind', '=', filter.ownerKind);
    if (filter.teamId !== undefined) q = q.where('goals.team_id', '=', filter.teamId);
    if (filter.agentId !== undefined) q = q.where('goals.agent_id', '=', filter.agentId);
    if (filter.activeOn)
      q = q.where('goals.period_from', '<=', filter.activeOn).where('goals.period_to', '>=', filter.activeOn);
    if (filter.endedBefore) q = q.where('goals.period_to', '<', filter.endedBefore);
    return q.orderBy('goals.period_to', 'desc').orderBy('goals.id').limit(500).execute();
  },

  findById(db: DbOrTrx, id: number): Promise<GoalRow | undefined> {
    return goals(db).where('goals.id', '=', id).executeTakeFirst();
  },

  async insert(db: DbOrTrx, values: GoalValues, createdBy: number | null, now: string): Promise<number> {
    const row = await db
      .insertInto('goals')
      .values({
        ...values,
        created_by: createdBy,
        last_trajectory: null,
        evaluated_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(db: DbOrTrx, id: number, values: Partial<GoalValues>, now: string): Promise<void> {
    // A changed goal is judged afresh: its next turn at risk is told again.
    await db
      .updateTable('goals')
      .set({ ...values, last_trajectory: null, updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  async remove(db: DbOrTrx, id: number): Promise<void> {
    await db.deleteFrom('goals').where('id', '=', id).execute();
  },

  /**
   * Records a goal's trajectory when it differs from the last one recorded; true when this call
   * made the change (so one node, once, tells of it).
   */
  async claimTrajectory(
    db: DbOrTrx,
    id: number,
    from: string | null,
    to: string,
    now: string,
  ): Promise<boolean> {
    let q = db.updateTable('goals').set({ last_trajectory: to, evaluated_at: now }).where('id', '=', id);
    q = from === null ? q.where('last_trajectory', 'is', null) : q.where('last_trajectory', '=', from);
    const res = await q.executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
};
