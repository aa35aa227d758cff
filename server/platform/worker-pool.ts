import os from 'node:os';
import { Piscina } from 'piscina';

export interface WorkerPool<I, O> {
  run(input: I): Promise<O>;
  close(): Promise<void>;
}

export interface WorkerPoolOptions {
  /** The most one task may take; past it the task's thread is ended and the task fails. */
  timeoutMs: number;
  /** Heap limit of each thread, so one hostile input never costs the server its own memory. */
  maxHeapMb: number;
}

const open = new Set<WorkerPool<never, unknown>>();

/**
 * CPU-heavy work on text from strangers (mail parsing, Markdown rendering) runs in worker
 * threads, so no single input can hold up HTTP requests on the main thread. Threads start
 * when needed (at most one fewer than the cores, at least one) and end when idle.
 * `file` is a `.mjs` worker entry that loads its TypeScript through tsx.
 */
export function workerPool<I, O>(file: URL, options: WorkerPoolOptions): WorkerPool<I, O> {
  let piscina: Piscina | null = null;
  const pool: WorkerPool<I, O> = {
    run(input) {
      piscina ??= new Piscina({
        filename: file.href,
        minThreads: 0,
        maxThreads: Math.max(1, Math.min(2, os.availableParallelism() - 1)),
        idleTimeout: 30_000,
        resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb },
      });
      return piscina.run(input, { signal: AbortSignal.timeout(options.timeoutMs) }) as Promise<O>;
    },
    async close() {
      const current = piscina;
      piscina = null;
      await current?.destroy();
    },
  };
  open.add(pool as WorkerPool<never, unknown>);
  return pool;
}

/** Ends every pool's threads (at shutdown); a pool used again starts new ones. */
export async function closeWorkerPools(): Promise<void> {
  await Promise.all([...open].map((pool) => pool.close()));
}
