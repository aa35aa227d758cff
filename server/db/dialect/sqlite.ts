import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type RawBuilder, type SqlBool, SqliteDialect, sql } from 'kysely';
import { TimeLimitExceeded } from '../errors';
import type { Database, Db, DbOrTrx } from '../schema';
import { attachWriteCounts, type WriteCounts, writeCounts, writtenTable } from '../write-counts';
import { jsonObjects } from './json';
import { type Checkpointer, startCheckpointer } from './sqlite-checkpoints';
import type { DialectAdapter, FullTextIndex, FullTextQuery } from './types';

const STATEMENT_CACHE_SIZE = 500;

/** What Kysely's SQLite driver calls on a statement. */
type DriverStatement = Pick<SQLite.Statement, 'reader' | 'all' | 'run' | 'iterate'>;

/** A statement that counts its runs as writes to `table` (ADR 0011). */
function counted(statement: SQLite.Statement, table: string, counts: WriteCounts): DriverStatement {
  return {
    reader: statement.reader,
    all: (...params: unknown[]) => {
      counts.count(table);
      return statement.all(...params);
    },
    run: (...params: unknown[]) => {
      counts.count(table);
      return statement.run(...params);
    },
    iterate: (...params: unknown[]) => {
      counts.count(table);
      return statement.iterate(...params);
    },
  };
}

/**
 * Kysely begins a transaction with a plain `begin`, which takes the write lock only at the first
 * write. When another process (the mail node, a command) commits between the transaction's first
 * read and that write, SQLite cannot move the transaction's snapshot forward and fails the write
 * with SQLITE_BUSY_SNAPSHOT at once, busy timeout or not. Beginning with the write lock makes the
 * other process's commit wait for ours (or ours wait, within the busy timeout) instead.
 */
const BEGIN_WRITE = 'begin immediate';

/**
 * Kysely prepares every query anew; SQLite statements can be reused. Keeps the most recently
 * used prepared statements by SQL text (queries differ only in their parameters), and counts
 * the statements that write each table.
 */
function withStatementCache(sqlite: SQLite.Database, counts: WriteCounts, checkpointer: Checkpointer | null) {
  const cache = new Map<string, DriverStatement>();
  return {
    close: () => {
      void checkpointer?.stop();
      sqlite.close();
    },
    prepare(sqlText: string) {
      const text = sqlText === 'begin' ? BEGIN_WRITE : sqlText;
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        const table = writtenTable(text);
        const prepared = sqlite.prepare(text);
        statement = table ? counted(prepared, table, counts) : prepared;
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

/** How a database is opened: a long-running server copies its log into the file on a thread of its own (ADR 0028). */
export interface SqliteOpenOptions {
  backgroundCheckpoints?: boolean;
}

const checkpointers = new WeakMap<Db, Checkpointer>();

/** The background checkpointer of a handle opened with one (tests and the bench look at it). */
export const checkpointerOf = (db: Db): Checkpointer | undefined => checkpointers.get(db);

/** Opens the file (WAL, foreign keys on) behind a statement cache that counts writes. */
function open(filename: string, options: SqliteOpenOptions = {}): Db {
  if (filename !== ':memory:') fs.mkdirSync(path.dirname(filename), { recursive: true });
  const sqlite = new SQLite(filename);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The clock check of time-limited reads (`timeLimited`): fails the statement once past the
  // deadline. Not deterministic, so SQLite calls it for every row it is asked about.
  sqlite.function('steward_in_time', { deterministic: false, directOnly: true }, (deadline, limitMs) => {
    if (performance.now() > Number(deadline)) throw new TimeLimitExceeded(Number(limitMs));
    return 1;
  });
  const counts = writeCounts();
  const checkpointer =
    options.backgroundCheckpoints && filename !== ':memory:' ? startCheckpointer(sqlite, filename) : null;
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite, counts, checkpointer) }),
  });
  if (checkpointer) checkpointers.set(db, checkpointer);
  attachWriteCounts(db, counts);
  return db;
}

/** An FTS5 query: each word quoted, every one required, the last a prefix when asked. */
function matchExpression(terms: readonly string[], prefixLast: boolean): string {
  return terms
    .map((t, i) => `"${t.replace(/"/g, '""')}"${prefixLast && i === terms.length - 1 ? '*' : ''}`)
    .join(' ');
}

/** The order of FTS5 matches: bm25 with the columns' weights, or FTS5's own rank when they weigh the same. */
function ranking(index: FullTextIndex): RawBuilder<unknown> {
  if (!index.columns.some((c) => c.weight)) return sql`rank`;
  const weights = index.columns.map((c) => (c.weight?.bm25 ?? 1).toFixed(1)).join(', ');
  return sql`bm25(${sql.raw(index.table)}, ${sql.raw(weights)})`;
}

async function match(db: DbOrTrx, index: FullTextIndex, q: FullTextQuery) {
  const table = sql.raw(index.table);
  const expr = matchExpression(q.terms, q.prefixLast);
  const within = q.within ? sql`and rowid in (${sql.join(q.within.length ? q.within : [-1])})` : sql``;
  const snippet = q.snippet
    ? sql`, snippet(${table}, -1, ${q.snippet.open}, ${q.snippet.close}, '…', 16) as snippet`
    : sql``;
  const newest = q.window
    ? sql`and rowid >= coalesce((select min(rowid) from (select rowid from ${table} where ${table} match ${expr} ${within} order by rowid desc limit ${q.window})), 0)`
    : sql``;
  const ties = q.window ? sql`, rowid desc` : sql``;
  const result = await sql<{ rowid: number; snippet?: string }>`
      select rowid${snippet}
      from ${table}
      where ${table} match ${expr}
        ${newest}
        ${within}
      order by ${ranking(index)}${ties}
      limit ${q.limit}`.execute(db);
  return result.rows.map((r) => ({ rowid: Number(r.rowid), snippet: r.snippet ?? '' }));
}

const jsonObject = jsonObjects('json_object');

export const sqliteDialect = {
  kind: 'sqlite',
  open,
  writers: 1,
  groupCommitBatch: 64,
  idsCommitInOrder: true,
  insertsRowByRow: true,
  insertTriggersOpenJournals: true,
  locksRows: false,
  isTransientConflict: () => false,

  // A RETURNING clause would open a statement journal (ADR 0010): the id is the last row id.
  returningId: (insert) => insert,
  insertedId: (result) => (result.insertId === undefined ? undefined : Number(result.insertId)),

  forUpdate: (query) => query,
  async lockTable() {},
  skipLocked: (query) => query,
  idsToClaim: async (query) => query,

  async flush(db) {
    await sql`pragma wal_checkpoint(passive)`.execute(db);
  },
  commitCounter: sql<number>`(select data_version from pragma_data_version)`,

  async timeLimited(db, limit, read) {
    const deadline = performance.now() + limit.ms;
    // One row in 64 asks the clock: a call into JavaScript costs more than a row of most scans.
    return read(
      db,
      sql<SqlBool>`(${sql.ref(limit.rowid)} % 64 <> 0 or steward_in_time(${deadline}, ${limit.ms}))`,
    );
  },

  idIn: (column, ids) => sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids)})`,
  jsonFieldEquals(column, key, value) {
    const extracted = sql`json_extract(${sql.ref(column)}, ${`$.${key}`})`;
    if (value === null) return sql<SqlBool>`${extracted} is null`;
    return sql<SqlBool>`${extracted} = ${typeof value === 'boolean' ? (value ? 1 : 0) : value}`;
  },
  readsRowsAsJson: true,
  jsonObject,
  jsonArrayOf: (element) => sql<string>`json_group_array(${element})`,

  fullText: {
    insert(index, values) {
      const columns = ['rowid', ...index.columns.map((c) => c.name)];
      return sql`insert into ${sql.raw(index.table)} (${sql.raw(columns.join(', '))}) values (${sql.join(columns.map((c) => values[c]))})`;
    },
    upsert: null,
    match,
  },

  migration: {
    kind: 'sqlite',
    types: { id: 'integer', timestamp: 'text', binary: 'blob' },
    withId: (table) => table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
    choose: (choices) => choices.sqlite,
  },
} satisfies DialectAdapter & { open: typeof open };
