import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../database';
import { checkpointerOf } from './sqlite';
import { WRITER_CHECKPOINT_PAGES } from './sqlite-checkpoints';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-checkpoints-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const until = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
};

async function fill(handle: ReturnType<typeof createDatabase>, rows: number) {
  await sql`create table if not exists filler (id integer primary key, text text not null)`.execute(
    handle.db,
  );
  for (let i = 0; i < rows; i += 100)
    await handle.db.transaction().execute(async (trx) => {
      for (let k = 0; k < 100; k++)
        await sql`insert into filler (text) values (${'x'.repeat(500)})`.execute(trx);
    });
}

describe('background checkpoints (SQLite)', () => {
  it('copy the log into the file on a thread of its own; the writer only checkpoints past a large log', async () => {
    const handle = createDatabase(
      { dialect: 'sqlite', filename: path.join(dir, 'background.db') },
      { backgroundCheckpoints: true },
    );
    const checkpointer = checkpointerOf(handle.db);
    expect(checkpointer).toBeDefined();
    const writerPages = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(
      handle.db,
    );
    expect(writerPages.rows[0]?.wal_autocheckpoint).toBe(WRITER_CHECKPOINT_PAGES);
    await fill(handle, 2_000);
    await until(() => (checkpointer?.last?.checkpointed ?? 0) > 0);
    expect(checkpointer?.last?.checkpointed).toBeGreaterThan(0);
    // Everything committed reads back while the thread copies, and after the handle closes.
    const counted = await sql<{ n: number }>`select count(*) as n from filler`.execute(handle.db);
    expect(counted.rows[0]?.n).toBe(2_000);
    await handle.destroy();
    const again = createDatabase({ dialect: 'sqlite', filename: path.join(dir, 'background.db') });
    const reread = await sql<{ n: number }>`select count(*) as n from filler`.execute(again.db);
    expect(reread.rows[0]?.n).toBe(2_000);
    await again.destroy();
  });

  it('are not started unless asked for, nor for a database in memory', async () => {
    const plain = createDatabase({ dialect: 'sqlite', filename: path.join(dir, 'plain.db') });
    expect(checkpointerOf(plain.db)).toBeUndefined();
    const pages = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(plain.db);
    expect(pages.rows[0]?.wal_autocheckpoint).toBe(1000);
    await plain.destroy();
    const memory = createDatabase(
      { dialect: 'sqlite', filename: ':memory:' },
      { backgroundCheckpoints: true },
    );
    expect(checkpointerOf(memory.db)).toBeUndefined();
    await memory.destroy();
  });

  it('leave the writer checkpointing as before when the thread stops', async () => {
    const handle = createDatabase(
      { dialect: 'sqlite', filename: path.join(dir, 'stopped.db') },
      { backgroundCheckpoints: true },
    );
    await checkpointerOf(handle.db)?.stop();
    const pages = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db);
    expect(pages.rows[0]?.wal_autocheckpoint).toBe(1000);
    await handle.destroy();
  });
});
