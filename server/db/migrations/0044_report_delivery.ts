import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Reports that leave the app:
 * - `report_shares`: read-only links to one report with its filters frozen, kept by the hash of
 *   their token only, with an expiry and a revocation time;
 * - `report_schedules`: a report mailed on a cadence (daily, weekly on a weekday, monthly on a day)
 *   at an hour of the department's time zone, to staff and plain addresses;
 * - `report_schedule_runs`: each send; the unique (schedule, period) row is the claim that makes
 *   a period's send happen once across nodes (test sends have no period);
 * - `mail_outbox.files`: files built for a mail (a report's CSV), kept with it until it is sent.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('report_shares'), dialect)
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('report', 'varchar(24)', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('label', 'varchar(80)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', t.timestamp)
    .execute();
  await db.schema.createIndex('report_shares_created_idx').on('report_shares').column('created_at').execute();

  await withId(db.schema.createTable('report_schedules'), dialect)
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('report', 'varchar(24)', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('cadence', 'varchar(8)', (c) => c.notNull())
    .addColumn('weekday', 'integer')
    .addColumn('month_day', 'integer')
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('user_ids', 'text', (c) => c.notNull())
    .addColumn('emails', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('next_run_at', t.timestamp)
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_schedules_due_idx')
    .on('report_schedules')
    .columns(['active', 'next_run_at'])
    .execute();

  await withId(db.schema.createTable('report_schedule_runs'), dialect)
    .addColumn('schedule_id', 'integer', (c) =>
      c.notNull().references('report_schedules.id').onDelete('cascade'),
    )
    .addColumn('period_key', 'varchar(10)')
    .addColumn('status', 'varchar(8)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('period_from', 'varchar(10)')
    .addColumn('period_to', 'varchar(10)')
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    .addUniqueConstraint('report_schedule_runs_period_unique', ['schedule_id', 'period_key'])
    .execute();
  await db.schema
    .createIndex('report_schedule_runs_retry_idx')
    .on('report_schedule_runs')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('report_schedule_runs_schedule_idx')
    .on('report_schedule_runs')
    .columns(['schedule_id', 'id'])
    .execute();

  await db.schema.alterTable('mail_outbox').addColumn('files', 'text').execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.alterTable('mail_outbox').dropColumn('files').execute();
  for (const table of ['report_schedule_runs', 'report_schedules', 'report_shares'])
    await db.schema.dropTable(table).ifExists().execute();
}

export const migration0044: Migration = { name: '0044_report_delivery', up, down };
