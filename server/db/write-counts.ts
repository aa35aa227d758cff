/**
 * Statements that wrote each table, counted by the SQLite connection of this process
 * (ADR 0011). With SQLite's `data_version`, which moves whenever another connection commits,
 * a reader can tell that a table has not changed since it last looked without any write of
 * its own: no trigger, so the statements that write stay as cheap as before.
 */

/**
 * Statements that change nothing: reads and transaction control. A rollback is not among them:
 * it undoes writes already counted, so it counts as a write to every table, and nothing read
 * inside the transaction (its own writes included) is taken for the tables' state afterwards.
 */
const READ_OR_CONTROL = /^\s*(?:select|values|explain|begin|commit|end|savepoint|release|pragma)\b/i;
/** The table an insert, update or delete names first; anything else that writes counts as every table. */
const WRITE_TARGET =
  /^\s*(?:insert\s+(?:or\s+\w+\s+)?into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+(?:(?:"[^"]+"|\w+)\s*\.\s*)?(?:"([^"]+)"|(\w+))/i;

/** The table a statement writes, `*` when it may write any (DDL, a `with` before the write), null when it writes none. */
export function writtenTable(text: string): string | null {
  if (READ_OR_CONTROL.test(text)) return null;
  const match = WRITE_TARGET.exec(text);
  return match ? (match[1] ?? match[2] ?? '*') : '*';
}

export interface WriteCounts {
  /** Called as a statement that writes `table` runs. */
  count(table: string): void;
  /** Statements run so far that wrote `table` or could have (`*`). */
  of(table: string): number;
}

export function writeCounts(): WriteCounts {
  const counts = new Map<string, number>();
  return {
    count(table) {
      counts.set(table, (counts.get(table) ?? 0) + 1);
    },
    of(table) {
      return (counts.get(table) ?? 0) + (counts.get('*') ?? 0);
    },
  };
}

/** Counts by the query adapter, which a handle shares with its transactions. */
const byAdapter = new WeakMap<object, WriteCounts>();

/** Something Kysely made: a handle or a transaction, which share their executor's adapter. */
interface Executing {
  readonly isTransaction: boolean;
  getExecutor(): { adapter: object };
}

/** Ties a database handle to the counts of its connection (SQLite only). */
export function attachWriteCounts(handle: Executing, counts: WriteCounts): void {
  byAdapter.set(handle.getExecutor().adapter, counts);
}

/**
 * Statements that wrote `table` on the connection a handle or a transaction runs on (SQLite);
 * null on PostgreSQL. Inside a transaction they include its own writes, committed or not: a
 * rollback counts as a write to every table, so an answer read before it is never taken for
 * the state after it.
 */
export function connectionWritesTo(handle: Executing, table: string): number | null {
  return byAdapter.get(handle.getExecutor().adapter)?.of(table) ?? null;
}

/**
 * Statements this process has run that wrote `table`, for the handle `createDatabase` made on
 * SQLite; null for a transaction or PostgreSQL, where a reader must not rely on it.
 */
export function localWritesTo(handle: Executing, table: string): number | null {
  return handle.isTransaction ? null : connectionWritesTo(handle, table);
}
