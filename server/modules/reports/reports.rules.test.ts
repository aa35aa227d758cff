import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  bucketValue,
  type Dims,
  emptyDeltas,
  type FoldEvent,
  foldEvents,
  mergeDeltas,
  normalised,
  percentile,
  type TicketState,
} from './reports.rules';

const dims = (teamId: number): Dims => ({
  teamId,
  agentId: 0,
  channel: 'email',
  categoryId: 0,
  priority: 'normal',
  type: 'question',
  organizationId: 0,
});

const statuses = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;

/** One ticket's history: created, then steps a minute or more apart. */
const step = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), to: fc.constantFrom(...statuses) }),
  fc.record({ kind: fc.constant('reply' as const), agent: fc.boolean() }),
  fc.record({ kind: fc.constant('team' as const), to: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('first' as const), seconds: fc.integer({ min: 0, max: 400_000 }) }),
  fc.record({ kind: fc.constant('merge' as const) }),
  fc.record({
    kind: fc.constant('sla' as const),
    metric: fc.constantFrom('first_reply', 'resolution'),
    achieved: fc.boolean(),
  }),
);
const ticket = fc.record({
  startMinute: fc.integer({ min: 0, max: 60 * 24 * 10 }),
  team: fc.integer({ min: 0, max: 3 }),
  steps: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 3000 }), step }), { maxLength: 12 }),
});

interface Step {
  kind: string;
  to?: string | number;
  agent?: boolean;
  seconds?: number;
  metric?: string;
  achieved?: boolean;
}
interface Generated {
  startMinute: number;
  team: number;
  steps: { gap: number; step: Step }[];
}

/**
 * Events as a live department writes them: each ticket's in order, all of them in time order
 * (a change's ticket events before its service-level ones), ids given in that order per table.
 */
function eventsOf(tickets: Generated[]) {
  const drafts: (Omit<FoldEvent, 'id'> & { ms: number; seq: number })[] = [];
  const base = Date.parse('2026-01-01T00:00:00Z');
  let seq = 0;
  tickets.forEach((t, index) => {
    const ticketId = index + 1;
    let ms = base + t.startMinute * 60_000;
    let status = 'new';
    const ev = (
      type: string,
      fromValue: string | null,
      toValue: string | null,
      extra: Partial<FoldEvent> = {},
    ) => {
      seq += 1;
      drafts.push({
        source: 'ticket',
        ticketId,
        type,
        actorType: 'user',
        actorId: (seq % 3) + 1,
        fromValue,
        toValue,
        metric: null,
        outcome: null,
        at: new Date(ms).toISOString(),
        ms,
        seq,
        ...extra,
      });
    };
    ev('created', null, 'new');
    for (const { gap, step: x } of t.steps) {
      ms += gap * 60_000;
      if (x.kind === 'status' && x.to !== status) {
        ev('status_changed', status, String(x.to));
        status = String(x.to);
      }
      if (x.kind === 'reply') ev(x.agent ? 'replied' : 'customer_replied', null, '1');
      if (x.kind === 'team') ev('team_changed', null, String(x.to));
      if (x.kind === 'first') ev('first_reply', null, String(x.seconds));
      if (x.kind === 'merge') ev('merged', status, '999');
      if (x.kind === 'sla')
        ev(x.achieved ? 'achieved' : 'breached', null, null, {
          source: 'sla',
          metric: x.metric ?? null,
          outcome: x.achieved ? 'achieved' : null,
          actorType: 'system',
          actorId: null,
        });
    }
  });
  drafts.sort(
    (a, b) => a.ms - b.ms || (a.source === b.source ? a.seq - b.seq : a.source === 'ticket' ? -1 : 1),
  );
  const ids = { ticket: 0, sla: 0 };
  const all: FoldEvent[] = drafts.map(({ ms: _ms, seq: _seq, ...e }) => {
    ids[e.source] += 1;
    return { ...e, id: ids[e.source] };
  });
  return { all, teams: tickets.map((t) => t.team) };
}

const openTime = (from: number, to: number) => Math.max(0, to - from) / 3;

describe('report fold', () => {
  it('reads percentiles from log-scale buckets within 9 %', () => {
    for (const seconds of [1, 2, 59, 60, 3600, 9000, 86_400, 30 * 86_400]) {
      const value = bucketValue(bucketOf(seconds));
      expect(Math.abs(value / seconds - 1)).toBeLessThan(0.095);
    }
    expect(bucketOf(0.5)).toBe(0);
    const merged = new Map([
      [bucketOf(60), 5],
      [bucketOf(3600), 4],
      [bucketOf(86_400), 1],
    ]);
    expect(percentile(merged, 50)).toBe(bucketValue(bucketOf(60)));
    expect(percentile(merged, 90)).toBe(bucketValue(bucketOf(3600)));
    expect(percentile(new Map(), 50)).toBeNull();
  });

  it('gives the same figures folded in any batches as folded from scratch', () => {
    fc.assert(
      fc.property(
        fc.array(ticket, { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 10 }),
        (tickets, cuts) => {
          const { all, teams } = eventsOf(tickets as Generated[]);
          const initial = (id: number) => dims(teams[id - 1] ?? 0);
          const ticketEvents = all.filter((e) => e.source === 'ticket');
          const slaEvents = all.filter((e) => e.source === 'sla');
          // From scratch (the rebuild and the check): every ticket event, then every SLA event.
          const whole = foldEvents([...ticketEvents, ...slaEvents], new Map(), initial, openTime);
          // Live: events arrive in rounds; each round folds ticket events in batches, then, caught
          // up, the SLA events that have arrived; the states go through JSON between batches.
          const states = new Map<number, TicketState>();
          const total = emptyDeltas();
          let arrived = 0;
          let ti = 0;
          let si = 0;
          let c = 0;
          const fold = (events: FoldEvent[]) => {
            const stored = new Map(
              [...states].map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as TicketState]),
            );
            mergeDeltas(total, foldEvents(events, stored, initial, openTime));
            for (const [k, v] of stored) states.set(k, v);
          };
          while (arrived < all.length) {
            const size = cuts[c % cuts.length] ?? 1;
            c += 1;
            arrived = Math.min(all.length, arrived + size * 2);
            const here = all.slice(0, arrived);
            const tAvail = here.filter((e) => e.source === 'ticket');
            const sAvail = here.filter((e) => e.source === 'sla');
            while (ti < tAvail.length) {
              const batch = tAvail.slice(ti, ti + size);
              ti += batch.length;
              fold(batch);
            }
            while (si < sAvail.length) {
              const batch = sAvail.slice(si, si + size);
              si += batch.length;
              fold(batch);
            }
          }
          expect(normalised(total)).toEqual(normalised(whole));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('counts a final resolution once: a reopened ticket’s earlier solve is taken back', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 0, 1, h)).toISOString();
    const e = (id: number, type: string, h: number, from: string | null, to: string | null): FoldEvent => ({
      source: 'ticket',
      id,
      ticketId: 1,
      type,
      actorType: 'user',
      actorId: 7,
      fromValue: from,
      toValue: to,
      metric: null,
      outcome: null,
      at: at(h),
    });
    const deltas = normalised(
      foldEvents(
        [
          e(1, 'created', 0, null, 'new'),
          e(2, 'replied', 1, null, '1'),
          e(3, 'status_changed', 2, 'new', 'solved'),
          e(4, 'status_changed', 5, 'solved', 'open'),
          e(5, 'status_changed', 8, 'open', 'solved'),
        ],
        new Map(),
        () => dims(1),
        () => null,
      ),
    );
    const resolutions = [...deltas.durations].filter(([k]) => k.includes('#resolution#'));
    expect(resolutions).toEqual([
      [`${at(8)}#1|0|email|0|normal|question|0#resolution#${bucketOf(8 * 3600)}`, 1],
    ]);
    const counters = [...deltas.counters.values()];
    expect(counters.reduce((n, r) => n + (r.one_touch ?? 0), 0)).toBe(0);
    expect(counters.reduce((n, r) => n + (r.solved ?? 0), 0)).toBe(2);
  });
  it('keeps each agent’s work and logged time per ticket and hour, under the dimensions with that agent', () => {
    const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 9, m)).toISOString();
    const e = (
      id: number,
      type: string,
      m: number,
      actorId: number | null,
      from: string | null,
      to: string | null,
    ): FoldEvent => ({
      source: 'ticket',
      id,
      ticketId: 4,
      type,
      actorType: actorId === null ? 'customer' : 'user',
      actorId,
      fromValue: from,
      toValue: to,
      metric: null,
      outcome: null,
      at: at(m),
    });
    const deltas = foldEvents(
      [
        e(1, 'created', 0, null, null, 'new'),
        e(2, 'assigned', 1, 8, '', '7'),
        e(3, 'replied', 2, 7, null, '1'),
        e(4, 'customer_replied', 3, null, null, '1'),
        e(5, 'replied', 4, 7, null, '1'),
        e(6, 'status_changed', 5, 7, 'new', 'solved'),
        e(7, 'time_logged', 6, 7, null, '{"id":1,"minutes":25}'),
        e(8, 'time_logged', 7, 8, null, '{"id":2,"minutes":10}'),
        // An hour later, entry 2 is removed: its minutes come off where they were added.
        e(9, 'time_removed', 70, 7, '{"id":2,"minutes":10,"userId":8,"at":"2026-01-01T09:07:00.000Z"}', null),
        // An entry whose author was deleted has no one to take its minutes from: nothing moves.
        e(
          10,
          'time_removed',
          71,
          7,
          '{"id":1,"minutes":25,"userId":null,"at":"2026-01-01T09:06:00.000Z"}',
          null,
        ),
      ],
      new Map(),
      () => dims(2),
      () => null,
    );
    const hour = '2026-01-01T09:00:00.000Z';
    expect([...deltas.activity]).toEqual([
      [`${hour}#2|8|email|0|normal|question|0#4`, { replies: 0, solved: 0, touches: 2, minutes: 0 }],
      [`${hour}#2|7|email|0|normal|question|0#4`, { replies: 2, solved: 1, touches: 4, minutes: 25 }],
    ]);
  });
});
