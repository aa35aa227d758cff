import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { filteredTickets, type ReportScope, scoped, type TicketFilter } from './reports.repository';

/** The pain-point report's reads: tickets opened by category (aggregates) and by tag (indexed on created_at). */
export const painPointsRepository = {
  /** Tickets opened per category in the scope, from the hourly aggregates (0 = no category). */
  async createdByCategory(db: DbOrTrx, scope: ReportScope): Promise<Map<number, number>> {
    const rows = await scoped(db.selectFrom('report_hours'), scope, ['categoryId'])
      .select('category_id')
      .select((eb) => eb.fn.sum<number>('created').as('created'))
      .groupBy('category_id')
      .execute();
    return new Map(rows.map((r) => [Number(r.category_id), Number(r.created ?? 0)]));
  },

  async categoryNames(db: DbOrTrx, ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('categories').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  /** Tickets opened in [from, until) per tag, on tickets the filter keeps; `tags` narrows to those. */
  async createdByTag(
    db: DbOrTrx,
    from: string,
    until: string,
    filter: TicketFilter,
    limit: number,
    tags?: string[],
  ): Promise<{ tag: string; tickets: number }[]> {
    if (tags && tags.length === 0) return [];
    let q = filteredTickets(
      db.selectFrom('tickets as t').innerJoin('ticket_tags as tg', 'tg.ticket_id', 't.id'),
      filter,
    )
      .where('t.created_at', '>=', from)
      .where('t.created_at', '<', until);
    // `|| ''`: the tags are checked on the period's tickets of the team; listed as they are,
    // SQLite takes them from the tag index and walks every ticket that ever had one.
    if (tags) q = q.where(sql<string>`tg.tag || ''`, 'in', tags);
    const rows = await q
      .select('tg.tag')
      .select((eb) => eb.fn.countAll<number>().as('tickets'))
      .groupBy('tg.tag')
      .orderBy('tickets', 'desc')
      .orderBy('tg.tag')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ tag: r.tag, tickets: Number(r.tickets) }));
  },
};
