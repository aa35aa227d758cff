import { type Kysely, sql } from 'kysely';
import type { Dialect, Migration } from './helpers';

const separators = '[[:punct:][:space:]]+';
const words = (text: string) =>
  sql.raw(`to_tsvector('simple', regexp_replace(${text}, '${separators}', ' ', 'g'))`);

/**
 * PostgreSQL's full-text documents are split into words at every mark, as SQLite's tokenizer
 * splits them (server/db/dialect/postgres.ts): "SO-4821" is the words so and 4821, and
 * "lena@harbour.example" is lena, harbour and example, so searching either as typed finds it.
 * The documents already written are rebuilt from the text beside them. SQLite's indexes already
 * read text so; nothing changes there.
 */
async function rebuildPostgres(db: Kysely<unknown>) {
  await sql`update ticket_search set document =
      setweight(${words('subject')}, 'A') || setweight(${words('body')}, 'B') || setweight(${words('customer')}, 'C')`.execute(
    db,
  );
  await sql`update customer_search s set document =
      ${words('c.name')}
      || ${words(`coalesce((select string_agg(email, ' ') from customer_emails e where e.customer_id = c.id), '')`)}
      || ${words(`coalesce(c.phone, '')`)}
    from customers c where c.id = s.rowid`.execute(db);
}

async function up(db: Kysely<unknown>, dialect: Dialect) {
  await dialect.choose({ sqlite: async () => undefined, postgres: rebuildPostgres })(db);
}

/** The earlier documents held the same text, split at fewer marks: nothing to undo. */
async function down() {}

export const migration0023: Migration = { name: '0023_search_words', up, down };
