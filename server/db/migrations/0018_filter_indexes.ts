import { type Kysely, sql } from 'kysely';
import type { Dialect, Migration } from './helpers';

/**
 * Filters and sorts the Inbox offers that read columns no index served (migration 0009 holds the
 * others):
 * - the category: a filter of its own, and deleting a category cleared its tickets by reading
 *   the whole table;
 * - when a ticket was solved: "Recently solved" is the last 7 days of it;
 * - the status as a rank, to sort by (the expression is the repository's, word for word, like
 *   0009's; the version comes last so a page's keys come from the index alone, ADR 0008).
 * The rest (type, channel, files, custom fields) have few values or live outside the row; reads
 * filtered by them run with a time limit instead (server/modules/queues, ADR 0019).
 */
async function up(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema
    .createIndex('tickets_category_idx')
    .on('tickets')
    .columns(['category_id', 'updated_at', 'id'])
    .execute();
  await db.schema.createIndex('tickets_solved_idx').on('tickets').columns(['solved_at', 'id']).execute();
  await sql`create index tickets_status_rank_idx on tickets ((${sql.raw(statusRank)}), id, version)`.execute(
    db,
  );
}

const statusRank = `case status when 'new' then 1 when 'open' then 2 when 'pending' then 3 when 'on_hold' then 4 when 'solved' then 5 else 6 end`;

async function down(db: Kysely<unknown>, _dialect: Dialect) {
  for (const name of ['tickets_status_rank_idx', 'tickets_solved_idx', 'tickets_category_idx'])
    await sql`drop index if exists ${sql.id(name)}`.execute(db);
}

export const migration0018: Migration = { name: '0018_filter_indexes', up, down };
