import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/db';
import { oncePerTransaction } from './transaction-memo';

describeEachDatabase('values read once per transaction', (t) => {
  it('reads once within a transaction, afresh in the next one, and every time outside one', async () => {
    let reads = 0;
    const read = async () => {
      reads += 1;
      return reads;
    };
    const inOne = await t.handle.db
      .transaction()
      .execute(async (trx) => [
        await oncePerTransaction(trx, 'k', read),
        await oncePerTransaction(trx, 'k', read),
        await oncePerTransaction(trx, 'other', read),
      ]);
    expect(inOne).toEqual([1, 1, 2]);
    const inNext = await t.handle.db.transaction().execute((trx) => oncePerTransaction(trx, 'k', read));
    expect(inNext).toBe(3);
    expect(await oncePerTransaction(t.handle.db, 'k', read)).toBe(4);
    expect(await oncePerTransaction(t.handle.db, 'k', read)).toBe(5);
  });

  it('keeps no failed read: the next one in the transaction reads again', async () => {
    let reads = 0;
    const values = await t.handle.db.transaction().execute(async (trx) => {
      const failed = await oncePerTransaction(trx, 'k', async () => {
        reads += 1;
        throw new Error('refused');
      }).catch((error: Error) => error.message);
      const read = await oncePerTransaction(trx, 'k', async () => {
        reads += 1;
        return 'value';
      });
      return [failed, read];
    });
    expect(values).toEqual(['refused', 'value']);
    expect(reads).toBe(2);
  });
});
