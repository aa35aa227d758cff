import type { SearchHit } from './search.repository';

/** How long a query's ranked hits are reused when nothing on this node wrote to the index. */
export const HITS_TTL_MS = 2_000;
const MAX_QUERIES = 1_000;

/** Bumped by every write to the ticket index in this process; older cached hits are dropped. */
let indexGeneration = 0;

export function noteIndexChanged(): void {
  indexGeneration += 1;
}

interface Entry {
  at: number;
  generation: number;
  hits: Promise<SearchHit[]>;
}

/**
 * Ranked hits of recent queries. Ranking the newest matches of a word found in most tickets
 * costs milliseconds; several people searching at once queue behind each other. Hits (ids and
 * snippets) are kept for HITS_TTL_MS; the tickets themselves are always read fresh. Concurrent
 * identical queries share one computation. With `keep` false (CACHES=off) every query is ranked anew.
 */
export function hitCache(now: () => number = Date.now, keep = true) {
  const entries = new Map<string, Entry>();
  return async function cached(key: string, compute: () => Promise<SearchHit[]>): Promise<SearchHit[]> {
    if (!keep) return compute();
    const entry = entries.get(key);
    if (entry && entry.generation === indexGeneration && now() - entry.at < HITS_TTL_MS) return entry.hits;
    entries.delete(key);
    if (entries.size >= MAX_QUERIES) entries.delete(entries.keys().next().value!);
    const fresh: Entry = { at: now(), generation: indexGeneration, hits: compute() };
    entries.set(key, fresh);
    fresh.hits.catch(() => entries.delete(key));
    return fresh.hits;
  };
}
