import type { z } from 'zod';
import {
  type createGoalBody,
  type Goal,
  type GoalKpiKey,
  goalKpis,
  type goalOwnerInput,
  type goalsQuery,
  type updateGoalBody,
} from '../../../contracts/goals';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { teamExists } from '../teams';
import { findUserRow } from '../users';
import { canKeep, canSee, type GoalOwnerRef, type Sight, sightOf } from './goals.access';
import { deskToday, toGoal } from './goals.progress';
import { type GoalRow, type GoalValues, goalsRepository as repo } from './goals.repository';
import { periodDates, periodLabel } from './goals.rules';

type CreateBody = z.output<typeof createGoalBody>;
type UpdateBody = z.output<typeof updateGoalBody>;
type OwnerInput = z.output<typeof goalOwnerInput>;

const goalNotFound = (id: number) => notFound('GOAL_NOT_FOUND', `Goal #${id}`);
const invalid = (path: string[], message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);
const refused = () =>
  new AppError('FORBIDDEN', 'You can keep the goals of the teams you lead and of their members only');

const ownerRef = (owner: OwnerInput): GoalOwnerRef => ({
  owner_kind: owner.kind,
  team_id: owner.kind === 'team' ? owner.id : null,
  agent_id: owner.kind === 'agent' ? owner.id : null,
});

/** The team or agent a goal names exists (an agent: an active member of staff). */
async function checkOwner(db: DbOrTrx, owner: OwnerInput): Promise<void> {
  if (owner.kind === 'team' && !(await teamExists(db, owner.id)))
    throw invalid(['owner', 'id'], `Team #${owner.id} was not found`);
  if (owner.kind === 'agent') {
    const user = await findUserRow(db, owner.id);
    if (!user || user.role === 'customer' || user.deactivated_at)
      throw invalid(['owner', 'id'], 'The owner is an active member of staff');
  }
}

function valuesOf(input: Partial<CreateBody>): Partial<GoalValues> {
  const period = input.period ? periodDates(input.period) : undefined;
  const owner = input.owner ? ownerRef(input.owner) : undefined;
  return {
    name: input.name,
    description: input.description,
    kpi: input.kpi,
    target: input.target,
    period_kind: period?.kind,
    period_from: period?.from,
    period_to: period?.to,
    ...(owner ?? {}),
  };
}

const audited = (row: GoalRow) => ({
  name: row.name,
  kpi: goalKpis[row.kpi as GoalKpiKey]?.label ?? row.kpi,
  target: row.target,
  period: periodLabel({ kind: row.period_kind, from: row.period_from, to: row.period_to }),
  owner: row.owner_kind === 'department' ? 'Department' : (row.team_name ?? row.agent_name),
});

async function visible(db: DbOrTrx, sight: Sight, id: number): Promise<GoalRow> {
  const row = await repo.findById(db, id);
  // A goal one may not see is, to them, not there.
  if (!row || !canSee(sight, row)) throw goalNotFound(id);
  return row;
}

/** A goal written as history (seeding): checked as the API checks it. */
export async function insertGoalRow(db: DbOrTrx, input: CreateBody, now: string): Promise<number> {
  await checkOwner(db, input.owner);
  return repo.insert(db, valuesOf(input) as GoalValues, null, now);
}

export function goalsService({ db }: AppDeps) {
  return {
    async list(ctx: RequestContext, query: z.output<typeof goalsQuery>): Promise<{ data: Goal[] }> {
      authorize(ctx.actor, 'goals.read');
      const sight = await sightOf(db, ctx.actor);
      const today = await deskToday(db);
      const rows = await repo.list(db, {
        ownerKind: query.ownerKind,
        teamId: query.teamId,
        agentId: query.agentId,
        activeOn: query.status === 'active' ? today : undefined,
        endedBefore: query.status === 'ended' ? today : undefined,
      });
      const data: Goal[] = [];
      for (const row of rows.filter((r) => canSee(sight, r))) data.push(await toGoal(db, row, today));
      return { data };
    },

    async get(ctx: RequestContext, id: number): Promise<Goal> {
      authorize(ctx.actor, 'goals.read');
      const row = await visible(db, await sightOf(db, ctx.actor), id);
      return toGoal(db, row, await deskToday(db));
    },

    async create(ctx: RequestContext, input: CreateBody): Promise<Goal> {
      authorize(ctx.actor, 'goals.write');
      const sight = await sightOf(db, ctx.actor);
      if (!canKeep(sight, ownerRef(input.owner))) throw refused();
      return db.transaction().execute(async (trx) => {
        await checkOwner(trx, input.owner);
        const by = ctx.actor.type === 'user' ? ctx.actor.id : null;
        const id = await repo.insert(trx, valuesOf(input) as GoalValues, by, nowIso());
        const row = (await repo.findById(trx, id))!;
        await recordAudit(trx, ctx, {
          action: 'goal.created',
          entityType: 'goal',
          entityId: id,
          after: audited(row),
        });
        return toGoal(trx, row, await deskToday(trx));
      });
    },

    async update(ctx: RequestContext, id: number, input: UpdateBody): Promise<Goal> {
      authorize(ctx.actor, 'goals.write');
      const sight = await sightOf(db, ctx.actor);
      return db.transaction().execute(async (trx) => {
        const before = await visible(trx, sight, id);
        if (!canKeep(sight, before) || (input.owner && !canKeep(sight, ownerRef(input.owner))))
          throw refused();
        if (input.owner) await checkOwner(trx, input.owner);
        await repo.update(trx, id, valuesOf(input), nowIso());
        const after = (await repo.findById(trx, id))!;
        await recordAudit(trx, ctx, {
          action: 'goal.updated',
          entityType: 'goal',
          entityId: id,
          before: audited(before),
          after: audited(after),
        });
        return toGoal(trx, after, await deskToday(trx));
      });
    },

    async remove(ctx: RequestContext, id: number): Promise<void> {
      authorize(ctx.actor, 'goals.write');
      const sight = await sightOf(db, ctx.actor);
      await db.transaction().execute(async (trx) => {
        const before = await visible(trx, sight, id);
        if (!canKeep(sight, before)) throw refused();
        await repo.remove(trx, id);
        await recordAudit(trx, ctx, {
          action: 'goal.deleted',
          entityType: 'goal',
          entityId: id,
          before: { name: before.name },
        });
      });
    },
  };
}

export type GoalsService = ReturnType<typeof goalsService>;
