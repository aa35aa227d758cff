import { type Kysely, sql } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Service levels (ADR 0021):
 * - `sla_policies`: ordered; the first whose conditions (JSON) match a ticket applies; targets
 *   per priority (JSON), the calendar they count in, the statuses that pause them, when to warn
 *   and what a breach does;
 * - `ticket_sla`: a ticket's clocks (JSON) under its policy, and the next moment the sweep must
 *   look at it (`next_check_at`, indexed); `revision` lets one node claim a row;
 * - `sla_events`: the clocks' append-only history;
 * - on `tickets`, the clock that runs out next, so lists sort ("breaches next") and filter
 *   ("breached") through an index. The sort expression is the queue repository's, word for word
 *   (as in 0009), and the version comes last so a page's keys come from the index alone.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('sla_policies'), dialect)
    .addColumn('name', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('description', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('conditions', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('targets', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('calendar_id', 'integer', (c) => c.references('business_calendars.id').onDelete('set null'))
    .addColumn('pause_on', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('warn_percent', 'integer', (c) => c.notNull().defaultTo(75))
    .addColumn('raise_priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalate_team_id', 'integer', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ticket_sla')
    .addColumn('ticket_id', 'integer', (c) => c.primaryKey().references('tickets.id').onDelete('cascade'))
    .addColumn('policy_id', 'integer', (c) => c.references('sla_policies.id').onDelete('set null'))
    .addColumn('clocks', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('next_check_at', t.timestamp)
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ticket_sla_check_idx').on('ticket_sla').columns(['next_check_at']).execute();

  await withId(db.schema.createTable('sla_events'), dialect)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('metric', 'varchar(32)')
    .addColumn('policy_id', 'integer', (c) => c.references('sla_policies.id').onDelete('set null'))
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sla_events_ticket_idx')
    .on('sla_events')
    .columns(['ticket_id', 'id'])
    .execute();

  await db.schema.alterTable('tickets').addColumn('sla_metric', 'varchar(32)').execute();
  await db.schema.alterTable('tickets').addColumn('sla_due_at', t.timestamp).execute();
  await db.schema.alterTable('tickets').addColumn('sla_warn_at', t.timestamp).execute();
  await db.schema.alterTable('notifications').addColumn('detail', 'varchar(120)').execute();
  await sql`create index tickets_sla_due_sort_idx on tickets ((${sql.raw(slaDueSort)}), id, version)`.execute(
    db,
  );
}

const slaDueSort = `coalesce(sla_due_at, '9999-12-31T00:00:00.000Z')`;

async function down(db: Kysely<unknown>) {
  await sql`drop index if exists tickets_sla_due_sort_idx`.execute(db);
  await db.schema.alterTable('notifications').dropColumn('detail').execute();
  for (const column of ['sla_warn_at', 'sla_due_at', 'sla_metric'])
    await db.schema.alterTable('tickets').dropColumn(column).execute();
  await db.schema.dropTable('sla_events').ifExists().execute();
  await db.schema.dropTable('ticket_sla').ifExists().execute();
  await db.schema.dropTable('sla_policies').ifExists().execute();
}

export const migration0025: Migration = { name: '0025_sla', up, down };
