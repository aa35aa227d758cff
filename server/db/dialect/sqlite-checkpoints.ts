import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * Write-ahead log pages the writer lets pile up before it copies them into the database file
 * itself, as SQLite does by default every 1,000 pages: reached only when the background
 * checkpointer has stopped or fallen far behind (ADR 0028).
 */
export const WRITER_CHECKPOINT_PAGES = 10_000;

/** How often the background checkpointer copies what was committed since its last turn. */
const INTERVAL_MS = 100;

export interface Checkpointer {
  /** The log's pages and how many of them were in the file after the checkpoint that last copied any. */
  readonly last: { log: number; checkpointed: number } | null;
  /** Stops the thread and closes its connection; the writer checkpoints for itself again. */
  stop(): Promise<void>;
}

/**
 * Copies committed pages from the write-ahead log into the database file on a thread of its
 * own (ADR 0028), so that the connection that writes never does: a checkpoint costs a
 * transaction of a thousand pages several times its own commit, and a large log makes every
 * read that starts after it slower. The writer still checkpoints past WRITER_CHECKPOINT_PAGES.
 */
export function startCheckpointer(sqlite: SQLite.Database, filename: string): Checkpointer {
  sqlite.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
  const worker = new Worker(new URL('./sqlite-checkpoints.worker.mjs', import.meta.url), {
    workerData: { filename, intervalMs: INTERVAL_MS },
  });
  // The thread never keeps the process alive, and a thread that fails leaves the writer to
  // checkpoint as SQLite does on its own.
  worker.unref();
  let running = true;
  /** The writer checkpoints as SQLite does by default again. */
  const fallBack = () => {
    if (!running) return;
    running = false;
    if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  let last: Checkpointer['last'] = null;
  worker.on('message', (row: { log: number; checkpointed: number }) => {
    last = row;
  });
  return {
    get last() {
      return last;
    },
    stop() {
      if (!running) return Promise.resolve();
      fallBack();
      return new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      });
    },
  };
}
