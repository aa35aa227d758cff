import type {
  ColumnDataType,
  Compilable,
  CreateTableBuilder,
  InsertQueryBuilder,
  InsertResult,
  QueryResult,
  RawBuilder,
  SelectQueryBuilder,
  SqlBool,
} from 'kysely';
import type { DbOrTrx } from '../schema';

// The shape of a dialect adapter (server/db/dialect): what differs between SQLite and PostgreSQL.

export type DialectKind = 'sqlite' | 'postgres';

/** A column of a full-text index. */
export interface FullTextColumn<C extends string = string> {
  name: C;
  /**
   * How much a match in this column counts in ranking: FTS5's bm25 weight on SQLite, the
   * tsvector weight class on PostgreSQL. Without one, every column counts the same.
   */
  weight?: { bm25: number; class: 'A' | 'B' | 'C' | 'D' };
}

/**
 * A full-text index over one kind of row, kept by `rowid` (the row's id): an FTS5 table on
 * SQLite, a table with a `document` tsvector under a GIN index on PostgreSQL (migrations 0003
 * and 0005 create them).
 */
export interface FullTextIndex<C extends string = string> {
  /** The table's name (a fixed name, written into the SQL as it is). */
  table: string;
  columns: readonly FullTextColumn<C>[];
  /**
   * Whether the PostgreSQL table keeps the columns' text next to the document, to cut snippets
   * from and read entries back (FTS5 always keeps it).
   */
  keepsText: boolean;
  /** The kept columns PostgreSQL cuts snippets from, in order (FTS5 picks the best column itself). */
  snippetFrom?: readonly C[];
}

/** What one full-text query asks. */
export interface FullTextQuery {
  /** Plain words; every one must match. */
  terms: readonly string[];
  /** The last word also matches as the start of a longer one. */
  prefixLast: boolean;
  limit: number;
  /** Only these rows (null: any). */
  within: readonly number[] | null;
  /** Ranks only the newest this many matches (newest first among equals), so common words stay fast. */
  window?: number;
  /** A snippet of the matching text, with the matches between these markers. */
  snippet?: { open: string; close: string };
}

export interface FullTextHit {
  rowid: number;
  /** Empty unless a snippet was asked for. */
  snippet: string;
}

/** The SQL of full-text indexes (see server/db/dialect/full-text.ts for the one way modules use them). */
export interface FullTextDialect {
  /** Adds a row's entry, none being there; the values are named by column and `rowid`. */
  insert(index: FullTextIndex, values: Readonly<Record<string, string | number>>): RawBuilder<unknown>;
  /** Writes a row's entry in place of any it had; null where there is no upsert (FTS5: remove the old one first). */
  upsert:
    | ((index: FullTextIndex, values: Readonly<Record<string, string | number>>) => RawBuilder<unknown>)
    | null;
  /** Matching rows, best first. */
  match(db: DbOrTrx, index: FullTextIndex, query: FullTextQuery): Promise<FullTextHit[]>;
}

/** What a migration may ask of its database: released migrations stay written as they ran. */
export interface MigrationDialect {
  readonly kind: DialectKind;
  types: { id: ColumnDataType; timestamp: ColumnDataType; binary: ColumnDataType };
  /** Adds the autoincrementing integer primary key `id`. */
  withId<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, never>;
  /** The one of the two pieces of DDL written for this database. */
  choose<T>(choices: { sqlite: T; postgres: T }): T;
}

/** Everything that differs between the two databases. */
export interface DialectAdapter {
  /** Which database, for messages and cache keys (never compared outside server/db/dialect). */
  readonly kind: DialectKind;

  /** Transactions worth writing at once: SQLite has one writer, PostgreSQL takes several. */
  readonly writers: number;
  /** Most pieces of work one group commit writes together (ADR 0005). */
  readonly groupCommitBatch: number;
  /**
   * Whether rows arrive in id order: true where one writer commits at a time (SQLite); on
   * PostgreSQL ids of concurrent transactions can commit out of order.
   */
  readonly idsCommitInOrder: boolean;
  /**
   * Whether a statement of several rows costs more than a prepared one-row statement per row:
   * on SQLite a statement of several rows opens a statement journal, which flushes the full-text
   * index (ADR 0010); PostgreSQL takes them in one round trip.
   */
  readonly insertsRowByRow: boolean;
  /**
   * Whether a trigger on a table's inserts would make every insert open a statement journal: on
   * SQLite the full-text tables written earlier in the transaction then flush a segment each
   * (ADR 0010), so what such a trigger would do is done by the statement after the insert.
   */
  readonly insertTriggersOpenJournals: boolean;
  /**
   * Whether transactions lock rows (PostgreSQL). SQLite has one writer at a time: a read meant
   * to lock would only turn a transaction that could have started as a write into one that must
   * upgrade, which fails at once while another process writes.
   */
  readonly locksRows: boolean;
  /**
   * Whether an error is a conflict between concurrent transactions that the same work, run
   * again in a new transaction, gets past: PostgreSQL's deadlock and serialization failures.
   * SQLite has one writer, and its busy waits are the busy timeout's.
   */
  isTransientConflict(error: unknown): boolean;

  /** The insert made to answer the new row's id as `id` where the driver does not (ADR 0010). */
  returningId<DB, TB extends keyof DB>(
    insert: InsertQueryBuilder<DB, TB, InsertResult>,
  ): Compilable<{ id?: number }>;
  /** The new row's id from the result of a `returningId` insert. */
  insertedId(result: QueryResult<{ id?: number }>): number | undefined;

  /** Locks the rows a select reads until the transaction ends (SQLite's one writer needs no lock). */
  forUpdate<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /**
   * Keeps other transactions from writing `table` until this one ends, so a table rebuilt from
   * another is exact even while writers run (SQLite's one writer needs no lock).
   */
  lockTable(db: DbOrTrx, table: string): Promise<void>;
  /** Locks them and passes over rows another transaction holds, so several nodes share a queue. */
  skipLocked<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /**
   * The ids to claim, for the `in` of the claiming update: on PostgreSQL read and locked first
   * (SKIP LOCKED: a locking subquery inside the update may run again and claim past its limit),
   * on SQLite the select itself, so one statement claims.
   */
  idsToClaim<DB, TB extends keyof DB>(
    query: SelectQueryBuilder<DB, TB, { id: number }>,
  ): Promise<number[] | SelectQueryBuilder<DB, TB, { id: number }>>;

  /** Makes committed rows durable on disk now (SQLite's WAL; PostgreSQL commits are already). */
  flush(db: DbOrTrx): Promise<void>;
  /**
   * A number that moves whenever another connection commits (SQLite's data_version, ADR 0011),
   * as a scalar subquery; null where there is none.
   */
  readonly commitCounter: RawBuilder<number> | null;

  /** `column in (ids)`; on PostgreSQL one array parameter, so any number of ids is one statement text (ADR 0009). */
  idIn(column: string, ids: readonly number[]): RawBuilder<SqlBool>;
  /**
   * Runs a read that may visit a great many rows so that it gives up after `limit.ms`, failing
   * with `TimeLimitExceeded` (server/db/errors.ts), instead of holding the database and, on
   * SQLite, the whole process: better-sqlite3 runs on the request thread and cannot be
   * interrupted. `read` puts `guard` first in its WHERE clause: on SQLite it looks at the clock
   * once every 64 rows of the table whose row id `limit.rowid` names; on PostgreSQL it is true,
   * and the read runs in a transaction of its own under a local statement_timeout. Never called
   * inside a transaction.
   */
  timeLimited<T>(
    db: DbOrTrx,
    limit: { ms: number; rowid: string },
    read: (db: DbOrTrx, guard: RawBuilder<SqlBool>) => Promise<T>,
  ): Promise<T>;
  /** A value in a JSON text column, compared as the JSON value (booleans as SQLite stores them). */
  jsonFieldEquals(column: string, key: string, value: string | number | boolean | null): RawBuilder<SqlBool>;
  /**
   * Whether whole rows are cheaper read as one JSON text (`jsonObject`) than as columns: on
   * SQLite better-sqlite3 builds an object value by value, and V8 parsing JSON is a few times
   * cheaper (ADR 0008); PostgreSQL's JSON would write timestamps its own way.
   */
  readonly readsRowsAsJson: boolean;
  /** A JSON object of `key: "table"."column"` entries, built once per entries array. */
  jsonObject(entries: readonly (readonly [key: string, table: string, column: string])[]): RawBuilder<string>;
  /**
   * An aggregate: the group's values of `element` (a `jsonObject`) as the text of one JSON array,
   * `[]` for none. Many rows read as one text cost better-sqlite3 and pg a fraction of building
   * an object per row (ADR 0027).
   */
  jsonArrayOf(element: RawBuilder<string>): RawBuilder<string>;

  fullText: FullTextDialect;
  migration: MigrationDialect;
}
