// Worker-thread entry of the background checkpointer (see sqlite-checkpoints.ts): its own
// connection to the database file copies committed pages from the write-ahead log into the file.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

/** @type {{ filename: string, intervalMs: number }} */
const { filename, intervalMs } = workerData;
const db = new SQLite(filename, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = db.prepare('pragma wal_checkpoint(passive)');

let copied = -1;
const timer = setInterval(() => {
  try {
    // [{ busy, log, checkpointed }]: pages in the log, and how many of them are in the file now.
    const row = checkpoint.get();
    if (row.checkpointed !== copied)
      parentPort?.postMessage({ log: row.log, checkpointed: row.checkpointed });
    copied = row.checkpointed;
  } catch {
    // A checkpoint that meets a lock is tried again on the next turn.
  }
}, intervalMs);

parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
