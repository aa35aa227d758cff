import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Goals: a report KPI with a target over a period (dates, whole days), owned by the department,
 * a team or an agent. `last_trajectory` is what the hourly evaluation last found, so managers
 * are told once when a goal goes at risk (the evaluation claims the change on the row).
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('goals'), dialect)
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kpi', 'varchar(32)', (c) => c.notNull())
    .addColumn('target', 'double precision', (c) => c.notNull())
    .addColumn('period_kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('period_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('period_to', 'varchar(10)', (c) => c.notNull())
    .addColumn('owner_kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('team_id', 'integer', (c) => c.references('teams.id').onDelete('cascade'))
    .addColumn('agent_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('last_trajectory', 'varchar(12)')
    .addColumn('evaluated_at', t.timestamp)
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goals_period_idx').on('goals').columns(['period_to', 'period_from']).execute();
  await db.schema.createIndex('goals_team_idx').on('goals').columns(['team_id']).execute();
  await db.schema.createIndex('goals_agent_idx').on('goals').columns(['agent_id']).execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('goals').ifExists().execute();
}

export const migration0043: Migration = { name: '0043_goals', up, down };
