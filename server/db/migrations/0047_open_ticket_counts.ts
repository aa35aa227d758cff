import { type Kysely, sql } from 'kysely';
import type { Dialect, Migration } from './helpers';

/**
 * Running counts of open tickets for the live operations board (ADR 0023):
 * - `open_ticket_counts`: open tickets by team, status and assignee (0 for none), spread over
 *   eight rows by ticket id (`SLOTS`), so concurrent PostgreSQL writers of one team and status
 *   rarely wait on the same row. Triggers move them on every change of a ticket's team, status,
 *   assignee or openness and every deleted ticket, the foreign keys that clear a deleted team or
 *   person included, and on PostgreSQL on every ticket opened. On SQLite the tickets repository
 *   counts a ticket opened in the statement after its insert: a trigger on the insert would open
 *   a statement journal and flush the full-text index once per ticket (ADR 0010);
 * - `tickets_unassigned_open_idx` (PostgreSQL): unassigned open tickets by when they came in, so
 *   the oldest is the first entry; PostgreSQL otherwise walks the creation-time index of every
 *   ticket ever opened to find it (SQLite reads it from `tickets_assignee_open_created_idx`);
 * - `tickets_sla_due_open_idx`: open tickets by when their next service-level target runs out
 *   (and their team), so the board counts the breached and the soon-breaching from the index alone.
 */
const SLOTS = 8;
const key = (row: 'old' | 'new') =>
  `coalesce(${row}.team_id, 0), ${row}.status, coalesce(${row}.assignee_id, 0), ${row}.id % ${SLOTS}`;
const KEY_COLUMNS = 'team_id, status, assignee_id, slot';
const CHANGED =
  'old.is_open <> new.is_open or old.status <> new.status or old.team_id is distinct from new.team_id or old.assignee_id is distinct from new.assignee_id';

async function sqliteTriggers(db: Kysely<unknown>) {
  const add = (row: 'old' | 'new', n: number) =>
    sql.raw(`insert into open_ticket_counts (${KEY_COLUMNS}, n) select ${key(row)}, ${n} where ${row}.is_open = 1
      on conflict (${KEY_COLUMNS}) do update set n = n + excluded.n;`);
  await sql`create trigger tickets_open_counts_update after update of team_id, status, assignee_id, is_open on tickets
    when ${sql.raw(CHANGED.replaceAll('is distinct from', 'is not'))}
    begin ${add('old', -1)} ${add('new', 1)} end`.execute(db);
  await sql`create trigger tickets_open_counts_delete after delete on tickets when old.is_open = 1
    begin ${add('old', -1)} end`.execute(db);
}

async function postgresTriggers(db: Kysely<unknown>) {
  // Both rows of a change in key order, so two changes never wait on each other's rows crosswise.
  await sql`create function keep_open_ticket_counts() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        insert into open_ticket_counts (${sql.raw(KEY_COLUMNS)}, n) values (${sql.raw(key('old'))}, -1)
          on conflict (${sql.raw(KEY_COLUMNS)}) do update set n = open_ticket_counts.n + excluded.n;
        return null;
      end if;
      if tg_op = 'INSERT' then
        insert into open_ticket_counts (${sql.raw(KEY_COLUMNS)}, n) values (${sql.raw(key('new'))}, 1)
          on conflict (${sql.raw(KEY_COLUMNS)}) do update set n = open_ticket_counts.n + excluded.n;
        return null;
      end if;
      insert into open_ticket_counts (${sql.raw(KEY_COLUMNS)}, n)
        select t, s, a, sl, d from (values (${sql.raw(key('old'))}, -1, old.is_open), (${sql.raw(key('new'))}, 1, new.is_open))
          as v(t, s, a, sl, d, o)
        where o = 1 order by t, s, a, sl
        on conflict (${sql.raw(KEY_COLUMNS)}) do update set n = open_ticket_counts.n + excluded.n;
      return null;
    end $$`.execute(db);
  await sql`create trigger tickets_open_counts_insert after insert on tickets
    for each row when (new.is_open = 1) execute function keep_open_ticket_counts()`.execute(db);
  await sql`create trigger tickets_open_counts_update after update of team_id, status, assignee_id, is_open on tickets
    for each row when (${sql.raw(CHANGED)}) execute function keep_open_ticket_counts()`.execute(db);
  await sql`create trigger tickets_open_counts_delete after delete on tickets
    for each row when (old.is_open = 1) execute function keep_open_ticket_counts()`.execute(db);
}

async function up(db: Kysely<unknown>, dialect: Dialect) {
  await db.schema
    .createTable('open_ticket_counts')
    .addColumn('team_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('assignee_id', 'integer', (c) => c.notNull())
    .addColumn('slot', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('open_ticket_counts_pk', ['team_id', 'status', 'assignee_id', 'slot'])
    .execute();
  await sql`insert into open_ticket_counts (${sql.raw(KEY_COLUMNS)}, n)
    select coalesce(team_id, 0), status, coalesce(assignee_id, 0), id % ${sql.lit(SLOTS)}, count(*) from tickets
    where is_open = 1 group by coalesce(team_id, 0), status, coalesce(assignee_id, 0), id % ${sql.lit(SLOTS)}`.execute(
    db,
  );
  await dialect.choose({ sqlite: sqliteTriggers, postgres: postgresTriggers })(db);
  // PostgreSQL only: SQLite finds the oldest through tickets_assignee_open_created_idx already.
  if (dialect.choose({ sqlite: false, postgres: true }))
    await db.schema
      .createIndex('tickets_unassigned_open_idx')
      .on('tickets')
      .columns(['created_at', 'team_id'])
      .where((eb) =>
        eb.and([eb(sql.ref('is_open'), '=', sql.lit(1)), eb(sql.ref('assignee_id'), 'is', null)]),
      )
      .execute();
  await db.schema
    .createIndex('tickets_sla_due_open_idx')
    .on('tickets')
    // is_open too: SQLite reads a column of a partial index's condition from the row otherwise.
    .columns(['sla_due_at', 'team_id', 'is_open'])
    .where(sql.ref('is_open'), '=', sql.lit(1))
    .execute();
}

async function down(db: Kysely<unknown>, dialect: Dialect) {
  await db.schema.dropIndex('tickets_sla_due_open_idx').ifExists().execute();
  await db.schema.dropIndex('tickets_unassigned_open_idx').ifExists().execute();
  const on = sql.raw(dialect.choose({ sqlite: '', postgres: ' on tickets' }));
  await sql`drop trigger if exists tickets_open_counts_insert${on}`.execute(db);
  await sql`drop trigger if exists tickets_open_counts_update${on}`.execute(db);
  await sql`drop trigger if exists tickets_open_counts_delete${on}`.execute(db);
  const dropFunction = dialect.choose({
    sqlite: null,
    postgres: sql`drop function if exists keep_open_ticket_counts()`,
  });
  if (dropFunction) await dropFunction.execute(db);
  await db.schema.dropTable('open_ticket_counts').ifExists().execute();
}

export const migration0047: Migration = { name: '0047_open_ticket_counts', up, down };
