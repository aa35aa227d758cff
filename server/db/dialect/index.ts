import { PostgresAdapter } from 'kysely';
import type { DatabaseConfig } from '../../config';
import type { Db, DbOrTrx } from '../schema';
import { postgresDialect } from './postgres';
import { type SqliteOpenOptions, sqliteDialect } from './sqlite';
import type { DialectAdapter } from './types';

export type * from './types';

// Everything that differs between SQLite and PostgreSQL lives under server/db/dialect: one
// adapter per database, chosen once when the database is opened and reached from any handle or
// transaction with `adapterOf`. Code outside asks the adapter; it never compares the kind.

/** The adapter of the database a handle or transaction talks to: one property read. */
export function adapterOf(db: DbOrTrx): DialectAdapter {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect;
}

/**
 * How to open a database: the PostgreSQL schema to work in; whether a long-running process
 * checkpoints SQLite's log on a thread of its own (ADR 0028).
 */
export interface OpenOptions extends SqliteOpenOptions {
  pgSchema?: string;
}

/** Opens the database a configuration names, with its adapter (and the PostgreSQL schema it works in, when given). */
export function openDatabase(
  config: DatabaseConfig,
  options: OpenOptions,
): { db: Db; adapter: DialectAdapter; schema?: string } {
  return config.dialect === 'sqlite'
    ? { db: sqliteDialect.open(config.filename, options), adapter: sqliteDialect }
    : {
        db: postgresDialect.open(config.url, options.pgSchema),
        adapter: postgresDialect,
        schema: options.pgSchema,
      };
}

/**
 * The server every node listens on for the other nodes' changes (PostgreSQL LISTEN/NOTIFY);
 * null on SQLite, whose one process has no other node to hear.
 */
export function sharedBusUrl(config: DatabaseConfig): string | null {
  return config.dialect === 'postgres' ? config.url : null;
}
