import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar, isOpenAt } from '../business-hours';
import {
  advance,
  type Clock,
  choosePolicy,
  nextCheck,
  type PolicyRules,
  summaryOf,
  sweep,
  type TicketFacts,
} from './sla.rules';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Monday to Friday, 09:00–17:00 in London. */
const office = compileCalendar({
  timezone: 'Europe/London',
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: 9 * 60, end: 17 * 60 })),
  holidays: [],
});

function policy(overrides: Partial<PolicyRules> = {}): PolicyRules {
  return {
    id: 1,
    name: 'Standard',
    active: true,
    conditions: {},
    targets: {
      normal: {
        first_reply: { minutes: 120, businessHours: true },
        next_reply: { minutes: 60, businessHours: true },
        periodic_update: { minutes: 480, businessHours: false },
        resolution: { minutes: 24 * 60, businessHours: false },
      },
      urgent: {
        first_reply: { minutes: 30, businessHours: false },
        resolution: { minutes: 240, businessHours: false },
      },
    },
    pauseOn: ['pending', 'on_hold'],
    calendarId: null,
    warnShare: 0.75,
    onBreach: { raisePriority: false, escalateToTeamId: null },
    ...overrides,
  };
}

// Monday 2026-03-02 10:00 London (GMT).
const MONDAY_10 = Date.parse('2026-03-02T10:00:00Z');

function ticket(overrides: Partial<TicketFacts> = {}): TicketFacts {
  return {
    status: 'new',
    priority: 'normal',
    type: 'question',
    channel: 'email',
    teamId: null,
    organizationId: null,
    categoryId: null,
    tags: [],
    createdAt: MONDAY_10,
    firstReplyAt: null,
    waitingSince: MONDAY_10,
    plan: null,
    contractPolicyId: null,
    ...overrides,
  };
}

/** Runs one change through the rules, with the office calendar unless told. */
function step(
  clocks: Clock[],
  facts: TicketFacts,
  at: number,
  options: { policy?: PolicyRules | null; before?: PolicyRules | null; replied?: boolean } = {},
) {
  const current = options.policy === undefined ? policy() : options.policy;
  return advance({
    clocks,
    policyBefore: options.before === undefined ? (clocks.length ? current : null) : options.before,
    policy: current,
    calendar: office,
    facts,
    replied: options.replied ?? false,
    at,
  });
}

const clock = (clocks: Clock[], metric: Clock['metric']) =>
  clocks.filter((c) => c.metric === metric).at(-1) as Clock;

describe('choosing a policy', () => {
  it('takes the first active policy whose every condition holds', () => {
    const vip = policy({ id: 2, name: 'VIP', conditions: { organizationId: [7], tags: ['vip', 'gold'] } });
    const complaints = policy({ id: 3, name: 'Complaints', conditions: { type: ['complaint'] } });
    const fallback = policy({ id: 4, name: 'Everyone' });
    const inactive = policy({ id: 5, name: 'Off', active: false });
    const order = [inactive, vip, complaints, fallback];
    expect(choosePolicy(order, ticket({ organizationId: 7, tags: ['gold'] }))?.name).toBe('VIP');
    expect(choosePolicy(order, ticket({ organizationId: 7, tags: [] }))?.name).toBe('Everyone');
    expect(choosePolicy(order, ticket({ type: 'complaint' }))?.name).toBe('Complaints');
    expect(choosePolicy([inactive], ticket())).toBeNull();
    // A contract's plan is a condition; the policy a contract names comes before the order.
    const gold = policy({ id: 6, name: 'Gold plan', conditions: { plan: ['Gold'] } });
    expect(choosePolicy([gold, fallback], ticket({ plan: 'Gold' }))?.name).toBe('Gold plan');
    expect(choosePolicy([gold, fallback], ticket({ plan: 'Silver' }))?.name).toBe('Everyone');
    expect(choosePolicy([gold, complaints, fallback], ticket({ contractPolicyId: 3 }))?.name).toBe(
      'Complaints',
    );
    expect(choosePolicy([gold, fallback], ticket({ contractPolicyId: 5 }))?.name).toBe('Everyone');
  });
});

describe('service-level clocks', () => {
  it('starts first reply and resolution when a ticket opens, due in business and calendar time', () => {
    const { clocks, events } = step([], ticket(), MONDAY_10);
    expect(events.map((e) => [e.type, e.metric])).toEqual([
      ['policy_applied', null],
      ['started', 'first_reply'],
      ['started', 'resolution'],
    ]);
    expect(clock(clocks, 'first_reply').dueAt).toBe(MONDAY_10 + 2 * HOUR);
    expect(clock(clocks, 'first_reply').warnAt).toBe(MONDAY_10 + 90 * MINUTE);
    expect(clock(clocks, 'resolution').dueAt).toBe(MONDAY_10 + 24 * HOUR);
    expect(summaryOf(clocks)).toMatchObject({ metric: 'first_reply', dueAt: MONDAY_10 + 2 * HOUR });
  });

  it('counts business hours over the weekend: Friday 16:00 plus two hours is Monday 10:00', () => {
    const friday16 = Date.parse('2026-03-06T16:00:00Z');
    const { clocks } = step([], ticket({ createdAt: friday16, waitingSince: friday16 }), friday16);
    expect(clock(clocks, 'first_reply').dueAt).toBe(Date.parse('2026-03-09T10:00:00Z'));
  });

  it('meets the first reply, then runs periodic updates from each public reply', () => {
    const opened = step([], ticket(), MONDAY_10).clocks;
    const replyAt = MONDAY_10 + 30 * MINUTE;
    const answered = step(
      opened,
      ticket({ status: 'open', firstReplyAt: replyAt, waitingSince: null }),
      replyAt,
      {
        replied: true,
      },
    );
    expect(clock(answered.clocks, 'first_reply')).toMatchObject({
      outcome: 'achieved',
      countedMs: 30 * MINUTE,
    });
    expect(clock(answered.clocks, 'periodic_update')).toMatchObject({
      startedAt: replyAt,
      dueAt: replyAt + 8 * HOUR,
    });
    const again = replyAt + HOUR;
    const next = step(
      answered.clocks,
      ticket({ status: 'open', firstReplyAt: replyAt, waitingSince: null }),
      again,
      { replied: true },
    );
    const periodic = next.clocks.filter((c) => c.metric === 'periodic_update');
    expect(periodic.map((c) => c.outcome)).toEqual(['achieved', null]);
    expect(periodic[1]!.dueAt).toBe(again + 8 * HOUR);
  });

  it('runs next reply from the customer message to the answer', () => {
    const replyAt = MONDAY_10 + 10 * MINUTE;
    let clocks = step([], ticket(), MONDAY_10).clocks;
    clocks = step(clocks, ticket({ status: 'open', firstReplyAt: replyAt, waitingSince: null }), replyAt, {
      replied: true,
    }).clocks;
    const wrote = MONDAY_10 + HOUR;
    clocks = step(
      clocks,
      ticket({ status: 'open', firstReplyAt: replyAt, waitingSince: wrote }),
      wrote,
    ).clocks;
    expect(clock(clocks, 'next_reply')).toMatchObject({ startedAt: wrote, dueAt: wrote + HOUR });
    const late = wrote + 90 * MINUTE;
    const answered = step(
      clocks,
      ticket({ status: 'open', firstReplyAt: replyAt, waitingSince: null }),
      late,
      {
        replied: true,
      },
    );
    expect(clock(answered.clocks, 'next_reply')).toMatchObject({
      outcome: 'breached_then_achieved',
      breachedAt: wrote + HOUR,
    });
    expect(answered.events.some((e) => e.type === 'breached' && e.detail.late === true)).toBe(true);
  });

  it('pauses while pending and keeps the time counted before', () => {
    let clocks = step([], ticket(), MONDAY_10).clocks;
    const pendingAt = MONDAY_10 + HOUR;
    const paused = step(clocks, ticket({ status: 'pending' }), pendingAt);
    expect(paused.events.filter((e) => e.type === 'paused')).toHaveLength(2);
    expect(clock(paused.clocks, 'first_reply')).toMatchObject({
      runningSince: null,
      dueAt: null,
      countedMs: HOUR,
    });
    expect(summaryOf(paused.clocks)).toMatchObject({ dueAt: null });
    clocks = paused.clocks;
    const back = pendingAt + 5 * HOUR; // 16:00
    const resumed = step(clocks, ticket({ status: 'open' }), back);
    // One hour counted, one left: 16:00 to 17:00 the same day.
    expect(clock(resumed.clocks, 'first_reply')).toMatchObject({ runningSince: back, dueAt: back + HOUR });
  });

  it('does not pause when the policy counts through pending', () => {
    const p = policy({ pauseOn: [] });
    const clocks = step([], ticket(), MONDAY_10, { policy: p }).clocks;
    const result = step(clocks, ticket({ status: 'pending' }), MONDAY_10 + HOUR, { policy: p });
    expect(result.events.filter((e) => e.type === 'paused')).toHaveLength(0);
  });

  it('keeps past clock time when the priority changes the target', () => {
    const clocks = step([], ticket(), MONDAY_10).clocks;
    const at = MONDAY_10 + 20 * MINUTE;
    const urgent = step(clocks, ticket({ priority: 'urgent' }), at);
    const first = clock(urgent.clocks, 'first_reply');
    expect(first).toMatchObject({ targetMs: 30 * MINUTE, countedMs: 20 * MINUTE, business: false });
    expect(first.dueAt).toBe(at + 10 * MINUTE);
    expect(urgent.events.find((e) => e.type === 'retargeted')?.detail).toMatchObject({
      fromMinutes: 120,
      toMinutes: 30,
    });
  });

  it('moves the clocks to a new policy mid-ticket without recounting, and stops metrics it lacks', () => {
    const standard = policy();
    const premium = policy({
      id: 9,
      name: 'Premium',
      targets: { normal: { first_reply: { minutes: 60, businessHours: true } } },
    });
    const clocks = step([], ticket(), MONDAY_10, { policy: standard }).clocks;
    const at = MONDAY_10 + 15 * MINUTE;
    const moved = step(clocks, ticket({ tags: ['vip'] }), at, { policy: premium, before: standard });
    expect(moved.events[0]).toMatchObject({
      type: 'policy_changed',
      detail: { from: 'Standard', to: 'Premium' },
    });
    expect(clock(moved.clocks, 'first_reply')).toMatchObject({
      countedMs: 15 * MINUTE,
      dueAt: at + 45 * MINUTE,
    });
    expect(clock(moved.clocks, 'resolution')).toMatchObject({ outcome: 'cancelled' });
  });

  it('meets resolution on solve and runs on from its counted time when reopened', () => {
    const clocks = step([], ticket(), MONDAY_10).clocks;
    const solvedAt = MONDAY_10 + 2 * HOUR;
    const solved = step(clocks, ticket({ status: 'solved' }), solvedAt);
    expect(clock(solved.clocks, 'resolution')).toMatchObject({ outcome: 'achieved', countedMs: 2 * HOUR });
    expect(clock(solved.clocks, 'first_reply')).toMatchObject({ outcome: 'cancelled' });
    expect(summaryOf(solved.clocks)).toBeNull();
    const reopenAt = solvedAt + 10 * HOUR;
    const reopened = step(solved.clocks, ticket({ status: 'open', firstReplyAt: solvedAt }), reopenAt);
    const resolution = clock(reopened.clocks, 'resolution');
    expect(resolution).toMatchObject({ outcome: null, countedMs: 2 * HOUR, dueAt: reopenAt + 22 * HOUR });
  });

  it('warns once, then breaches once, however often the sweep runs', () => {
    const { clocks } = step([], ticket(), MONDAY_10);
    expect(nextCheck(clocks)).toBe(MONDAY_10 + 90 * MINUTE);
    const early = sweep(clocks, MONDAY_10 + 60 * MINUTE);
    expect(early.events).toEqual([]);
    const warned = sweep(clocks, MONDAY_10 + 91 * MINUTE);
    expect(warned.events.map((e) => [e.type, e.metric])).toEqual([['warned', 'first_reply']]);
    expect(sweep(warned.clocks, MONDAY_10 + 92 * MINUTE).events).toEqual([]);
    expect(nextCheck(warned.clocks)).toBe(MONDAY_10 + 2 * HOUR);
    const breached = sweep(warned.clocks, MONDAY_10 + 3 * HOUR);
    expect(breached.events.map((e) => [e.type, e.metric, e.at])).toEqual([
      ['breached', 'first_reply', MONDAY_10 + 2 * HOUR],
    ]);
    expect(sweep(breached.clocks, MONDAY_10 + 4 * HOUR).events).toEqual([]);
    // Resolution is still ahead; the breached first reply asks nothing more of the sweep.
    expect(nextCheck(breached.clocks)).toBe(clock(breached.clocks, 'resolution').warnAt);
    const answeredAt = MONDAY_10 + 5 * HOUR;
    const answered = step(
      breached.clocks,
      ticket({ status: 'open', firstReplyAt: answeredAt, waitingSince: null }),
      answeredAt,
      {
        replied: true,
      },
    );
    expect(clock(answered.clocks, 'first_reply').outcome).toBe('breached_then_achieved');
    expect(answered.events.filter((e) => e.type === 'breached')).toEqual([]);
  });

  it('counts exactly the open minutes of its running stretches, however often it pauses (oracle: minute by minute)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 36 * 60 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 7 * 24 * 60 }),
        (gaps, offset) => {
          const start = MONDAY_10 + offset * MINUTE;
          const business = policy({
            targets: { normal: { resolution: { minutes: 100_000, businessHours: true } } },
          });
          let clocks = step([], ticket({ createdAt: start }), start, { policy: business }).clocks;
          let at = start;
          let running = true;
          let expected = 0;
          for (const gap of gaps) {
            if (running)
              for (let m = 0; m < gap; m++) if (isOpenAt(office, at + m * MINUTE)) expected += MINUTE;
            at += gap * MINUTE;
            running = !running;
            clocks = step(clocks, ticket({ createdAt: start, status: running ? 'open' : 'pending' }), at, {
              policy: business,
            }).clocks;
          }
          const resolution = clock(clocks, 'resolution');
          const settled = step(clocks, ticket({ createdAt: start, status: 'solved' }), at, {
            policy: business,
          });
          expect(clock(settled.clocks, 'resolution').countedMs).toBe(expected);
          expect(resolution.targetMs).toBe(100_000 * MINUTE);
        },
      ),
      { numRuns: 60 },
    );
  });
});
