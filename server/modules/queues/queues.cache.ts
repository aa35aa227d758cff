/** How long a rendered row is served at most, so a change made behind the application's back (by hand in SQL) shows within it. */
export const RENDERED_TTL_MS = 60_000;
const MAX_ROWS = 20_000;

interface Entry<V> {
  version: number;
  json: V;
  at: number;
}

/**
 * Ticket rows as list pages send them: JSON checked against the response schema once, as the
 * bytes that go out (`V` is a Buffer there; tests keep strings).
 * Queue pages show the same few hundred tickets again and again; joining their names, reading
 * every column, building objects and encoding them again cost several times what finding the
 * page does. A row is served only while its version (read with the page's ids, from the same
 * index) is the one it was rendered at, and while the rows epoch (replaced by database triggers
 * whenever a shown name changes or tickets are deleted, on any node) is the one it was rendered
 * under. Oldest rows leave first when the cache is full (about 20,000 rows, a few megabytes).
 * With `keep` false (CACHES=off) nothing is kept: every row is read and rendered.
 */
export function renderedTickets<V>(now: () => number = Date.now, keep = true) {
  const entries = new Map<number, Entry<V>>();
  let epoch: number | null = null;
  return {
    /** Starts a page under the epoch just read: rows rendered under another one are dropped. */
    enterEpoch(value: number): void {
      if (value === epoch) return;
      entries.clear();
      epoch = value;
    },

    get(id: number, version: number): V | undefined {
      const entry = entries.get(id);
      if (!entry || entry.version !== version || now() - entry.at > RENDERED_TTL_MS) return undefined;
      return entry.json;
    },

    /**
     * Keeps a row rendered from data read under `renderedUnder`; ignored when the epoch has moved
     * since (a page that started before a rename must not store the old name afterwards).
     */
    put(id: number, version: number, json: V, renderedUnder: number): void {
      if (!keep || renderedUnder !== epoch) return;
      entries.delete(id);
      if (entries.size >= MAX_ROWS) entries.delete(entries.keys().next().value!);
      entries.set(id, { version, json, at: now() });
    },

    get size() {
      return entries.size;
    },
  };
}

const MAX_KEPT = 1_000;

/**
 * Answers that depend only on the tickets table (a page's keys, a view's count) by the query
 * that found them, kept while that table is unchanged (ADR 0011). When a ticket changes, every
 * open Inbox asks again at once; the first of each identical question reads the database, the
 * others reuse its answer. `stamp` is the tickets mark of `QueueStamp`, read before the answer:
 * an answer found under one stamp is never served under another. With `keep` false
 * (CACHES=off) every answer is found anew.
 */
export function keptWhileUnchanged<V>(keep = true) {
  const entries = new Map<string, V>();
  let current: string | null = null;

  /** Starts a request under the stamp just read: answers found under another one are dropped. */
  function enter(stamp: string): void {
    if (stamp === current) return;
    entries.clear();
    current = stamp;
  }

  /** Keeps an answer found under `foundUnder`; ignored when the stamp has moved since. */
  function put(query: string, value: V, foundUnder: string): void {
    if (!keep || foundUnder !== current) return;
    if (entries.size >= MAX_KEPT) entries.delete(entries.keys().next().value!);
    entries.set(query, value);
  }

  return {
    enter,
    put,
    get: (query: string): V | undefined => entries.get(query),

    /** The kept answer to `query` under `stamp`, or `find`'s, kept; always `find`'s without a stamp. */
    async answer(stamp: string | null, query: string, find: () => Promise<V>): Promise<V> {
      if (stamp === null || !keep) return find();
      enter(stamp);
      const kept = entries.get(query);
      if (kept !== undefined) return kept;
      const found = await find();
      put(query, found, stamp);
      return found;
    },

    get size() {
      return entries.size;
    },
  };
}
