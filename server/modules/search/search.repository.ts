import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { fullTextIndex } from '../../db/dialect/full-text';

/** Each ticket's search document keeps at most this much message text. */
const MAX_BODY = 20_000;
/** A query ranks at most this many of the newest matches, so common words stay fast. */
export const RANK_WINDOW = 2_000;
/** Snippet markers: control characters no message contains, turned into <mark> after escaping. */
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

export interface SearchDocument {
  subject: string;
  body: string;
  customer: string;
}

export interface SearchHit {
  ticketId: number;
  snippet: string;
}

/** Each ticket's search document: subject, messages and requester, subject counting most (migration 0003). */
const ticketSearch = fullTextIndex({
  table: 'ticket_search',
  columns: [
    { name: 'subject', weight: { bm25: 6, class: 'A' } },
    { name: 'body', weight: { bm25: 1, class: 'B' } },
    { name: 'customer', weight: { bm25: 3, class: 'C' } },
  ],
  keepsText: true,
  snippetFrom: ['subject', 'body'],
});

/** One full-text query over the newest RANK_WINDOW matches, ranked, with snippets. */
async function matchTerms(
  db: DbOrTrx,
  terms: string[],
  limit: number,
  candidateIds: number[] | null,
  prefixLast: boolean,
): Promise<SearchHit[]> {
  const hits = await ticketSearch.match(db, {
    terms,
    prefixLast,
    limit,
    within: candidateIds,
    window: RANK_WINDOW,
    snippet: { open: MARK_OPEN, close: MARK_CLOSE },
  });
  return hits.map((h) => ({ ticketId: h.rowid, snippet: h.snippet }));
}

export const searchRepository = {
  async upsert(db: DbOrTrx, ticketId: number, doc: SearchDocument, isNew = false): Promise<void> {
    const entry = { subject: doc.subject, body: doc.body.slice(0, MAX_BODY), customer: doc.customer };
    // Every ticket opened writes a new one: nothing to replace.
    if (isNew) await ticketSearch.insert(db, ticketId, entry);
    else await ticketSearch.replace(db, ticketId, entry);
  },

  /** A ticket's document as it should be: subject, every message, requester. */
  async documentOf(db: DbOrTrx, ticketId: number): Promise<SearchDocument | undefined> {
    const ticket = await db
      .selectFrom('tickets')
      .innerJoin('customers', 'customers.id', 'tickets.requester_id')
      .select(['tickets.subject', 'customers.name', 'customers.email'])
      .where('tickets.id', '=', ticketId)
      .executeTakeFirst();
    if (!ticket) return undefined;
    const messages = await db
      .selectFrom('messages')
      .select('body')
      .where('ticket_id', '=', ticketId)
      .orderBy('id')
      .execute();
    return {
      subject: ticket.subject,
      body: messages.map((m) => m.body).join('\n'),
      customer: [ticket.name, ticket.email].filter(Boolean).join(' '),
    };
  },

  async get(db: DbOrTrx, ticketId: number): Promise<SearchDocument | undefined> {
    const result =
      await sql<SearchDocument>`select subject, body, customer from ticket_search where rowid = ${ticketId}`.execute(
        db,
      );
    return result.rows[0];
  },

  async remove(db: DbOrTrx, ticketId: number): Promise<void> {
    await ticketSearch.remove(db, ticketId);
  },

  /**
   * The ids of matching tickets among the newest RANK_WINDOW matches, best first, with a
   * snippet. `terms` are plain words; each must match (prefix match on the last one).
   */
  /**
   * Whole words first; only when they find fewer than `limit` tickets is the last word also
   * read as a prefix ("invoi" finds "invoice"). Prefix look-ups cost several times more on a
   * large index, so a common word typed in full stays fast.
   */
  async match(
    db: DbOrTrx,
    terms: string[],
    limit: number,
    candidateIds: number[] | null,
  ): Promise<SearchHit[]> {
    if (terms.length === 0) return [];
    const exact = await matchTerms(db, terms, limit, candidateIds, false);
    if (exact.length >= limit || terms.at(-1)!.length < 2) return exact;
    const seen = new Set(exact.map((h) => h.ticketId));
    const prefixed = await matchTerms(db, terms, limit, candidateIds, true);
    return [...exact, ...prefixed.filter((h) => !seen.has(h.ticketId))].slice(0, limit);
  },
};
