import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../database';
import type { Database } from '../schema';
import { adapterOf, type FullTextIndex } from './index';
import { postgresDialect, WORD_SEPARATORS } from './postgres';
import { sqliteDialect } from './sqlite';

/** A handle that runs nothing and keeps the SQL it was given. */
function recording(kind: 'sqlite' | 'postgres') {
  const statements: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => (kind === 'sqlite' ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) =>
        kind === 'sqlite' ? new SqliteIntrospector(k) : new PostgresIntrospector(k),
      createQueryCompiler: () =>
        kind === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler(),
    },
    log: (event) => {
      statements.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  return { db, statements };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const tickets: FullTextIndex = {
  table: 'ticket_search',
  columns: [
    { name: 'subject', weight: { bm25: 6, class: 'A' } },
    { name: 'body', weight: { bm25: 1, class: 'B' } },
    { name: 'customer', weight: { bm25: 3, class: 'C' } },
  ],
  keepsText: true,
  snippetFrom: ['subject', 'body'],
};
const customers: FullTextIndex = {
  table: 'customer_search',
  columns: [{ name: 'name' }, { name: 'emails' }, { name: 'phone' }],
  keepsText: false,
};
const entry = { rowid: 7, subject: 's', body: 'b', customer: 'c', name: 'n', emails: 'e@x.org', phone: '' };

describe('dialect adapters', () => {
  it('are found from the handle, and a transaction finds the same one', async () => {
    const sqlite = recording('sqlite');
    const postgres = recording('postgres');
    expect(adapterOf(sqlite.db)).toBe(sqliteDialect);
    expect(adapterOf(postgres.db)).toBe(postgresDialect);
    await postgres.db.transaction().execute(async (trx) => {
      expect(adapterOf(trx)).toBe(postgresDialect);
    });
  });

  it('begin SQLite transactions with the write lock, so another process committing mid-transaction waits instead of failing it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-begin-'));
    const file = path.join(dir, 'two.db');
    const ours = createDatabase({ dialect: 'sqlite', filename: file });
    // Another process on the same file (the mail node, a command), impatient so the test is quick.
    const other = new SQLite(file, { timeout: 50 });
    try {
      await sql`create table counted (n integer)`.execute(ours.db);
      await ours.db.transaction().execute(async (trx) => {
        await sql`select count(*) as n from counted`.execute(trx);
        expect(() => other.prepare('insert into counted values (2)').run()).toThrow(/locked|busy/i);
        await sql`insert into counted values (1)`.execute(trx);
      });
      expect(other.prepare('select count(*) as n from counted').get()).toEqual({ n: 1 });
      other.prepare('insert into counted values (2)').run();
      expect(other.prepare('select count(*) as n from counted').get()).toEqual({ n: 2 });
    } finally {
      other.close();
      await ours.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('write full-text entries as the tuned statements did: FTS5 columns, weighted tsvectors', () => {
    const { db: lite } = recording('sqlite');
    const { db: pg } = recording('postgres');
    expect(oneLine(sqliteDialect.fullText.insert(tickets, entry).compile(lite).sql)).toBe(
      'insert into ticket_search (rowid, subject, body, customer) values (?, ?, ?, ?)',
    );
    expect(sqliteDialect.fullText.upsert).toBeNull();
    const upsert = postgresDialect.fullText.upsert!(tickets, entry).compile(pg);
    expect(oneLine(upsert.sql)).toBe(
      "insert into ticket_search (rowid, subject, body, customer, document) values ($1, $2, $3, $4, setweight(to_tsvector('simple', regexp_replace($5, $6, ' ', 'g')), 'A') || setweight(to_tsvector('simple', regexp_replace($7, $8, ' ', 'g')), 'B') || setweight(to_tsvector('simple', regexp_replace($9, $10, ' ', 'g')), 'C')) on conflict (rowid) do update set subject = excluded.subject, body = excluded.body, customer = excluded.customer, document = excluded.document",
    );
    expect(upsert.parameters).toEqual([
      7,
      's',
      'b',
      'c',
      's',
      WORD_SEPARATORS,
      'b',
      WORD_SEPARATORS,
      'c',
      WORD_SEPARATORS,
    ]);
    // Only the document, and an address's parts are words of their own.
    expect(oneLine(postgresDialect.fullText.insert(customers, entry).compile(pg).sql)).toBe(
      "insert into customer_search (rowid, document) values ($1, to_tsvector('simple', regexp_replace($2, $3, ' ', 'g')) || to_tsvector('simple', regexp_replace($4, $5, ' ', 'g')) || to_tsvector('simple', regexp_replace($6, $7, ' ', 'g')))",
    );
  });

  it('match tickets among the newest matches with snippets, and customers by rank alone', async () => {
    const lite = recording('sqlite');
    const pg = recording('postgres');
    const ticketQuery = {
      terms: ['invoice', 'ma"y'],
      prefixLast: true,
      limit: 10,
      within: [3, 4],
      window: 2000,
      snippet: { open: '<', close: '>' },
    };
    await sqliteDialect.fullText.match(lite.db, tickets, ticketQuery);
    await sqliteDialect.fullText.match(lite.db, customers, {
      terms: ['ann'],
      prefixLast: true,
      limit: 5,
      within: null,
    });
    expect(oneLine(lite.statements[0]!.sql)).toBe(
      "select rowid, snippet(ticket_search, -1, ?, ?, '…', 16) as snippet from ticket_search where ticket_search match ? and rowid >= coalesce((select min(rowid) from (select rowid from ticket_search where ticket_search match ? and rowid in (?, ?) order by rowid desc limit ?)), 0) and rowid in (?, ?) order by bm25(ticket_search, 6.0, 1.0, 3.0), rowid desc limit ?",
    );
    expect(lite.statements[0]!.parameters).toEqual([
      '<',
      '>',
      '"invoice" "ma""y"*',
      '"invoice" "ma""y"*',
      3,
      4,
      2000,
      3,
      4,
      10,
    ]);
    expect(oneLine(lite.statements[1]!.sql)).toBe(
      'select rowid from customer_search where customer_search match ? order by rank limit ?',
    );

    await postgresDialect.fullText.match(pg.db, tickets, ticketQuery);
    await postgresDialect.fullText.match(pg.db, customers, {
      terms: ['ann'],
      prefixLast: true,
      limit: 5,
      within: null,
    });
    expect(oneLine(pg.statements[0]!.sql)).toBe(
      "with recent as ( select rowid, document, subject, body from ticket_search where document @@ to_tsquery('simple', $1) and rowid in ($2, $3) order by rowid desc limit $4 ) select rowid, ts_headline('simple', left(subject, 4000) || ' — ' || left(body, 4000), to_tsquery('simple', $5), $6) as snippet from ( select rowid, subject, body, ts_rank(document, to_tsquery('simple', $7)) as score from recent order by score desc, rowid desc limit $8 ) best order by score desc, rowid desc",
    );
    expect(pg.statements[0]!.parameters[0]).toBe('invoice & (ma <-> y:*)');
    expect(oneLine(pg.statements[1]!.sql)).toBe(
      "select rowid from customer_search where document @@ to_tsquery('simple', $1) order by ts_rank(document, to_tsquery('simple', $2)) desc limit $3",
    );
    // Nothing left to look for asks nothing.
    expect(
      await postgresDialect.fullText.match(pg.db, customers, {
        terms: ['--'],
        prefixLast: false,
        limit: 5,
        within: null,
      }),
    ).toEqual([]);
    expect(pg.statements).toHaveLength(2);
  });

  it('give ids as a list on SQLite and as one array parameter on PostgreSQL', () => {
    const { db: lite } = recording('sqlite');
    const { db: pg } = recording('postgres');
    const viaKysely = lite.selectFrom('tickets').select('id').where('tickets.id', 'in', [1, 2]).compile();
    const viaAdapter = lite
      .selectFrom('tickets')
      .select('id')
      .where(sqliteDialect.idIn('tickets.id', [1, 2]))
      .compile();
    expect(viaAdapter.sql).toBe(viaKysely.sql);
    const array = pg
      .selectFrom('tickets')
      .select('id')
      .where(postgresDialect.idIn('tickets.id', [1, 2, 3]))
      .compile();
    expect(array.sql).toContain('"tickets"."id" = any($1::integer[])');
    expect(array.parameters).toEqual([[1, 2, 3]]);
  });

  it('compare JSON fields as each database stores them', () => {
    const { db: lite } = recording('sqlite');
    const { db: pg } = recording('postgres');
    const onSqlite = sqliteDialect.jsonFieldEquals('tickets.custom_fields', 'vip', true).compile(lite);
    expect(onSqlite.sql).toBe('json_extract("tickets"."custom_fields", ?) = ?');
    expect(onSqlite.parameters).toEqual(['$.vip', 1]);
    const onPostgres = postgresDialect.jsonFieldEquals('tickets.custom_fields', 'vip', true).compile(pg);
    expect(onPostgres.sql).toBe('("tickets"."custom_fields"::jsonb ->> $1) = $2');
    expect(onPostgres.parameters).toEqual(['vip', 'true']);
    expect(sqliteDialect.jsonFieldEquals('tickets.custom_fields', 'vip', null).compile(lite).sql).toMatch(
      /is null$/,
    );
  });

  it('build a JSON object once per list of entries', () => {
    const entries = [['id', 'tickets', 'id'] as const, ['team_name', 'team', 'name'] as const];
    const { db: lite } = recording('sqlite');
    expect(sqliteDialect.jsonObject(entries)).toBe(sqliteDialect.jsonObject(entries));
    expect(sqliteDialect.jsonObject(entries).compile(lite).sql).toBe(
      `json_object('id', "tickets"."id", 'team_name', "team"."name")`,
    );
  });

  it('answer a new id by RETURNING on PostgreSQL only (a RETURNING opens a statement journal on SQLite)', () => {
    const { db: lite } = recording('sqlite');
    const { db: pg } = recording('postgres');
    const insert = (db: Kysely<Database>) =>
      db.insertInto('settings').values({ key: 'k', value: 'v', updated_at: 'now' });
    expect(sqliteDialect.returningId(insert(lite)).compile().sql).not.toContain('returning');
    expect(postgresDialect.returningId(insert(pg)).compile().sql).toMatch(/returning id as "id"$/);
  });

  it('give migrations the DDL written for their database', () => {
    expect(sqliteDialect.migration.choose({ sqlite: 1, postgres: 2 })).toBe(1);
    expect(postgresDialect.migration.choose({ sqlite: 1, postgres: 2 })).toBe(2);
    expect(postgresDialect.migration.types.binary).toBe('bytea');
  });
});
