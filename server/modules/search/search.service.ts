import type { DbOrTrx } from '../../db/database';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import type { AppDeps } from '../../platform/deps';
import { escapeHtml } from '../../platform/markdown';
import { customersRepository } from '../customers/customers.repository';
import { toTicket } from '../tickets/tickets.mapper';
import { ticketsRepository } from '../tickets/tickets.repository';
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

export function searchService({ db, config }: AppDeps) {
  const recentHits = hitCache(Date.now, config.caches);
  return {
    /** Tickets ranked by relevance among the newest matches, and customers by name, email or phone. */
    async search(context: RequestContext, q: string, limit: number) {
      authorize(context.actor, 'tickets.read');
      const terms = queryTerms(q);
      const hits = await recentHits(JSON.stringify([terms, limit]), () => repo.match(db, terms, limit, null));
      const rows = await ticketsRepository.findByIds(
        db,
        hits.map((h) => h.ticketId),
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      const customers = await customersRepository.list(db, { q, limit: 10 }, null);
      return {
        tickets: hits
          .filter((h) => byId.has(h.ticketId))
          .map((h) => ({
            ticket: toTicket(byId.get(h.ticketId)!),
            snippet: snippetHtml(h.snippet),
          })),
        customers: customers
          .slice(0, 10)
          .map((c) => ({ id: c.id, name: c.name, email: c.email, organization: c.organization_name })),
      };
    },
  };
}

export type SearchService = ReturnType<typeof searchService>;
