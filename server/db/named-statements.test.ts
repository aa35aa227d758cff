import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/db';
import type { Db } from './database';
import {
  missingPgInternals,
  STATEMENTS_PER_CONNECTION,
  statementName,
  statementsPool,
} from './named-statements';

interface Prepared {
  name: string;
  statement: string;
  runs: number;
}

/** What the connection has prepared (PostgreSQL keeps prepared statements per connection). */
async function preparedOn(conn: Db): Promise<Prepared[]> {
  const { rows } = await sql<Prepared>`select name, statement, (generic_plans + custom_plans)::int as runs
    from pg_prepared_statements`.execute(conn);
  return rows;
}

/**
 * Tables the tests change under prepared statements, one per test. They are never dropped during
 * the run: another file's migrator reading the catalogue while a table is dropped fails
 * ("relation … does not exist"); the global teardown drops the whole schema.
 */
let probes = 0;

describeEachDatabase('named statements', (t) => {
  /** Named statements exist on PostgreSQL only: these tests are not registered for SQLite at all. */
  const onPostgres: (name: string, test: () => Promise<void>) => void = (name, test) => {
    if (t.dialect === 'postgres') it(name, test);
  };
  /** Runs `work` on one connection, so what it prepares can be read back on it. */
  const onOneConnection = <T>(work: (conn: Db) => Promise<T>) => t.handle.db.connection().execute(work);
  const setting = (conn: Db, key: string) =>
    conn.selectFrom('settings').select(['key', 'value']).where('key', '=', key);
  let probe = '';
  const allFromProbe = () => sql<Record<string, unknown>>`select * from ${sql.id(probe)} order by id`;

  beforeEach(() => {
    probes += 1;
    probe = `named_probe_${probes}`;
  });

  onPostgres('prepares a statement once per connection and runs it again by name', async () => {
    const text = setting(t.handle.db, 'x').compile().sql;
    const prepared = await onOneConnection(async (conn) => {
      for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) await setting(conn, key).execute();
      await conn.transaction().execute((trx) => setting(trx, 'h').execute());
      return preparedOn(conn);
    });
    expect(prepared.filter((p) => p.statement === text)).toEqual([
      { name: statementName(text), statement: text, runs: 8 },
    ]);
    // Transaction control and the other statements of the house stay unnamed.
    for (const { statement } of prepared)
      expect(statement).toMatch(/^\s*(select|insert|update|delete|with)\b/i);
  });

  it('returns the new columns of a table changed under a statement run before', async () => {
    await sql`create table ${sql.id(probe)} (id integer primary key)`.execute(t.handle.db);
    await sql`insert into ${sql.id(probe)} (id) values (1)`.execute(t.handle.db);
    const rows = await onOneConnection(async (conn) => {
      for (let i = 0; i < 6; i += 1) await allFromProbe().execute(conn);
      await sql`alter table ${sql.id(probe)} add column extra text`.execute(conn);
      return (await allFromProbe().execute(conn)).rows;
    });
    expect(rows).toEqual([{ id: 1, extra: null }]);
  });

  onPostgres('fails a transaction caught with a stale statement once, then recovers', async () => {
    await sql`create table ${sql.id(probe)} (id integer primary key)`.execute(t.handle.db);
    const rows = await onOneConnection(async (conn) => {
      await allFromProbe().execute(conn);
      await sql`alter table ${sql.id(probe)} add column extra text`.execute(conn);
      const inTransaction = conn.transaction().execute((trx) => allFromProbe().execute(trx));
      await expect(inTransaction).rejects.toMatchObject({ code: '0A000' });
      const again = await conn.transaction().execute((trx) => allFromProbe().execute(trx));
      return { again: again.rows, prepared: await preparedOn(conn) };
    });
    expect(rows.again).toEqual([]);
    // The stale statement was dropped once out of the transaction and prepared anew.
    const text = allFromProbe().compile(t.handle.db).sql;
    expect(rows.prepared.filter((p) => p.statement === text).map((p) => p.runs)).toEqual([1]);
  });

  onPostgres('runs a statement again after the server lost it', async () => {
    const query = (conn: Db) => setting(conn, 'lost').execute();
    const rows = await onOneConnection(async (conn) => {
      await query(conn);
      await sql`deallocate all`.execute(conn);
      return query(conn);
    });
    expect(rows).toEqual([]);
  });

  onPostgres('keeps a bounded number of statements however many IN-list lengths run', async () => {
    const keys = Array.from({ length: STATEMENTS_PER_CONNECTION + 60 }, (_, i) => `k${i}`);
    await t.handle.db
      .insertInto('settings')
      .values(keys.map((key) => ({ key, value: key, updated_at: new Date().toISOString() })))
      .execute();
    const { counts, prepared } = await onOneConnection(async (conn) => {
      const counts: number[] = [];
      for (let n = 1; n <= keys.length; n += 1) {
        const found = await conn
          .selectFrom('settings')
          .select('key')
          .where('key', 'in', keys.slice(0, n))
          .execute();
        counts.push(found.length);
      }
      return { counts, prepared: await preparedOn(conn) };
    });
    expect(counts).toEqual(keys.map((_, i) => i + 1));
    expect(prepared.length).toBeLessThanOrEqual(STATEMENTS_PER_CONNECTION);
    // The most recent lengths are the ones kept.
    const longest = t.handle.db.selectFrom('settings').select('key').where('key', 'in', keys).compile().sql;
    expect(prepared.map((p) => p.name)).toContain(statementName(longest));
  });

  onPostgres('reads the tables of the search path in force when a named statement runs', async () => {
    // Left for the global teardown, which drops every schema of this process (see above).
    const other = `${t.handle.schema}_other`;
    await sql`create schema ${sql.id(other)}`.execute(t.handle.db);
    for (const [table, id] of [
      [sql.id(probe), 1],
      [sql.id(other, probe), 2],
    ] as const) {
      await sql`create table ${table} (id integer primary key)`.execute(t.handle.db);
      await sql`insert into ${table} (id) values (${id})`.execute(t.handle.db);
    }
    const seen = await onOneConnection(async (conn) => {
      const read = async () => (await allFromProbe().execute(conn)).rows;
      const own = await read();
      await sql`set search_path to ${sql.id(other)}`.execute(conn);
      const theirs = await read();
      await sql`set search_path to ${sql.id(t.handle.schema!)}`.execute(conn);
      return { own, theirs, back: await read() };
    });
    expect(seen).toEqual({ own: [{ id: 1 }], theirs: [{ id: 2 }], back: [{ id: 1 }] });
  });
});

describe('the pg internals named statements read', () => {
  it('are there in the pg this project installs', () => {
    expect(missingPgInternals()).toBeNull();
  });

  it('are found missing when pg changes them', () => {
    const status = { getTransactionStatus: () => 'I' };
    expect(missingPgInternals({ ...status, connection: {} })).toMatch(/parsedStatements/);
    expect(missingPgInternals({ ...status, connection: { parsedStatements: new Map() } })).toBeNull();
    expect(missingPgInternals({ ...status, connection: { parsedStatements: [] } })).toMatch(
      /parsedStatements/,
    );
    expect(missingPgInternals({ ...status })).toMatch(/parsedStatements/);
    expect(missingPgInternals({ connection: { parsedStatements: {} } })).toMatch(/getTransactionStatus/);
  });

  it('without them, leave the pool as it is and say so once', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    const warn = vi.fn();
    expect(statementsPool(pool, { probe: { getTransactionStatus: () => 'I', connection: {} }, warn })).toBe(
      pool,
    );
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/statements run unnamed.*parsedStatements/);
    expect(statementsPool(pool, { warn })).not.toBe(pool);
    expect(warn).toHaveBeenCalledTimes(1);
    await pool.end();
  });

  const postgresUrl = inject('postgresUrl');
  it.runIf(postgresUrl)('without them, run every statement unnamed on PostgreSQL', async () => {
    const pool = new pg.Pool({ connectionString: postgresUrl!, max: 1 });
    const db = new Kysely<Record<string, never>>({
      dialect: new PostgresDialect({ pool: statementsPool(pool, { probe: {}, warn: () => undefined }) }),
    });
    try {
      for (let i = 0; i < 3; i += 1)
        expect((await sql<{ n: number }>`select ${i}::int as n`.execute(db)).rows).toEqual([{ n: i }]);
      const prepared = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(db);
      expect(prepared.rows).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
