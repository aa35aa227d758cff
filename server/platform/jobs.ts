import type { FastifyBaseLogger } from 'fastify';

export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/** The longest a failing job waits before it runs again. */
export const MAX_JOB_BACKOFF_MS = 5 * 60_000;

/**
 * Runs periodic jobs in this process. Each job's work is idempotent and claims rows in the
 * database, so several nodes may run the same jobs. Jobs isolate their own failing items (see
 * job-failures.ts); a run that fails as a whole (the database is away) is logged and the job
 * waits twice as long after each failure in a row, up to five minutes. Returns a stop function.
 */
export function startJobs(jobs: PeriodicJob[], log: FastifyBaseLogger): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  for (const job of jobs) {
    let busy = false;
    let failures = 0;
    let resumeAt = 0;
    const tick = () => {
      if (busy || stopped || Date.now() < resumeAt) return;
      busy = true;
      const work = job
        .run()
        .then(
          () => {
            failures = 0;
            resumeAt = 0;
          },
          (error: unknown) => {
            failures += 1;
            const wait = Math.min(job.everyMs * 2 ** failures, MAX_JOB_BACKOFF_MS);
            resumeAt = Date.now() + wait;
            log.error({ err: error, job: job.name, failures, retryInMs: wait }, 'job failed');
          },
        )
        .finally(() => {
          busy = false;
          running.delete(work);
        });
      running.add(work);
    };
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    timers.push(timer);
    setTimeout(tick, 500).unref();
  }
  return async () => {
    stopped = true;
    for (const t of timers) clearInterval(t);
    await Promise.allSettled([...running]);
  };
}
