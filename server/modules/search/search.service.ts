import type { Ticket } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import type { AppDeps } from '../../platform/deps';
import { escapeHtml } from '../../platform/markdown';
import { hitCache, noteIndexChanged } from './search.cache';
import { MARK_CLOSE, MARK_OPEN, searchRepository as repo, type SearchHit } from './search.repository';

/** Builds a ticket's search document from the database: subject, every message, requester. */
export async function reindexTickets(db: DbOrTrx, ticketIds: number[]): Promise<void> {
  noteIndexChanged();
  for (const id of ticketIds) {
    const doc = await repo.documentOf(db, id);
    if (doc) await repo.upsert(db, id, doc);
    else await repo.remove(db, id);
  }
}

/** Adds a new message's text to a ticket's document without re-reading the conversation. */
export async function appendToIndex(db: DbOrTrx, ticketId: number, text: string): Promise<void> {
  const doc = await repo.get(db, ticketId);
  if (!doc) return reindexTickets(db, [ticketId]);
  noteIndexChanged();
  await repo.upsert(db, ticketId, { ...doc, body: `${doc.body}\n${text}` });
}

export async function indexNewTicket(
  db: DbOrTrx,
  ticketId: number,
  doc: { subject: string; body: string; customer: string },
) {
  noteIndexChanged();
  await repo.upsert(db, ticketId, doc, true);
}

export const setIndexedSubject = async (db: DbOrTrx, ticketId: number, subject: string) => {
  const doc = await repo.get(db, ticketId);
  noteIndexChanged();
  if (doc) await repo.upsert(db, ticketId, { ...doc, subject });
};

/** Words of a query, lower-cased, without FTS syntax; at most 8. */
export function queryTerms(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

/** Escapes the snippet's text and turns the match markers into <mark>. */
export function snippetHtml(snippet: string): string {
  return escapeHtml(snippet).replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
}

export async function searchTicketIds(
  db: DbOrTrx,
  q: string,
  limit: number,
  candidateIds: number[] | null = null,
): Promise<SearchHit[]> {
  return repo.match(db, queryTerms(q), limit, candidateIds);
}

/** What the search shows besides its own index; the tickets and customers modules' reads, passed in. */
export interface SearchSources {
  /** Tickets as the API shows them; ids that do not exist are left out. */
  ticketsByIds(db: DbOrTrx, ids: number[]): Promise<Ticket[]>;
  /** Customers whose name, email or phone match, at most `limit`. */
  customersMatching(
    db: DbOrTrx,
    q: string,
    limit: number,
  ): Promise<{ id: number; name: string; email: string | null; organization: string | null }[]>;
}

export function searchService({ db, config }: AppDeps, sources: SearchSources) {
  const recentHits = hitCache(Date.now, config.caches);
  return {
    /** Tickets ranked by relevance among the newest matches, and customers by name, email or phone. */
    async search(context: RequestContext, q: string, limit: number) {
      authorize(context.actor, 'tickets.read');
      const terms = queryTerms(q);
      const hits = await recentHits(JSON.stringify([terms, limit]), () => repo.match(db, terms, limit, null));
      const tickets = await sources.ticketsByIds(
        db,
        hits.map((h) => h.ticketId),
      );
      const byId = new Map(tickets.map((t) => [t.id, t]));
      return {
        tickets: hits
          .filter((h) => byId.has(h.ticketId))
          .map((h) => ({
            ticket: byId.get(h.ticketId)!,
            snippet: snippetHtml(h.snippet),
          })),
        customers: await sources.customersMatching(db, q, 10),
      };
    },
  };
}

export type SearchService = ReturnType<typeof searchService>;
