import type { DbOrTrx } from '../../db/database';
import { tablesStamp } from '../../db/stamps';
import { parseStringList } from '../../platform/json';
import { keptWhileUnchanged } from '../../platform/kept';
import { type Calendar, loadCalendar } from '../business-hours';
import { contractPlanOf } from '../contracts';
import { teamCalendarOf } from '../teams';
import {
  type ClockStarter,
  type OpeningClocks,
  type OpeningFacts,
  type OpeningRow,
  type SlaSummaryColumns,
  setTicketSlaSummary,
  type TicketChange,
  type TicketEventSubscriber,
  type TicketFactsRow,
  ticketFacts,
} from '../tickets';
import { parseClocks, policyRules, writeClocks } from './sla.codec';
import { slaRepository as repo } from './sla.repository';
import {
  advance,
  type ClockEvent,
  choosePolicy,
  nextCheck,
  type PolicyRules,
  summaryOf,
  type TicketFacts,
} from './sla.rules';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const time = (value: string | null) => (value === null ? null : Date.parse(value));

const tagsOf = (text: string) => parseStringList(text).map((t) => t.toLowerCase());

/** What the clocks need of a ticket, with the plan of its organisation's running contract. */
export async function factsOf(db: DbOrTrx, row: OpeningRow, at: number): Promise<TicketFacts> {
  const contract =
    row.organization_id !== null
      ? await contractPlanOf(db, row.organization_id, new Date(at).toISOString().slice(0, 10))
      : null;
  return {
    plan: contract?.plan ?? null,
    contractPolicyId: contract?.slaPolicyId ?? null,
    status: row.merged_into_id !== null ? 'closed' : row.status,
    priority: row.priority,
    type: row.type,
    channel: row.channel,
    teamId: row.team_id,
    organizationId: row.organization_id,
    categoryId: row.category_id,
    tags: tagsOf(row.tags),
    createdAt: Date.parse(row.created_at),
    firstReplyAt: time(row.first_reply_at),
    waitingSince: time(row.waiting_since),
  };
}

/** The calendar a policy's business-hours targets count in: its own, else the ticket's team's, else the default. */
export async function calendarOf(
  db: DbOrTrx,
  policy: Pick<PolicyRules, 'calendarId'> | null,
  teamId: number | null,
): Promise<Calendar | null> {
  const own = policy?.calendarId ?? (teamId !== null ? await teamCalendarOf(db, teamId) : null);
  return loadCalendar(db, own);
}

export async function orderedPolicies(db: DbOrTrx): Promise<PolicyRules[]> {
  return (await repo.listPolicies(db)).map(policyRules);
}

/** Appends what happened to a ticket's clocks to its service-level history. */
export function appendClockEvents(
  db: DbOrTrx,
  ticketId: number,
  policyId: number | null,
  events: readonly ClockEvent[],
): Promise<void> {
  return repo.appendEvents(
    db,
    events.map((e) => ({
      ticket_id: ticketId,
      type: e.type,
      metric: e.metric,
      policy_id: policyId,
      detail: JSON.stringify(e.detail),
      at: new Date(e.at).toISOString(),
    })),
  );
}

/**
 * Changes that cannot move a clock or choose another policy: who holds the ticket (no policy
 * looks at the assignee), and what rules and routing record about themselves. Time passing
 * under such a change is the sweep's to judge.
 */
const CLOCK_NEUTRAL: ReadonlySet<string> = new Set([
  'assigned',
  'routed',
  'trigger_fired',
  'trigger_failed',
  'automation_acted',
]);

/**
 * A ticket's clocks, both ways in: `start`, the tickets module's clock starter, starts them as a
 * ticket is opened, before its row is written, which is then written with the summary (ADR 0033);
 * `move`, the subscriber to ticket events (ADR 0021), in the transaction of every later change
 * chooses the policy that now applies, moves the clocks, records what happened and keeps the
 * clock that runs out next on the ticket row. A ticket no policy ever applied to costs two reads.
 * The two share what they keep of the policies and calendars.
 */
export function serviceLevelClocks(options: { keep: boolean }): {
  move: TicketEventSubscriber;
  start: ClockStarter;
} {
  const rules = keptRules(options.keep);
  return {
    move: (db, change) => moveClocksWith(rules, db, change),
    start: (db, row, opening) => startClocksWith(rules, db, row, opening),
  };
}

/** The subscriber alone, for a process that opens no tickets through the registry (the bench's in-process runs). */
export const clockMover = (options: { keep: boolean }): TicketEventSubscriber =>
  serviceLevelClocks(options).move;

/**
 * What every change reads to choose a policy and count business hours: the policies in order,
 * and the calendar a policy and team count in. Kept while their tables are unchanged (ADR 0029),
 * checked against the transaction that asks, so a ticket change reads them only after they changed.
 */
const RULE_TABLES = ['sla_policies', 'business_calendars', 'business_holidays', 'teams'] as const;

function keptRules(keep: boolean) {
  const policies = keptWhileUnchanged<PolicyRules[]>(keep);
  const calendars = keptWhileUnchanged<Calendar | null>(keep);
  const stamp = (db: DbOrTrx) => tablesStamp(db, RULE_TABLES, { withinTransactions: true });
  return {
    policies: async (db: DbOrTrx) => policies.answer(await stamp(db), 'ordered', () => orderedPolicies(db)),
    calendar: async (db: DbOrTrx, policy: PolicyRules | null, teamId: number | null) =>
      calendars.answer(await stamp(db), `${policy?.calendarId ?? ''}:${teamId ?? ''}`, () =>
        calendarOf(db, policy, teamId),
      ),
  };
}

/** The summary columns of clocks: the one that runs out next, when it warns and when it is due. */
function summaryColumns(clocks: Parameters<typeof summaryOf>[0]): SlaSummaryColumns {
  const summary = summaryOf(clocks);
  return {
    sla_metric: summary?.metric ?? null,
    sla_due_at: iso(summary?.dueAt ?? null),
    sla_warn_at: iso(summary?.warnAt ?? null),
  };
}

/** A ticket's clocks as it is opened, from the row about to be written: null when no policy applies. */
async function startClocksWith(
  rules: ReturnType<typeof keptRules>,
  db: DbOrTrx,
  row: OpeningRow,
  opening: OpeningFacts,
): Promise<OpeningClocks | null> {
  const policies = await rules.policies(db);
  if (policies.length === 0) return null;
  const at = Date.parse(opening.at);
  const ticket = await factsOf(db, row, at);
  const policy = choosePolicy(policies, ticket);
  if (!policy) return null;
  const result = advance({
    clocks: [],
    policyBefore: null,
    policy,
    calendar: await rules.calendar(db, policy, ticket.teamId),
    facts: ticket,
    replied: opening.replied,
    at,
  });
  return {
    columns: summaryColumns(result.clocks),
    recordFor: async (trx, ticketId) => {
      await repo.insertTicketSla(trx, {
        ticketId,
        policyId: policy.id,
        clocks: writeClocks(result.clocks),
        nextCheckAt: iso(nextCheck(result.clocks)),
        now: new Date(at).toISOString(),
      });
      await appendClockEvents(trx, ticketId, policy.id, result.events);
    },
  };
}

async function moveClocksWith(
  rules: ReturnType<typeof keptRules>,
  db: DbOrTrx,
  change: TicketChange,
): Promise<void> {
  // History being written (seeding) carries the ticket's final state at every step: such
  // tickets get their clocks from `backfillClocks` once their history is complete.
  if (change.historic || change.clocksStarted) return;
  if (change.events.length > 0 && change.events.every((e) => CLOCK_NEUTRAL.has(e.type))) return;
  const facts = await ticketFacts(db, change.ticketId);
  if (!facts) return;
  // A ticket just opened has no clocks yet.
  const opened = change.events.some((e) => e.type === 'created');
  const replied = change.events.some((e) => e.type === 'replied');
  const row = opened ? undefined : await repo.ticketSlaForUpdate(db, change.ticketId);
  if (!row) {
    // No clocks yet: they start now, as they start for a ticket opened with its clocks.
    const started = await startClocksWith(rules, db, facts, { at: change.at, replied });
    if (!started) return;
    await started.recordFor(db, change.ticketId);
    return keepSummary(db, facts, started.columns, opened);
  }
  const policies = await rules.policies(db);
  const ticket = await factsOf(db, facts, Date.parse(change.at));
  const policy = choosePolicy(policies, ticket);
  const before =
    row.policy_id != null
      ? (policies.find((p) => p.id === row.policy_id) ?? { id: row.policy_id, name: 'a removed policy' })
      : null;
  const at = Date.parse(change.at);
  const result = advance({
    clocks: parseClocks(row.clocks),
    policyBefore: before,
    policy,
    calendar: await rules.calendar(db, policy, ticket.teamId),
    facts: ticket,
    replied,
    at,
  });
  const clocks = writeClocks(result.clocks);
  const policyId = policy?.id ?? null;
  if (clocks === row.clocks && row.policy_id === policyId) return;

  await repo.updateTicketSla(db, {
    ticketId: change.ticketId,
    revision: row.revision,
    policyId,
    clocks,
    nextCheckAt: iso(nextCheck(result.clocks)),
    now: new Date(at).toISOString(),
  });
  await appendClockEvents(db, change.ticketId, policyId ?? before?.id ?? null, result.events);
  await keepSummary(db, facts, summaryColumns(result.clocks), opened);
}

/** Writes the summary on the ticket row when it changed; `opening`: the ticket was opened in this transaction. */
async function keepSummary(db: DbOrTrx, facts: TicketFactsRow, columns: SlaSummaryColumns, opening: boolean) {
  if (
    columns.sla_metric !== facts.sla_metric ||
    columns.sla_due_at !== facts.sla_due_at ||
    columns.sla_warn_at !== facts.sla_warn_at
  )
    await setTicketSlaSummary(db, facts.id, columns, { opening });
}
