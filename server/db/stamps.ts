import { sql } from 'kysely';
import { adapterOf } from './dialect';
import { prepared } from './prepared';
import type { DbOrTrx } from './schema';
import { localWritesTo } from './write-counts';

/** SQLite's count of other connections' commits; nothing elsewhere (the adapter has no counter). */
const commitCountQuery = prepared<Record<string, never>, { data_version: number }>((db) => {
  const counter = adapterOf(db).commitCounter;
  return sql<{ data_version: number }>`select ${counter ?? sql`null`} as data_version`.compile(db);
});

/**
 * A mark that moves whenever one of `tables` may have changed (ADR 0011): this process's
 * statements that wrote them and other connections' commits, on SQLite. Null where no such mark
 * holds (PostgreSQL, whose other nodes write unseen, or a transaction): the caller reads afresh.
 * Foreign keys that change a table without naming it (a cascade from a table not listed) are
 * the caller's to list.
 */
export async function tablesStamp(db: DbOrTrx, tables: readonly string[]): Promise<string | null> {
  if (!adapterOf(db).commitCounter) return null;
  const local: number[] = [];
  for (const table of tables) {
    const count = localWritesTo(db, table);
    if (count === null) return null;
    local.push(count);
  }
  const row = await commitCountQuery.first(db, {});
  return row ? `${row.data_version}:${local.join(':')}` : null;
}
