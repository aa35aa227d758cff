import { type Kysely, sql } from 'kysely';
import type { Migration } from './helpers';

/**
 * `tickets_load_idx`: open tickets by assignee with their channel and priority, so an agent's
 * load (their open tickets by channel and priority, which every routing decision reads for each
 * member of the team) is counted from the index alone instead of from each ticket's row (ADR 0027).
 * Partial, like `tickets_board_idx`: only open tickets, and no candidate for reads that compare
 * `is_open` with a parameter.
 */
async function up(db: Kysely<unknown>) {
  await db.schema
    .createIndex('tickets_load_idx')
    .on('tickets')
    .columns(['assignee_id', 'channel', 'priority'])
    .where(sql.ref('is_open'), '=', sql.lit(1))
    .execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('tickets_load_idx').ifExists().execute();
}

export const migration0052: Migration = { name: '0052_tickets_load_idx', up, down };
