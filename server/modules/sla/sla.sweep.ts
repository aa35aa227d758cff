import { type SlaMetric, slaMetricLabels } from '../../../contracts/sla';
import type { TicketPriority } from '../../../contracts/tickets';
import type { Db, DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { withSavepoint } from '../../db/savepoint';
import { systemContext } from '../../platform/auth/actor';
import { clearJobFailure, dueJobFailures, recordJobFailure } from '../../platform/job-failures';
import { notifyUsers } from '../notifications';
import { teamLeadOf } from '../teams';
import { escalateTicket, lockTicketRow, ticketFacts } from '../tickets';
import { activeManagerIds } from '../users';
import { appendClockEvents, orderedPolicies } from './sla.clocks';
import { parseClocks, writeClocks } from './sla.codec';
import { slaRepository as repo, type TicketSlaRow } from './sla.repository';
import { type ClockEvent, nextCheck, type PolicyRules, sweep } from './sla.rules';

/** The job's name: its failed items. */
export const SLA_SWEEP_JOB = 'sla-sweep';
const BATCH = 200;
const RETRY_BATCH = 20;
/** Rows one SQLite transaction of the sweep records. */
const SQLITE_CHUNK = 40;
const raised: Record<TicketPriority, TicketPriority> = {
  low: 'normal',
  normal: 'high',
  high: 'urgent',
  urgent: 'urgent',
};
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Who hears of a warning: the assignee, else the team's lead. */
async function warned(db: DbOrTrx, ticketId: number, metric: SlaMetric, now: string) {
  const ticket = await ticketFacts(db, ticketId);
  if (!ticket) return;
  const to = ticket.assignee_id ?? (ticket.team_id !== null ? await teamLeadOf(db, ticket.team_id) : null);
  if (to === null) return;
  await notifyUsers(db, [to], {
    kind: 'sla_warning',
    ticketId,
    messageId: null,
    actorName: 'Steward',
    detail: slaMetricLabels[metric],
    now,
  });
}

/** Who hears of a breach: the team's lead and the managers; and what the policy says to do. */
async function breached(
  db: DbOrTrx,
  ticketId: number,
  metric: SlaMetric,
  policy: PolicyRules | undefined,
  now: string,
) {
  const ticket = await ticketFacts(db, ticketId);
  if (!ticket) return [];
  const lead = ticket.team_id !== null ? await teamLeadOf(db, ticket.team_id) : null;
  const to = [...new Set([...(lead !== null ? [lead] : []), ...(await activeManagerIds(db))])];
  await notifyUsers(db, to, {
    kind: 'sla_breach',
    ticketId,
    messageId: null,
    actorName: 'Steward',
    detail: slaMetricLabels[metric],
    now,
  });
  const escalation = policy?.onBreach;
  if (
    !escalation ||
    (!escalation.raisePriority && escalation.escalateToTeamId === null) ||
    ticket.status === 'closed'
  )
    return [];
  const priority = escalation.raisePriority ? raised[ticket.priority] : undefined;
  const reason = `${slaMetricLabels[metric]} target missed (${policy.name})`;
  await escalateTicket(db, systemContext('Service levels'), ticketId, {
    reason,
    escalatedToId: null,
    priority,
    teamId: escalation.escalateToTeamId,
  });
  const what = [
    priority && priority !== ticket.priority ? `priority raised to ${priority}` : '',
    escalation.escalateToTeamId !== null ? 'moved to the escalation team' : '',
  ].filter(Boolean);
  return [
    {
      type: 'escalated',
      metric,
      at: Date.parse(now),
      detail: { what: `Escalated: ${what.join(', ') || reason}` },
    } satisfies ClockEvent,
  ];
}

/**
 * One ticket's due warnings and breaches, claimed by the row's revision: when another node or a
 * ticket change wrote the row since it was read, nothing happens here (the next sweep reads it
 * again). The claim, the events, the notifications and the escalation commit together.
 */
async function sweepRow(db: DbOrTrx, row: TicketSlaRow, policies: PolicyRules[], now: number): Promise<void> {
  const result = sweep(parseClocks(row.clocks), now);
  // The ticket first, then its clocks: the order a ticket change takes them in (PostgreSQL).
  if (result.events.length > 0) await lockTicketRow(db, row.ticket_id);
  const claimed = await repo.updateTicketSla(db, {
    ticketId: row.ticket_id,
    revision: row.revision,
    policyId: row.policy_id,
    clocks: writeClocks(result.clocks),
    nextCheckAt: iso(nextCheck(result.clocks)),
    now: new Date(now).toISOString(),
  });
  if (!claimed || result.events.length === 0) return;
  const policy = policies.find((p) => p.id === row.policy_id);
  const at = new Date(now).toISOString();
  const more: ClockEvent[] = [];
  for (const event of result.events) {
    if (!event.metric) continue;
    if (event.type === 'warned') await warned(db, row.ticket_id, event.metric, at);
    if (event.type === 'breached')
      more.push(...(await breached(db, row.ticket_id, event.metric, policy, at)));
  }
  await appendClockEvents(db, row.ticket_id, row.policy_id, [...result.events, ...more]);
}

const label = (ticketId: number) => `Ticket ${ticketId}: service-level warnings and breaches`;

/**
 * One row in its own savepoint: a row that fails is recorded (retried with backoff, then a dead
 * letter) and leaves the due range, so the rows behind it go on; its retries come from the list
 * of failed items.
 */
function sweepOne(db: DbOrTrx, row: TicketSlaRow, policies: PolicyRules[], now: number, retry: boolean) {
  const item = { job: SLA_SWEEP_JOB, key: String(row.ticket_id), label: label(row.ticket_id) };
  return withSavepoint(
    db,
    `sla_${row.ticket_id}`,
    async () => {
      await sweepRow(db, row, policies, now);
      if (retry) await clearJobFailure(db, SLA_SWEEP_JOB, item.key);
      return true;
    },
    async (error) => {
      await recordJobFailure(db, item, error);
      await repo.setNextCheck(db, row.ticket_id, null);
      return false;
    },
  );
}

/**
 * Records the warnings and breaches that are due (`next_check_at` has passed, read through its
 * index), notifies and escalates, each exactly once. On PostgreSQL each row runs in its own
 * transaction, so a ticket being changed meanwhile holds up only itself; on SQLite, with one
 * writer at a time, rows commit a few dozen at a time. Returns the rows looked at.
 */
export async function sweepServiceLevels(db: Db, now = Date.now()): Promise<number> {
  const due = await repo.dueForCheck(db, new Date(now).toISOString(), BATCH);
  const failures = await dueJobFailures(db, SLA_SWEEP_JOB, RETRY_BATCH);
  if (due.length === 0 && failures.length === 0) return 0;
  const policies = await orderedPolicies(db);
  if (adapterOf(db).locksRows) {
    for (const row of due) await db.transaction().execute((trx) => sweepOne(trx, row, policies, now, false));
  } else {
    // One writer at a time (SQLite): rows commit a few dozen at a time, each still in its own
    // savepoint, so the sweep neither pays a commit per row nor holds the writer for long.
    for (let i = 0; i < due.length; i += SQLITE_CHUNK) {
      const chunk = due.slice(i, i + SQLITE_CHUNK);
      await db.transaction().execute(async (trx) => {
        for (const row of chunk) await sweepOne(trx, row, policies, now, false);
      });
    }
  }
  for (const failure of failures) {
    const [row] = await repo.ticketSlaMany(db, [Number(failure.item_key)]);
    await db.transaction().execute(async (trx) => {
      if (row) await sweepOne(trx, row, policies, now, true);
      else await clearJobFailure(trx, SLA_SWEEP_JOB, failure.item_key);
    });
  }
  return due.length + failures.length;
}
