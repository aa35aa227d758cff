import type { Kysely } from 'kysely';
import type { Migration } from './helpers';

/**
 * Tickets by team and creation time, in place of `tickets_created_idx` (0042): that index was
 * (created_at, id), which `tickets_created_sort_idx` (0009: created_at, id, version) already
 * serves, while reads of one team's tickets of a period (the pain-point report by tag, the board's
 * incoming of a lead's teams) walked every team's tickets of the period. The table keeps the same
 * number of indexes, so opening a ticket costs the same.
 */
async function up(db: Kysely<unknown>) {
  await db.schema.dropIndex('tickets_created_idx').ifExists().execute();
  await db.schema
    .createIndex('tickets_team_created_idx')
    .on('tickets')
    .columns(['team_id', 'created_at'])
    .execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('tickets_team_created_idx').ifExists().execute();
  await db.schema.createIndex('tickets_created_idx').on('tickets').columns(['created_at', 'id']).execute();
}

export const migration0048: Migration = { name: '0048_team_created_index', up, down };
