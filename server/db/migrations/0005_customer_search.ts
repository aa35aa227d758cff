import { type Kysely, sql } from 'kysely';
import type { Dialect, Migration } from './helpers';

async function sqliteIndex(db: Kysely<unknown>) {
  await sql`create virtual table customer_search using fts5(name, emails, phone, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(
    db,
  );
  await sql`insert into customer_search (rowid, name, emails, phone)
      select c.id, c.name, coalesce((select group_concat(email, ' ') from customer_emails e where e.customer_id = c.id), ''), coalesce(c.phone, '')
      from customers c where c.merged_into_id is null`.execute(db);
}

async function postgresIndex(db: Kysely<unknown>) {
  await sql`create table customer_search (
      rowid integer primary key references customers(id) on delete cascade,
      document tsvector not null)`.execute(db);
  await sql`insert into customer_search (rowid, document)
    select c.id, to_tsvector('simple', c.name || ' ' || coalesce((select string_agg(replace(email, '@', ' '), ' ') from customer_emails e where e.customer_id = c.id), '') || ' ' || coalesce(c.phone, ''))
    from customers c where c.merged_into_id is null`.execute(db);
  await sql`create index customer_search_document_idx on customer_search using gin (document)`.execute(db);
}

/** Full-text index over customers (name, addresses, phone), so searching them stays fast at scale. */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  await dialect.choose({ sqlite: sqliteIndex, postgres: postgresIndex })(db);
}

async function down(db: Kysely<unknown>) {
  await sql`drop table if exists customer_search`.execute(db);
}

export const migration0005: Migration = { name: '0005_customer_search', up, down };
