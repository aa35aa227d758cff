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
  /** Whether an error is a conflict with another transaction that running again gets past. */
  isTransientConflict?: (error: unknown) => boolean;
}

interface Pending {
  /** Runs the work in the batch's transaction and remembers how it went; false when it threw. */
  attempt(trx: Transaction<Database>): Promise<boolean>;
  /** What the last attempt threw, if it threw. */
  thrown(): unknown;
  /** Gives the caller its own result once the batch is over; `failure` when the commit failed. */
  settle(failure: { error: unknown } | null): void;
}

const SAVEPOINT = 'group_item';

export const groupCommitDefaults = (dialect: DialectAdapter): GroupCommitOptions => ({
  maxBatch: dialect.groupCommitBatch,
  maxConcurrent: dialect.writers,
  isTransientConflict: (error) => dialect.isTransientConflict(error),
});

/** Times a batch that met a conflict with another transaction runs again before giving up. */
const CONFLICT_RETRIES = 4;

/** A short random pause, so two transactions that deadlocked do not meet again in step. */
const pause = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, (1 + Math.random()) * 5 * 2 ** attempt));

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
    thrown: () => (outcome && !outcome.ok ? outcome.error : undefined),
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

type Conflicted = (error: unknown) => boolean;

/** One piece of work alone: its own transaction, rolled back when it throws. */
async function runAlone(db: Db, item: Pending, conflicted: Conflicted): Promise<Failure | 'conflict'> {
  const trx = await db.startTransaction().execute();
  try {
    if (await item.attempt(trx)) await trx.commit().execute();
    else {
      await trx.rollback().execute();
      if (conflicted(item.thrown())) return 'conflict';
    }
    return null;
  } catch (error) {
    const failure = await abandon(trx, error);
    return conflicted(error) ? 'conflict' : failure;
  }
}

/** Runs one piece of work behind a savepoint, so that when it throws only its own writes are undone. */
async function attemptIsolated(trx: ControlledTransaction<Database>, item: Pending) {
  const inner = await trx.savepoint(SAVEPOINT).execute();
  const ok = await item.attempt(inner);
  if (!ok) await inner.rollbackToSavepoint(SAVEPOINT).execute();
  await inner.releaseSavepoint(SAVEPOINT).execute();
  return ok;
}

/**
 * A batch with a savepoint for each piece of work: one that throws undoes only its own writes.
 * One that met a conflict with another transaction ends the batch ('conflict'): it is run again.
 */
async function runIsolated(db: Db, batch: Pending[], conflicted: Conflicted): Promise<Failure | 'conflict'> {
  const trx = await db.startTransaction().execute();
  try {
    for (const item of batch) {
      if ((await attemptIsolated(trx, item)) || !conflicted(item.thrown())) continue;
      await trx.rollback().execute();
      return 'conflict';
    }
    await trx.commit().execute();
    return null;
  } catch (error) {
    const failure = await abandon(trx, error);
    return conflicted(error) ? 'conflict' : failure;
  }
}

/**
 * A batch without savepoints: the first piece of work that throws rolls it all back, to be run
 * again with savepoints ('again') or, when it met a conflict with another transaction, as it was.
 */
async function runStraight(
  db: Db,
  batch: Pending[],
  conflicted: Conflicted,
): Promise<Failure | 'again' | 'conflict'> {
  const trx = await db.startTransaction().execute();
  try {
    for (const item of batch) {
      if (await item.attempt(trx)) continue;
      await trx.rollback().execute();
      return conflicted(item.thrown()) ? 'conflict' : 'again';
    }
    await trx.commit().execute();
    return null;
  } catch (error) {
    const failure = await abandon(trx, error);
    return conflicted(error) ? 'conflict' : failure;
  }
}

/**
 * Several pieces of work in one transaction. Savepoints cost more than the work on SQLite (each
 * one writes a statement journal and flushes the full-text index into a segment of its own), and
 * work rarely throws: so the batch first runs without them, and only when a piece throws is it
 * rolled back and run again with a savepoint each.
 */
async function runTogether(db: Db, batch: Pending[], conflicted: Conflicted): Promise<Failure | 'conflict'> {
  const outcome = await runStraight(db, batch, conflicted);
  return outcome === 'again' ? runIsolated(db, batch, conflicted) : outcome;
}

/** Whether an error is a conflict worth running again, unless this is the last try. */
const conflictedUnless =
  (last: boolean, options: GroupCommitOptions): Conflicted =>
  (error) =>
    !last && (options.isTransientConflict?.(error) ?? false);

/** One piece of work in its own transaction, run again after a short random pause when it conflicts. */
async function runAloneRetrying(db: Db, item: Pending, options: GroupCommitOptions): Promise<Failure> {
  for (let attempt = 0; ; attempt += 1) {
    const outcome = await runAlone(db, item, conflictedUnless(attempt === CONFLICT_RETRIES, options));
    if (outcome !== 'conflict') return outcome;
    await pause(attempt);
  }
}

/**
 * A batch to its end; what each piece of work's commit came to. A conflict with another
 * transaction (a deadlock on PostgreSQL: two batches locking the same rows in crossing orders as
 * their pieces interleave) rolls the whole transaction back, and each piece then runs in its own
 * transaction, again after a short random pause while it conflicts, and on the last try is left
 * with what it threw.
 */
async function runBatch(db: Db, batch: Pending[], options: GroupCommitOptions): Promise<Failure[]> {
  if (batch.length === 1) return [await runAloneRetrying(db, batch[0]!, options)];
  const outcome = await runTogether(db, batch, conflictedUnless(false, options));
  if (outcome !== 'conflict') return batch.map(() => outcome);
  await pause(0);
  const failures: Failure[] = [];
  for (const item of batch) failures.push(await runAloneRetrying(db, item, options));
  return failures;
}

/**
 * Group commit: work that arrives while a transaction is being written waits, then commits
 * together with everything else that arrived meanwhile, in one transaction. Each caller still
 * gets its own result or its own error: a piece of work that throws is rolled back to its
 * savepoint and the others commit. Only a failed commit fails the whole batch. After a conflict
 * with a concurrent transaction, each piece of the batch runs again in its own transaction.
 */
export function groupCommit(db: Db, options: GroupCommitOptions) {
  const queue: Pending[] = [];
  let running = 0;
  let scheduled = false;

  async function flush() {
    const batch = queue.splice(0, options.maxBatch);
    if (batch.length === 0) return;
    running += 1;
    let failures: Failure[];
    try {
      failures = await runBatch(db, batch, options);
      options.onBatch?.(batch.length);
    } catch (error) {
      // The transaction could not even begin.
      failures = batch.map(() => ({ error }));
    } finally {
      running -= 1;
      schedule();
    }
    for (const [i, item] of batch.entries()) item.settle(failures[i] ?? null);
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
