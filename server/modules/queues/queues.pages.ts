import { ticketSchema } from '../../../contracts/tickets';
import type { Db } from '../../db/database';
import { keptWhileUnchanged } from '../../platform/kept';
import { encodeCursor } from '../../platform/pagination';
import { ticketRowsByIds, toTicket } from '../tickets';
import {
  type PageKey,
  type PageQuery,
  type QueueStamp,
  queueIndexRepository,
  relevantViewer,
} from './queue-index.repository';
import { renderedTickets } from './queues.cache';

/** A rendered ticket with its search snippet as one more field. */
const withSnippet = (json: Buffer, snippet: string) =>
  Buffer.concat([json.subarray(0, -1), Buffer.from(`,"snippet":${JSON.stringify(snippet)}}`)]);

const PAGE_START = Buffer.from('{"data":[');
const COMMA = Buffer.from(',');

/** `{"data":[…],"nextCursor":…}` from rows already rendered, copied once into the bytes that go out. */
function pageBody(rows: Buffer[], nextCursor: string | null): Buffer {
  const parts: Buffer[] = [PAGE_START];
  rows.forEach((row, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(row);
  });
  parts.push(Buffer.from(`],"nextCursor":${JSON.stringify(nextCursor)}}`));
  return Buffer.concat(parts);
}

export interface PageOptions {
  /** Keep pages' keys and rendered rows (false: CACHES=off). */
  caches?: boolean;
  /** How long reads by filters that no index answers may take (ms); null: no limit. */
  timeLimitMs?: number | null;
}

/**
 * Turns a page query into the page's JSON: its keys, kept while the tickets table is
 * unchanged (ADR 0011), then its rows, kept when their version and the rows epoch still match
 * and otherwise read and rendered through the ticket schema (ADR 0008). With `caches` false
 * (CACHES=off) nothing is kept.
 */
export function ticketPages(db: Db, { caches = true, timeLimitMs = null }: PageOptions = {}) {
  const rendered = renderedTickets<Buffer>(Date.now, caches);
  const keptKeys = keptWhileUnchanged<PageKey[]>(caches);

  function keys(query: PageQuery, stamp: QueueStamp): Promise<PageKey[]> {
    // Search pages name their matches: they are many, and the hits have a cache of their own.
    if (query.ids) return queueIndexRepository.pageKeys(db, query, undefined, timeLimitMs);
    const key = JSON.stringify({ ...query, viewer: relevantViewer(query.filters, query.viewer) });
    return keptKeys.answer(stamp.tickets, key, () =>
      queueIndexRepository.pageKeys(db, query, key, timeLimitMs),
    );
  }

  async function rows(page: PageKey[], epoch: number): Promise<{ id: number; json: Buffer }[]> {
    rendered.enterEpoch(epoch);
    const out = page.map((key) => rendered.get(key.id, key.version));
    const missing = page.filter((_, i) => out[i] === undefined).map((key) => key.id);
    if (missing.length === 0) return page.map((key, i) => ({ id: key.id, json: out[i]! }));
    const fresh = new Map<number, Buffer>();
    for (const row of await ticketRowsByIds(db, missing)) {
      const json = Buffer.from(JSON.stringify(ticketSchema.parse(toTicket(row))));
      rendered.put(row.id, row.version, json, epoch);
      fresh.set(row.id, json);
    }
    // A ticket deleted between the two reads (merged away) is left out of the page.
    return page.flatMap((key, i) => {
      const json = out[i] ?? fresh.get(key.id);
      return json === undefined ? [] : [{ id: key.id, json }];
    });
  }

  return {
    /**
     * The page body as JSON (`limit` rows and the next cursor), each row with its snippet when
     * the page is a search.
     */
    async render(query: PageQuery, snippets: Map<number, string> | null): Promise<Buffer> {
      const stamp = await queueIndexRepository.queueStamp(db);
      const found = await keys(query, stamp);
      const page = found.slice(0, query.limit);
      const last = page.at(-1);
      const nextCursor = found.length > query.limit && last ? encodeCursor([last.sortKey, last.id]) : null;
      const data = (await rows(page, stamp.epoch)).map(({ id, json }) =>
        snippets ? withSnippet(json, snippets.get(id) ?? '') : json,
      );
      return pageBody(data, nextCursor);
    },
  };
}
