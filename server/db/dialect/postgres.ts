import { Kysely, PostgresDialect, type RawBuilder, type SqlBool, sql } from 'kysely';
import pg from 'pg';
import { isCancelledStatement, TimeLimitExceeded } from '../errors';
import { statementsPool } from '../named-statements';
import type { Database, Db, DbOrTrx } from '../schema';
import { jsonObjects } from './json';
import type { DialectAdapter, FullTextIndex, FullTextQuery } from './types';

const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
const toIso = (value: string) => new Date(value).toISOString();

/** A pool of ten connections (timestamps read as ISO strings, bigints as numbers), in `schema` when given. */
function open(url: string, schema: string | undefined): Db {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === TIMESTAMPTZ_OID || oid === TIMESTAMP_OID) return toIso;
      if (oid === INT8_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format);
    },
  } as pg.CustomTypesConfig;
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // Statements run prepared, so PostgreSQL plans the hot ones once per connection (ADR 0009);
  // unnamed, with a warning, when pg no longer has the internals that relies on.
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: statementsPool(pool) }) });
}

/** The index's document: each column's words, in the column's weight class when it has one. */
function documentOf(index: FullTextIndex, values: Readonly<Record<string, string | number>>) {
  return sql.join(
    index.columns.map((c) => {
      // Words split at every mark, as SQLite's tokenizer splits them ("SO-4821" is so, 4821).
      const text = sql`regexp_replace(${values[c.name]}, ${WORD_SEPARATORS}, ' ', 'g')`;
      const words = sql`to_tsvector('simple', ${text})`;
      return c.weight ? sql`setweight(${words}, ${sql.lit(c.weight.class)})` : words;
    }),
    sql` || `,
  );
}

/** The columns a table keeps next to its document. */
const keptColumns = (index: FullTextIndex) => (index.keepsText ? index.columns.map((c) => c.name) : []);

function insert(index: FullTextIndex, values: Readonly<Record<string, string | number>>) {
  const columns = ['rowid', ...keptColumns(index)];
  return sql`insert into ${sql.raw(index.table)} (${sql.raw([...columns, 'document'].join(', '))})
      values (${sql.join(columns.map((c) => values[c]))}, ${documentOf(index, values)})`;
}

/**
 * What splits text into words in the index: punctuation and spaces. Named as marks, not as
 * "not a letter", so a database whose locale knows no letters beyond ASCII keeps its words whole.
 */
export const WORD_SEPARATORS = '[[:punct:][:space:]]+';

/**
 * A tsquery of plain words, each term required: a term with punctuation inside is the phrase of
 * its words ("lena@harbour.example" is lena <-> harbour <-> example), as FTS5 reads a quoted
 * term; the last word a prefix when asked.
 */
function tsquery(terms: readonly string[], prefixLast: boolean): string {
  const phrases = terms
    .map((t) => t.split(/[^\p{L}\p{N}]+/u).filter(Boolean))
    .filter((words) => words.length);
  return phrases
    .map((words, i) => {
      const last = prefixLast && i === phrases.length - 1;
      const phrase = words.map((w, j) => (last && j === words.length - 1 ? `${w}:*` : w)).join(' <-> ');
      return words.length > 1 ? `(${phrase})` : phrase;
    })
    .join(' & ');
}

async function match(db: DbOrTrx, index: FullTextIndex, q: FullTextQuery) {
  const words = tsquery(q.terms, q.prefixLast);
  if (!words) return [];
  const table = sql.raw(index.table);
  const query = sql`to_tsquery('simple', ${words})`;
  const within = q.within ? sql`and rowid in (${sql.join(q.within.length ? q.within : [-1])})` : sql``;
  const from = index.snippetFrom ?? [];
  const snippet =
    q.snippet && from.length
      ? sql`,
      ts_headline('simple', ${sql.raw(from.map((c) => `left(${c}, 4000)`).join(` || ' — ' || `))}, ${query},
        ${`StartSel=${q.snippet.open}, StopSel=${q.snippet.close}, MaxWords=30, MinWords=10, ShortWord=2`}) as snippet`
      : sql``;
  const text = sql.raw(from.map((c) => `, ${c}`).join(''));
  const result = q.window
    ? await sql<{ rowid: number; snippet?: string }>`
    with recent as (
      select rowid, document${text} from ${table}
      where document @@ ${query} ${within}
      order by rowid desc limit ${q.window}
    )
    select rowid${snippet}
    from (
      select rowid${text}, ts_rank(document, ${query}) as score
      from recent order by score desc, rowid desc limit ${q.limit}
    ) best
    order by score desc, rowid desc`.execute(db)
    : await sql<{ rowid: number; snippet?: string }>`
    select rowid${snippet} from ${table}
    where document @@ ${query} ${within}
    order by ts_rank(document, ${query}) desc limit ${q.limit}`.execute(db);
  return result.rows.map((r) => ({ rowid: Number(r.rowid), snippet: r.snippet ?? '' }));
}

const jsonObject = jsonObjects('json_build_object');

export const postgresDialect = {
  kind: 'postgres',
  open,
  writers: 4,
  groupCommitBatch: 32,
  idsCommitInOrder: false,
  insertsRowByRow: false,
  insertTriggersOpenJournals: false,
  locksRows: true,
  // 40P01 deadlock_detected, 40001 serialization_failure.
  isTransientConflict: (error) =>
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === '40P01' || error.code === '40001'),

  returningId: (insert) => insert.returning(sql<number>`id`.as('id')),
  insertedId: (result) => result.rows[0]?.id,

  forUpdate: (query) => query.forUpdate(),
  async lockTable(db, table) {
    await sql`lock table ${sql.table(table)} in exclusive mode`.execute(db);
  },
  skipLocked: (query) => query.forUpdate().skipLocked(),
  idsToClaim: async (query) => (await query.forUpdate().skipLocked().execute()).map((r) => r.id),

  async flush() {},
  commitCounter: null,

  async timeLimited(db, limit, read) {
    if (db.isTransaction) throw new Error('A time-limited read runs in a transaction of its own');
    const ms = String(Math.max(1, Math.ceil(limit.ms)));
    try {
      return await db.transaction().execute(async (trx) => {
        await sql`select set_config('statement_timeout', ${ms}, true)`.execute(trx);
        return read(trx, sql<SqlBool>`true`);
      });
    } catch (error) {
      if (isCancelledStatement(error)) throw new TimeLimitExceeded(limit.ms);
      throw error;
    }
  },

  idIn: (column, ids) => sql<SqlBool>`${sql.ref(column)} = any(${ids}::integer[])`,
  jsonFieldEquals(column, key, value) {
    const extracted: RawBuilder<unknown> = sql`(${sql.ref(column)}::jsonb ->> ${key})`;
    if (value === null) return sql<SqlBool>`${extracted} is null`;
    return sql<SqlBool>`${extracted} = ${String(value)}`;
  },
  readsRowsAsJson: false,
  jsonObject,
  jsonArrayOf: (element) => sql<string>`coalesce(json_agg(${element}), '[]'::json)::text`,

  fullText: {
    insert,
    upsert: (index, values) => {
      const set = [...keptColumns(index), 'document'].map((c) => `${c} = excluded.${c}`).join(', ');
      return sql`${insert(index, values)}
      on conflict (rowid) do update set ${sql.raw(set)}`;
    },
    match,
  },

  migration: {
    kind: 'postgres',
    types: { id: 'serial', timestamp: 'timestamptz', binary: 'bytea' },
    withId: (table) => table.addColumn('id', 'serial', (c) => c.primaryKey()),
    choose: (choices) => choices.postgres,
  },
} satisfies DialectAdapter & { open: typeof open };
