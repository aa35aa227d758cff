import type { Transaction } from 'kysely';
import type { Db, Dialect } from './database';
import type { Database } from './schema';

/** Work for one request inside a shared transaction; it must use only the handle it is given. */
export type GroupWork<T> = (trx: Transaction<Database>) => Promise<T>;

export interface GroupCommitOptions {
  /** Most pieces of work in one transaction. */
  maxBatch: number;
  /** Transactions open at once (SQLite has one connection, so 1 there). */
  maxConcurrent: number;
  /** Told the size of every batch that committed or failed (metrics and tests). */
  onBatch?: (size: number) => void;
}

interface Pending {
  /** Runs the work in the batch's transaction and remembers how it went; false when it threw. */
  attempt(trx: Transaction<Database>): Promise<boolean>;
  /** Gives the caller its own result once the batch is over; `failure` when the commit failed. */
  settle(failure: { error: unknown } | null): void;
}

const SAVEPOINT = 'group_item';

export const groupCommitDefaults = (dialect: Dialect): GroupCommitOptions =>
  dialect === 'sqlite' ? { maxBatch: 64, maxConcurrent: 1 } : { maxBatch: 32, maxConcurrent: 4 };

function pending<T>(work: GroupWork<T>, resolve: (value: T) => void, reject: (error: unknown) => void) {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } = {
    ok: false,
    error: new Error('Work did not run'),
  };
  return {
    async attempt(trx: Transaction<Database>) {
      try {
        outcome = { ok: true, value: await work(trx) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      return outcome.ok;
    },
    settle(failure: { error: unknown } | null) {
      if (failure) reject(failure.error);
      else if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    },
  } satisfies Pending;
}

/** One piece of work alone: its own transaction, rolled back when it throws. */
async function runAlone(db: Db, item: Pending) {
  const trx = await db.startTransaction().execute();
  try {
    if (await item.attempt(trx)) await trx.commit().execute();
    else await trx.rollback().execute();
    item.settle(null);
  } catch (error) {
    await trx
      .rollback()
      .execute()
      .catch(() => undefined);
    item.settle({ error });
  }
}

/** Several pieces of work in one transaction, each behind a savepoint so a failure undoes only its own writes. */
async function runTogether(db: Db, batch: Pending[]) {
  const trx = await db.startTransaction().execute();
  try {
    for (const item of batch) {
      const inner = await trx.savepoint(SAVEPOINT).execute();
      if (!(await item.attempt(inner))) await inner.rollbackToSavepoint(SAVEPOINT).execute();
      await inner.releaseSavepoint(SAVEPOINT).execute();
    }
    await trx.commit().execute();
  } catch (error) {
    await trx
      .rollback()
      .execute()
      .catch(() => undefined);
    for (const item of batch) item.settle({ error });
    return;
  }
  for (const item of batch) item.settle(null);
}

/**
 * Group commit: work that arrives while a transaction is being written waits, then commits
 * together with everything else that arrived meanwhile, in one transaction. Each caller still
 * gets its own result or its own error: a piece of work that throws is rolled back to its
 * savepoint and the others commit. Only a failed commit fails the whole batch.
 */
export function groupCommit(db: Db, options: GroupCommitOptions) {
  const queue: Pending[] = [];
  let running = 0;
  let scheduled = false;

  async function flush() {
    const batch = queue.splice(0, options.maxBatch);
    if (batch.length === 0) return;
    running += 1;
    try {
      if (batch.length === 1) await runAlone(db, batch[0]!);
      else await runTogether(db, batch);
      options.onBatch?.(batch.length);
    } catch (error) {
      // The transaction could not even begin.
      for (const item of batch) item.settle({ error });
    } finally {
      running -= 1;
      schedule();
    }
  }

  // Waits for the event loop's turn, so requests read in the same turn share a transaction.
  function schedule() {
    if (scheduled || queue.length === 0 || running >= options.maxConcurrent) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void flush();
      schedule();
    });
  }

  return function run<T>(work: GroupWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push(pending(work, resolve, reject));
      schedule();
    });
  };
}

export type GroupCommit = ReturnType<typeof groupCommit>;
