import type { z } from 'zod';
import type {
  Capacity,
  PresenceStatus,
  RoutingAgent,
  RoutingLogEntry,
  RoutingMethod,
  reassignQueueBody,
  routingLogQuery,
  TeamRouting,
  UpdateAgentRoutingBody,
  UpdateTeamRoutingBody,
} from '../../../contracts/routing';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize, can } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { parseObject } from '../../platform/json';
import { cursorId, toPage } from '../../platform/pagination';
import { changeTicket } from '../tickets';
import { findUserRow, loadUser, updateUserRow } from '../users';
import { setPresence, toPresence } from './presence';
import { routingRepository as repo } from './routing.repository';
import { capacityOf, loadsOf, routeTicket, routingContext, skillKey, skillsOf } from './routing.route';
import { noLoad } from './routing.rules';

type ReassignBody = z.output<typeof reassignQueueBody>;
const teamNotFound = (id: number) => notFound('TEAM_NOT_FOUND', `Team ${id}`);

function personOf(ctx: RequestContext): number {
  if (ctx.actor.type !== 'user' || ctx.actor.id === 0)
    throw new AppError('FORBIDDEN', 'API tokens have no presence');
  return ctx.actor.id;
}

type AgentRow = NonNullable<Awaited<ReturnType<typeof repo.agent>>>;

function toAgent(row: Omit<AgentRow, 'deactivated_at'>, load = noLoad): RoutingAgent {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    presence: toPresence(row),
    skills: [...skillsOf(row).values()].map((s) => ({ name: s.label, level: s.level })),
    languages: JSON.parse(row.languages) as string[],
    capacity: capacityOf(row.capacity) as Record<string, number>,
    load,
  };
}

async function teamRouting(db: DbOrTrx, teamId?: number): Promise<TeamRouting[]> {
  const teams = await repo.teams(db, teamId);
  const unassigned = new Map((await repo.unassignedCounts(db)).map((r) => [r.team_id, Number(r.n)]));
  const out: TeamRouting[] = [];
  for (const team of teams) {
    const members = await repo.members(db, team.id);
    const loads = await loadsOf(
      db,
      members.map((m) => m.id),
    );
    out.push({
      team: { id: team.id, name: team.name },
      lead: team.lead_id !== null && team.lead_name ? { id: team.lead_id, name: team.lead_name } : null,
      method: team.method ?? 'manual',
      redistributeOffline: team.redistribute_offline === 1,
      alertAfterMinutes: team.alert_after_minutes ?? null,
      agents: members.map((m) => toAgent(m, loads.get(m.id))),
      unassigned: unassigned.get(team.id) ?? 0,
    });
  }
  return out;
}

export function routingService({ db }: AppDeps) {
  async function oneTeam(teamId: number) {
    const [team] = await teamRouting(db, teamId);
    if (!team) throw teamNotFound(teamId);
    return team;
  }

  async function agent(userId: number) {
    const row = await repo.agent(db, userId);
    if (!row || row.role === 'customer') throw notFound('USER_NOT_FOUND', `User ${userId}`);
    const loads = await loadsOf(db, [userId]);
    return toAgent(row, loads.get(userId));
  }

  return {
    async teams(ctx: RequestContext) {
      authorize(ctx.actor, 'routing.read');
      return { data: await teamRouting(db) };
    },

    async team(ctx: RequestContext, teamId: number) {
      authorize(ctx.actor, 'routing.read');
      return oneTeam(teamId);
    },

    async updateTeam(ctx: RequestContext, teamId: number, input: UpdateTeamRoutingBody) {
      authorize(ctx.actor, 'routing.manage');
      await db.transaction().execute(async (trx) => {
        const [before] = await teamRouting(trx, teamId);
        if (!before) throw teamNotFound(teamId);
        const now = nowIso();
        await repo.upsertTeam(trx, {
          team_id: teamId,
          method: input.method ?? before.method,
          redistribute_offline: (input.redistributeOffline ?? before.redistributeOffline) ? 1 : 0,
          alert_after_minutes:
            input.alertAfterMinutes === undefined ? before.alertAfterMinutes : input.alertAfterMinutes,
          updated_at: now,
        });
        const pick = (t: TeamRouting) => ({
          routing: t.method,
          redistributeOffline: t.redistributeOffline,
          alertAfterMinutes: t.alertAfterMinutes,
        });
        const [after] = await teamRouting(trx, teamId);
        await recordAudit(trx, ctx, {
          action: 'team.routing_changed',
          entityType: 'team',
          entityId: teamId,
          before: pick(before),
          after: pick(after!),
        });
      });
      return oneTeam(teamId);
    },

    async agent(ctx: RequestContext, userId: number) {
      authorize(ctx.actor, 'routing.read');
      return agent(userId);
    },

    async updateAgent(ctx: RequestContext, userId: number, input: UpdateAgentRoutingBody) {
      authorize(ctx.actor, 'routing.manage');
      await db.transaction().execute(async (trx) => {
        const row = await repo.agent(trx, userId);
        if (!row || row.role === 'customer') throw notFound('USER_NOT_FOUND', `User ${userId}`);
        const before = toAgent(row);
        const now = nowIso();
        const skills = input.skills ?? before.skills;
        const levels = Object.fromEntries(skills.map((s) => [skillKey(s.name), s.level]));
        const capacity = input.capacity ?? capacityOf(row.capacity);
        await repo.upsertAgent(trx, userId, {
          capacity: JSON.stringify(
            Object.fromEntries(Object.entries(capacity).filter(([, v]) => v !== undefined)),
          ),
          skill_levels: JSON.stringify(levels),
          now,
        });
        if (input.skills || input.languages)
          await updateUserRow(trx, userId, {
            skills: input.skills ? JSON.stringify([...new Set(input.skills.map((s) => s.name))]) : undefined,
            languages: input.languages ? JSON.stringify([...new Set(input.languages)]) : undefined,
            updated_at: now,
          });
        const after = toAgent((await repo.agent(trx, userId))!);
        const pick = (a: RoutingAgent) => ({
          skills: a.skills.map((s) => `${s.name} (${s.level})`),
          languages: a.languages,
          capacity: Object.entries(a.capacity).map(([c, n]) => `${c} ${n}`),
        });
        await recordAudit(trx, ctx, {
          action: 'user.routing_changed',
          entityType: 'user',
          entityId: userId,
          before: pick(before),
          after: pick(after),
        });
      });
      return agent(userId);
    },

    async log(ctx: RequestContext, query: z.output<typeof routingLogQuery>) {
      authorize(ctx.actor, 'routing.read');
      const rows = await repo.log(db, query, cursorId(query.cursor));
      return toPage(
        rows,
        query.limit,
        (r): RoutingLogEntry => {
          const detail = parseObject(r.detail);
          return {
            id: r.id,
            ticketId: r.ticket_id,
            ticketSubject: r.subject ?? null,
            team: r.team_id !== null && r.team_name ? { id: r.team_id, name: r.team_name } : null,
            method: r.method,
            assignee:
              r.assignee_id !== null && r.assignee_name ? { id: r.assignee_id, name: r.assignee_name } : null,
            outcome: r.outcome,
            reason: r.reason,
            candidates: typeof detail.candidates === 'number' ? detail.candidates : 0,
            language: typeof detail.language === 'string' ? detail.language : null,
            skills: Array.isArray(detail.skills) ? detail.skills.map(String) : [],
            createdAt: r.created_at,
          };
        },
        (r) => [r.id],
      );
    },

    /** Moves every open ticket of one agent to another, or routes each again by its team's method. */
    async reassignQueue(ctx: RequestContext, input: ReassignBody) {
      authorize(ctx.actor, 'routing.manage');
      return db.transaction().execute(async (trx) => {
        const from = await findUserRow(trx, input.fromUserId);
        if (!from) throw notFound('USER_NOT_FOUND', `User ${input.fromUserId}`);
        if (input.toUserId !== undefined) {
          const to = await loadUser(trx, input.toUserId);
          if (to.role === 'customer' || to.status !== 'active')
            throw new AppError('VALIDATION_FAILED', 'Tickets go to an active staff member', [
              { path: ['toUserId'], message: 'Choose an active staff member' },
            ]);
        }
        const ids = await repo.openTicketsOf(trx, input.fromUserId, false);
        let assigned = 0;
        for (const id of ids) {
          if (input.toUserId !== undefined) {
            await changeTicket(trx, ctx, id, { assigneeId: input.toUserId });
            assigned++;
            continue;
          }
          const result = await routeTicket(trx, ctx, id, { reassign: true, exclude: input.fromUserId });
          if (result.outcome === 'assigned') assigned++;
          else if (result.assigneeId === input.fromUserId)
            await changeTicket(trx, routingContext(), id, { assigneeId: null });
        }
        const result = { moved: ids.length, assigned, unassigned: ids.length - assigned };
        await recordAudit(trx, ctx, {
          action: 'user.queue_reassigned',
          entityType: 'user',
          entityId: input.fromUserId,
          changes: {
            tickets: { before: ids.length, after: 0 },
            to: { before: null, after: input.toUserId !== undefined ? `user #${input.toUserId}` : 'routing' },
          },
        });
        return result;
      });
    },

    async myPresence(ctx: RequestContext) {
      authorize(ctx.actor, 'presence.own');
      return toPresence(await repo.presence(db, personOf(ctx)));
    },

    async setMyPresence(ctx: RequestContext, status: PresenceStatus) {
      authorize(ctx.actor, 'presence.own');
      const userId = personOf(ctx);
      await db.transaction().execute((trx) => setPresence(trx, userId, status, 'set', nowIso()));
      return toPresence(await repo.presence(db, userId));
    },

    /** Staff presence: managers see everyone; a team's lead sees the members of the teams they lead. */
    async agentsPresence(ctx: RequestContext) {
      authorize(ctx.actor, 'presence.read');
      let teamIds: number[] | null = null;
      if (!can(ctx.actor, 'routing.read')) {
        teamIds = ctx.actor.type === 'user' ? await repo.ledTeams(db, ctx.actor.id) : [];
        if (teamIds.length === 0) throw new AppError('FORBIDDEN', 'Presence is for team leads and managers');
      }
      const rows = await repo.staffPresence(db, teamIds);
      return { data: rows.map((r) => ({ id: r.id, name: r.name, presence: toPresence(r) })) };
    },
  };
}

export type RoutingService = ReturnType<typeof routingService>;

/** Sets a team's routing as given (seed data and benchmarks). */
export function setTeamRouting(
  db: DbOrTrx,
  teamId: number,
  settings: { method: RoutingMethod; redistributeOffline?: boolean; alertAfterMinutes?: number | null },
): Promise<void> {
  return repo.upsertTeam(db, {
    team_id: teamId,
    method: settings.method,
    redistribute_offline: settings.redistributeOffline ? 1 : 0,
    alert_after_minutes: settings.alertAfterMinutes ?? null,
    updated_at: nowIso(),
  });
}

/** Sets an agent's skill levels and capacity as given (seed data and benchmarks); skill names stay on the user. */
export function setAgentRouting(
  db: DbOrTrx,
  userId: number,
  settings: { levels: Record<string, number>; capacity: Capacity },
): Promise<void> {
  const levels = Object.fromEntries(
    Object.entries(settings.levels).map(([name, level]) => [skillKey(name), level]),
  );
  return repo.upsertAgent(db, userId, {
    capacity: JSON.stringify(settings.capacity),
    skill_levels: JSON.stringify(levels),
    now: nowIso(),
  });
}
