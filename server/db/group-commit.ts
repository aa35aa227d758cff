import type { ControlledTransaction, Transaction } from 'kysely';
import type { Db } from './database';
import type { DialectAdapter } from './dialect';
import type { Database } from './schema';

/**
 * Work for one request inside a shared transaction; it must use only the handle it is given, and
 * may run twice (when another piece of its batch throws, the batch is rolled back and run again).
 */
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

export const groupCommitDefaults = (dialect: DialectAdapter): GroupCommitOptions => ({
  maxBatch: dialect.groupCommitBatch,
  maxConcurrent: dialect.writers,
});

function pending<T>(work: GroupWork<T>, resolve: (value: T) => void, reject: (error: unknown) => void) {
  // Unset until the work ran (an Error made up front would capture a stack for every request).
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
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
      else if (!outcome) reject(new Error('Work did not run'));
      else if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    },
  } satisfies Pending;
}

/** A failed commit (or rollback) fails every piece of work of its batch. */
type Failure = { error: unknown } | null;

/** Rolls back after a failure of the transaction itself; the caller reports that failure. */
async function abandon(trx: ControlledTransaction<Database>, error: unknown): Promise<Failure> {
  await trx
    .rollback()
    .execute()
    .catch(() => undefined);
  return { error };
}

/** One piece of work alone: its own transaction, rolled back when it throws. */
async function runAlone(db: Db, item: Pending): Promise<Failure> {
  const trx = await db.startTransaction().execute();
  try {
    if (await item.attempt(trx)) await trx.commit().execute();
    else await trx.rollback().execute();
    return null;
  } catch (error) {
    return abandon(trx, error);
  }
}

/** Runs one piece of work behind a savepoint, so that when it throws only its own writes are undone. */
async function attemptIsolated(trx: ControlledTransaction<Database>, item: Pending) {
  const inner = await trx.savepoint(SAVEPOINT).execute();
  if (!(await item.attempt(inner))) await inner.rollbackToSavepoint(SAVEPOINT).execute();
  await inner.releaseSavepoint(SAVEPOINT).execute();
}

/** A batch with a savepoint for each piece of work: one that throws undoes only its own writes. */
async function runIsolated(db: Db, batch: Pending[]): Promise<Failure> {
  const trx = await db.startTransaction().execute();
  try {
    for (const item of batch) await attemptIsolated(trx, item);
    await trx.commit().execute();
    return null;
  } catch (error) {
    return abandon(trx, error);
  }
}

/** A batch without savepoints: the first piece of work that throws rolls it all back ('again'). */
async function runStraight(db: Db, batch: Pending[]): Promise<Failure | 'again'> {
  const trx = await db.startTransaction().execute();
  try {
    for (const item of batch) {
      if (await item.attempt(trx)) continue;
      await trx.rollback().execute();
      return 'again';
    }
    await trx.commit().execute();
    return null;
  } catch (error) {
    return abandon(trx, error);
  }
}

/**
 * Several pieces of work in one transaction. Savepoints cost more than the work on SQLite (each
 * one writes a statement journal and flushes the full-text index into a segment of its own), and
 * work rarely throws: so the batch first runs without them, and only when a piece throws is it
 * rolled back and run again with a savepoint each.
 */
async function runTogether(db: Db, batch: Pending[]): Promise<Failure> {
  const outcome = await runStraight(db, batch);
  return outcome === 'again' ? runIsolated(db, batch) : outcome;
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
    let failure: Failure;
    try {
      failure = batch.length === 1 ? await runAlone(db, batch[0]!) : await runTogether(db, batch);
      options.onBatch?.(batch.length);
    } catch (error) {
      // The transaction could not even begin.
      failure = { error };
    } finally {
      running -= 1;
      schedule();
    }
    for (const item of batch) item.settle(failure);
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
