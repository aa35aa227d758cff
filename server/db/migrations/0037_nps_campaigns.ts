import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * NPS campaigns: the settings (one row: company name, frequency cap, link lifetime), the
 * campaigns with their segment and schedule, one recipient row per customer per run (its link
 * token kept only as a hash, its answer beside it), and the customers who unsubscribed from
 * campaigns.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('nps_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('company', 'varchar(80)', (c) => c.notNull())
    .addColumn('cap_days', 'integer', (c) => c.notNull())
    .addColumn('link_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('nps_campaigns'), dialect)
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('question', 'varchar(300)', (c) => c.notNull())
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('cadence', 'varchar(12)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('next_run_at', t.timestamp)
    .addColumn('last_run_at', t.timestamp)
    .addColumn('runs', 'integer', (c) => c.notNull())
    .addColumn('skipped_cap', 'integer', (c) => c.notNull())
    .addColumn('skipped_unsubscribed', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('nps_campaigns_due_idx')
    .on('nps_campaigns')
    .columns(['status', 'next_run_at'])
    .execute();
  await withId(db.schema.createTable('nps_recipients'), dialect)
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('nps_campaigns.id').onDelete('cascade'),
    )
    .addColumn('run', 'integer', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('sent_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('answered_at', t.timestamp)
    .addColumn('updated_at', t.timestamp)
    .addUniqueConstraint('nps_recipients_once', ['campaign_id', 'run', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('nps_recipients_customer_idx')
    .on('nps_recipients')
    .columns(['customer_id', 'sent_at'])
    .execute();
  await db.schema
    .createIndex('nps_recipients_answered_idx')
    .on('nps_recipients')
    .columns(['campaign_id', 'answered_at'])
    .execute();
  await db.schema
    .createTable('nps_optouts')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('source', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
}

async function down(db: Kysely<unknown>) {
  for (const table of ['nps_optouts', 'nps_recipients', 'nps_campaigns', 'nps_settings'])
    await db.schema.dropTable(table).ifExists().execute();
}

export const migration0037: Migration = { name: '0037_nps_campaigns', up, down };
