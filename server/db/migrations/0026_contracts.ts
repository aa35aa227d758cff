import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Support contracts of organisations: a plan, the service-level policy its tickets run under,
 * start and end dates (YYYY-MM-DD), what it includes each month, an owner, and when the renewal
 * review is due (`review_days` before the end; `reminded_at` marks the reminder sent, once).
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('contracts'), dialect)
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('plan', 'varchar(80)', (c) => c.notNull())
    .addColumn('sla_policy_id', 'integer', (c) => c.references('sla_policies.id').onDelete('set null'))
    .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('ends_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('entitlement_kind', 'varchar(16)')
    .addColumn('entitlement_per_month', 'integer')
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('review_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('reminded_at', t.timestamp)
    .addColumn('notes', 'varchar(2000)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contracts_org_idx')
    .on('contracts')
    .columns(['organization_id', 'starts_on'])
    .execute();
  await db.schema.createIndex('contracts_ends_idx').on('contracts').columns(['ends_on']).execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('contracts').ifExists().execute();
}

export const migration0026: Migration = { name: '0026_contracts', up, down };
