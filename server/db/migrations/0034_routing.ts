import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Routing: each team's assignment method and its round-robin cursor, each agent's capacity per
 * channel and skill levels, agents' presence, the log of routing decisions, and the
 * unassigned-ticket alerts already raised (one per ticket).
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('team_routing')
    .addColumn('team_id', 'integer', (c) => c.primaryKey().references('teams.id').onDelete('cascade'))
    .addColumn('method', 'varchar(16)', (c) => c.notNull().defaultTo('manual'))
    .addColumn('redistribute_offline', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('alert_after_minutes', 'integer')
    .addColumn('cursor_user_id', 'integer')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('agent_routing')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('capacity', 'varchar(400)', (c) => c.notNull().defaultTo('{}'))
    .addColumn('skill_levels', 'varchar(4000)', (c) => c.notNull().defaultTo('{}'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('agent_presence')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('status', 'varchar(8)', (c) => c.notNull())
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('changed_at', t.timestamp, (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('routing_log'), dialect)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('team_id', 'integer', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('method', 'varchar(16)', (c) => c.notNull())
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'varchar(500)', (c) => c.notNull())
    .addColumn('detail', 'varchar(2000)', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('routing_log_ticket_idx')
    .on('routing_log')
    .columns(['ticket_id', 'id'])
    .execute();
  await db.schema.createIndex('routing_log_team_idx').on('routing_log').columns(['team_id', 'id']).execute();
  await db.schema
    .createTable('routing_alerts')
    .addColumn('ticket_id', 'integer', (c) => c.primaryKey().references('tickets.id').onDelete('cascade'))
    .addColumn('team_id', 'integer', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('notified_id', 'integer')
    .addColumn('alerted_at', t.timestamp, (c) => c.notNull())
    .execute();
}

async function down(db: Kysely<unknown>) {
  for (const table of ['routing_alerts', 'routing_log', 'agent_presence', 'agent_routing', 'team_routing'])
    await db.schema.dropTable(table).ifExists().execute();
}

export const migration0034: Migration = { name: '0034_routing', up, down };
