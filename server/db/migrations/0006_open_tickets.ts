import { type Kysely, sql } from 'kysely';
import type { Dialect, Migration } from './helpers';

/**
 * Queues show open tickets (new, open, pending, on hold) sorted by time. A flag kept with the
 * status lets an index hand them over in order, instead of sorting every open ticket of a team.
 */
async function up(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema
    .alterTable('tickets')
    .addColumn('is_open', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update tickets set is_open = case when status in ('new', 'open', 'pending', 'on_hold') then 1 else 0 end`.execute(
    db,
  );
  await db.schema
    .createIndex('tickets_team_open_idx')
    .on('tickets')
    .columns(['team_id', 'is_open', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('tickets_assignee_open_idx')
    .on('tickets')
    .columns(['assignee_id', 'is_open', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('tickets_assignee_open_created_idx')
    .on('tickets')
    .columns(['assignee_id', 'is_open', 'created_at', 'id'])
    .execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('tickets_assignee_open_created_idx').ifExists().execute();
  await db.schema.dropIndex('tickets_assignee_open_idx').ifExists().execute();
  await db.schema.dropIndex('tickets_team_open_idx').ifExists().execute();
  await db.schema.alterTable('tickets').dropColumn('is_open').execute();
}

export const migration0006: Migration = { name: '0006_open_tickets', up, down };
