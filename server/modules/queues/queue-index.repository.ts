import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import { dateRanges, type SortKey, type ViewFilters } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { adapterOf, type DialectAdapter } from '../../db/dialect';
import { compiledByKey, prepared } from '../../db/prepared';
import type { Database } from '../../db/schema';
import { localWritesTo } from '../../db/write-counts';
import { OPEN_STATUSES } from '../tickets';

/** True when a status filter is exactly the open statuses, which the is_open flag answers from an index. */
const isOpenSet = (statuses: readonly string[]) =>
  statuses.length === OPEN_STATUSES.length && OPEN_STATUSES.every((s) => statuses.includes(s));

/** Who is looking, for "me" and "my teams" in filters. */
export interface Viewer {
  userId: number | null;
  teamIds: number[];
}

export type SortBy = SortKey;

// The rank expressions are the sort indexes' (migrations 0009, 0018 and 0025), word for word.
const priorityRankSql = sql<number>`case tickets.priority when 'urgent' then 4 when 'high' then 3 when 'normal' then 2 else 1 end`;
const statusRankSql = sql<number>`case tickets.status when 'new' then 1 when 'open' then 2 when 'pending' then 3 when 'on_hold' then 4 when 'solved' then 5 else 6 end`;

function sortExpression(by: SortBy): RawBuilder<string | number> {
  if (by === 'priority') return priorityRankSql;
  if (by === 'status') return statusRankSql;
  if (by === 'due_at') return sql<string>`coalesce(tickets.due_at, '9999-12-31T00:00:00.000Z')`;
  // Tickets without a running clock come last, and carry a key a cursor can page past.
  if (by === 'sla_due_at') return sql<string>`coalesce(tickets.sla_due_at, '9999-12-31T00:00:00.000Z')`;
  return sql.ref<string>(`tickets.${by}`);
}

/**
 * The part of who is looking that `filterCondition` reads for these filters: their id for
 * "assigned to me", their teams for "my teams", nothing otherwise. Answers to a shared view's
 * query are then the same for every agent, and can be kept once for all of them.
 */
export function relevantViewer(filters: ViewFilters, viewer: Viewer): Viewer {
  return {
    userId: filters.assignee?.includes('me') ? viewer.userId : null,
    teamIds: filters.team?.includes('mine') ? viewer.teamIds : [],
  };
}

/** The filters of a view as one condition over the tickets table. */
export function filterCondition(
  eb: ExpressionBuilder<Database, 'tickets'>,
  filters: ViewFilters,
  viewer: Viewer,
  dialect: DialectAdapter,
): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (filters.status?.length) {
    all.push(
      isOpenSet(filters.status) ? eb('tickets.is_open', '=', 1) : eb('tickets.status', 'in', filters.status),
    );
  }
  if (filters.priority?.length) all.push(eb('tickets.priority', 'in', filters.priority));
  if (filters.type?.length) all.push(eb('tickets.type', 'in', filters.type));
  if (filters.channel?.length) all.push(eb('tickets.channel', 'in', filters.channel));
  if (filters.assignee?.length) {
    const ids = filters.assignee.flatMap((a) =>
      a === 'me' ? [viewer.userId ?? -1] : a === 'none' ? [] : [a],
    );
    const anyOf: Expression<SqlBool>[] = [];
    if (ids.length) anyOf.push(eb('tickets.assignee_id', 'in', ids));
    if (filters.assignee.includes('none')) anyOf.push(eb('tickets.assignee_id', 'is', null));
    all.push(eb.or(anyOf));
  }
  if (filters.team?.length) {
    const ids = filters.team.flatMap((t) =>
      t === 'mine' ? (viewer.teamIds.length ? viewer.teamIds : [-1]) : t === 'none' ? [] : [t],
    );
    const anyOf: Expression<SqlBool>[] = [];
    if (ids.length) anyOf.push(eb('tickets.team_id', 'in', ids));
    if (filters.team.includes('none')) anyOf.push(eb('tickets.team_id', 'is', null));
    all.push(eb.or(anyOf));
  }
  if (filters.categoryId?.length) all.push(eb('tickets.category_id', 'in', filters.categoryId));
  for (const tag of filters.tags ?? []) {
    all.push(
      eb(
        'tickets.id',
        'in',
        eb
          .selectFrom('ticket_tags')
          .select('ticket_tags.ticket_id')
          .where('ticket_tags.tag', '=', tag.toLowerCase()),
      ),
    );
  }
  if (filters.escalated !== undefined)
    all.push(eb('tickets.escalated_at', filters.escalated ? 'is not' : 'is', null));
  if (filters.hasAttachments !== undefined) {
    const files = eb
      .selectFrom('attachments')
      .select('attachments.id')
      .whereRef('attachments.ticket_id', '=', 'tickets.id')
      .where('attachments.message_id', 'is not', null);
    all.push(filters.hasAttachments ? eb.exists(files) : eb.not(eb.exists(files)));
  }
  if (filters.requesterId) all.push(eb('tickets.requester_id', '=', filters.requesterId));
  if (filters.organizationId) all.push(eb('tickets.organization_id', '=', filters.organizationId));
  for (const range of dateRanges) {
    const after = filters[range.after];
    const before = filters[range.before];
    if (after) all.push(eb(`tickets.${range.column}`, '>=', new Date(after).toISOString()));
    if (!before) continue;
    // "Runs out before" reads the service-level sort index as a range (no clock sorts last, and never matches).
    const column =
      range.column === 'sla_due_at' ? sortExpression('sla_due_at') : eb.ref(`tickets.${range.column}`);
    all.push(eb(column, '<', new Date(before).toISOString()));
  }
  for (const [key, value] of Object.entries(filters.customFields ?? {}))
    all.push(dialect.jsonFieldEquals('tickets.custom_fields', key, value));
  return eb.and(all);
}

/** Page queries by their parameters: an agent's queues ask the same first page again and again. */
const pageKeysQuery = compiledByKey<{ id: number; version: number; sort_key: string | number }>();

/** The rows epoch and, on SQLite, the connection's count of other connections' commits. */
const queueStampQuery = prepared<Record<string, never>, { value: number; data_version?: number }>((db) => {
  const counter = adapterOf(db).commitCounter;
  return counter
    ? sql<{
        value: number;
        data_version: number;
      }>`select value, ${counter} as data_version
        from change_epochs where name = 'ticket_rows'`.compile(db)
    : db.selectFrom('change_epochs').select('value').where('name', '=', 'ticket_rows');
});

/** What queue pages and view counts are read under (ADR 0008, ADR 0011). */
export interface QueueStamp {
  /** The rows epoch: replaced whenever a name shown on ticket rows changes or tickets are deleted (triggers of migration 0008). */
  epoch: number;
  /**
   * Moves whenever the tickets table may have changed since: this process's statements that
   * write tickets, other connections' commits and the rows epoch (foreign keys clear tickets'
   * references when what they name is deleted), on SQLite. Null where no such mark is cheaper
   * than the page's own query (PostgreSQL, or a transaction).
   */
  tickets: string | null;
}

/** A ticket on a page: its id, its version (every write to a ticket row moves it) and its value in the sort order. */
export interface PageKey {
  id: number;
  version: number;
  sortKey: string | number;
}

/** What finds a page: filters, who is looking, sort, the cursor's key, and for a search the matching ids. */
export interface PageQuery {
  filters: ViewFilters;
  viewer: Viewer;
  sort: SortBy;
  dir: 'asc' | 'desc';
  limit: number;
  after: [string | number, number] | null;
  ids?: number[];
}

/**
 * Filters the built-in views and the customer and organisation pages read by, each answered from
 * an index (tests read their plans): reads by these alone need no time limit. Any other filter
 * (type, channel, priority, category, tags, files, dates, custom fields, in any combination) may
 * make a read visit most of the table, so it runs with one.
 */
const indexedFilters: ReadonlySet<string> = new Set<keyof ViewFilters>([
  'status',
  'assignee',
  'team',
  'escalated',
  'requesterId',
  'organizationId',
  'solvedAfter',
]);

export function needsTimeLimit(filters: ViewFilters): boolean {
  return Object.keys(filters).some((key) => !indexedFilters.has(key));
}

/** The time limit of reads by these filters, in ms; null when they need none. */
const limitFor = (filters: ViewFilters, ms: number | null) =>
  ms !== null && needsTimeLimit(filters) ? ms : null;

/** A condition first in a WHERE clause, or nothing. */
const first = (guard: RawBuilder<SqlBool> | undefined) => (guard ? [guard] : []);

/** The query behind `pageKeys`; exported so tests can read its plan. `guard` is a time limit's (see `timeLimited`). */
export function pageKeysSelect(db: DbOrTrx, params: PageQuery, guard?: RawBuilder<SqlBool>) {
  const sortExpr = sortExpression(params.sort);
  const dialect = adapterOf(db);
  let q = db
    .selectFrom('tickets')
    .select(['tickets.id', 'tickets.version', sortExpr.as('sort_key')])
    .where((eb) => eb.and([...first(guard), filterCondition(eb, params.filters, params.viewer, dialect)]));
  if (params.ids) q = q.where('tickets.id', 'in', params.ids.length ? params.ids : [-1]);
  if (params.after) {
    const [value, id] = params.after;
    const op = params.dir === 'desc' ? '<' : '>';
    q = q.where((eb) =>
      eb.or([eb(sortExpr, op, value), eb.and([eb(sortExpr, '=', value), eb('tickets.id', op, id)])]),
    );
  }
  return q
    .orderBy(sortExpr, params.dir)
    .orderBy('tickets.id', params.dir)
    .limit(params.limit + 1);
}

const teamIdsQuery = prepared((db, p: { userId: number }) =>
  db.selectFrom('team_members').select('team_id').where('user_id', '=', p.userId),
);

/** The queue index: which tickets a view shows, in what order, and what a page was read under. */
export const queueIndexRepository = {
  /**
   * One page of tickets matching the filters, sorted, after the cursor key: ids with what tells
   * a rendered row apart from a stale one, and the sort value for the next cursor. Fetches limit+1.
   * Works on the tickets table alone; the names are joined only for rows not already rendered
   * (sorting every match with six joins attached was the cost of busy views, and one query with
   * the ids as a subquery lets SQLite's planner walk every ticket in sort order instead).
   */
  async pageKeys(
    db: DbOrTrx,
    params: PageQuery,
    key = JSON.stringify(params),
    timeLimitMs: number | null = null,
  ): Promise<PageKey[]> {
    const ms = limitFor(params.filters, timeLimitMs);
    const rows =
      ms === null
        ? await pageKeysQuery(db, key, () => pageKeysSelect(db, params))
        : await adapterOf(db).timeLimited(
            db,
            { ms, rowid: 'tickets.id' },
            async (on, guard) => await pageKeysSelect(on, params, guard).execute(),
          );
    return rows.map((r) => ({ id: r.id, version: r.version, sortKey: r.sort_key }));
  },

  /** Read before a page's keys and rows or a view's count, so a change that lands in between only costs a miss. */
  async queueStamp(db: DbOrTrx): Promise<QueueStamp> {
    const local = localWritesTo(db, 'tickets');
    const row = await queueStampQuery.first(db, {});
    const epoch = row?.value ?? 0;
    return {
      epoch,
      // The epoch too: deleting a team, staff member, category, organisation or customer clears
      // tickets' references through the foreign keys, with no statement that names tickets.
      tickets:
        local === null || row?.data_version === undefined ? null : `${epoch}:${row.data_version}:${local}`,
    };
  },

  /** Matching tickets, counted up to `limit` + 1 so a caller can tell "exactly limit" from "more". */
  async countUpTo(
    db: DbOrTrx,
    filters: ViewFilters,
    viewer: Viewer,
    limit: number,
    timeLimitMs: number | null = null,
  ): Promise<number> {
    const dialect = adapterOf(db);
    const count = async (on: DbOrTrx, guard?: RawBuilder<SqlBool>) => {
      const matches = on
        .selectFrom('tickets')
        .select('tickets.id')
        .where((eb) => eb.and([...first(guard), filterCondition(eb, filters, viewer, dialect)]))
        .limit(limit + 1)
        .as('matches');
      const row = await on
        .selectFrom(matches)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const ms = limitFor(filters, timeLimitMs);
    return ms === null ? count(db) : dialect.timeLimited(db, { ms, rowid: 'tickets.id' }, count);
  },

  /** The staff member's teams, for "my teams" views. */
  async teamIdsOf(db: DbOrTrx, userId: number): Promise<number[]> {
    return (await teamIdsQuery.rows(db, { userId })).map((r) => r.team_id);
  },
};
