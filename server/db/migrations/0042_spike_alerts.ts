import { type Kysely, sql } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Spike alerts (issue 15): a surge in a category's incoming tickets or negative answers, found
 * by the spike job over the hourly aggregates.
 * - `spike_alerts`: one row per surge (category, measure), open until the series has been back
 *   to normal for a few hours; at most one unresolved row per category and measure (a partial
 *   unique index), so a second node or a second run extends the row instead of adding one;
 * - `spike_runs`: the job's runs, one per ten-minute slot (unique), so a run happens once
 *   across nodes;
 * - `tickets_category_created_idx`: a category's tickets by when they came in (the tickets
 *   behind a spike), and `tickets_created_idx`: tickets by when they came in (trends split by tag
 *   or a custom field read a period's tickets, not the whole table). NPS answers by when they came
 *   (the NPS trend) read `nps_recipients_answered_at_idx`, made by migration 0041.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('spike_alerts'), dialect)
    .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id').onDelete('cascade'))
    .addColumn('measure', 'varchar(16)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('started_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
    .addColumn('observed', 'integer', (c) => c.notNull())
    .addColumn('expected', 'real', (c) => c.notNull())
    .addColumn('z', 'real', (c) => c.notNull())
    .addColumn('ticket_ids', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('acknowledged_at', t.timestamp)
    .addColumn('resolved_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('spike_alerts_unresolved_idx')
    .on('spike_alerts')
    .columns(['category_id', 'measure'])
    .unique()
    .where(sql.ref('state'), '<>', sql.lit('resolved'))
    .execute();
  await db.schema
    .createIndex('spike_alerts_started_idx')
    .on('spike_alerts')
    .columns(['started_at'])
    .execute();
  await db.schema
    .createTable('spike_runs')
    .addColumn('slot', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('ran_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tickets_category_created_idx')
    .on('tickets')
    .columns(['category_id', 'created_at'])
    .execute();
  await db.schema.createIndex('tickets_created_idx').on('tickets').columns(['created_at', 'id']).execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('tickets_created_idx').ifExists().execute();
  await db.schema.dropIndex('tickets_category_created_idx').ifExists().execute();
  await db.schema.dropTable('spike_runs').ifExists().execute();
  await db.schema.dropTable('spike_alerts').ifExists().execute();
}

export const migration0042: Migration = { name: '0042_spike_alerts', up, down };
