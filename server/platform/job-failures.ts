import type { DbOrTrx } from '../db/database';
import { nowIso } from './clock';
import { type JobFailureRow, jobFailuresRepository as repo } from './job-failures.repository';

/** Attempts an item gets before it becomes a dead letter. */
export const MAX_ATTEMPTS = 5;
/** Seconds to wait after failed attempt n (1-based) before the next one: 30 s, 2, 10 and 30 min. */
export const BACKOFF_SECONDS = [30, 120, 600, 1800];

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

export interface JobItem {
  job: string;
  key: string;
  /** What the item is, for people: "Ticket 12: status_changed (event 345)" */
  label: string;
}

/**
 * Records that a job could not process one item: the item waits with backoff and, after
 * MAX_ATTEMPTS (or at once when `final`), stays as a dead letter until an admin retries or
 * discards it. Call it in the same transaction that moves the job past the item. `attempts`
 * is for jobs that count attempts themselves (the outbox). Returns the item's state.
 */
export async function recordJobFailure(
  db: DbOrTrx,
  item: JobItem,
  error: unknown,
  options: { now?: string; final?: boolean; attempts?: number } = {},
): Promise<JobFailureRow['status']> {
  const now = options.now ?? nowIso();
  const existing = await repo.find(db, item.job, item.key);
  const attempts = options.attempts ?? (existing?.attempts ?? 0) + 1;
  const status = options.final || attempts >= MAX_ATTEMPTS ? 'dead' : 'retrying';
  const wait = BACKOFF_SECONDS[Math.min(Math.max(attempts, 1), BACKOFF_SECONDS.length) - 1]!;
  const values = {
    status,
    attempts,
    last_error: message(error),
    next_attempt_at: new Date(Date.parse(now) + wait * 1000).toISOString(),
    updated_at: now,
    label: item.label.slice(0, 300),
  } as const;
  if (existing) await repo.update(db, existing.id, values);
  else await repo.insert(db, { ...values, job: item.job, item_key: item.key, first_failed_at: now });
  return status;
}

/** The item was processed after all: it leaves the list. */
export function clearJobFailure(db: DbOrTrx, job: string, key: string): Promise<void> {
  return repo.remove(db, job, key);
}

/** Items of a job whose next attempt is due (retries with backoff, and admin retries). */
export function dueJobFailures(db: DbOrTrx, job: string, limit: number, now = nowIso()) {
  return repo.due(db, job, now, limit);
}

/** Keys of items a job must skip now: dead letters and items waiting for their next attempt. */
export function heldJobItems(db: DbOrTrx, job: string, now = nowIso()) {
  return repo.heldKeys(db, job, now);
}
