import { describe, expect, it } from 'vitest';
import { HITS_TTL_MS, hitCache, noteIndexChanged } from './search.cache';
import type { SearchHit } from './search.repository';

describe('hit cache', () => {
  const hit = (ticketId: number): SearchHit[] => [{ ticketId, snippet: '' }];

  it('reuses hits for the same query until they expire or the index changes', async () => {
    let clock = 0;
    let computed = 0;
    const cached = hitCache(() => clock);
    const compute = async () => hit(++computed);
    expect(await cached('order', compute)).toEqual(hit(1));
    expect(await cached('order', compute)).toEqual(hit(1));
    expect(await cached('refund', compute)).toEqual(hit(2));
    clock += HITS_TTL_MS;
    expect(await cached('order', compute)).toEqual(hit(3));
    noteIndexChanged();
    expect(await cached('order', compute)).toEqual(hit(4));
  });

  it('shares one computation between concurrent queries and forgets failures', async () => {
    let computed = 0;
    const cached = hitCache(() => 0);
    const results = await Promise.all([1, 2, 3].map(() => cached('same', async () => hit(++computed))));
    expect(results).toEqual([hit(1), hit(1), hit(1)]);
    await expect(cached('broken', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cached('broken', async () => hit(9))).toEqual(hit(9));
  });

  it('keeps nothing with caches off', async () => {
    let computed = 0;
    const cached = hitCache(() => 0, false);
    const compute = async () => hit(++computed);
    expect(await cached('order', compute)).toEqual(hit(1));
    expect(await cached('order', compute)).toEqual(hit(2));
  });
});
