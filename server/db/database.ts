import type { DatabaseConfig } from '../config';
import { type DialectAdapter, type DialectKind, type OpenOptions, openDatabase } from './dialect';
import type { Db } from './schema';

export type { Db, DbOrTrx } from './schema';

export type Dialect = DialectKind;

export interface DatabaseHandle {
  db: Db;
  /** Which database, for messages (code asks `adapter`, or `adapterOf(db)`, what differs). */
  dialect: Dialect;
  /** Everything that differs between SQLite and PostgreSQL (server/db/dialect). */
  adapter: DialectAdapter;
  /** The PostgreSQL schema the handle works in, when not the default. */
  schema?: string;
  destroy(): Promise<void>;
}

/** Creates the Kysely instance for SQLite (WAL, foreign keys on) or PostgreSQL, and chooses its adapter. */
export function createDatabase(config: DatabaseConfig, options: OpenOptions = {}): DatabaseHandle {
  const { db, adapter, schema } = openDatabase(config, options);
  return { db, dialect: adapter.kind, adapter, schema, destroy: () => db.destroy() };
}
