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
