import { type Kysely, sql } from 'kysely';
import { columnTypes, type Dialect, type Migration } from './helpers';

/**
 * Trend charts from aggregates:
 * - `report_dimension_hours`: per UTC hour, dimension (`tag`, `category`, `organization`,
 *   `field:<key>` of a dropdown custom field, or `all`: every ticket and answer once) and
 *   value ('' = none), the tickets opened in
 *   that hour that carry the value now (`created`) and the survey answers given in that hour
 *   (`answers`, `positive`, `effort_sum`, `effort_n`); folded from ticket events by the
 *   report consumer, and moved when a ticket's tags or fields change;
 * - every survey answer so far written as a `survey_answered` ticket event (how answers reach
 *   the fold from now on);
 * - the aggregates emptied and the cursors put back, so the consumer folds every event again
 *   with the new dimensions (what `steward reports rebuild` does).
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  let table = db.schema
    .createTable('report_dimension_hours')
    .addColumn('hour', t.timestamp, (c) => c.notNull())
    .addColumn('dimension', 'varchar(80)', (c) => c.notNull())
    .addColumn('value', 'varchar(200)', (c) => c.notNull());
  for (const name of ['created', 'answers', 'positive', 'effort_sum', 'effort_n'])
    table = table.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));
  await table.execute();
  await db.schema
    .createIndex('report_dimension_hours_key_idx')
    .on('report_dimension_hours')
    .columns(['dimension', 'hour', 'value'])
    .unique()
    .execute();

  const payload = dialect.choose({
    sqlite: sql`json_object('id', id, 'at', answered_at, 'positive', positive, 'effort', effort, 'categoryId', category_id, 'organizationId', organization_id)`,
    postgres: sql`json_build_object('id', id, 'at', answered_at, 'positive', positive, 'effort', effort, 'categoryId', category_id, 'organizationId', organization_id)::text`,
  });
  await sql`insert into ticket_events (ticket_id, type, actor_type, actor_id, from_value, to_value, created_at, historic)
    select ticket_id, 'survey_answered', 'customer', customer_id, null, ${payload}, answered_at, 1
    from survey_answers order by id`.execute(db);

  for (const name of ['report_hours', 'report_durations', 'report_ticket_state'])
    await sql`delete from ${sql.table(name)}`.execute(db);
  await sql`update report_cursors set last_id = 0`.execute(db);
}

async function down(db: Kysely<unknown>) {
  await sql`delete from ticket_events where type = 'survey_answered'`.execute(db);
  await db.schema.dropTable('report_dimension_hours').ifExists().execute();
}

export const migration0046: Migration = { name: '0046_report_dimensions', up, down };
