import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Closing the feedback loop: each answer's sentiment (AFINN score, comparative score and label;
 * null until scored, which the feedback module's job does for answers recorded before this), the
 * managed themes and their keyword rules, the themes an answer is tagged with (by hand or by a
 * rule), the follow-up task a negative answer opens (one per answer source, unique on its kind
 * and id) with its history, the follow-up settings, and indexes for the inbox filters.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await db.schema.alterTable('survey_answers').addColumn('sentiment_score', 'integer').execute();
  await db.schema.alterTable('survey_answers').addColumn('sentiment_comparative', 'real').execute();
  await db.schema.alterTable('survey_answers').addColumn('sentiment', 'varchar(8)').execute();
  for (const column of ['sentiment', 'category_id', 'organization_id', 'channel'])
    await db.schema
      .createIndex(`survey_answers_${column}_idx`)
      .on('survey_answers')
      .columns([column, 'answered_at'])
      .execute();

  await withId(db.schema.createTable('feedback_themes'), dialect)
    .addColumn('name', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('feedback_theme_rules'), dialect)
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('feedback_themes.id').onDelete('cascade'))
    .addColumn('phrases', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('survey_answer_themes')
    .addColumn('answer_id', 'integer', (c) => c.notNull().references('survey_answers.id').onDelete('cascade'))
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('feedback_themes.id').onDelete('cascade'))
    .addColumn('source', 'varchar(8)', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_answer_themes_pk', ['answer_id', 'theme_id'])
    .execute();
  await db.schema
    .createIndex('survey_answer_themes_theme_idx')
    .on('survey_answer_themes')
    .columns(['theme_id', 'answer_id'])
    .execute();

  await db.schema
    .createTable('follow_up_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('due_hours', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('follow_ups'), dialect)
    .addColumn('source_kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('team_id', 'integer', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('owner_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('summary', 'varchar(200)', (c) => c.notNull())
    .addColumn('state', 'varchar(10)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(16)')
    .addColumn('outcome_note', 'text', (c) => c.notNull())
    .addColumn('contact_ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('follow_ups_source_unique', ['source_kind', 'source_id'])
    .execute();
  await db.schema.createIndex('follow_ups_state_idx').on('follow_ups').columns(['state', 'due_at']).execute();
  await db.schema
    .createIndex('follow_ups_owner_idx')
    .on('follow_ups')
    .columns(['owner_id', 'state'])
    .execute();
  await db.schema.createIndex('follow_ups_team_idx').on('follow_ups').columns(['team_id', 'state']).execute();
  await db.schema
    .createIndex('follow_ups_contact_idx')
    .on('follow_ups')
    .columns(['contact_ticket_id'])
    .execute();
  await db.schema.createIndex('follow_ups_ticket_idx').on('follow_ups').columns(['ticket_id']).execute();
  await withId(db.schema.createTable('follow_up_events'), dialect)
    .addColumn('follow_up_id', 'integer', (c) => c.notNull().references('follow_ups.id').onDelete('cascade'))
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'varchar(12)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(10)')
    .addColumn('to_state', 'varchar(10)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(16)')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('follow_up_events_follow_up_idx')
    .on('follow_up_events')
    .columns(['follow_up_id', 'at'])
    .execute();
}

async function down(db: Kysely<unknown>) {
  for (const table of [
    'follow_up_events',
    'follow_ups',
    'follow_up_settings',
    'survey_answer_themes',
    'feedback_theme_rules',
    'feedback_themes',
  ])
    await db.schema.dropTable(table).ifExists().execute();
  for (const column of ['sentiment', 'category_id', 'organization_id', 'channel'])
    await db.schema.dropIndex(`survey_answers_${column}_idx`).ifExists().execute();
  for (const column of ['sentiment', 'sentiment_comparative', 'sentiment_score'])
    await db.schema.alterTable('survey_answers').dropColumn(column).execute();
}

export const migration0038: Migration = { name: '0038_feedback_loop', up, down };
