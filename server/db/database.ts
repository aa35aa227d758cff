import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  Kysely,
  type Kysely as KyselyType,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import { statementsPool } from './named-statements';
import type { Database } from './schema';
import { attachWriteCounts, type WriteCounts, writeCounts, writtenTable } from './write-counts';

export type Dialect = 'sqlite' | 'postgres';

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
 * Kysely prepares every query anew; SQLite statements can be reused. Keeps the most recently
 * used prepared statements by SQL text (queries differ only in their parameters), and counts
 * the statements that write each table.
 */
function withStatementCache(sqlite: SQLite.Database, counts: WriteCounts) {
  const cache = new Map<string, DriverStatement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
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
export type Db = KyselyType<Database>;
/** A database handle or an open transaction: repositories accept either. */
export type DbOrTrx = Db | Transaction<Database>;

/** Which database a handle or transaction talks to, for the few queries that differ. */
export function dialectOf(db: DbOrTrx): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** The PostgreSQL schema the handle works in, when not the default. */
  schema?: string;
  destroy(): Promise<void>;
}

const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
const toIso = (value: string) => new Date(value).toISOString();

/** Creates the Kysely instance for SQLite (WAL, foreign keys on) or PostgreSQL. */
export function createDatabase(config: DatabaseConfig, options: { pgSchema?: string } = {}): DatabaseHandle {
  if (config.dialect === 'sqlite') {
    if (config.filename !== ':memory:') fs.mkdirSync(path.dirname(config.filename), { recursive: true });
    const sqlite = new SQLite(config.filename);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const counts = writeCounts();
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite, counts) }),
    });
    attachWriteCounts(db, counts);
    return { db, dialect: 'sqlite', destroy: () => db.destroy() };
  }
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === TIMESTAMPTZ_OID || oid === TIMESTAMP_OID) return toIso;
      if (oid === INT8_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format);
    },
  } as pg.CustomTypesConfig;
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    types,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  // Statements run prepared, so PostgreSQL plans the hot ones once per connection (ADR 0009);
  // unnamed, with a warning, when pg no longer has the internals that relies on.
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: statementsPool(pool) }) });
  return { db, dialect: 'postgres', schema: options.pgSchema, destroy: () => db.destroy() };
}
