import type { Transaction } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/db';
import { adapterOf } from './dialect';
import { groupCommit } from './group-commit';
import type { Database } from './schema';

describeEachDatabase('group commit', (t) => {
  const put = (trx: Transaction<Database>, key: string) =>
    trx.insertInto('settings').values({ key, value: '1', updated_at: new Date().toISOString() }).execute();
  const keys = async () =>
    (await t.handle.db.selectFrom('settings').select('key').orderBy('key').execute()).map((r) => r.key);

  it('commits work that arrives together in one transaction; a failure undoes only its own writes', async () => {
    const batches: number[] = [];
    const run = groupCommit(t.handle.db, { maxBatch: 10, maxConcurrent: 1, onBatch: (n) => batches.push(n) });
    const results = await Promise.allSettled([
      run(async (trx) => {
        await put(trx, 'a');
        return 'first';
      }),
      run(async (trx) => {
        await put(trx, 'b');
        throw new Error('refused');
      }),
      run(async (trx) => {
        await put(trx, 'c');
        return 'third';
      }),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'first',
      'refused',
      'third',
    ]);
    expect(batches).toEqual([3]);
    expect(await keys()).toEqual(['a', 'c']);
  });

  it('runs work once when none throws; a failure makes the rest of its batch run again', async () => {
    const run = groupCommit(t.handle.db, { maxBatch: 10, maxConcurrent: 1 });
    const runs: Record<string, number> = {};
    const counted = (key: string, fail = false) =>
      run(async (trx) => {
        runs[key] = (runs[key] ?? 0) + 1;
        await put(trx, key);
        if (fail) throw new Error('refused');
      });
    await Promise.all([counted('a'), counted('b')]);
    expect(runs).toEqual({ a: 1, b: 1 });
    await Promise.allSettled([counted('c'), counted('d', true), counted('e')]);
    // The batch rolled back at the failure and ran again with a savepoint each ('e' had not run yet).
    expect(runs).toEqual({ a: 1, b: 1, c: 2, d: 2, e: 1 });
    expect(await keys()).toEqual(['a', 'b', 'c', 'e']);
  });

  it('runs work beyond the batch size in the next batch; a lone failure rolls back alone', async () => {
    const batches: number[] = [];
    const run = groupCommit(t.handle.db, { maxBatch: 2, maxConcurrent: 1, onBatch: (n) => batches.push(n) });
    const results = await Promise.allSettled(
      ['x', 'y', 'z'].map((key) =>
        run(async (trx) => {
          await put(trx, key);
          return key;
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(batches).toEqual([2, 1]);
    const alone = run(async (trx) => {
      await put(trx, 'w');
      throw new Error('no');
    });
    await expect(alone).rejects.toThrow('no');
    expect(await keys()).toEqual(['x', 'y', 'z']);
  });
  it('runs each piece of a batch again in its own transaction when one meets a conflict with another transaction', async () => {
    class Conflict extends Error {}
    const isTransientConflict = (error: unknown) => error instanceof Conflict;
    const run = groupCommit(t.handle.db, { maxBatch: 10, maxConcurrent: 1, isTransientConflict });
    const runs: Record<string, number> = {};
    // 'b' deadlocks twice, then goes through; 'c' alone deadlocks once.
    const work = (key: string, conflicts: number) =>
      run(async (trx) => {
        runs[key] = (runs[key] ?? 0) + 1;
        await put(trx, key);
        if (runs[key]! <= conflicts) throw new Conflict('deadlock detected');
        return key;
      });
    expect(await Promise.all([work('a', 0), work('b', 2)])).toEqual(['a', 'b']);
    expect(await work('c', 1)).toBe('c');
    expect(await keys()).toEqual(['a', 'b', 'c']);
    // Conflicts that do not stop end with the error, and nothing written.
    const stuck = await Promise.allSettled([work('d', 99), work('e', 0)]);
    expect(stuck.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(((stuck[0] as PromiseRejectedResult).reason as Error).message).toBe('deadlock detected');
    expect(runs.d).toBe(6);
    expect(await keys()).toEqual(['a', 'b', 'c', 'e']);
  });
  it('gets two transactions past a real deadlock between them, each piece run again alone', async () => {
    // Only PostgreSQL locks rows; SQLite's one writer never deadlocks.
    if (t.dialect !== 'postgres') return;
    const now = new Date().toISOString();
    await t.handle.db
      .insertInto('settings')
      .values([
        { key: 'x', value: '0', updated_at: now },
        { key: 'y', value: '0', updated_at: now },
      ])
      .execute();
    const options = {
      maxBatch: 1,
      maxConcurrent: 1,
      isTransientConflict: (error: unknown) => adapterOf(t.handle.db).isTransientConflict(error),
    };
    // Each locks one row, waits until the other holds its own, then asks for the other's.
    let arrived = 0;
    let bothHold: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      bothHold = resolve;
    });
    const bump = (trx: Transaction<Database>, key: string) =>
      trx.updateTable('settings').set({ value: '1' }).where('key', '=', key).execute();
    const crosswise = (first: string, second: string) =>
      groupCommit(
        t.handle.db,
        options,
      )(async (trx) => {
        await bump(trx, first);
        arrived += 1;
        if (arrived === 2) bothHold();
        await held;
        await bump(trx, second);
        return first;
      });
    expect(await Promise.all([crosswise('x', 'y'), crosswise('y', 'x')])).toEqual(['x', 'y']);
    expect(arrived).toBe(3);
  });
});
