import { type Kysely, sql } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * The live operations board and the data-quality monitor:
 * - `tickets_board_idx`: unsolved tickets by team, status and assignee with when they came in,
 *   so the board counts the backlog by status and team and the unassigned by age from the index
 *   alone, reading only the open part of it (not every ticket ever written);
 * - `data_quality_runs`: each run of the checks with its score (in tenths) and findings (JSON);
 *   the daily run claims its day through the unique `daily_key`, so it runs once across nodes.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await db.schema
    .createIndex('tickets_board_idx')
    .on('tickets')
    .columns(['team_id', 'status', 'assignee_id', 'created_at'])
    // Only open tickets: the board reads the backlog, never the history. Partial, so it is no
    // candidate for other reads of open tickets (an "is_open = ?" lead would win them unsorted).
    .where(sql.ref('is_open'), '=', sql.lit(1))
    .execute();
  await withId(db.schema.createTable('data_quality_runs'), dialect)
    .addColumn('trigger', 'varchar(8)', (c) => c.notNull())
    .addColumn('daily_key', 'varchar(10)', (c) => c.unique())
    .addColumn('score_tenths', 'integer', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('ran_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('data_quality_runs_ran_idx')
    .on('data_quality_runs')
    .columns(['ran_at'])
    .execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('data_quality_runs').ifExists().execute();
  await db.schema.dropIndex('tickets_board_idx').ifExists().execute();
}

export const migration0040: Migration = { name: '0040_board_data_quality', up, down };
