import { type Kysely, sql } from 'kysely';
import type { Dialect, Migration } from './helpers';

/**
 * Queues sorted by priority, due date or creation walk an index instead of sorting every match:
 * at a million tickets, "All tickets" by priority read and sorted the whole table (200 ms warm,
 * half a minute cold) on every page, and by creation 2 s. The expressions are the repository's sort expressions, word for
 * word, so the planners match them (`tickets.test.ts` checks the SQLite plans; the created_at index needs no expression). The version
 * comes last, so a page's keys come from the index alone (ADR 0008).
 */
const indexes: [name: string, expression: string][] = [
  [
    'tickets_priority_rank_idx',
    `case priority when 'urgent' then 4 when 'high' then 3 when 'normal' then 2 else 1 end`,
  ],
  ['tickets_due_sort_idx', `coalesce(due_at, '9999-12-31T00:00:00.000Z')`],
  ['tickets_created_sort_idx', 'created_at'],
];

async function up(db: Kysely<unknown>, _dialect: Dialect) {
  for (const [name, expression] of indexes)
    await sql`create index ${sql.id(name)} on tickets ((${sql.raw(expression)}), id, version)`.execute(db);
}

async function down(db: Kysely<unknown>, _dialect: Dialect) {
  for (const [name] of indexes) await sql`drop index if exists ${sql.id(name)}`.execute(db);
}

export const migration0009: Migration = { name: '0009_sort_indexes', up, down };
