import type { SlaConditions, SlaEventType, SlaMetric, SlaOutcome, SlaTargets } from '../../../contracts/sla';
import { slaMetrics } from '../../../contracts/sla';
import { addOpenTime, type Calendar, openTimeBetween } from '../business-hours';

/**
 * The service-level clocks of one ticket, as pure functions of what the ticket is and what just
 * happened (ADR 0021). Times are milliseconds since the epoch. A clock counts time (business or
 * calendar) while it runs; what it counted before its last start, pause or retarget is kept in
 * `countedMs`, so a new target or policy never recounts the past.
 */
export interface Clock {
  metric: SlaMetric;
  targetMs: number;
  business: boolean;
  startedAt: number;
  countedMs: number;
  /** Null while paused or done. */
  runningSince: number | null;
  dueAt: number | null;
  warnAt: number | null;
  warnedAt: number | null;
  breachedAt: number | null;
  /** Set when the clock is done: achieved, or stopped without its target being met. */
  stoppedAt: number | null;
  outcome: SlaOutcome | null;
}

export interface PolicyRules {
  id: number;
  name: string;
  active: boolean;
  conditions: SlaConditions;
  targets: SlaTargets;
  pauseOn: string[];
  /** The business-hours calendar its targets count in; null: the default calendar. */
  calendarId: number | null;
  /** The share of a target (0–1) after which the assignee is warned. */
  warnShare: number;
  onBreach: { raisePriority: boolean; escalateToTeamId: number | null };
}

/** What the clocks need to know of a ticket. */
export interface TicketFacts {
  status: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  type: string;
  channel: string;
  teamId: number | null;
  organizationId: number | null;
  categoryId: number | null;
  tags: string[];
  createdAt: number;
  firstReplyAt: number | null;
  /** The customer's oldest message not yet answered (after the first answer: the next-reply clock). */
  waitingSince: number | null;
  /** The plan of the organisation's running contract, and the policy that contract names. */
  plan: string | null;
  contractPolicyId: number | null;
}

export interface ClockEvent {
  type: SlaEventType;
  metric: SlaMetric | null;
  at: number;
  detail: Record<string, string | number | boolean | null>;
}

const MINUTE = 60_000;
const DONE_STATUSES = new Set(['solved', 'closed']);

/** Whether a policy's conditions hold for a ticket: every condition given, any of its values. */
export function matches(conditions: SlaConditions, t: TicketFacts): boolean {
  const anyOf = <T>(values: T[] | undefined, value: T) => !values?.length || values.includes(value);
  return (
    anyOf(conditions.priority, t.priority) &&
    anyOf(conditions.type, t.type) &&
    anyOf(conditions.channel, t.channel) &&
    (!conditions.teamId?.length || (t.teamId !== null && conditions.teamId.includes(t.teamId))) &&
    (!conditions.organizationId?.length ||
      (t.organizationId !== null && conditions.organizationId.includes(t.organizationId))) &&
    (!conditions.categoryId?.length ||
      (t.categoryId !== null && conditions.categoryId.includes(t.categoryId))) &&
    (!conditions.plan?.length || (t.plan !== null && conditions.plan.includes(t.plan))) &&
    (!conditions.tags?.length || conditions.tags.some((tag) => t.tags.includes(tag)))
  );
}

/** The policy the organisation's contract names, if active; else the first active policy, in order, whose conditions hold. */
export function choosePolicy<P extends PolicyRules>(ordered: readonly P[], t: TicketFacts): P | null {
  const contracted =
    t.contractPolicyId !== null ? ordered.find((p) => p.id === t.contractPolicyId && p.active) : undefined;
  return contracted ?? ordered.find((p) => p.active && matches(p.conditions, t)) ?? null;
}

/** Time a clock counts between two instants: open time for business-hours targets. */
function counted(
  clock: Pick<Clock, 'business'>,
  calendar: Calendar | null,
  from: number,
  to: number,
): number {
  if (to <= from) return 0;
  return clock.business && calendar ? openTimeBetween(calendar, from, to) : to - from;
}

/** The instant `amount` of counted time has passed after `from`; null when it never does. */
function after(clock: Pick<Clock, 'business'>, calendar: Calendar | null, from: number, amount: number) {
  if (amount <= 0) return from;
  return clock.business && calendar ? addOpenTime(calendar, from, amount) : from + amount;
}

/** Due and warning instants of a running clock, from what it counted and since when it runs. */
function project(clock: Clock, calendar: Calendar | null, warnShare: number): void {
  if (clock.runningSince === null) {
    clock.dueAt = null;
    clock.warnAt = null;
    return;
  }
  clock.dueAt = after(clock, calendar, clock.runningSince, clock.targetMs - clock.countedMs);
  // The warning instant stays after the warning is sent: lists colour the clock by it.
  clock.warnAt = after(
    clock,
    calendar,
    clock.runningSince,
    Math.floor(clock.targetMs * warnShare) - clock.countedMs,
  );
}

/** Brings `countedMs` up to `at` and restarts the running stretch there. */
function settle(clock: Clock, calendar: Calendar | null, at: number): void {
  if (clock.runningSince === null) return;
  clock.countedMs += counted(clock, calendar, clock.runningSince, at);
  clock.runningSince = at;
}

const minutes = (ms: number) => Math.round(ms / MINUTE);

function targetOf(policy: PolicyRules | null, t: TicketFacts, metric: SlaMetric) {
  return policy?.targets[t.priority]?.[metric] ?? null;
}

interface Step {
  calendar: Calendar | null;
  at: number;
  events: ClockEvent[];
}

function finish(clock: Clock, step: Step, met: boolean): void {
  settle(clock, step.calendar, step.at);
  const late = clock.breachedAt !== null || clock.countedMs > clock.targetMs;
  if (late && clock.breachedAt === null) {
    // Ran out before the sweep saw it: the breach is recorded at the moment it happened.
    clock.breachedAt = clock.dueAt ?? step.at;
    step.events.push({
      type: 'breached',
      metric: clock.metric,
      at: clock.breachedAt,
      detail: { late: true },
    });
  }
  clock.outcome = met ? (late ? 'breached_then_achieved' : 'achieved') : late ? 'breached' : 'cancelled';
  clock.runningSince = null;
  clock.stoppedAt = step.at;
  clock.dueAt = null;
  clock.warnAt = null;
  step.events.push({
    type: met ? 'achieved' : 'stopped',
    metric: clock.metric,
    at: step.at,
    detail: {
      outcome: clock.outcome,
      countedMinutes: minutes(clock.countedMs),
      targetMinutes: minutes(clock.targetMs),
    },
  });
}

function start(
  metric: SlaMetric,
  target: { minutes: number; businessHours: boolean },
  since: number,
  step: Step,
): Clock {
  const clock: Clock = {
    metric,
    targetMs: target.minutes * MINUTE,
    business: target.businessHours,
    startedAt: since,
    countedMs: 0,
    runningSince: since,
    dueAt: null,
    warnAt: null,
    warnedAt: null,
    breachedAt: null,
    stoppedAt: null,
    outcome: null,
  };
  settle(clock, step.calendar, step.at);
  step.events.push({
    type: 'started',
    metric,
    at: since,
    detail: { targetMinutes: target.minutes, businessHours: target.businessHours },
  });
  return clock;
}

/** When each metric should have a live clock, given what the ticket is now. */
function wanted(metric: SlaMetric, t: TicketFacts): { since: number } | null {
  if (DONE_STATUSES.has(t.status)) return null;
  switch (metric) {
    case 'first_reply':
      return t.firstReplyAt === null ? { since: t.createdAt } : null;
    case 'next_reply':
      return t.firstReplyAt !== null && t.waitingSince !== null ? { since: t.waitingSince } : null;
    case 'periodic_update':
      return t.firstReplyAt !== null ? { since: t.firstReplyAt } : null;
    case 'resolution':
      return { since: t.createdAt };
  }
}

export interface Advance {
  clocks: Clock[];
  policyBefore: { id: number; name: string } | null;
  policy: PolicyRules | null;
  calendar: Calendar | null;
  facts: TicketFacts;
  /** An agent's public reply is part of this change: the periodic-update clock starts over. */
  replied: boolean;
  at: number;
}

/**
 * Moves a ticket's clocks through one change: the policy that now applies, clocks met or no
 * longer wanted, new clocks, new targets (time counted so far is kept), pauses and resumes.
 * Returns the clocks (done ones included, as history) and what happened, in order.
 */
export function advance(input: Advance): { clocks: Clock[]; events: ClockEvent[] } {
  const { policy, facts: t, at } = input;
  const step: Step = { calendar: input.calendar, at, events: [] };
  const clocks = input.clocks.map((c) => ({ ...c }));
  const before = input.policyBefore;
  if ((before?.id ?? null) !== (policy?.id ?? null)) {
    const type = !before ? 'policy_applied' : policy ? 'policy_changed' : 'policy_removed';
    step.events.push({
      type,
      metric: null,
      at,
      detail: { from: before?.name ?? null, to: policy?.name ?? null },
    });
  }
  const live = (metric: SlaMetric) => clocks.find((c) => c.metric === metric && c.stoppedAt === null);

  for (const metric of slaMetrics) {
    const target = targetOf(policy, t, metric);
    const want = target ? wanted(metric, t) : null;
    let clock = live(metric);
    if (clock && !want) {
      const met =
        (metric === 'first_reply' && t.firstReplyAt !== null) ||
        (metric === 'next_reply' && t.waitingSince === null && target !== null) ||
        (metric === 'resolution' && DONE_STATUSES.has(t.status) && target !== null);
      finish(clock, step, met);
      clock = undefined;
    } else if (clock && metric === 'periodic_update' && input.replied) {
      finish(clock, step, true);
      clock = undefined;
    }
    if (!clock && want && target) {
      const reopened =
        metric === 'resolution'
          ? clocks.findLast((c) => c.metric === 'resolution' && c.stoppedAt !== null)
          : undefined;
      if (reopened && reopened.outcome !== 'cancelled') {
        // A reopened ticket: resolution runs on from the time it had counted.
        reopened.stoppedAt = null;
        reopened.outcome = null;
        reopened.runningSince = at;
        step.events.push({ type: 'resumed', metric, at, detail: { reopened: true } });
      } else {
        const since = metric === 'periodic_update' && input.replied ? at : Math.min(want.since, at);
        clocks.push(start(metric, target, since, step));
      }
    }
  }

  const share = policy?.warnShare ?? 0.75;
  const paused = policy?.pauseOn.includes(t.status) ?? false;
  for (const clock of clocks) {
    if (clock.stoppedAt !== null) continue;
    const target = targetOf(policy, t, clock.metric);
    if (target && (target.minutes * MINUTE !== clock.targetMs || target.businessHours !== clock.business)) {
      settle(clock, step.calendar, at);
      step.events.push({
        type: 'retargeted',
        metric: clock.metric,
        at,
        detail: {
          fromMinutes: minutes(clock.targetMs),
          toMinutes: target.minutes,
          businessHours: target.businessHours,
        },
      });
      clock.targetMs = target.minutes * MINUTE;
      clock.business = target.businessHours;
    }
    if (paused && clock.runningSince !== null) {
      settle(clock, step.calendar, at);
      clock.runningSince = null;
      step.events.push({ type: 'paused', metric: clock.metric, at, detail: { status: t.status } });
    } else if (!paused && clock.runningSince === null) {
      clock.runningSince = at;
      step.events.push({ type: 'resumed', metric: clock.metric, at, detail: { status: t.status } });
    }
    project(clock, step.calendar, share);
  }
  return { clocks, events: step.events };
}

/**
 * What the sweep records at `now`: a breach for every running clock past its due time, and a
 * warning for one past its warning time (never after its breach). Returns nothing when nothing
 * is due, so a row another node already handled is left alone.
 */
export function sweep(clocks: Clock[], now: number): { clocks: Clock[]; events: ClockEvent[] } {
  const events: ClockEvent[] = [];
  const out = clocks.map((c) => ({ ...c }));
  for (const clock of out) {
    if (clock.stoppedAt !== null || clock.runningSince === null) continue;
    if (clock.breachedAt === null && clock.dueAt !== null && clock.dueAt <= now) {
      clock.breachedAt = clock.dueAt;
      clock.warnedAt ??= clock.dueAt;
      events.push({
        type: 'breached',
        metric: clock.metric,
        at: clock.dueAt,
        detail: { targetMinutes: minutes(clock.targetMs) },
      });
    } else if (
      clock.warnedAt === null &&
      clock.breachedAt === null &&
      clock.warnAt !== null &&
      clock.warnAt <= now
    ) {
      clock.warnedAt = now;
      events.push({
        type: 'warned',
        metric: clock.metric,
        at: now,
        detail: { dueAt: clock.dueAt === null ? null : new Date(clock.dueAt).toISOString() },
      });
    }
  }
  return { clocks: out, events };
}

/** The next moment the sweep must look at these clocks: a warning or a breach not yet recorded. */
export function nextCheck(clocks: readonly Clock[]): number | null {
  let next: number | null = null;
  for (const c of clocks) {
    if (c.stoppedAt !== null || c.runningSince === null || c.breachedAt !== null) continue;
    for (const when of [c.warnedAt === null ? c.warnAt : null, c.dueAt])
      if (when !== null && (next === null || when < next)) next = when;
  }
  return next;
}

/** The clock a list shows: the running one that runs out first, else a paused one; null when none is live. */
export function summaryOf(
  clocks: readonly Clock[],
): { metric: SlaMetric; dueAt: number | null; warnAt: number | null } | null {
  let best: Clock | null = null;
  for (const c of clocks) {
    if (c.stoppedAt !== null) continue;
    if (!best) best = c;
    else if (c.dueAt !== null && (best.dueAt === null || c.dueAt < best.dueAt)) best = c;
  }
  if (!best) return null;
  return { metric: best.metric, dueAt: best.dueAt, warnAt: best.warnAt };
}
