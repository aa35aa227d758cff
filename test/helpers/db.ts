import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import { createDatabase, type DatabaseHandle, type Dialect } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';

export interface TestDatabase {
  dialect: Dialect;
  /** Valid inside tests and hooks. */
  handle: DatabaseHandle;
  dataDir: string;
  /** A second connection to the same database, as another process would have: the caller destroys it. */
  otherConnection(): DatabaseHandle;
}

/** The tables to empty between tests; read from this schema only (other files drop theirs concurrently). */
async function tableNames(handle: DatabaseHandle): Promise<string[]> {
  const rows =
    handle.dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = ${handle.schema ?? 'public'} and table_type = 'BASE TABLE'`.execute(handle.db)
      : await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          handle.db,
        );
  return (
    rows.rows
      .map((r) => r.name)
      .filter((name) => !name.startsWith('kysely_'))
      // Kept like a real database keeps it: its triggers replace the epoch as tables are emptied.
      .filter((name) => name !== 'change_epochs')
      // SQLite full-text indexes keep shadow tables that only the index itself may touch.
      .filter((name) => !/_(data|idx|content|docsize|config)$/.test(name))
  );
}

async function wipe(handle: DatabaseHandle, tables: string[]) {
  if (handle.dialect === 'postgres') {
    await sql`truncate ${sql.join(tables.map((t) => sql.id(t)))} restart identity cascade`.execute(handle.db);
    return;
  }
  await sql`pragma foreign_keys = off`.execute(handle.db);
  for (const table of tables) await sql`delete from ${sql.id(table)}`.execute(handle.db);
  await sql`delete from sqlite_sequence`.execute(handle.db).catch(() => undefined);
  await sql`pragma foreign_keys = on`.execute(handle.db);
}

/**
 * Runs a suite once per database: SQLite always, PostgreSQL when reachable. Each file gets
 * its own migrated database (a temp SQLite file, or a private PostgreSQL schema); every
 * test starts from empty tables.
 */
export function describeEachDatabase(name: string, suite: (db: TestDatabase) => void): void {
  const postgresUrl = inject('postgresUrl');
  const dialects: Dialect[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const dialect of dialects) {
    describe(`${name} [${dialect}]`, () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-test-'));
      const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const ctx = { dialect, dataDir } as TestDatabase;
      ctx.otherConnection = () =>
        dialect === 'postgres'
          ? createDatabase({ dialect: 'postgres', url: postgresUrl! }, { pgSchema: schema })
          : createDatabase({ dialect: 'sqlite', filename: path.join(dataDir, 'test.db') });
      let tables: string[] = [];

      beforeAll(async () => {
        if (dialect === 'postgres') {
          const admin = new pg.Client({ connectionString: postgresUrl! });
          await admin.connect();
          await admin.query(`create schema ${schema}`);
          await admin.end();
          ctx.handle = createDatabase({ dialect: 'postgres', url: postgresUrl! }, { pgSchema: schema });
        } else {
          ctx.handle = createDatabase({ dialect: 'sqlite', filename: path.join(dataDir, 'test.db') });
        }
        await migrateToLatest(ctx.handle);
        tables = await tableNames(ctx.handle);
      });

      beforeEach(async () => {
        await wipe(ctx.handle, tables);
      });

      afterAll(async () => {
        // Schemas are dropped by the global teardown: dropping one while another file's
        // migrator reads the catalogue makes that file fail.
        await ctx.handle?.destroy();
        fs.rmSync(dataDir, { recursive: true, force: true });
      });

      suite(ctx);
    });
  }
}
