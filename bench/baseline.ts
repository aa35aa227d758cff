// The bare baseline: plain Fastify + better-sqlite3, no validation, auth or audit.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-baseline-'));
const db = new SQLite(path.join(dir, 'baseline.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(
  'create table items (id integer primary key autoincrement, name text not null, created_at text not null)',
);
const insertRow = db.prepare('insert into items (name, created_at) values (?, ?)');
for (let i = 0; i < 2000; i += 1) insertRow.run(`item ${i}`, new Date().toISOString());
const page = db.prepare('select * from items order by id desc limit 50');

const app = Fastify();
app.post('/items', async (req) => {
  const body = req.body as { name: string };
  const info = insertRow.run(body.name, new Date().toISOString());
  return { id: Number(info.lastInsertRowid) };
});
app.get('/items', async () => ({ data: page.all() }));
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.send?.('ready');
process.on('SIGTERM', () => {
  void app.close().then(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
