import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Satisfaction surveys: the settings (one row), the managed list of reasons a customer can
 * give, one survey per solved ticket (scheduled, then sent with a link whose token is kept only
 * as a hash), and its answer, which keeps who solved the ticket and where it came from so the
 * feedback inbox filters without reading the tickets.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('survey_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('scale', 'varchar(8)', (c) => c.notNull())
    .addColumn('ask_effort', 'integer', (c) => c.notNull())
    .addColumn('delay_minutes', 'integer', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('types', 'text', (c) => c.notNull())
    .addColumn('team_ids', 'text', (c) => c.notNull())
    .addColumn('change_days', 'integer', (c) => c.notNull())
    .addColumn('link_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('survey_reasons'), dialect)
    .addColumn('label', 'varchar(80)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('surveys'), dialect)
    .addColumn('ticket_id', 'integer', (c) =>
      c.notNull().unique().references('tickets.id').onDelete('cascade'),
    )
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('agent_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('team_id', 'integer', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('scale', 'varchar(8)', (c) => c.notNull())
    .addColumn('ask_effort', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.unique())
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .addColumn('expires_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('surveys_due_idx').on('surveys').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('surveys_sent_idx').on('surveys').columns(['sent_at']).execute();
  await withId(db.schema.createTable('survey_answers'), dialect)
    .addColumn('survey_id', 'integer', (c) =>
      c.notNull().unique().references('surveys.id').onDelete('cascade'),
    )
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('agent_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('team_id', 'integer', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('category_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('scale', 'varchar(8)', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('positive', 'integer', (c) => c.notNull())
    .addColumn('effort', 'integer')
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('reason_id', 'integer', (c) => c.references('survey_reasons.id').onDelete('set null'))
    .addColumn('answered_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('survey_answers_answered_idx')
    .on('survey_answers')
    .columns(['answered_at'])
    .execute();
  await db.schema
    .createIndex('survey_answers_agent_idx')
    .on('survey_answers')
    .columns(['agent_id', 'answered_at'])
    .execute();
  await db.schema
    .createIndex('survey_answers_team_idx')
    .on('survey_answers')
    .columns(['team_id', 'answered_at'])
    .execute();
  await db.schema
    .createIndex('survey_answers_customer_idx')
    .on('survey_answers')
    .columns(['customer_id', 'answered_at'])
    .execute();
}

async function down(db: Kysely<unknown>) {
  for (const table of ['survey_answers', 'surveys', 'survey_reasons', 'survey_settings'])
    await db.schema.dropTable(table).ifExists().execute();
}

export const migration0036: Migration = { name: '0036_feedback', up, down };
