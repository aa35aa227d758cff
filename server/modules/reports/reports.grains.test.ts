import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allGrains,
  dayOfHour,
  durationGrains,
  durationParts,
  type Grain,
  grainFor,
  projectDeltas,
} from './reports.grains';
import {
  type Deltas,
  type Dims,
  dimsKey,
  emptyDeltas,
  mergeDeltas,
  normalised,
  parseDimsKey,
} from './reports.rules';

const HOUR = 3_600_000;
const base = Date.parse('2026-03-01T00:00:00.000Z');
const hourAt = (i: number) => new Date(base + i * HOUR).toISOString();

const dimsArb: fc.Arbitrary<Dims> = fc.record({
  teamId: fc.integer({ min: 0, max: 3 }),
  agentId: fc.integer({ min: 0, max: 3 }),
  channel: fc.constantFrom('email', 'web', 'phone'),
  categoryId: fc.integer({ min: 0, max: 2 }),
  priority: fc.constantFrom('low', 'normal', 'urgent'),
  type: fc.constantFrom('question', 'complaint'),
  organizationId: fc.integer({ min: 0, max: 2 }),
});

/** Hourly deltas over ten days: counters and duration buckets on random hours and dimensions. */
const deltasArb = fc
  .array(
    fc.record({
      hour: fc.integer({ min: 0, max: 24 * 10 - 1 }),
      dims: dimsArb,
      created: fc.integer({ min: 1, max: 3 }),
      metric: fc.constantFrom('first_reply', 'resolution'),
      bucket: fc.integer({ min: 0, max: 6 }),
    }),
    { maxLength: 60 },
  )
  .map((rows) => {
    const d = emptyDeltas();
    for (const r of rows) {
      const key = `${hourAt(r.hour)}#${dimsKey(r.dims)}`;
      const counters = d.counters.get(key) ?? {};
      counters.created = (counters.created ?? 0) + r.created;
      d.counters.set(key, counters);
      const dk = `${key}#${r.metric}#${r.bucket}`;
      d.durations.set(dk, (d.durations.get(dk) ?? 0) + 1);
    }
    return d;
  });

/** The oracle: the buckets of one team in [from, until), summed straight from the hourly rows. */
function bucketsFromHours(d: Deltas, teamId: number, from: string, until: string) {
  const out = new Map<string, number>();
  for (const [k, n] of d.durations) {
    const [hour = '', key = '', metric = '', bucket = ''] = k.split('#');
    if (hour < from || hour >= until || !key.startsWith(`${teamId}|`)) continue;
    out.set(`${metric}#${bucket}`, (out.get(`${metric}#${bucket}`) ?? 0) + n);
  }
  return out;
}

/** The same read as the repository makes it: the parts, each at its grain. */
function bucketsFromParts(d: Deltas, teamId: number, from: string, until: string) {
  const out = new Map<string, number>();
  for (const part of durationParts(from, until, grainFor(['teamId'], durationGrains))) {
    for (const [k, n] of projectDeltas(d, part.grain).durations) {
      const [hour = '', key = '', metric = '', bucket = ''] = k.split('#');
      if (hour < part.from || hour >= part.until || !key.startsWith(`${teamId}|`)) continue;
      out.set(`${metric}#${bucket}`, (out.get(`${metric}#${bucket}`) ?? 0) + n);
    }
  }
  return out;
}

describe('report grains', () => {
  it('takes the coarsest grain that keeps what a read filters or groups by', () => {
    expect(grainFor([])).toBe('desk');
    expect(grainFor(['teamId'])).toBe('team');
    expect(grainFor(['agentId'])).toBe('agent');
    expect(grainFor(['teamId', 'type'])).toBe('type');
    expect(grainFor(['categoryId'])).toBe('category');
    expect(grainFor(['categoryId'], durationGrains)).toBe('all');
    expect(grainFor(['teamId', 'agentId'])).toBe('all');
    expect(grainFor(['teamId', 'channel'])).toBe('all');
    expect(grainFor(['agentId', 'type'])).toBe('all');
  });

  it('keeps the grain’s dimensions and stores the others as none', () => {
    const d: Dims = {
      teamId: 2,
      agentId: 5,
      channel: 'email',
      categoryId: 3,
      priority: 'high',
      type: 'complaint',
      organizationId: 9,
    };
    // One hour's counter of those dimensions, projected to a grain: the dimensions of its key.
    const hour = '2026-03-01T05:00:00.000Z';
    const at = (grain: Grain) => {
      const deltas = emptyDeltas();
      deltas.counters.set(`${hour}#${dimsKey(d)}`, { created: 1 });
      return [...projectDeltas(deltas, grain).counters.keys()].map((k) =>
        parseDimsKey(k.split('#')[1] ?? ''),
      );
    };
    expect(at('all')).toEqual([d]);
    expect(at('type')).toEqual([
      {
        teamId: 2,
        agentId: 0,
        channel: '',
        categoryId: 0,
        priority: '',
        type: 'complaint',
        organizationId: 0,
      },
    ]);
    expect(at('desk')).toEqual([
      { teamId: 0, agentId: 0, channel: '', categoryId: 0, priority: '', type: '', organizationId: 0 },
    ]);
  });

  it('sums to the same figures whether batches are projected one by one or together', () => {
    fc.assert(
      fc.property(deltasArb, deltasArb, (a, b) => {
        for (const grain of allGrains) {
          const together = projectDeltas(mergeDeltas(mergeDeltas(emptyDeltas(), a), b), grain);
          const apart = mergeDeltas(
            mergeDeltas(emptyDeltas(), projectDeltas(a, grain)),
            projectDeltas(b, grain),
          );
          expect(normalised(apart)).toEqual(normalised(together));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reads a period’s durations from day rows and edge hours exactly as from the hourly rows', () => {
    fc.assert(
      fc.property(
        deltasArb,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 24 * 10 }),
        fc.integer({ min: 0, max: 24 * 10 }),
        (d, teamId, x, y) => {
          const from = hourAt(Math.min(x, y));
          const until = hourAt(Math.max(x, y));
          expect(bucketsFromParts(d, teamId, from, until)).toEqual(bucketsFromHours(d, teamId, from, until));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('covers whole UTC days with day rows and only the edges with hours', () => {
    expect(durationParts('2026-03-01T05:00:00.000Z', '2026-03-04T05:00:00.000Z', 'team')).toEqual([
      { from: '2026-03-02T00:00:00.000Z', until: '2026-03-04T00:00:00.000Z', grain: 'team' },
      { from: '2026-03-01T05:00:00.000Z', until: '2026-03-02T00:00:00.000Z', grain: 'all' },
      { from: '2026-03-04T00:00:00.000Z', until: '2026-03-04T05:00:00.000Z', grain: 'all' },
    ]);
    expect(durationParts('2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z', 'desk')).toEqual([
      { from: '2026-03-01T00:00:00.000Z', until: '2026-03-02T00:00:00.000Z', grain: 'desk' },
    ]);
    expect(durationParts('2026-03-01T05:00:00.000Z', '2026-03-01T20:00:00.000Z', 'team')).toEqual([
      { from: '2026-03-01T05:00:00.000Z', until: '2026-03-01T20:00:00.000Z', grain: 'all' },
    ]);
    expect(dayOfHour('2026-03-01T05:00:00.000Z')).toBe('2026-03-01T00:00:00.000Z');
  });
});
