import { type Kysely, sql } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Triggers (ordered rules run on every ticket change), time-based automations (rules a periodic
 * job runs), the claims that make an automation act on a ticket once per matching period
 * (unique on rule, ticket and period), and a revision that moves with every change of the rules
 * so each node reloads its compiled copy. The auto-close setting becomes the default automation
 * "solved for N days: close" (its days stay the setting `tickets.autoCloseDays`).
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('triggers'), dialect)
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('run_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('fired_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_fired_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('automations'), dialect)
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull().defaultTo('custom'))
    /** Set on the default automations only (one of each): `auto_close`. */
    .addColumn('system_key', 'varchar(20)', (c) => c.unique())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('acted_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_run_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('automation_claims'), dialect)
    .addColumn('automation_id', 'integer', (c) =>
      c.notNull().references('automations.id').onDelete('cascade'),
    )
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('period_key', 'varchar(40)', (c) => c.notNull())
    .addColumn('acted_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('automation_claims_once')
    .on('automation_claims')
    .columns(['automation_id', 'ticket_id', 'period_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('automation_claims_ticket_idx')
    .on('automation_claims')
    .column('ticket_id')
    .execute();
  await db.schema
    .createTable('automation_revisions')
    .addColumn('name', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  const revision = () => Math.floor(Math.random() * 2 ** 31);
  await sql`insert into automation_revisions (name, revision) values ('triggers', ${revision()}), ('automations', ${revision()})`.execute(
    db,
  );
  const now = new Date().toISOString();
  const setting = await sql<{
    value: string;
  }>`select value from settings where key = 'tickets.autoCloseDays'`.execute(db);
  const days = Number(setting.rows[0]?.value);
  const hours = (Number.isInteger(days) && days > 0 ? days : 4) * 24;
  const conditions = JSON.stringify({
    all: [
      { field: 'status', operator: 'is', value: 'solved' },
      { field: 'hours_since_solved', operator: 'at_least', value: hours, businessHours: false },
    ],
    any: [],
  });
  const actions = JSON.stringify([{ type: 'set', field: 'status', value: 'closed' }]);
  await sql`insert into automations (name, active, position, kind, system_key, conditions, actions, acted_count, created_at, updated_at)
    values ('Close solved tickets', 1, 1, 'auto_close', 'auto_close', ${conditions}, ${actions}, 0, ${now}, ${now})`.execute(
    db,
  );
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('automation_claims').ifExists().execute();
  await db.schema.dropTable('automation_revisions').ifExists().execute();
  await db.schema.dropTable('automations').ifExists().execute();
  await db.schema.dropTable('triggers').ifExists().execute();
}

export const migration0035: Migration = { name: '0035_automation', up, down };
