import type { CreateTableBuilder, Kysely } from 'kysely';
import type { MigrationDialect } from '../dialect';

/** What a migration knows of its database: column types, the id column, and DDL written for each (server/db/dialect). */
export type Dialect = MigrationDialect;

/** Column types that differ between the two databases. */
export function columnTypes(dialect: Dialect) {
  return dialect.types;
}

export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: Dialect) {
  return dialect.withId(table);
}

export type MigrationFn = (db: Kysely<unknown>, dialect: Dialect) => Promise<void>;
export interface Migration {
  name: string;
  up: MigrationFn;
  down: MigrationFn;
}
