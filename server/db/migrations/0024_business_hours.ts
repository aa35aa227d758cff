import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Business-hours calendars: a time zone, weekly opening hours (JSON: [{day, start, end}], an end
 * at or before the start runs past midnight) and holidays, once or every year. One calendar is
 * the default; service-level clocks run on a calendar's open time.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('business_calendars'), dialect)
    .addColumn('name', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('timezone', 'varchar(64)', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hours', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('business_holidays'), dialect)
    .addColumn('calendar_id', 'integer', (c) =>
      c.notNull().references('business_calendars.id').onDelete('cascade'),
    )
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('yearly', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('business_holidays_calendar_idx')
    .on('business_holidays')
    .columns(['calendar_id', 'date'])
    .execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('business_holidays').ifExists().execute();
  await db.schema.dropTable('business_calendars').ifExists().execute();
}

export const migration0024: Migration = { name: '0024_business_hours', up, down };
