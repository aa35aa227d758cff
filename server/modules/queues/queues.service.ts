import type { z } from 'zod';
import {
  type createViewBody,
  defaultTicketColumns,
  type listTicketsQuery,
  type Ticket,
  ticketColumns,
  type updateViewBody,
  type View,
  type ViewFilters,
  type ViewSort,
  viewFilters,
} from '../../../contracts/tickets';
import { TimeLimitExceeded } from '../../db/errors';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { parseObject, parseStringList } from '../../platform/json';
import { decodeCursor } from '../../platform/pagination';
import { prerendered } from '../../platform/prerendered';
import { searchTicketIds, snippetHtml } from '../search';
import { queueIndexRepository, type SortBy, type Viewer } from './queue-index.repository';
import { queueCounter } from './queues.counts';
import { filtersAt, parseFilters, tooBroad } from './queues.filters';
import { ticketPages } from './queues.pages';
import { queuesRepository as repo, type ViewRow } from './queues.repository';

type Columns = View['columns'];
/** A view without its live count. */
type ViewDefinition = Omit<View, 'count' | 'countCapped'>;
type TicketPage = { data: (Ticket & { snippet?: string })[]; nextCursor: string | null };
const defaultColumns: Columns = [...defaultTicketColumns];
/** Queues of open work show the service-level clock too. */
const openWorkColumns: Columns = [...defaultColumns, 'sla'];
const open = ['new', 'open', 'pending', 'on_hold'] as const;
const recent: ViewSort = { by: 'updated_at', dir: 'desc' };

/** The queues every agent has. */
export const builtInViews: ViewDefinition[] = [
  {
    id: 'my-open',
    name: 'My open tickets',
    builtIn: true,
    shared: true,
    filters: { assignee: ['me'], status: [...open] },
    sort: recent,
    columns: openWorkColumns,
  },
  {
    id: 'unassigned',
    name: 'Unassigned',
    builtIn: true,
    shared: true,
    filters: { assignee: ['none'], status: ['new', 'open', 'pending', 'on_hold'] },
    sort: { by: 'created_at', dir: 'asc' },
    columns: openWorkColumns,
  },
  {
    id: 'my-teams',
    name: 'My teams',
    builtIn: true,
    shared: true,
    filters: { team: ['mine'], status: [...open] },
    sort: recent,
    columns: [...openWorkColumns, 'team'],
  },
  {
    id: 'escalated',
    name: 'Escalated',
    builtIn: true,
    shared: true,
    filters: { escalated: true, status: [...open] },
    sort: { by: 'priority', dir: 'desc' },
    columns: openWorkColumns,
  },
  {
    // Open tickets whose next service-level target runs out within two hours, or has run out.
    id: 'breaching-soon',
    name: 'Breaching soon',
    builtIn: true,
    shared: true,
    filters: { status: [...open], slaDueBefore: '+2h' },
    sort: { by: 'sla_due_at', dir: 'asc' },
    columns: ['id', 'subject', 'sla', 'requester', 'status', 'priority', 'assignee', 'updated_at'],
  },
  {
    id: 'pending',
    name: 'Waiting on customer',
    builtIn: true,
    shared: true,
    filters: { status: ['pending'] },
    sort: recent,
    columns: defaultColumns,
  },
  {
    id: 'recently-solved',
    name: 'Recently solved',
    builtIn: true,
    shared: true,
    filters: { status: ['solved', 'closed'], solvedAfter: '-7d' },
    sort: recent,
    columns: defaultColumns,
  },
  {
    id: 'all',
    name: 'All tickets',
    builtIn: true,
    shared: true,
    filters: {},
    sort: recent,
    columns: defaultColumns,
  },
];

function toView(row: ViewRow): ViewDefinition {
  const [by, dir] = row.sort.split(':');
  const filters = viewFilters.safeParse(parseObject(row.filters));
  return {
    id: String(row.id),
    name: row.name,
    builtIn: false,
    shared: row.owner_id === null,
    filters: filters.success ? filters.data : {},
    sort: { by: (by as ViewSort['by']) ?? 'updated_at', dir: dir === 'asc' ? 'asc' : 'desc' },
    columns: parseStringList(row.columns).filter((c): c is Columns[number] =>
      (ticketColumns as readonly string[]).includes(c),
    ),
  };
}

export function queuesService({ db, config }: AppDeps) {
  const timeLimitMs = config.filterTimeLimitMs;
  const pages = ticketPages(db, { caches: config.caches, timeLimitMs });
  const countOn = queueCounter(config.caches, timeLimitMs);
  /** A view's live count, up to the limit (queues.counts.ts); unknown (null) past the time limit. */
  async function counted(
    filters: ViewFilters,
    who: Viewer,
    stamp: string | null,
  ): Promise<Pick<View, 'count' | 'countCapped'>> {
    try {
      return await countOn(db, filters, who, stamp);
    } catch (error) {
      if (error instanceof TimeLimitExceeded) return { count: null, countCapped: false };
      throw error;
    }
  }

  /** Who is looking; the teams are read only when the filters ask for "my teams" (or for any filters when none are given). */
  async function viewer(ctx: RequestContext, filters?: ViewFilters): Promise<Viewer> {
    if (ctx.actor.type !== 'user' || ctx.actor.id === 0) return { userId: null, teamIds: [] };
    const needsTeams = !filters || filters.team?.includes('mine');
    return {
      userId: ctx.actor.id,
      teamIds: needsTeams ? await queueIndexRepository.teamIdsOf(db, ctx.actor.id) : [],
    };
  }

  async function findView(ctx: RequestContext, id: string): Promise<ViewDefinition> {
    const builtIn = builtInViews.find((v) => v.id === id);
    if (builtIn) return builtIn;
    const row = /^\d+$/.test(id) ? await repo.findById(db, Number(id)) : undefined;
    const userId = ctx.actor.type === 'user' ? ctx.actor.id : null;
    if (!row || (row.owner_id !== null && row.owner_id !== userId))
      throw notFound('VIEW_NOT_FOUND', `View ${id}`);
    return toView(row);
  }

  async function ownView(ctx: RequestContext, id: number) {
    const row = await repo.findById(db, id);
    const userId = ctx.actor.type === 'user' ? ctx.actor.id : null;
    if (!row || (row.owner_id !== null && row.owner_id !== userId))
      throw notFound('VIEW_NOT_FOUND', `View ${id}`);
    if (row.owner_id === null) authorize(ctx.actor, 'views.share');
    return row;
  }

  return {
    /** Built-in and saved views with live counts. */
    async list(ctx: RequestContext): Promise<View[]> {
      authorize(ctx.actor, 'tickets.read');
      const who = await viewer(ctx);
      const saved = (await repo.visibleTo(db, who.userId)).map(toView);
      const views = [...builtInViews, ...saved];
      const { tickets: stamp } = await queueIndexRepository.queueStamp(db);
      return Promise.all(views.map(async (v) => ({ ...v, ...(await counted(v.filters, who, stamp)) })));
    },

    async create(ctx: RequestContext, input: z.output<typeof createViewBody>): Promise<View> {
      authorize(ctx.actor, 'tickets.read');
      if (input.shared) authorize(ctx.actor, 'views.share');
      const ownerId = input.shared ? null : ctx.actor.type === 'user' ? ctx.actor.id : null;
      if (!input.shared && ownerId === null)
        throw new AppError('FORBIDDEN', 'API tokens can only create shared views');
      const who = await viewer(ctx);
      const view = await db.transaction().execute(async (trx) => {
        const id = await repo.insert(
          trx,
          {
            name: input.name,
            owner_id: ownerId,
            filters: JSON.stringify(input.filters),
            sort: `${input.sort.by}:${input.sort.dir}`,
            columns: JSON.stringify(input.columns),
            position: 0,
          },
          nowIso(),
        );
        await recordAudit(trx, ctx, {
          action: 'view.created',
          entityType: 'view',
          entityId: id,
          after: { name: input.name, shared: input.shared, filters: input.filters },
        });
        return toView((await repo.findById(trx, id))!);
      });
      // Counted after the commit: a count may read for its whole time limit.
      return { ...view, ...(await counted(view.filters, who, null)) };
    },

    async update(ctx: RequestContext, id: number, input: z.output<typeof updateViewBody>): Promise<View> {
      authorize(ctx.actor, 'tickets.read');
      const row = await ownView(ctx, id);
      if (input.shared) authorize(ctx.actor, 'views.share');
      const who = await viewer(ctx);
      const view = await db.transaction().execute(async (trx) => {
        const ownerId =
          input.shared === undefined
            ? row.owner_id
            : input.shared
              ? null
              : ctx.actor.type === 'user'
                ? ctx.actor.id
                : row.owner_id;
        await repo.update(
          trx,
          id,
          {
            name: input.name,
            owner_id: ownerId,
            filters: input.filters ? JSON.stringify(input.filters) : undefined,
            sort: input.sort ? `${input.sort.by}:${input.sort.dir}` : undefined,
            columns: input.columns ? JSON.stringify(input.columns) : undefined,
          },
          nowIso(),
        );
        const view = toView((await repo.findById(trx, id))!);
        await recordAudit(trx, ctx, {
          action: 'view.updated',
          entityType: 'view',
          entityId: id,
          before: { name: row.name, filters: parseObject(row.filters) },
          after: { name: view.name, filters: view.filters },
        });
        return view;
      });
      return { ...view, ...(await counted(view.filters, who, null)) };
    },

    async remove(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'tickets.read');
      const row = await ownView(ctx, id);
      await db.transaction().execute(async (trx) => {
        await repo.remove(trx, id);
        await recordAudit(trx, ctx, {
          action: 'view.deleted',
          entityType: 'view',
          entityId: id,
          before: { name: row.name },
        });
      });
    },

    /** A page of tickets: a view's filters and sort, extra filters, optional full-text search. */
    async tickets(ctx: RequestContext, query: z.output<typeof listTicketsQuery>): Promise<TicketPage> {
      authorize(ctx.actor, 'tickets.read');
      const view = query.view ? await findView(ctx, query.view) : builtInViews.find((v) => v.id === 'all')!;
      const filters = filtersAt({ ...view.filters, ...parseFilters(query.filters) }, Date.now());
      const sort: SortBy = query.sort ?? view.sort.by;
      const dir = query.dir ?? view.sort.dir;
      const key = decodeCursor(query.cursor);
      const after =
        key && key.length === 2 && typeof key[1] === 'number'
          ? ([key[0]!, key[1]] as [string | number, number])
          : null;
      let snippets: Map<number, string> | null = null;
      if (query.q) {
        const hits = await searchTicketIds(db, query.q, 500);
        snippets = new Map(hits.map((h) => [h.ticketId, snippetHtml(h.snippet)]));
      }
      const who = await viewer(ctx, filters);
      const pageQuery = {
        filters,
        viewer: who,
        sort,
        dir,
        limit: query.limit,
        after,
        ids: snippets ? [...snippets.keys()] : undefined,
      };
      try {
        return prerendered<TicketPage>(await pages.render(pageQuery, snippets));
      } catch (error) {
        throw error instanceof TimeLimitExceeded ? tooBroad() : error;
      }
    },
  };
}

export type QueuesService = ReturnType<typeof queuesService>;
