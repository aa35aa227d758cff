import { type Kysely, sql } from 'kysely';
import type { Dialect, Migration } from './helpers';

/**
 * PostgreSQL: a change to the open-ticket counts (ADR 0023) goes to the slot of its transaction
 * (its transaction id modulo the eight slots) instead of the slot of its ticket's id. A group
 * commit opens many tickets in one transaction; by ticket id, two such transactions took count
 * rows in crossing orders and deadlocked, and a deadlock costs a second's wait before PostgreSQL
 * breaks it. Concurrent transactions have neighbouring ids, so they now write different rows.
 * Reads sum every slot, so a ticket counted in one slot and moved in another leaves the sums
 * right. SQLite has one writer and keeps its triggers.
 */
const keepCounts = (slot: (row: 'old' | 'new') => string) => {
  const key = (row: 'old' | 'new') =>
    `coalesce(${row}.team_id, 0), ${row}.status, coalesce(${row}.assignee_id, 0), ${slot(row)}`;
  const upsert =
    'on conflict (team_id, status, assignee_id, slot) do update set n = open_ticket_counts.n + excluded.n';
  return sql.raw(`create or replace function keep_open_ticket_counts() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        insert into open_ticket_counts (team_id, status, assignee_id, slot, n) values (${key('old')}, -1) ${upsert};
        return null;
      end if;
      if tg_op = 'INSERT' then
        insert into open_ticket_counts (team_id, status, assignee_id, slot, n) values (${key('new')}, 1) ${upsert};
        return null;
      end if;
      insert into open_ticket_counts (team_id, status, assignee_id, slot, n)
        select t, s, a, sl, d from (values (${key('old')}, -1, old.is_open), (${key('new')}, 1, new.is_open))
          as v(t, s, a, sl, d, o)
        where o = 1 order by t, s, a, sl
        ${upsert};
      return null;
    end $$`);
};

const isPostgres = (dialect: Dialect) => dialect.choose({ sqlite: false, postgres: true });

async function up(db: Kysely<unknown>, dialect: Dialect) {
  if (isPostgres(dialect)) await keepCounts(() => '(txid_current() % 8)::integer').execute(db);
}

async function down(db: Kysely<unknown>, dialect: Dialect) {
  if (isPostgres(dialect)) await keepCounts((row) => `${row}.id % 8`).execute(db);
}

export const migration0051: Migration = { name: '0051_open_counts_slot_per_transaction', up, down };
