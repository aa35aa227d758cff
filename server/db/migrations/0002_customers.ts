import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/** The people and companies the department serves. Tickets and the portal build on these. */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('organizations'), dialect)
    .addColumn('name', 'varchar(160)', (c) => c.notNull().unique())
    .addColumn('domains', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('customers'), dialect)
    .addColumn('email', 'varchar(254)', (c) => c.unique())
    .addColumn('name', 'varchar(160)', (c) => c.notNull())
    .addColumn('phone', 'varchar(40)')
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('timezone', 'varchar(64)')
    .addColumn('language', 'varchar(16)')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_org_idx').on('customers').column('organization_id').execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('customers').ifExists().execute();
  await db.schema.dropTable('organizations').ifExists().execute();
}

export const migration0002: Migration = { name: '0002_customers', up, down };
