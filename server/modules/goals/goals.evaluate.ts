import type { Db, DbOrTrx } from '../../db/database';
import { notifyUsers } from '../notifications';
import { teamLeadOf, teamReachOf } from '../teams';
import { activeManagerIds } from '../users';
import { deskToday, toGoal } from './goals.progress';
import { type GoalRow, goalsRepository as repo } from './goals.repository';

export const GOALS_JOB = 'goal-evaluation';

/** Who hears that a goal went at risk: the managers, and the lead of the owner team (of an agent's teams). */
async function recipientsOf(db: DbOrTrx, row: GoalRow): Promise<number[]> {
  const to = new Set(await activeManagerIds(db));
  const teams =
    row.team_id !== null
      ? [row.team_id]
      : row.agent_id !== null
        ? (await teamReachOf(db, row.agent_id)).memberOf
        : [];
  for (const team of teams) {
    const lead = await teamLeadOf(db, team);
    if (lead !== null) to.add(lead);
  }
  return [...to];
}

/**
 * Evaluates every goal whose period includes today (hourly). A trajectory that differs from the
 * one stored is claimed on the goal's row, in the transaction that rings the bells, so across
 * any number of nodes a goal that goes at risk is told of once; staying at risk tells nothing,
 * and it is told again only after it left that state and came back.
 */
export async function evaluateGoals(db: Db, now = Date.now()): Promise<number> {
  const today = await deskToday(db, now);
  let told = 0;
  for (const row of await repo.list(db, { activeOn: today })) {
    const goal = await toGoal(db, row, today);
    if (goal.trajectory === row.last_trajectory) continue;
    await db.transaction().execute(async (trx) => {
      const at = new Date(now).toISOString();
      if (!(await repo.claimTrajectory(trx, row.id, row.last_trajectory, goal.trajectory, at))) return;
      if (goal.trajectory !== 'at_risk') return;
      const owner = goal.owner.team?.name ?? goal.owner.agent?.name ?? 'Department';
      await notifyUsers(trx, await recipientsOf(trx, row), {
        kind: 'goal_at_risk',
        ticketId: null,
        messageId: null,
        actorName: 'Steward',
        detail: `${goal.name} (${owner}, ${goal.period.label})`,
        now: at,
      });
      told += 1;
    });
  }
  return told;
}
