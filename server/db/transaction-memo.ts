import type { DbOrTrx } from './database';

const memos = new WeakMap<DbOrTrx, Map<string, Promise<unknown>>>();

/**
 * Reads a read-mostly value (settings, rules) once per transaction: every piece of work of a
 * group-commit batch shares the batch's transaction, so a batch reads it once instead of once per
 * request. Outside a transaction it reads every time. Only for values the transaction does not
 * itself change after reading them (a caller that writes settings reads them plainly).
 */
export function oncePerTransaction<T>(db: DbOrTrx, key: string, read: () => Promise<T>): Promise<T> {
  if (!db.isTransaction) return read();
  const memo = memos.get(db) ?? new Map<string, Promise<unknown>>();
  memos.set(db, memo);
  let found = memo.get(key) as Promise<T> | undefined;
  if (!found) {
    found = read();
    memo.set(key, found);
    // A read that failed is not kept: the piece of work that asked gets the error, the next one reads again.
    found.catch(() => memo.delete(key));
  }
  return found;
}
