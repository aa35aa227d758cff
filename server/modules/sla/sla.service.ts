import type { z } from 'zod';
import type {
  createSlaPolicyBody,
  orderSlaPoliciesBody,
  SlaDryRun,
  SlaPolicy,
  slaDryRunBody,
  TicketSla,
  updateSlaPolicyBody,
} from '../../../contracts/sla';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { calendarRef, loadCalendar } from '../business-hours';
import { teamCalendarOf, teamExists } from '../teams';
import { loadTicket, ticketFacts } from '../tickets';
import { factsOf } from './sla.clocks';
import { parseClocks, policyRules, toClock, toEvent, toPolicy } from './sla.codec';
import { type PolicyValues, slaRepository as repo } from './sla.repository';
import { choosePolicy } from './sla.rules';

type CreateBody = z.output<typeof createSlaPolicyBody>;
type UpdateBody = z.output<typeof updateSlaPolicyBody>;

const policyNotFound = (id: number) => notFound('SLA_POLICY_NOT_FOUND', `Service-level policy #${id}`);
const invalid = (path: string[], message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);
/** Tickets a dry run tries the policies on. */
const DRY_RUN_TICKETS = 100;

async function load(db: DbOrTrx, id: number): Promise<SlaPolicy> {
  const row = await repo.findPolicy(db, id);
  if (!row) throw policyNotFound(id);
  return toPolicy(row);
}

/** The references a policy names exist, it has a target, and its name is free. */
async function check(db: DbOrTrx, input: Partial<CreateBody>, selfId: number | null): Promise<void> {
  if (input.name !== undefined && (await repo.nameTaken(db, input.name, selfId)))
    throw new AppError('SLA_POLICY_NAME_TAKEN', `A service-level policy named "${input.name}" exists`, [
      { path: ['name'], message: 'Already in use' },
    ]);
  if (input.targets && !Object.values(input.targets).some((t) => t && Object.keys(t).length > 0))
    throw invalid(['targets'], 'Give at least one target');
  if (input.calendarId && !(await loadCalendar(db, input.calendarId)))
    throw invalid(['calendarId'], `Business-hours calendar #${input.calendarId} was not found`);
  const team = input.onBreach?.escalateToTeamId;
  if (team && !(await teamExists(db, team)))
    throw invalid(['onBreach', 'escalateToTeamId'], `Team #${team} was not found`);
}

function valuesOf(input: Partial<CreateBody>): Partial<PolicyValues> {
  return {
    name: input.name,
    description: input.description,
    active: input.active === undefined ? undefined : input.active ? 1 : 0,
    conditions: input.conditions && JSON.stringify(input.conditions),
    targets: input.targets && JSON.stringify(input.targets),
    calendar_id: input.calendarId,
    pause_on: input.pauseOn && JSON.stringify([...new Set(input.pauseOn)]),
    warn_percent: input.warnAtPercent,
    raise_priority: input.onBreach === undefined ? undefined : input.onBreach.raisePriority ? 1 : 0,
    escalate_team_id: input.onBreach?.escalateToTeamId,
  };
}

/** What the audit log keeps of a policy. */
const audited = (p: SlaPolicy) => ({
  name: p.name,
  active: p.active,
  position: p.position,
  conditions: p.conditions,
  targets: p.targets,
  calendar: p.calendar?.name ?? 'default',
  pauseOn: p.pauseOn,
  warnAtPercent: p.warnAtPercent,
  raisePriority: p.onBreach.raisePriority,
  escalateToTeam: p.onBreach.escalateToTeam?.name ?? null,
});

/** A policy written as history (seeding): checked as the API checks it, placed after the others. */
export async function insertPolicyRow(db: DbOrTrx, input: CreateBody, now: string): Promise<number> {
  await check(db, input, null);
  return repo.insertPolicy(db, valuesOf(input) as PolicyValues, now);
}

export function slaService({ db }: AppDeps) {
  return {
    async list(ctx: RequestContext) {
      authorize(ctx.actor, 'sla.read');
      return { data: (await repo.listPolicies(db)).map(toPolicy) };
    },

    async get(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'sla.read');
      return load(db, id);
    },

    async create(ctx: RequestContext, input: CreateBody) {
      authorize(ctx.actor, 'sla.manage');
      return db.transaction().execute(async (trx) => {
        await check(trx, input, null);
        const id = await repo.insertPolicy(trx, valuesOf(input) as PolicyValues, nowIso());
        const after = await load(trx, id);
        await recordAudit(trx, ctx, {
          action: 'sla_policy.created',
          entityType: 'sla_policy',
          entityId: id,
          after: audited(after),
        });
        return after;
      });
    },

    async update(ctx: RequestContext, id: number, input: UpdateBody) {
      authorize(ctx.actor, 'sla.manage');
      return db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        await check(trx, input, id);
        await repo.updatePolicy(trx, id, valuesOf(input), nowIso());
        const after = await load(trx, id);
        await recordAudit(trx, ctx, {
          action: 'sla_policy.updated',
          entityType: 'sla_policy',
          entityId: id,
          before: audited(before),
          after: audited(after),
        });
        return after;
      });
    },

    async remove(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'sla.manage');
      await db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        await repo.removePolicy(trx, id);
        await recordAudit(trx, ctx, {
          action: 'sla_policy.deleted',
          entityType: 'sla_policy',
          entityId: id,
          before: { name: before.name },
        });
      });
    },

    async order(ctx: RequestContext, input: z.output<typeof orderSlaPoliciesBody>) {
      authorize(ctx.actor, 'sla.manage');
      return db.transaction().execute(async (trx) => {
        const before = await repo.listPolicies(trx);
        assertEveryPolicy(
          before.map((p) => p.id),
          input.ids,
        );
        await repo.setPositions(trx, input.ids, nowIso());
        await recordAudit(trx, ctx, {
          action: 'sla_policy.reordered',
          entityType: 'sla_policy',
          entityId: input.ids[0]!,
          changes: {
            order: {
              before: before.map((p) => p.name),
              after: input.ids.map((id) => before.find((p) => p.id === id)!.name),
            },
          },
        });
        return { data: (await repo.listPolicies(trx)).map(toPolicy) };
      });
    },

    /** Which policy the last tickets have now, and which they would get in the saved (or a proposed) order. */
    async dryRun(ctx: RequestContext, input: z.output<typeof slaDryRunBody>): Promise<SlaDryRun> {
      authorize(ctx.actor, 'sla.manage');
      const rows = await repo.listPolicies(db);
      if (input.ids)
        assertEveryPolicy(
          rows.map((p) => p.id),
          input.ids,
        );
      const order = input.ids ?? rows.map((p) => p.id);
      const policies = order.map((id) => policyRules(rows.find((p) => p.id === id)!));
      const ids = (await repo.lastTicketIds(db, DRY_RUN_TICKETS)).map((r) => r.id);
      const current = new Map((await repo.ticketSlaMany(db, ids)).map((r) => [r.ticket_id, r.policy_id]));
      const ref = (id: number | null | undefined) => {
        const p = id == null ? undefined : rows.find((r) => r.id === id);
        return p ? { id: p.id, name: p.name } : null;
      };
      const data: SlaDryRun['data'] = [];
      for (const id of ids) {
        const facts = await ticketFacts(db, id);
        if (!facts) continue;
        const ticket = await loadTicket(db, id);
        const proposed =
          facts.merged_into_id === null ? choosePolicy(policies, await factsOf(db, facts, Date.now())) : null;
        data.push({
          ticketId: id,
          subject: ticket.subject,
          priority: facts.priority,
          current: ref(current.get(id)),
          proposed: ref(proposed?.id),
        });
      }
      return { data, changed: data.filter((d) => d.current?.id !== d.proposed?.id).length };
    },

    /** A ticket's policy, clocks and their history: why each clock says what it says. */
    async ofTicket(ctx: RequestContext, ticketId: number): Promise<TicketSla> {
      authorize(ctx.actor, 'sla.read');
      const ticket = await loadTicket(db, ticketId);
      const row = (await repo.ticketSlaMany(db, [ticketId]))[0];
      const policyRow = row?.policy_id != null ? await repo.findPolicy(db, row.policy_id) : undefined;
      const calendarId =
        policyRow?.calendar_id ?? (ticket.team ? await teamCalendarOf(db, ticket.team.id) : null);
      const calendar = row ? await calendarRef(db, calendarId) : null;
      return {
        policy: policyRow ? { id: policyRow.id, name: policyRow.name } : null,
        calendar,
        clocks: row ? parseClocks(row.clocks).map(toClock) : [],
        events: (await repo.events(db, ticketId)).map(toEvent),
      };
    },
  };
}

function assertEveryPolicy(existing: number[], ids: number[]): void {
  const given = new Set(ids);
  if (given.size !== ids.length || given.size !== existing.length || existing.some((id) => !given.has(id)))
    throw invalid(['ids'], 'List every policy exactly once, first to last');
}

export type SlaService = ReturnType<typeof slaService>;
