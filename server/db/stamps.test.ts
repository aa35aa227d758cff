import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from './database';
import { tablesStamp } from './stamps';

describe('table stamps (SQLite)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-stamps-'));
  const file = path.join(dir, 's.db');
  const handle = createDatabase({ dialect: 'sqlite', filename: file });
  afterAll(async () => {
    await handle.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('move with this process’s writes and with another connection’s commits', async () => {
    const db = handle.db;
    await sql`create table rules (id integer primary key, body text)`.execute(db);
    const first = await tablesStamp(db, ['rules']);
    expect(first).not.toBeNull();
    expect(await tablesStamp(db, ['rules'])).toBe(first);
    await sql`insert into rules (body) values (${'a'})`.execute(db);
    const second = await tablesStamp(db, ['rules']);
    expect(second).not.toBe(first);
    const other = createDatabase({ dialect: 'sqlite', filename: file });
    await sql`insert into rules (body) values (${'b'})`.execute(other.db);
    await other.destroy();
    expect(await tablesStamp(db, ['rules'])).not.toBe(second);
  });

  it('inside a transaction: only when asked, counting its own writes, and a rollback moves them all', async () => {
    const db = handle.db;
    const before = await tablesStamp(db, ['rules']);
    const seen: (string | null)[] = [];
    await expect(
      db.transaction().execute(async (trx) => {
        expect(await tablesStamp(trx, ['rules'])).toBeNull();
        seen.push(await tablesStamp(trx, ['rules'], { withinTransactions: true }));
        expect(seen[0]).toBe(before);
        await sql`insert into rules (body) values (${'uncommitted'})`.execute(trx);
        seen.push(await tablesStamp(trx, ['rules'], { withinTransactions: true }));
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(seen[1]).not.toBe(seen[0]);
    // What was read after the insert must not pass for the state after the rollback…
    const after = await tablesStamp(db, ['rules']);
    expect(after).not.toBe(seen[1]);
    // …nor may what was read before the transaction (a rollback moves every table's stamp).
    expect(after).not.toBe(before);
    expect(await tablesStamp(db, ['unrelated'])).not.toBeNull();
  });

  it('keep the other connections’ commits a transaction saw for as long as it is open', async () => {
    const db = handle.db;
    await db.transaction().execute(async (trx) => {
      const a = await tablesStamp(trx, ['rules'], { withinTransactions: true });
      const b = await tablesStamp(trx, ['rules'], { withinTransactions: true });
      expect(b).toBe(a);
    });
  });

  it('are null on PostgreSQL', async () => {
    const pg = createDatabase({ dialect: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' });
    expect(await tablesStamp(pg.db, ['rules'], { withinTransactions: true })).toBeNull();
    await pg.destroy();
  });
});
