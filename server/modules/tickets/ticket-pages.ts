import { ticketSchema } from '../../../contracts/tickets';
import type { Db } from '../../db/database';
import { renderedTickets } from './tickets.cache';
import { toTicket } from './tickets.mapper';
import { type PageKey, ticketsRepository } from './tickets.repository';

/** A rendered ticket with its search snippet as one more field. */
const withSnippet = (json: string, snippet: string) =>
  `${json.slice(0, -1)},"snippet":${JSON.stringify(snippet)}}`;

/**
 * Turns a page's keys into the rows' JSON text (ADR 0008): kept rows when their version and the
 * rows epoch still match, the rest read and rendered through the ticket schema and kept.
 */
export function ticketPages(db: Db) {
  const rendered = renderedTickets();

  async function rows(page: PageKey[]): Promise<{ id: number; json: string }[]> {
    const epoch = await ticketsRepository.rowsEpoch(db);
    rendered.enterEpoch(epoch);
    const out = page.map((key) => rendered.get(key.id, key.version));
    const missing = page.filter((_, i) => out[i] === undefined).map((key) => key.id);
    if (missing.length === 0) return page.map((key, i) => ({ id: key.id, json: out[i]! }));
    const fresh = new Map<number, string>();
    for (const row of await ticketsRepository.findByIds(db, missing)) {
      const json = JSON.stringify(ticketSchema.parse(toTicket(row)));
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
    /** The page body as JSON text, each row with its snippet when the page is a search. */
    async render(page: PageKey[], nextCursor: string | null, snippets: Map<number, string> | null) {
      const data = (await rows(page)).map(({ id, json }) =>
        snippets ? withSnippet(json, snippets.get(id) ?? '') : json,
      );
      return `{"data":[${data.join(',')}],"nextCursor":${JSON.stringify(nextCursor)}}`;
    },
  };
}
