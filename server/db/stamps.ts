import { sql } from 'kysely';
import { adapterOf } from './dialect';
import { prepared } from './prepared';
import type { DbOrTrx } from './schema';
import { connectionWritesTo, localWritesTo } from './write-counts';

/** SQLite's count of other connections' commits; nothing elsewhere (the adapter has no counter). */
const commitCountQuery = prepared<Record<string, never>, { data_version: number }>((db) => {
  const counter = adapterOf(db).commitCounter;
  return sql<{ data_version: number }>`select ${counter ?? sql`null`} as data_version`.compile(db);
});

/**
 * Other connections' commits as a transaction saw them when it first asked. Every transaction
 * on SQLite begins with the write lock (`begin immediate`), so no other connection commits
 * while it is open and the count cannot move under it.
 */
const commitsSeenBy = new WeakMap<object, number>();

/**
 * Other connections' commits as read during the current turn of the event loop, by handle:
 * every request that turn shares one read. Reading costs a read transaction, which on a busy
 * log costs more than most of the reads it saves.
 */
let seenThisTurn: { db: DbOrTrx; commits: number } | null = null;

async function otherCommits(db: DbOrTrx, asOf: 'now' | 'turn'): Promise<number | null> {
  if (db.isTransaction) {
    const seen = commitsSeenBy.get(db);
    if (seen !== undefined) return seen;
  } else if (asOf === 'turn' && seenThisTurn?.db === db) return seenThisTurn.commits;
  const row = await commitCountQuery.first(db, {});
  if (!row || row.data_version === null) return null;
  if (db.isTransaction) commitsSeenBy.set(db, row.data_version);
  else if (asOf === 'turn') {
    seenThisTurn = { db, commits: row.data_version };
    setImmediate(() => {
      seenThisTurn = null;
    });
  }
  return row.data_version;
}

/**
 * A number per open database (the query adapter a handle shares with its transactions), so
 * that stamps of two databases in one process (tests) never coincide.
 */
const databaseIds = new WeakMap<object, number>();
let nextDatabaseId = 1;
function databaseIdOf(db: DbOrTrx): number {
  const adapter = db.getExecutor().adapter;
  let id = databaseIds.get(adapter);
  if (id === undefined) {
    id = nextDatabaseId++;
    databaseIds.set(adapter, id);
  }
  return id;
}

export interface StampOptions {
  /** Also inside a transaction, counting its own writes (ADR 0029). */
  withinTransactions?: boolean;
  /**
   * 'turn': other connections' commits as first read this turn of the event loop, so a commit
   * by another process shows from the next turn on (this process's own writes show at once).
   */
  commitsAsOf?: 'now' | 'turn';
}

/**
 * A mark that moves whenever one of `tables` may have changed (ADR 0011): this process's
 * statements that wrote them and other connections' commits, on SQLite. Null where no such mark
 * holds (PostgreSQL, whose other nodes write unseen): the caller reads afresh. Foreign keys that
 * change a table without naming it (a cascade from a table not listed) are the caller's to list.
 *
 * Inside a transaction the mark counts the transaction's own writes too, and a rollback moves
 * every mark (write-counts.ts): an answer read inside may be kept (ADR 0029). Without
 * `withinTransactions` the older rule holds, for callers whose answers must come from
 * committed state only.
 */
export async function tablesStamp(
  db: DbOrTrx,
  tables: readonly string[],
  options: StampOptions = {},
): Promise<string | null> {
  if (!adapterOf(db).commitCounter) return null;
  const inside = options.withinTransactions ?? false;
  const local: number[] = [];
  for (const table of tables) {
    const count = inside ? connectionWritesTo(db, table) : localWritesTo(db, table);
    if (count === null) return null;
    local.push(count);
  }
  const commits = await otherCommits(db, options.commitsAsOf ?? 'now');
  return commits === null ? null : `${databaseIdOf(db)}:${commits}:${local.join(':')}`;
}
