import type { Conditions, DryRunResult } from '../../../contracts/automation';
import type { Ticket, TicketStatus } from '../../../contracts/tickets';
import type { Db, DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { withSavepoint } from '../../db/savepoint';
import { nowIso } from '../../platform/clock';
import { clearJobFailure, heldJobItems, recordJobFailure } from '../../platform/job-failures';
import { loadTicketSettings } from '../settings';
import { appendTicketEvents, loadTicket, ticketsByIds } from '../tickets';
import { applyPlan, type RulePorts } from './automation.actions';
import { automationOf, type CompiledRule, compileRules } from './automation.compiled';
import { ensureDefaultAutomation } from './automation.defaults';
import { gatherFacts } from './automation.facts';
import { automationRepository as repo } from './automation.repository';
import { periodKey, planActions } from './automation.rules';

/** The job's name among background jobs (its failed tickets). */
export const AUTOMATION_JOB = 'automations';
const BATCH = 500;
/** Tickets one SQLite transaction acts on. */
const SQLITE_CHUNK = 40;
const HOUR = 3_600_000;
const SYSTEM = { type: 'system', id: null } as const;

export interface RunCount {
  checked: number;
  acted: number;
  failed: number;
}

/** The default automation reads its days from the setting `tickets.autoCloseDays` (the settings page keeps it). */
export function withAutoCloseDays(conditions: Conditions, days: number): Conditions {
  const set = (list: Conditions['all']) =>
    list.map((c) => (c.field === 'hours_since_solved' ? { ...c, value: days * 24 } : c));
  return { all: set(conditions.all), any: set(conditions.any) };
}

/** The rules to run: active automations in order, compiled, the default one with the setting's days. */
export async function automationsToRun(db: DbOrTrx, ids?: number[]) {
  await ensureDefaultAutomation(db);
  const rows = (await repo.automations.list(db)).filter((r) => (ids ? ids.includes(r.id) : r.active === 1));
  const { autoCloseDays } = await loadTicketSettings(db);
  const rules = rows
    .map(automationOf)
    .map((r) =>
      r.kind === 'auto_close' ? { ...r, conditions: withAutoCloseDays(r.conditions, autoCloseDays) } : r,
    );
  return compileRules(db, rules);
}

/** What the database can rule out: statuses asked for, and time bases older than the hours asked for. */
function prefilter(conditions: Conditions, now: number, skip: number[]) {
  let statuses: TicketStatus[] | null = null;
  const before: Record<string, string | null> = {
    created: null,
    updated: null,
    customer: null,
    solved: null,
  };
  const narrow = (list: TicketStatus[]) => {
    statuses = statuses ? statuses.filter((s) => list.includes(s)) : list;
  };
  for (const c of conditions.all) {
    if (c.field === 'status' && (c.operator === 'is' || c.operator === 'one_of'))
      narrow((Array.isArray(c.value) ? c.value : [c.value]) as TicketStatus[]);
    if (c.field === 'hours_since_pending') narrow(['pending']);
    if (c.field === 'hours_since_solved') narrow(['solved']);
    if (c.operator !== 'at_least') continue;
    const cutoff = new Date(now - Number(c.value) * HOUR).toISOString();
    if (c.field === 'hours_since_created') before.created = cutoff;
    if (c.field === 'hours_since_updated') before.updated = cutoff;
    if (c.field === 'hours_since_customer_message') before.customer = cutoff;
    if (c.field === 'hours_since_solved') before.solved = cutoff;
  }
  return {
    statuses,
    createdBefore: before.created ?? null,
    updatedBefore: before.updated ?? null,
    customerBefore: before.customer ?? null,
    solvedBefore: before.solved ?? null,
    skip,
  };
}

interface Match {
  ticket: Ticket;
  key: string;
}

/** The tickets of one batch the rule matches in a period it has not acted in yet. */
async function matchesIn(db: DbOrTrx, rule: CompiledRule, ids: number[], now: number): Promise<Match[]> {
  const tickets = await ticketsByIds(db, ids);
  const needs = rule.compiled.needs;
  const [claims, pending] = await Promise.all([
    repo.claimsOf(db, rule.id, ids),
    needs.has('pending') ? repo.pendingSince(db, ids) : Promise.resolve(new Map<number, string>()),
  ]);
  const claimed = new Set(claims.map((c) => `${c.ticket_id}|${c.period_key}`));
  const out: Match[] = [];
  for (const ticket of tickets.sort((a, b) => a.id - b.id)) {
    const facts = await gatherFacts(db, ticket, needs, [], now, {
      pendingSince: pending.get(ticket.id) ?? null,
    });
    if (!rule.compiled.test(facts)) continue;
    const key = periodKey(rule.conditions, facts);
    if (!claimed.has(`${ticket.id}|${key}`)) out.push({ ticket, key });
  }
  return out;
}

const itemKey = (ruleId: number, ticketId: number) => `${ruleId}:${ticketId}`;

/**
 * Acts on one ticket in its own savepoint: the ticket's row locked (passed over when another
 * node holds it, PostgreSQL), the period claimed (unique: a second node or run finds it taken),
 * the rule checked again on the ticket as it is now, then the actions and a history entry. A
 * ticket that fails is recorded (retried with backoff, then a dead letter) and the rest go on.
 */
async function actOn(
  db: DbOrTrx,
  rule: CompiledRule,
  ticketId: number,
  now: number,
  ports: RulePorts,
): Promise<'acted' | 'skipped' | 'failed'> {
  const key = itemKey(rule.id, ticketId);
  return withSavepoint(
    db,
    `automation_${rule.id}_${ticketId}`,
    async () => {
      if (!(await repo.lockTicket(db, ticketId))) return 'skipped' as const;
      const ticket = await loadTicket(db, ticketId);
      if (ticket.status === 'closed' || ticket.mergedIntoId) return 'skipped' as const;
      const facts = await gatherFacts(db, ticket, rule.compiled.needs, [], now);
      if (!rule.compiled.test(facts)) return 'skipped' as const;
      const at = nowIso();
      if (!(await repo.claim(db, rule.id, ticketId, periodKey(rule.conditions, facts), at)))
        return 'skipped' as const;
      const plan = planActions(ticket, rule.actions, rule.names);
      if (plan.changes.length > 0) {
        await appendTicketEvents(
          db,
          ticketId,
          SYSTEM,
          [{ type: 'automation_acted', from: rule.name, to: plan.changes.join('; ').slice(0, 2000) }],
          at,
        );
        await applyPlan(db, rule.name, ticketId, plan, ports);
      }
      await clearJobFailure(db, AUTOMATION_JOB, key);
      return 'acted' as const;
    },
    async (error) => {
      await recordJobFailure(
        db,
        { job: AUTOMATION_JOB, key, label: `Ticket ${ticketId}: ${rule.name}` },
        error,
      );
      return 'failed' as const;
    },
  );
}

/**
 * Runs one automation over the tickets it may act on, a batch at a time by id. On PostgreSQL
 * each ticket commits on its own (several nodes share the work; a locked ticket is passed over
 * for the next sweep); on SQLite, with one writer, a few dozen per transaction.
 */
export async function runAutomation(
  db: Db,
  rule: CompiledRule,
  ports: RulePorts,
  now = Date.now(),
): Promise<RunCount> {
  const held = await heldJobItems(db, AUTOMATION_JOB);
  const prefix = `${rule.id}:`;
  const skip = [...held].filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(prefix.length)));
  const filter = prefilter(rule.conditions, now, skip);
  const count: RunCount = { checked: 0, acted: 0, failed: 0 };
  let after = 0;
  for (;;) {
    const ids = await repo.candidates(db, filter, after, BATCH);
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    count.checked += ids.length;
    const matches = await matchesIn(db, rule, ids, now);
    const tally = (result: 'acted' | 'skipped' | 'failed') => {
      if (result === 'acted') count.acted += 1;
      if (result === 'failed') count.failed += 1;
    };
    if (adapterOf(db).locksRows) {
      for (const m of matches)
        tally(await db.transaction().execute((trx) => actOn(trx, rule, m.ticket.id, now, ports)));
    } else {
      for (let i = 0; i < matches.length; i += SQLITE_CHUNK) {
        const chunk = matches.slice(i, i + SQLITE_CHUNK);
        await db.transaction().execute(async (trx) => {
          for (const m of chunk) tally(await actOn(trx, rule, m.ticket.id, now, ports));
        });
      }
    }
    if (ids.length < BATCH) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  await repo.countRun(db, rule.id, count.acted, nowIso());
  return count;
}

/** The periodic job: every active automation, in order. */
export async function sweepAutomations(db: Db, ports: RulePorts, now = Date.now()): Promise<RunCount> {
  const total: RunCount = { checked: 0, acted: 0, failed: 0 };
  for (const rule of await automationsToRun(db)) {
    const count = await runAutomation(db, rule, ports, now);
    total.checked += count.checked;
    total.acted += count.acted;
    total.failed += count.failed;
  }
  return total;
}

/** The tickets an automation would act on in its next run (at most 100), and what it would change on each. */
export async function dryRunAutomation(
  db: DbOrTrx,
  rule: CompiledRule,
  now = Date.now(),
): Promise<DryRunResult> {
  const filter = prefilter(rule.conditions, now, []);
  const data: DryRunResult['data'] = [];
  let after = 0;
  let checked = 0;
  for (let batch = 0; batch < 20 && data.length < 100; batch += 1) {
    const ids = await repo.candidates(db, filter, after, BATCH);
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    checked += ids.length;
    for (const { ticket } of await matchesIn(db, rule, ids, now)) {
      if (data.length >= 100) break;
      data.push({
        ticketId: ticket.id,
        subject: ticket.subject,
        status: ticket.status,
        priority: ticket.priority,
        type: ticket.type,
        channel: ticket.channel,
        matched: true,
        changes: planActions(ticket, rule.actions, rule.names).changes,
      });
    }
    if (ids.length < BATCH) break;
  }
  return { checked, matched: data.length, data };
}
