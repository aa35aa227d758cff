import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from './database';
import { localWritesTo, writeCounts, writtenTable } from './write-counts';

describe('written tables', () => {
  it('names the table an insert, update or delete writes', () => {
    expect(writtenTable('insert into "tickets" ("subject") values (?)')).toBe('tickets');
    expect(writtenTable('insert or replace into change_epochs (name, value) values (?, ?)')).toBe(
      'change_epochs',
    );
    expect(writtenTable('update "tickets" set "version" = "version" + 1 where "id" = ?')).toBe('tickets');
    expect(writtenTable('UPDATE OR IGNORE tickets SET x = 1')).toBe('tickets');
    expect(writtenTable('delete from "tickets" where "id" in (?, ?)')).toBe('tickets');
    expect(writtenTable('  replace into users values (1)')).toBe('users');
    expect(writtenTable('insert into "main"."tickets" ("subject") values (?)')).toBe('tickets');
    expect(writtenTable('delete from main.tickets')).toBe('tickets');
  });

  it('writes nothing for reads and transaction control, and any table for the rest', () => {
    for (const text of [
      'select * from "tickets"',
      'begin',
      'commit',
      'savepoint a',
      'release a',
      'pragma foreign_keys = on',
    ])
      expect(writtenTable(text)).toBeNull();
    expect(writtenTable('create table x (id integer)')).toBe('*');
    expect(writtenTable('with moved as (select 1) update tickets set x = 1')).toBe('*');
    expect(writtenTable('drop table tickets')).toBe('*');
    // A rollback undoes writes already counted.
    expect(writtenTable('rollback')).toBe('*');
    expect(writtenTable('rollback to "group_item"')).toBe('*');
  });

  it('counts a table’s writes and the writes that may touch any table', () => {
    const counts = writeCounts();
    counts.count('tickets');
    counts.count('users');
    expect(counts.of('tickets')).toBe(1);
    counts.count('*');
    expect(counts.of('tickets')).toBe(2);
    expect(counts.of('messages')).toBe(1);
  });
});

describe('write counts of a SQLite handle', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-writes-'));
  const handle = createDatabase({ dialect: 'sqlite', filename: path.join(dir, 'w.db') });
  afterAll(async () => {
    await handle.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts every statement that writes a table, whoever builds it, and no reads', async () => {
    const db = handle.db;
    await sql`create table notes (id integer primary key, body text)`.execute(db);
    const before = localWritesTo(db, 'notes')!;
    await sql`insert into notes (body) values (${'a'})`.execute(db);
    await sql`update notes set body = ${'b'}`.execute(db);
    await sql`insert into notes (body) values (${'c'}) returning id`.execute(db);
    await sql`select * from notes`.execute(db);
    expect(localWritesTo(db, 'notes')).toBe(before + 3);
    await db.transaction().execute(async (trx) => {
      // A transaction's handle has no counts of its own: a reader inside it must not rely on them.
      expect(localWritesTo(trx, 'notes')).toBeNull();
      await sql`delete from notes`.execute(trx);
    });
    expect(localWritesTo(db, 'notes')).toBe(before + 4);
  });

  it('has no counts on PostgreSQL', async () => {
    const pgHandle = createDatabase({ dialect: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' });
    expect(localWritesTo(pgHandle.db, 'notes')).toBeNull();
    await pgHandle.destroy();
  });
});
