import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Kept queue pages and rendered rows are right only while every write to `tickets` moves the
 * row's `version` and is seen by the write counts (ADR 0008, 0011). One function writes the
 * table (`updateTickets`, next to the one insert in the tickets repository); this fails on any
 * other statement in the server that writes it. Migrations and tests are left out: tests write
 * behind the application's back on purpose, to check that such writes are seen too.
 */
const root = path.resolve(import.meta.dirname, '../..');

const WRITES = [
  { what: "updateTable('tickets')", pattern: /\bupdateTable\(\s*['"`]tickets(?:\s+as\s+\w+)?['"`]/g },
  { what: "insertInto('tickets')", pattern: /\binsertInto\(\s*['"`]tickets['"`]/g },
  { what: 'raw update tickets', pattern: /\bupdate\s+(?:or\s+\w+\s+)?"?tickets"?\s+(?:as\s+\w+\s+)?set\b/gi },
  {
    what: 'raw insert into tickets',
    pattern: /\b(?:insert(?:\s+or\s+\w+)?|replace)\s+into\s+"?tickets"?[\s(]/gi,
  },
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return /\.(ts|mts|js|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

interface Write {
  file: string;
  line: number;
  what: string;
}

function writesIn(file: string): Write[] {
  const text = fs.readFileSync(file, 'utf8');
  return WRITES.flatMap(({ what, pattern }) =>
    [...text.matchAll(pattern)].map((m) => ({
      file: path.relative(root, file),
      line: text.slice(0, m.index).split('\n').length,
      what,
    })),
  );
}

const files = sourceFiles(path.join(root, 'server'));
const writerFile = files.find((f) => /export function updateTickets\(/.test(fs.readFileSync(f, 'utf8')));

describe('writes to tickets', () => {
  it('happen only in the tickets repository: its one update (updateTickets) and its one insert', () => {
    expect(writerFile, 'no file defines updateTickets').toBeDefined();
    const writes = files.flatMap(writesIn);
    const elsewhere = writes.filter((w) => w.file !== path.relative(root, writerFile!));
    expect(
      elsewhere.map((w) => `${w.file}:${w.line}: ${w.what}; change tickets through updateTickets instead`),
    ).toEqual([]);
    const own = writes.filter((w) => !elsewhere.includes(w)).map((w) => w.what);
    expect(own.sort()).toEqual(["insertInto('tickets')", "updateTable('tickets')"]);
  });

  it('finds the writes it is meant to find', () => {
    const samples = [
      "db.updateTable('tickets').set({ subject: 'x' })",
      'db.updateTable("tickets as t")',
      "trx.insertInto('tickets').values(row)",
      "sql`update tickets set subject = 'x' where id = 1`",
      'sql`UPDATE "tickets" SET status = 1`',
      'sql`insert into tickets (id) values (1)`',
    ];
    for (const sample of samples)
      expect(
        WRITES.some(({ pattern }) => new RegExp(pattern).test(sample)),
        sample,
      ).toBe(true);
    for (const harmless of [
      "db.updateTable('ticket_tags')",
      "summary: 'Bulk-update tickets (assignee, team)'",
    ])
      expect(
        WRITES.some(({ pattern }) => new RegExp(pattern).test(harmless)),
        harmless,
      ).toBe(false);
  });
});
