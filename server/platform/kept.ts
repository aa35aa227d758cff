// Answers kept while what they were read from is unchanged.

const MAX_KEPT = 1_000;

/**
 * Answers kept by the query that found them while the tables they read are unchanged (ADR 0011):
 * a queue page's keys and a view's count (the tickets table), a page of users (users, teams and
 * memberships). When something changes, every open page asks again at once; the first of each
 * identical question reads the database, the others reuse its answer. `stamp` marks the tables'
 * state, read before the answer (`tablesStamp` in server/db/stamps.ts, or the queues' own): an
 * answer found under one stamp is never served under another, and a null stamp (PostgreSQL, a
 * transaction) keeps nothing. With `keep` false (CACHES=off) every answer is found anew.
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
