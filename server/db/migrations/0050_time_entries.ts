import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Time spent on tickets (handle time):
 * - `ticket_time_entries`: minutes a staff member spent on a ticket, with a note, written by
 *   them; each entry logged or removed is also a ticket event (`time_logged`, `time_removed`),
 *   from which the report fold keeps each agent's handle time (`report_activity.minutes`).
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('ticket_time_entries'), dialect)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('note', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ticket_time_entries_ticket_idx')
    .on('ticket_time_entries')
    .columns(['ticket_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('ticket_time_entries_user_idx')
    .on('ticket_time_entries')
    .columns(['user_id', 'created_at'])
    .execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('ticket_time_entries').ifExists().execute();
}

export const migration0050: Migration = { name: '0050_time_entries', up, down };
