import type { FastifyBaseLogger } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_JOB_BACKOFF_MS, startJobs } from './jobs';

const silent = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;

describe('startJobs', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits longer after each failed run instead of retrying every tick, and recovers', async () => {
    let calls = 0;
    let failing = true;
    const stop = startJobs(
      [
        {
          name: 'flaky',
          everyMs: 2_000,
          run: async () => {
            calls += 1;
            if (failing) throw new Error('database away');
          },
        },
      ],
      silent,
    );
    await vi.advanceTimersByTimeAsync(60_000);
    // Every 2 s would be 30 runs; backing off 4, 8, 16, 32 s gives a handful.
    expect(calls).toBeGreaterThan(1);
    expect(calls).toBeLessThanOrEqual(5);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    const hourly = calls;
    // Capped: at least one run every five minutes.
    await vi.advanceTimersByTimeAsync(MAX_JOB_BACKOFF_MS + 2_000);
    expect(calls).toBeGreaterThan(hourly);
    failing = false;
    await vi.advanceTimersByTimeAsync(MAX_JOB_BACKOFF_MS + 2_000);
    const recovered = calls;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls - recovered).toBe(10);
    await stop();
  });
});
