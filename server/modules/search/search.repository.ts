import { sql } from 'kysely';
import { type DbOrTrx, dialectOf } from '../../db/database';
import { prepared } from '../../db/prepared';

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

/** One full-text query over the newest RANK_WINDOW matches, ranked, with snippets. */
async function matchTerms(
  db: DbOrTrx,
  terms: string[],
  limit: number,
  candidateIds: number[] | null,
  prefixLast: boolean,
): Promise<SearchHit[]> {
  const within = candidateIds
    ? sql`and rowid in (${sql.join(candidateIds.length ? candidateIds : [-1])})`
    : sql``;
  if (dialectOf(db) === 'sqlite') {
    const expr = terms
      .map((t, i) => `"${t.replace(/"/g, '""')}"${prefixLast && i === terms.length - 1 ? '*' : ''}`)
      .join(' ');
    const result = await sql<{ rowid: number; snippet: string }>`
      select rowid, snippet(ticket_search, -1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 16) as snippet
      from ticket_search
      where ticket_search match ${expr}
        and rowid >= coalesce((select min(rowid) from (select rowid from ticket_search where ticket_search match ${expr} ${within} order by rowid desc limit ${RANK_WINDOW})), 0)
        ${within}
      order by bm25(ticket_search, 6.0, 1.0, 3.0), rowid desc
      limit ${limit}`.execute(db);
    return result.rows.map((r) => ({ ticketId: Number(r.rowid), snippet: r.snippet }));
  }
  const query = terms
    .map((t) => t.replace(/[^\p{L}\p{N}_]/gu, ''))
    .filter(Boolean)
    .map((t, i, all) => `${t}${prefixLast && i === all.length - 1 ? ':*' : ''}`)
    .join(' & ');
  if (!query) return [];
  const result = await sql<{ rowid: number; snippet: string }>`
    with recent as (
      select rowid, document, subject, body from ticket_search
      where document @@ to_tsquery('simple', ${query}) ${within}
      order by rowid desc limit ${RANK_WINDOW}
    )
    select rowid,
      ts_headline('simple', subject || ' — ' || left(body, 4000), to_tsquery('simple', ${query}),
        ${`StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=30, MinWords=10, ShortWord=2`}) as snippet
    from (
      select rowid, subject, body, ts_rank(document, to_tsquery('simple', ${query})) as score
      from recent order by score desc, rowid desc limit ${limit}
    ) best
    order by score desc, rowid desc`.execute(db);
  return result.rows.map((r) => ({ ticketId: Number(r.rowid), snippet: r.snippet }));
}

/** Writes a ticket's document; every ticket opened writes one (see server/db/prepared.ts). */
const writeQuery = prepared((db, p: { rowid: number; subject: string; body: string; customer: string }) =>
  dialectOf(db) === 'sqlite'
    ? sql`insert into ticket_search (rowid, subject, body, customer) values (${p.rowid}, ${p.subject}, ${p.body}, ${p.customer})`.compile(
        db,
      )
    : sql`
      insert into ticket_search (rowid, subject, body, customer, document)
      values (${p.rowid}, ${p.subject}, ${p.body}, ${p.customer},
        setweight(to_tsvector('simple', ${p.subject}), 'A') || setweight(to_tsvector('simple', ${p.body}), 'B') || setweight(to_tsvector('simple', ${p.customer}), 'C'))
      on conflict (rowid) do update set subject = excluded.subject, body = excluded.body, customer = excluded.customer, document = excluded.document`.compile(
        db,
      ),
);

export const searchRepository = {
  async upsert(db: DbOrTrx, ticketId: number, doc: SearchDocument, isNew = false): Promise<void> {
    // FTS5 has no upsert: an old document is removed first.
    if (dialectOf(db) === 'sqlite' && !isNew)
      await sql`delete from ticket_search where rowid = ${ticketId}`.execute(db);
    await writeQuery.rows(db, {
      rowid: ticketId,
      subject: doc.subject,
      body: doc.body.slice(0, MAX_BODY),
      customer: doc.customer,
    });
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
    await sql`delete from ticket_search where rowid = ${ticketId}`.execute(db);
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
