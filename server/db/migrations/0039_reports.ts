import { type Kysely, sql } from 'kysely';
import { columnTypes, type Dialect, type Migration } from './helpers';

/**
 * Reports (issue 16): hourly aggregates folded from ticket and service-level events.
 * - `report_hours`: counters per UTC hour and the report dimensions (0 or '' = none);
 * - `report_durations`: per hour, dimensions, duration metric and log-scale bucket, how many
 *   tickets fell in that bucket (percentiles come from merged buckets, ADR 0022);
 * - `report_ticket_state`: each ticket as the fold last left it (JSON), so the next batch
 *   continues where the previous one stopped;
 * - `report_cursors`: the last ticket and service-level event folded in, moved in the batch's
 *   transaction.
 */
const dims = (t: ReturnType<typeof columnTypes>) =>
  [
    ['hour', t.timestamp],
    ['team_id', 'integer'],
    ['agent_id', 'integer'],
    ['channel', 'varchar(16)'],
    ['category_id', 'integer'],
    ['priority', 'varchar(16)'],
    ['type', 'varchar(16)'],
    ['organization_id', 'integer'],
  ] as const;

const reportCounters = [
  'created',
  'solved',
  'reopened',
  'merged',
  'replies',
  'agent_replies',
  'one_touch',
  'sla_first_reply_achieved',
  'sla_first_reply_breached',
  'sla_next_reply_achieved',
  'sla_next_reply_breached',
  'sla_periodic_update_achieved',
  'sla_periodic_update_breached',
  'sla_resolution_achieved',
  'sla_resolution_breached',
] as const;

async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  let hours = db.schema.createTable('report_hours');
  for (const [name, type] of dims(t)) hours = hours.addColumn(name, type, (c) => c.notNull());
  for (const name of reportCounters)
    hours = hours.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));
  await hours.execute();
  await db.schema
    .createIndex('report_hours_key_idx')
    .on('report_hours')
    .columns(dims(t).map(([name]) => name))
    .unique()
    .execute();

  let durations = db.schema.createTable('report_durations');
  for (const [name, type] of dims(t)) durations = durations.addColumn(name, type, (c) => c.notNull());
  await durations
    .addColumn('metric', 'varchar(24)', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_durations_key_idx')
    .on('report_durations')
    .columns([...dims(t).map(([name]) => name), 'metric', 'bucket'])
    .unique()
    .execute();

  await db.schema
    .createTable('report_ticket_state')
    .addColumn('ticket_id', 'integer', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('report_cursors')
    .addColumn('name', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .execute();
  // The rows exist from the start so a batch can lock them (FOR UPDATE on PostgreSQL).
  await sql`insert into report_cursors (name, last_id) values ('ticket_events', 0), ('sla_events', 0)`.execute(
    db,
  );
}

async function down(db: Kysely<unknown>) {
  for (const table of ['report_cursors', 'report_ticket_state', 'report_durations', 'report_hours'])
    await db.schema.dropTable(table).ifExists().execute();
}

export const migration0039: Migration = { name: '0039_reports', up, down };
