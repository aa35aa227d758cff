import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keptWhileUnchanged } from '../../platform/kept';
import { RENDERED_TTL_MS, renderedTickets } from './queues.cache';

describe('rendered ticket rows', () => {
  it('serves a row only at the version and epoch it was rendered under, and not after the TTL', () => {
    let now = 1_000;
    const cache = renderedTickets<string>(() => now);
    cache.enterEpoch(7);
    cache.put(1, 3, '{"id":1}', 7);
    expect(cache.get(1, 3)).toBe('{"id":1}');
    expect(cache.get(1, 4)).toBeUndefined();
    now += RENDERED_TTL_MS + 1;
    expect(cache.get(1, 3)).toBeUndefined();
  });

  it('drops every row when the epoch moves, and refuses rows read under the old one', () => {
    const cache = renderedTickets<string>();
    cache.enterEpoch(1);
    cache.put(1, 1, 'a', 1);
    cache.enterEpoch(2);
    expect(cache.get(1, 1)).toBeUndefined();
    // A page that read its epoch before the change finishes after it: its rows are not kept.
    cache.put(1, 1, 'old name', 1);
    expect(cache.get(1, 1)).toBeUndefined();
    cache.put(1, 1, 'new name', 2);
    expect(cache.get(1, 1)).toBe('new name');
  });

  it('never answers a row other than the last one put for that id and version (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.integer({ min: 1, max: 30 }),
            version: fc.integer({ min: 1, max: 3 }),
            epoch: fc.integer({ min: 0, max: 2 }),
          }),
          { maxLength: 200 },
        ),
        (ops) => {
          const cache = renderedTickets<string>();
          const oracle = new Map<number, { version: number; json: string; epoch: number }>();
          let current = 0;
          cache.enterEpoch(current);
          ops.forEach((op, i) => {
            if (op.epoch !== current) {
              current = op.epoch;
              cache.enterEpoch(current);
              oracle.clear();
            }
            const json = `row ${i}`;
            cache.put(op.id, op.version, json, current);
            oracle.set(op.id, { version: op.version, json, epoch: current });
            for (const [id, expected] of oracle) {
              const got = cache.get(id, expected.version);
              expect(got).toBe(expected.json);
            }
          });
        },
      ),
    );
  });
});

describe('with caches off', () => {
  it('keeps no rendered row and no answer', async () => {
    const rows = renderedTickets<string>(Date.now, false);
    rows.enterEpoch(1);
    rows.put(7, 1, '{"id":7}', 1);
    expect(rows.get(7, 1)).toBeUndefined();
    const kept = keptWhileUnchanged<number>(false);
    let found = 0;
    expect(await kept.answer('1:0', 'all', async () => ++found)).toBe(1);
    expect(await kept.answer('1:0', 'all', async () => ++found)).toBe(2);
    expect(kept.size).toBe(0);
  });
});

describe('answers kept while tickets are unchanged', () => {
  it('keeps a page while the stamp stays, and never one found under another stamp', () => {
    const kept = keptWhileUnchanged<number[]>();
    kept.enter('1:0');
    kept.put('all', [1, 2], '1:0');
    expect(kept.get('all')).toEqual([1, 2]);
    kept.enter('1:1');
    expect(kept.get('all')).toBeUndefined();
    // Found before the write that moved the stamp, stored after it: not kept.
    kept.put('all', [1, 2], '1:0');
    expect(kept.get('all')).toBeUndefined();
    kept.put('all', [3, 1, 2], '1:1');
    expect(kept.get('all')).toEqual([3, 1, 2]);
  });

  it('answers only what was put under the current stamp (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            query: fc.constantFrom('all', 'mine', 'unassigned'),
            stamp: fc.integer({ min: 0, max: 3 }).map(String),
            foundUnder: fc.integer({ min: 0, max: 3 }).map(String),
          }),
          { maxLength: 200 },
        ),
        (ops) => {
          const kept = keptWhileUnchanged<number[]>();
          // A simple model: pages found under the current stamp since it last moved.
          const oracle = new Map<string, number[]>();
          let current: string | null = null;
          ops.forEach((op, i) => {
            kept.enter(op.stamp);
            if (op.stamp !== current) oracle.clear();
            current = op.stamp;
            kept.put(op.query, [i], op.foundUnder);
            if (op.foundUnder === current) oracle.set(op.query, [i]);
            for (const query of ['all', 'mine', 'unassigned'])
              expect(kept.get(query)).toEqual(oracle.get(query));
          });
        },
      ),
    );
  });
});
