import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Macros: a canned reply or note (Markdown with placeholders) and the field changes it makes
 * (`actions`, JSON), seen by its owner (personal), a team's members (team) or everyone (shared);
 * how often it was applied and when last, for cleaning out the unused ones.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('macros'), dialect)
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('description', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('actions', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('visibility', 'varchar(16)', (c) => c.notNull())
    .addColumn('team_id', 'integer', (c) => c.references('teams.id').onDelete('cascade'))
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('usage_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_used_at', t.timestamp)
    .addColumn('created_by_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('macros_owner_idx').on('macros').columns(['owner_id']).execute();
  await db.schema.createIndex('macros_team_idx').on('macros').columns(['team_id']).execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('macros').ifExists().execute();
}

export const migration0033: Migration = { name: '0033_macros', up, down };
