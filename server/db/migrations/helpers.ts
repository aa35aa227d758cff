import type { ColumnDataType, CreateTableBuilder, Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** Column types that differ between the two dialects, in one place. */
export function columnTypes(dialect: Dialect) {
  return {
    id: (dialect === 'postgres' ? 'serial' : 'integer') as ColumnDataType,
    timestamp: (dialect === 'postgres' ? 'timestamptz' : 'text') as ColumnDataType,
  };
}

export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: Dialect) {
  return table.addColumn('id', columnTypes(dialect).id, (c) =>
    dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
  );
}

export type MigrationFn = (db: Kysely<unknown>, dialect: Dialect) => Promise<void>;
export interface Migration {
  name: string;
  up: MigrationFn;
  down: MigrationFn;
}
