import { sql } from 'kysely';
import { prepared } from '../prepared';
import type { DbOrTrx } from '../schema';
import { adapterOf, type FullTextHit, type FullTextIndex, type FullTextQuery } from './index';

/** A row's entry: its text by column name. */
export type FullTextEntry<C extends string> = Record<C, string>;

/**
 * The one way to keep and query a full-text index, for tickets and customers alike: FTS5 on
 * SQLite, tsvector and GIN on PostgreSQL (the SQL of each is in its adapter). The writes are
 * built once per database (see server/db/prepared.ts): every ticket opened writes an entry.
 */
export function fullTextIndex<C extends string>(index: FullTextIndex<C>) {
  type Values = Record<C | 'rowid', string | number>;
  const insert = prepared((db, p: Values) => adapterOf(db).fullText.insert(index, p).compile(db));
  // Where there is no upsert, `replace` removes the old entry and inserts.
  const upsert = prepared((db, p: Values) => {
    const dialect = adapterOf(db).fullText;
    return (dialect.upsert ?? dialect.insert)(index, p).compile(db);
  });
  const values = (rowid: number, entry: FullTextEntry<C>): Values => ({ ...entry, rowid });

  async function remove(db: DbOrTrx, rowid: number): Promise<void> {
    await sql`delete from ${sql.raw(index.table)} where rowid = ${rowid}`.execute(db);
  }

  return {
    /** Adds the entry of a row that has none. */
    async insert(db: DbOrTrx, rowid: number, entry: FullTextEntry<C>): Promise<void> {
      await insert.run(db, values(rowid, entry));
    },

    /** Writes a row's entry in place of any it had. */
    async replace(db: DbOrTrx, rowid: number, entry: FullTextEntry<C>): Promise<void> {
      if (!adapterOf(db).fullText.upsert) await remove(db, rowid);
      await upsert.run(db, values(rowid, entry));
    },

    remove,

    /** Matching rows, best first. */
    match(db: DbOrTrx, query: FullTextQuery): Promise<FullTextHit[]> {
      return adapterOf(db).fullText.match(db, index, query);
    },
  };
}
