import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';

// PostgreSQL parses and plans an unnamed statement on every run. A named (prepared) one is parsed
// once per connection, and after five runs PostgreSQL settles on a generic plan when it costs
// no more than the custom ones: planning the ticket page's seven-table join takes milliseconds,
// running it a fraction of one. This wraps the pool handed to Kysely so its queries run as
// named statements, a bounded number per connection (ADR 0009).

/** Named statements kept per connection; the least recently used make room for new ones. */
export const STATEMENTS_PER_CONNECTION = 200;

/**
 * Only plain data statements are named. Transaction control, DDL (migrations), `listen`/`notify`,
 * `set` and the like run as before: they are cheap to plan, or must not outlive their run.
 */
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;

/** `s_` and 64 bits of the text's SHA-1: short, stable across processes, readable in pg_prepared_statements. */
export function statementName(text: string): string {
  return `s_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
}

/**
 * pg remembers which names it has parsed on a connection and then sends only Bind/Execute. It has
 * no public way to forget one, so a name dropped here is also removed from that record.
 */
function parsedStatementsOf(client: pg.PoolClient): Record<string, string> {
  return (client as unknown as { connection: { parsedStatements: Record<string, string> } }).connection
    .parsedStatements;
}

interface DatabaseErrorFields {
  code?: string;
  routine?: string;
}

/**
 * The server no longer runs the statement as prepared: a table under it changed the columns it
 * returns ("cached plan must not change result type", which has the generic SQLSTATE 0A000, hence
 * the routine), or the statement is gone (26000).
 */
function isStale(error: unknown): boolean {
  const { code, routine } = (error ?? {}) as DatabaseErrorFields;
  return (code === '0A000' && routine === 'RevalidateCachedQuery') || code === '26000';
}

/** One pooled connection as Kysely sees it, naming the statements it runs. */
class NamingClient implements PostgresPoolClient {
  /** Statement text → name, least recently used first. */
  readonly #names = new Map<string, string>();
  /** Names still prepared on the server that must not be used again; dropped outside a transaction. */
  readonly #retired = new Set<string>();

  constructor(
    private readonly client: pg.PoolClient,
    private readonly capacity: number,
  ) {}

  query<R>(text: string, values: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    textOrCursor: string | PostgresCursor<R>,
    values: ReadonlyArray<unknown> = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof textOrCursor !== 'string') {
      return this.client.query(textOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    }
    return this.#run<R>(textOrCursor, [...values]);
  }

  release(): void {
    this.client.release();
  }

  async #run<R>(text: string, values: unknown[]): Promise<PostgresQueryResult<R>> {
    if (this.#idle()) this.#dropRetired();
    const name = this.#nameFor(text);
    if (!name) return this.#unnamed<R>(text, values);
    try {
      return (await this.client.query({ name, text, values })) as unknown as PostgresQueryResult<R>;
    } catch (error) {
      if (!isStale(error)) throw error;
      this.#names.delete(text);
      this.#retired.add(name);
      // Inside a transaction the error has already aborted it: it fails like any other error,
      // and the name is dropped once the connection is out of it.
      if (!this.#idle()) throw error;
      this.#dropRetired();
      return this.#unnamed<R>(text, values);
    }
  }

  async #unnamed<R>(text: string, values: unknown[]): Promise<PostgresQueryResult<R>> {
    return (await this.client.query(text, values)) as unknown as PostgresQueryResult<R>;
  }

  /** The name to run `text` under, or undefined to run it unnamed. */
  #nameFor(text: string): string | undefined {
    const known = this.#names.get(text);
    if (known) {
      this.#names.delete(text);
      this.#names.set(text, known);
      return known;
    }
    if (!NAMEABLE.test(text)) return undefined;
    const name = statementName(text);
    if (this.#retired.has(name) || !this.#makeRoom()) return undefined;
    this.#names.set(text, name);
    return name;
  }

  /** Room for one more name: when full, the least recently used goes, but only outside a transaction. */
  #makeRoom(): boolean {
    if (this.#names.size < this.capacity) return true;
    if (!this.#idle()) return false;
    const [text, name] = this.#names.entries().next().value!;
    this.#names.delete(text);
    this.#retired.add(name);
    this.#dropRetired();
    return true;
  }

  /**
   * Queues a DEALLOCATE of each retired name, only outside a transaction: one that fails (the
   * statement may already be gone) then aborts no one's transaction, and none is refused as in
   * an aborted transaction. pg runs a connection's queries in order, so any query queued later
   * comes after it; pg's record of the name goes at once, so such a query parses anew.
   */
  #dropRetired(): void {
    if (this.#retired.size === 0) return;
    const parsed = parsedStatementsOf(this.client);
    for (const name of this.#retired) {
      delete parsed[name];
      this.client.query(`deallocate "${name}"`).catch(() => undefined);
    }
    this.#retired.clear();
  }

  #idle(): boolean {
    return this.client.getTransactionStatus() === 'I';
  }
}

/**
 * Why the pg in use lacks what naming statements relies on, or null when it has it: the client's
 * transaction status, and the connection's record of the names it has parsed (`parsedStatements`,
 * not public API: a pg upgrade may change it). Read on a client that never connects.
 */
export function missingPgInternals(client: unknown = new pg.Client()): string | null {
  const probe = client as { getTransactionStatus?: unknown; connection?: { parsedStatements?: unknown } };
  if (typeof probe.getTransactionStatus !== 'function') return 'pg clients have no getTransactionStatus()';
  const parsed = probe.connection?.parsedStatements;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return 'pg connections keep no parsedStatements record';
  return null;
}

let warned = false;
const warnOnce = (message: string) => {
  if (warned) return;
  warned = true;
  process.emitWarning(message, { code: 'STEWARD_NAMED_STATEMENTS' });
};

/**
 * The pool for Kysely: naming its statements when this pg has the internals that needs, else
 * as it is (statements run unnamed, as before ADR 0009: correct, planned on every run), with
 * one warning saying why.
 */
export function statementsPool(
  pool: pg.Pool,
  { probe, warn = warnOnce }: { probe?: unknown; warn?: (message: string) => void } = {},
): PostgresPool {
  const missing = missingPgInternals(probe);
  if (missing === null) return namedStatementsPool(pool);
  warn(
    `PostgreSQL statements run unnamed (planned on every run, slower): ${missing}. The pg package ` +
      'changed what server/db/named-statements.ts reads; adapt that file to this pg version.',
  );
  return pool;
}

/**
 * The pool as Kysely's PostgresDialect takes it, each connection naming its statements. The
 * wrapper of a connection lives as long as the connection, so what it has prepared is known
 * across checkouts.
 */
export function namedStatementsPool(pool: pg.Pool, capacity = STATEMENTS_PER_CONNECTION): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, NamingClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let naming = clients.get(client);
      if (!naming) {
        naming = new NamingClient(client, capacity);
        clients.set(client, naming);
      }
      return naming;
    },
    end: () => pool.end(),
  };
}
