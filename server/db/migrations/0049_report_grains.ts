import { type Kysely, sql } from 'kysely';
import { columnTypes, type Dialect, type Migration } from './helpers';

const keyColumns = [
  'hour',
  'team_id',
  'agent_id',
  'channel',
  'category_id',
  'priority',
  'type',
  'organization_id',
];

/**
 * The report aggregates kept at several grains (ADR 0025):
 * - `report_hours` and `report_durations` get a `grain` column: `all` rows are the existing ones
 *   (hour and every dimension); `desk`, `team`, `agent`, `type` and `category` (counters only)
 *   rows sum them over the dimensions the grain leaves out (stored as 0 or ''), counters per hour
 *   and durations per UTC day. The unique keys lead with the grain, and (grain, team, agent, hour)
 *   serves the reads of one team or one agent;
 * - `report_activity`: per hour, dimensions (the agent being the one who acted) and ticket, an
 *   agent's replies, solves, changes and minutes of time logged, which the productivity report
 *   reads instead of the events;
 * - the aggregates emptied and the cursors put back, so the consumer folds every event again
 *   into every grain (what `steward reports rebuild` does).
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  for (const table of ['report_hours', 'report_durations'] as const) {
    await db.schema
      .alterTable(table)
      .addColumn('grain', 'varchar(8)', (c) => c.notNull().defaultTo('all'))
      .execute();
    const extra = table === 'report_durations' ? ['metric', 'bucket'] : [];
    await db.schema.dropIndex(`${table}_key_idx`).ifExists().execute();
    await db.schema
      .createIndex(`${table}_key_idx`)
      .on(table)
      .columns(['grain', ...keyColumns, ...extra])
      .unique()
      .execute();
    await db.schema
      .createIndex(`${table}_team_idx`)
      .on(table)
      .columns(['grain', 'team_id', 'agent_id', 'hour'])
      .execute();
  }

  let activity = db.schema
    .createTable('report_activity')
    .addColumn('hour', t.timestamp, (c) => c.notNull())
    .addColumn('team_id', 'integer', (c) => c.notNull())
    .addColumn('agent_id', 'integer', (c) => c.notNull())
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull())
    .addColumn('priority', 'varchar(16)', (c) => c.notNull())
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('organization_id', 'integer', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.notNull());
  for (const name of ['replies', 'solved', 'touches', 'minutes'])
    activity = activity.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));
  await activity.execute();
  await db.schema
    .createIndex('report_activity_key_idx')
    .on('report_activity')
    .columns([...keyColumns, 'ticket_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('report_activity_team_idx')
    .on('report_activity')
    .columns(['team_id', 'hour'])
    .execute();
  await db.schema
    .createIndex('report_activity_agent_idx')
    .on('report_activity')
    .columns(['agent_id', 'hour'])
    .execute();

  for (const name of ['report_hours', 'report_durations', 'report_ticket_state', 'report_dimension_hours'])
    await sql`delete from ${sql.table(name)}`.execute(db);
  await sql`update report_cursors set last_id = 0`.execute(db);
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('report_activity').ifExists().execute();
  for (const table of ['report_hours', 'report_durations'] as const) {
    await sql`delete from ${sql.table(table)} where grain <> 'all'`.execute(db);
    await db.schema.dropIndex(`${table}_team_idx`).ifExists().execute();
    await db.schema.dropIndex(`${table}_key_idx`).ifExists().execute();
    await db.schema
      .createIndex(`${table}_key_idx`)
      .on(table)
      .columns([...keyColumns, ...(table === 'report_durations' ? ['metric', 'bucket'] : [])])
      .unique()
      .execute();
    await db.schema.alterTable(table).dropColumn('grain').execute();
  }
}

export const migration0049: Migration = { name: '0049_report_grains', up, down };
