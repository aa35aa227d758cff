import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration } from './helpers';

/**
 * NPS answers in the feedback inbox: each answered campaign recipient's comment gets the same
 * sentiment columns as a survey answer (null until scored; the feedback module's sentiment job
 * scores the answers recorded before this), the themes an NPS answer is tagged with (by hand or
 * by a rule, the same themes as survey answers), and indexes for the inbox's sentiment and
 * organisation filters.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await db.schema.alterTable('nps_recipients').addColumn('sentiment_score', 'integer').execute();
  await db.schema.alterTable('nps_recipients').addColumn('sentiment_comparative', 'real').execute();
  await db.schema.alterTable('nps_recipients').addColumn('sentiment', 'varchar(8)').execute();
  for (const column of ['sentiment', 'organization_id'])
    await db.schema
      .createIndex(`nps_recipients_${column}_idx`)
      .on('nps_recipients')
      .columns([column, 'answered_at'])
      .execute();
  await db.schema
    .createTable('nps_answer_themes')
    .addColumn('answer_id', 'integer', (c) => c.notNull().references('nps_recipients.id').onDelete('cascade'))
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('feedback_themes.id').onDelete('cascade'))
    .addColumn('source', 'varchar(8)', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('nps_answer_themes_pk', ['answer_id', 'theme_id'])
    .execute();
  await db.schema
    .createIndex('nps_answer_themes_theme_idx')
    .on('nps_answer_themes')
    .columns(['theme_id', 'answer_id'])
    .execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('nps_answer_themes').ifExists().execute();
  for (const column of ['sentiment', 'organization_id'])
    await db.schema.dropIndex(`nps_recipients_${column}_idx`).ifExists().execute();
  for (const column of ['sentiment', 'sentiment_comparative', 'sentiment_score'])
    await db.schema.alterTable('nps_recipients').dropColumn(column).execute();
}

export const migration0045: Migration = { name: '0045_nps_answer_loop', up, down };
