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
 */
export function renderedTickets<V>(now: () => number = Date.now) {
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
      if (renderedUnder !== epoch) return;
      entries.delete(id);
      if (entries.size >= MAX_ROWS) entries.delete(entries.keys().next().value!);
      entries.set(id, { version, json, at: now() });
    },

    get size() {
      return entries.size;
    },
  };
}

const MAX_PAGES = 1_000;

/**
 * Pages' keys (ids, versions and sort values) by the query that found them, kept while the
 * tickets table is unchanged (ADR 0011). When a ticket changes, every open queue asks for its
 * page again at once; the first of each identical request reads it, the others reuse it.
 * `stamp` is the tickets mark of `PageStamp`, read before the keys: a page found under one
 * stamp is never served under another.
 */
export function keptPageKeys<K>() {
  const entries = new Map<string, K[]>();
  let current: string | null = null;
  return {
    /** Starts a request under the stamp just read: pages found under another one are dropped. */
    enter(stamp: string): void {
      if (stamp === current) return;
      entries.clear();
      current = stamp;
    },

    get(query: string): K[] | undefined {
      return entries.get(query);
    },

    /** Keeps a page found under `foundUnder`; ignored when the stamp has moved since. */
    put(query: string, keys: K[], foundUnder: string): void {
      if (foundUnder !== current) return;
      if (entries.size >= MAX_PAGES) entries.delete(entries.keys().next().value!);
      entries.set(query, keys);
    },

    get size() {
      return entries.size;
    },
  };
}
