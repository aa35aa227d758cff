import { type Kysely, sql } from 'kysely';
import type { Dialect, Migration } from './helpers';

/**
 * What nodes need to keep rendered ticket rows (ADR 0008):
 * - the version on the queue indexes, so a page's ids come with the stamp that tells a kept row
 *   from a stale one without reading every ticket row;
 * - an epoch, replaced by a new random number whenever a name shown on ticket rows changes
 *   (a customer's name or address, a staff member's, a team's, an organisation's or a
 *   category's name), one of them is deleted (which clears the reference on tickets without
 *   touching their version), or tickets are deleted (an id could come back with version 1).
 *   Triggers rather than application code, so every path and every node is covered.
 */
const EPOCH = 'ticket_rows';

/** Tables and the columns of theirs that ticket rows show. */
const named: [table: string, columns: string[]][] = [
  ['customers', ['name', 'email']],
  ['users', ['name']],
  ['teams', ['name']],
  ['organizations', ['name']],
  ['categories', ['name']],
];

/** Queue indexes (migrations 0003 and 0006) with the version appended. */
const queueIndexes: [name: string, columns: string[]][] = [
  ['tickets_updated_idx', ['updated_at', 'id']],
  ['tickets_status_updated_idx', ['status', 'updated_at', 'id']],
  ['tickets_team_open_idx', ['team_id', 'is_open', 'updated_at', 'id']],
  ['tickets_assignee_open_idx', ['assignee_id', 'is_open', 'updated_at', 'id']],
  ['tickets_assignee_open_created_idx', ['assignee_id', 'is_open', 'created_at', 'id']],
];

async function rebuildIndexes(db: Kysely<unknown>, withVersion: boolean) {
  for (const [name, columns] of queueIndexes) {
    await db.schema.dropIndex(name).ifExists().execute();
    await db.schema
      .createIndex(name)
      .on('tickets')
      .columns(withVersion ? [...columns, 'version'] : columns)
      .execute();
  }
}

async function sqliteTriggers(db: Kysely<unknown>) {
  const bump = sql.raw(
    `insert or replace into change_epochs (name, value) values ('${EPOCH}', abs(random() % 2147483647));`,
  );
  for (const [table, columns] of named) {
    const changed = sql.raw(columns.map((c) => `old.${c} is not new.${c}`).join(' or '));
    await sql`create trigger ${sql.id(`${table}_epoch_update`)} after update of ${sql.raw(columns.join(', '))} on ${sql.id(table)}
      when ${changed} begin ${bump} end`.execute(db);
  }
  for (const table of [...named.map(([t]) => t), 'tickets']) {
    await sql`create trigger ${sql.id(`${table}_epoch_delete`)} after delete on ${sql.id(table)}
      begin ${bump} end`.execute(db);
  }
}

async function postgresTriggers(db: Kysely<unknown>) {
  await sql`create function bump_ticket_rows_epoch() returns trigger language plpgsql as $$
    begin
      insert into change_epochs (name, value) values (${sql.lit(EPOCH)}, floor(random() * 2147483647)::integer)
        on conflict (name) do update set value = excluded.value;
      return null;
    end $$`.execute(db);
  for (const [table, columns] of named) {
    const changed = sql.raw(columns.map((c) => `old.${c} is distinct from new.${c}`).join(' or '));
    await sql`create trigger ${sql.id(`${table}_epoch_update`)} after update of ${sql.raw(columns.join(', '))} on ${sql.id(table)}
      for each row when (${changed}) execute function bump_ticket_rows_epoch()`.execute(db);
  }
  for (const table of [...named.map(([t]) => t), 'tickets']) {
    await sql`create trigger ${sql.id(`${table}_epoch_delete`)} after delete or truncate on ${sql.id(table)}
      for each statement execute function bump_ticket_rows_epoch()`.execute(db);
  }
}

async function up(db: Kysely<unknown>, dialect: Dialect) {
  await db.schema
    .createTable('change_epochs')
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into change_epochs (name, value) values (${EPOCH}, ${Math.floor(Math.random() * 2 ** 31)})`.execute(
    db,
  );
  await dialect.choose({ sqlite: sqliteTriggers, postgres: postgresTriggers })(db);
  await rebuildIndexes(db, true);
}

async function down(db: Kysely<unknown>, dialect: Dialect) {
  await rebuildIndexes(db, false);
  const on = (table: string) => sql.raw(dialect.choose({ sqlite: '', postgres: ` on ${table}` }));
  for (const [table] of named)
    await sql`drop trigger if exists ${sql.id(`${table}_epoch_update`)}${on(table)}`.execute(db);
  for (const table of [...named.map(([t]) => t), 'tickets'])
    await sql`drop trigger if exists ${sql.id(`${table}_epoch_delete`)}${on(table)}`.execute(db);
  const dropFunction = dialect.choose({
    sqlite: null,
    postgres: sql`drop function if exists bump_ticket_rows_epoch()`,
  });
  if (dropFunction) await dropFunction.execute(db);
  await db.schema.dropTable('change_epochs').ifExists().execute();
}

export const migration0008: Migration = { name: '0008_ticket_row_cache', up, down };
