import type { DbOrTrx } from '../../db/database';
import { setTicketSlaSummary, ticketFacts } from '../tickets';
import { appendClockEvents, calendarOf, factsOf, orderedPolicies } from './sla.clocks';
import { writeClocks } from './sla.codec';
import { slaRepository as repo } from './sla.repository';
import { advance, type Clock, type ClockEvent, choosePolicy, nextCheck, summaryOf, sweep } from './sla.rules';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Clocks for a ticket written as history (seeding, or a ticket from before any policy), read
 * from the times the ticket keeps: opened, first answered, waiting since, solved, and what it
 * is now. Warnings and breaches up to `now` are recorded without notifying anyone: they are
 * history too. A ticket that already has clocks, or that no policy matches, is left alone.
 */
export async function backfillClocks(db: DbOrTrx, ticketId: number, now: number): Promise<boolean> {
  const row = await ticketFacts(db, ticketId);
  if (!row || (await repo.ticketSlaForUpdate(db, ticketId))) return false;
  const current = await factsOf(db, row, now);
  const policy = choosePolicy(await orderedPolicies(db), current);
  if (!policy) return false;
  const calendar = await calendarOf(db, policy, current.teamId);
  const solvedAt = row.solved_at ? Date.parse(row.solved_at) : null;
  // The ticket's life in the order it happened, each step with what the ticket was then.
  const steps: { at: number; facts: typeof current; replied: boolean }[] = [
    {
      at: current.createdAt,
      facts: { ...current, status: 'new', firstReplyAt: null, waitingSince: current.createdAt },
      replied: false,
    },
  ];
  if (current.firstReplyAt !== null)
    steps.push({
      at: current.firstReplyAt,
      facts: { ...current, status: 'open', waitingSince: null },
      replied: true,
    });
  if (
    current.waitingSince !== null &&
    current.firstReplyAt !== null &&
    current.waitingSince > current.firstReplyAt
  )
    steps.push({ at: current.waitingSince, facts: { ...current, status: 'open' }, replied: false });
  if (solvedAt !== null) steps.push({ at: solvedAt, facts: current, replied: false });
  // Pauses are not among the times a ticket keeps: a pending ticket's clocks stop from now.
  steps.push({ at: now, facts: current, replied: false });

  let clocks: Clock[] = [];
  const events: ClockEvent[] = [];
  let before: { id: number; name: string } | null = null;
  for (const step of steps.sort((a, b) => a.at - b.at)) {
    const at = Math.min(step.at, now);
    const moved = advance({
      clocks,
      policyBefore: before,
      policy,
      calendar,
      facts: step.facts,
      replied: step.replied,
      at,
    });
    const swept = sweep(moved.clocks, at);
    clocks = swept.clocks;
    events.push(...moved.events, ...swept.events);
    before = policy;
  }
  events.sort((a, b) => a.at - b.at);
  await repo.insertTicketSla(db, {
    ticketId,
    policyId: policy.id,
    clocks: writeClocks(clocks),
    nextCheckAt: iso(nextCheck(clocks)),
    now: iso(now)!,
  });
  await appendClockEvents(db, ticketId, policy.id, events);
  const summary = summaryOf(clocks);
  await setTicketSlaSummary(db, ticketId, {
    sla_metric: summary?.metric ?? null,
    sla_due_at: iso(summary?.dueAt ?? null),
    sla_warn_at: iso(summary?.warnAt ?? null),
  });
  return true;
}
