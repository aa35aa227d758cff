import { type SelectQueryBuilder, sql } from 'kysely';
import { type ReportCounter, type ReportDurationMetric, reportCounters } from '../../../contracts/reports';
import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import type { Database, ReportHoursTable } from '../../db/schema';
import {
  allGrains,
  coarseGrains,
  type Dimension,
  durationGrains,
  durationParts,
  type Grain,
  grainFor,
  keeps,
  projectDeltas,
} from './reports.grains';
import {
  type Activity,
  type Deltas,
  type Dims,
  dimsKey,
  emptyDeltas,
  type FoldEvent,
  parseDimsKey,
  type TicketState,
} from './reports.rules';

/** Which aggregate rows a report reads: hours in [fromHour, untilHour) and the dimension filters. */
export interface ReportScope {
  from: string;
  until: string;
  /** a team lead's teams: rows of other teams are left out */
  teamIds?: number[];
  teamId?: number;
  agentId?: number;
  channel?: string;
  categoryId?: number;
  priority?: string;
  type?: string;
  organizationId?: number;
  /** read at this grain; by default the coarsest that keeps every filtered and grouped dimension */
  grain?: Grain;
}

type Keyed = 'report_hours' | 'report_durations';

/** The dimensions a scope narrows by. */
function narrowedBy(s: ReportScope): Dimension[] {
  const out: Dimension[] = [];
  if (s.teamIds !== undefined || s.teamId !== undefined) out.push('teamId');
  if (s.agentId !== undefined) out.push('agentId');
  if (s.channel !== undefined) out.push('channel');
  if (s.categoryId !== undefined) out.push('categoryId');
  if (s.priority !== undefined) out.push('priority');
  if (s.type !== undefined) out.push('type');
  if (s.organizationId !== undefined) out.push('organizationId');
  return out;
}

/** The grain a read of the scope takes among `among`, grouping by `groupedBy` too. */
export const grainOf = (s: ReportScope, groupedBy: Dimension[] = [], among = coarseGrains): Grain =>
  s.grain ?? grainFor([...narrowedBy(s), ...groupedBy], among);

/**
 * Aggregate rows of the scope's hours and dimensions, at the grain that keeps them; the team and
 * agent a coarse grain leaves out are named as none, so (grain, team, agent, hour) serves the read.
 */
export function scoped<O>(
  q: SelectQueryBuilder<Database, Keyed, O>,
  s: ReportScope,
  groupedBy: Dimension[] = [],
) {
  const grain = grainOf(s, groupedBy);
  let out = inScope(q, s).where('grain', '=', grain);
  if (grain !== 'all' && !keeps(grain, 'teamId')) out = out.where('team_id', '=', 0);
  if (grain !== 'all' && !keeps(grain, 'agentId')) out = out.where('agent_id', '=', 0);
  return out;
}

/** Rows of the scope's hours and dimensions (every aggregate table has the same key columns). */
function inScope<T extends Keyed | 'report_activity', O>(
  q: SelectQueryBuilder<Database, T, O>,
  s: ReportScope,
): SelectQueryBuilder<Database, T, O> {
  let out = (q as unknown as SelectQueryBuilder<Database, 'report_activity', O>)
    .where('hour', '>=', s.from)
    .where('hour', '<', s.until);
  if (s.teamIds) out = out.where('team_id', 'in', s.teamIds.length > 0 ? s.teamIds : [-1]);
  if (s.teamId !== undefined) out = out.where('team_id', '=', s.teamId);
  if (s.agentId !== undefined) out = out.where('agent_id', '=', s.agentId);
  if (s.channel !== undefined) out = out.where('channel', '=', s.channel);
  if (s.categoryId !== undefined) out = out.where('category_id', '=', s.categoryId);
  if (s.priority !== undefined) out = out.where('priority', '=', s.priority);
  if (s.type !== undefined) out = out.where('type', '=', s.type);
  if (s.organizationId !== undefined) out = out.where('organization_id', '=', s.organizationId);
  return out as unknown as SelectQueryBuilder<Database, T, O>;
}

const keyColumns = [
  'hour',
  'team_id',
  'agent_id',
  'channel',
  'category_id',
  'priority',
  'type',
  'organization_id',
] as const;

function keyValues(hour: string, d: Dims) {
  return {
    hour,
    team_id: d.teamId,
    agent_id: d.agentId,
    channel: d.channel,
    category_id: d.categoryId,
    priority: d.priority,
    type: d.type,
    organization_id: d.organizationId,
  };
}

const CHUNK = 500;
const chunks = <T>(rows: T[]) =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));

export type TicketFacts = Dims;

/** Adds one grain's counters and duration buckets to the stored rows. */
async function applyAtGrain(db: DbOrTrx, grain: Grain, deltas: Deltas) {
  const counterRows = [...deltas.counters].map(([k, row]) => {
    const [hour = '', key = ''] = k.split('#');
    const values: Record<ReportCounter, number> = Object.fromEntries(
      reportCounters.map((c) => [c, row[c] ?? 0]),
    ) as Record<ReportCounter, number>;
    return { grain, ...keyValues(hour, parseDimsKey(key)), ...values };
  });
  for (const part of chunks(counterRows)) {
    await db
      .insertInto('report_hours')
      .values(part)
      .onConflict((oc) =>
        oc
          .columns(['grain', ...keyColumns])
          .doUpdateSet(
            Object.fromEntries(
              reportCounters.map((c) => [
                c,
                sql<number>`${sql.ref(`report_hours.${c}`)} + ${sql.ref(`excluded.${c}`)}`,
              ]),
            ),
          ),
      )
      .execute();
  }
  const durationRows = [...deltas.durations].map(([k, count]) => {
    const [hour = '', key = '', metric = '', bucket = '0'] = k.split('#');
    return { grain, ...keyValues(hour, parseDimsKey(key)), metric, bucket: Number(bucket), count };
  });
  for (const part of chunks(durationRows)) {
    await db
      .insertInto('report_durations')
      .values(part)
      .onConflict((oc) =>
        oc
          .columns(['grain', ...keyColumns, 'metric', 'bucket'])
          .doUpdateSet((eb) => ({ count: eb('report_durations.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
  }
}

export const reportsRepository = {
  /** Both cursors, locked for the batch's transaction (FOR UPDATE on PostgreSQL). */
  async cursors(db: DbOrTrx): Promise<{ ticket: number; sla: number }> {
    // The migration writes both rows; written again here if they were ever removed, so there is
    // always a row to lock.
    await db
      .insertInto('report_cursors')
      .values([
        { name: 'ticket_events', last_id: 0 },
        { name: 'sla_events', last_id: 0 },
      ])
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const rows = await adapterOf(db)
      .forUpdate(db.selectFrom('report_cursors').select(['name', 'last_id']).orderBy('name'))
      .execute();
    const of = (name: string) => Number(rows.find((r) => r.name === name)?.last_id ?? 0);
    return { ticket: of('ticket_events'), sla: of('sla_events') };
  },

  async setCursors(db: DbOrTrx, ticket: number, sla: number) {
    await db
      .updateTable('report_cursors')
      .set({ last_id: ticket })
      .where('name', '=', 'ticket_events')
      .execute();
    await db.updateTable('report_cursors').set({ last_id: sla }).where('name', '=', 'sla_events').execute();
  },

  /** The newest ticket event that is settled (older than `settledBefore` where ids commit out of order). */
  async newestTicketEvent(db: DbOrTrx, settledBefore: string | null): Promise<number> {
    let q = db.selectFrom('ticket_events').select((eb) => eb.fn.max('id').as('id'));
    if (settledBefore) q = q.where('created_at', '<', settledBefore);
    return Number((await q.executeTakeFirst())?.id ?? 0);
  },

  async newestSlaEvent(db: DbOrTrx, settledBefore: string | null): Promise<number> {
    let q = db.selectFrom('sla_events').select((eb) => eb.fn.max('id').as('id'));
    if (settledBefore) q = q.where('at', '<', settledBefore);
    return Number((await q.executeTakeFirst())?.id ?? 0);
  },

  async ticketEventsAfter(db: DbOrTrx, after: number, upTo: number, limit: number): Promise<FoldEvent[]> {
    const rows = await db
      .selectFrom('ticket_events')
      .select(['id', 'ticket_id', 'type', 'actor_type', 'actor_id', 'from_value', 'to_value', 'created_at'])
      .where('id', '>', after)
      .where('id', '<=', upTo)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      source: 'ticket',
      id: r.id,
      ticketId: r.ticket_id,
      type: r.type,
      actorType: r.actor_type,
      actorId: r.actor_id,
      fromValue: r.from_value,
      toValue: r.to_value,
      metric: null,
      outcome: null,
      at: r.created_at,
    }));
  },

  async slaEventsAfter(db: DbOrTrx, after: number, upTo: number, limit: number): Promise<FoldEvent[]> {
    const rows = await db
      .selectFrom('sla_events')
      .select(['id', 'ticket_id', 'type', 'metric', 'detail', 'at'])
      .where('id', '>', after)
      .where('id', '<=', upTo)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => {
      let outcome: string | null = null;
      try {
        const detail = JSON.parse(r.detail) as { outcome?: unknown };
        outcome = typeof detail.outcome === 'string' ? detail.outcome : null;
      } catch {
        outcome = null;
      }
      return {
        source: 'sla',
        id: r.id,
        ticketId: r.ticket_id,
        type: r.type,
        actorType: 'system',
        actorId: null,
        fromValue: null,
        toValue: null,
        metric: r.metric,
        outcome,
        at: r.at,
      };
    });
  },

  /**
   * Each ticket's dimensions when it was opened: what the first change of each says it was
   * before, or, never changed, what it is now (the organisation: what it is now).
   */
  async initialDims(db: DbOrTrx, ticketIds: number[]): Promise<Map<number, Dims>> {
    const out = new Map<number, Dims>();
    if (ticketIds.length === 0) return out;
    const tickets = await db
      .selectFrom('tickets')
      .select([
        'id',
        'team_id',
        'assignee_id',
        'channel',
        'category_id',
        'priority',
        'type',
        'organization_id',
      ])
      .where('id', 'in', ticketIds)
      .execute();
    const firsts = await db
      .selectFrom('ticket_events as e')
      .select(['e.ticket_id', 'e.type', 'e.from_value'])
      .where('e.id', 'in', (eb) =>
        eb
          .selectFrom('ticket_events')
          .select((f) => f.fn.min('id').as('id'))
          .where('ticket_id', 'in', ticketIds)
          .where('type', 'in', [
            'assigned',
            'team_changed',
            'category_changed',
            'priority_changed',
            'type_changed',
          ])
          .groupBy(['ticket_id', 'type']),
      )
      .execute();
    for (const t of tickets) {
      out.set(t.id, {
        teamId: t.team_id ?? 0,
        agentId: t.assignee_id ?? 0,
        channel: t.channel,
        categoryId: t.category_id ?? 0,
        priority: t.priority,
        type: t.type,
        organizationId: t.organization_id ?? 0,
      });
    }
    const id = (v: string | null) => (v === null || v === '' ? 0 : Number(v) || 0);
    for (const f of firsts) {
      const dims = out.get(f.ticket_id);
      if (!dims) continue;
      if (f.type === 'assigned') dims.agentId = id(f.from_value);
      if (f.type === 'team_changed') dims.teamId = id(f.from_value);
      if (f.type === 'category_changed') dims.categoryId = id(f.from_value);
      if (f.type === 'priority_changed') dims.priority = f.from_value ?? '';
      if (f.type === 'type_changed') dims.type = f.from_value ?? '';
    }
    return out;
  },

  async states(db: DbOrTrx, ticketIds: number[]): Promise<Map<number, TicketState>> {
    const out = new Map<number, TicketState>();
    for (const ids of chunks(ticketIds)) {
      const rows = await db
        .selectFrom('report_ticket_state')
        .selectAll()
        .where('ticket_id', 'in', ids)
        .execute();
      for (const r of rows) out.set(r.ticket_id, JSON.parse(r.state) as TicketState);
    }
    return out;
  },

  async saveStates(db: DbOrTrx, states: Map<number, TicketState>) {
    const rows = [...states].map(([ticket_id, state]) => ({ ticket_id, state: JSON.stringify(state) }));
    for (const part of chunks(rows)) {
      await db
        .insertInto('report_ticket_state')
        .values(part)
        .onConflict((oc) => oc.column('ticket_id').doUpdateSet((eb) => ({ state: eb.ref('excluded.state') })))
        .execute();
    }
  },

  /** Adds the deltas to the stored counters, buckets and activity, at every grain. */
  async applyDeltas(db: DbOrTrx, deltas: Deltas) {
    for (const grain of allGrains) await applyAtGrain(db, grain, projectDeltas(deltas, grain));
    const activityRows = [...deltas.activity].map(([k, row]) => {
      const [hour = '', key = '', ticket = '0'] = k.split('#');
      return { ...keyValues(hour, parseDimsKey(key)), ticket_id: Number(ticket), ...row };
    });
    for (const part of chunks(activityRows)) {
      await db
        .insertInto('report_activity')
        .values(part)
        .onConflict((oc) =>
          oc.columns([...keyColumns, 'ticket_id']).doUpdateSet((eb) => ({
            replies: eb('report_activity.replies', '+', eb.ref('excluded.replies')),
            solved: eb('report_activity.solved', '+', eb.ref('excluded.solved')),
            touches: eb('report_activity.touches', '+', eb.ref('excluded.touches')),
            minutes: eb('report_activity.minutes', '+', eb.ref('excluded.minutes')),
          })),
        )
        .execute();
    }
  },

  /** Empties the aggregates and puts the cursors back to the start (before a rebuild). */
  async clear(db: DbOrTrx) {
    await db.deleteFrom('report_hours').execute();
    await db.deleteFrom('report_durations').execute();
    await db.deleteFrom('report_activity').execute();
    await db.deleteFrom('report_ticket_state').execute();
    await db.updateTable('report_cursors').set({ last_id: 0 }).execute();
  },

  /** Every stored figure per grain, in the fold's own keys (for the check); activity under `all`. */
  async stored(db: DbOrTrx): Promise<Map<Grain, Deltas>> {
    const out = new Map<Grain, Deltas>(allGrains.map((g) => [g, emptyDeltas()]));
    const at = (grain: string) => out.get(grain as Grain) ?? emptyDeltas();
    for (const r of await db.selectFrom('report_hours').selectAll().execute()) {
      const key = `${r.hour}#${dimsKey(dimsOf(r))}`;
      at(r.grain).counters.set(key, Object.fromEntries(reportCounters.map((c) => [c, Number(r[c])])));
    }
    for (const r of await db.selectFrom('report_durations').selectAll().execute()) {
      const key = `${r.hour}#${dimsKey(dimsOf(r))}#${r.metric}#${r.bucket}`;
      at(r.grain).durations.set(key, Number(r.count));
    }
    for (const r of await db.selectFrom('report_activity').selectAll().execute()) {
      const row: Activity = {
        replies: Number(r.replies),
        solved: Number(r.solved),
        touches: Number(r.touches),
        minutes: Number(r.minutes),
      };
      at('all').activity.set(`${r.hour}#${dimsKey(dimsOf(r))}#${r.ticket_id}`, row);
    }
    return out;
  },

  /** Counter sums per hour in the scope. */
  async counterHours(db: DbOrTrx, scope: ReportScope) {
    const rows = await scoped(db.selectFrom('report_hours'), scope)
      .select('hour')
      .select((eb) => reportCounters.map((c) => eb.fn.sum<number>(c).as(c)))
      .groupBy('hour')
      .orderBy('hour')
      .execute();
    return rows.map((r) => {
      const out: Record<ReportCounter, number> & { hour: string } = { hour: r.hour } as never;
      for (const c of reportCounters) out[c] = Number(r[c] ?? 0);
      return out;
    });
  },

  /** Counter sums over the scope (one row). */
  async counterTotals(db: DbOrTrx, scope: ReportScope): Promise<Record<ReportCounter, number>> {
    const row = await scoped(db.selectFrom('report_hours'), scope)
      .select((eb) => reportCounters.map((c) => eb.fn.sum<number>(c).as(c)))
      .executeTakeFirst();
    return Object.fromEntries(reportCounters.map((c) => [c, Number(row?.[c] ?? 0)])) as Record<
      ReportCounter,
      number
    >;
  },

  /** Merged buckets per duration metric in the scope (whole UTC days from day rows, edge hours from hourly ones). */
  async buckets(db: DbOrTrx, scope: ReportScope, metrics: readonly ReportDurationMetric[]) {
    const out = new Map<string, Map<number, number>>();
    for (const part of durationParts(scope.from, scope.until, grainOf(scope, [], durationGrains))) {
      const rows = await scoped(db.selectFrom('report_durations'), { ...scope, ...part })
        .select(['metric', 'bucket'])
        .select((eb) => eb.fn.sum<number>('count').as('count'))
        .where('metric', 'in', [...metrics])
        .groupBy(['metric', 'bucket'])
        .execute();
      for (const r of rows) {
        const m = out.get(r.metric) ?? new Map<number, number>();
        m.set(Number(r.bucket), (m.get(Number(r.bucket)) ?? 0) + Number(r.count));
        out.set(r.metric, m);
      }
    }
    return out;
  },

  /** Open tickets before `before` by the fold's counters (the start of a backlog series). */
  async backlogBefore(db: DbOrTrx, scope: ReportScope, before: string): Promise<number> {
    const row = await scoped(db.selectFrom('report_hours'), {
      ...scope,
      from: '1970-01-01T00:00:00.000Z',
      until: before,
    })
      .select((eb) => eb.fn.sum<number>(sql`created - solved - merged + reopened`).as('open'))
      .executeTakeFirst();
    return Number(row?.open ?? 0);
  },

  /**
   * Per agent who acted in the scope (the scope's agent being who acted): solves, public replies,
   * distinct tickets touched, minutes logged and the tickets they were logged on.
   */
  async agentActivity(db: DbOrTrx, scope: ReportScope) {
    const rows = await inScope(db.selectFrom('report_activity'), scope)
      .innerJoin('users as u', 'u.id', 'report_activity.agent_id')
      .select(['u.id', 'u.name'])
      .select((eb) => [
        eb.fn.sum<number>('report_activity.replies').as('replies'),
        eb.fn.sum<number>('report_activity.solved').as('solved'),
        eb.fn.count<number>('report_activity.ticket_id').distinct().as('touched'),
        eb.fn.sum<number>('report_activity.minutes').as('minutes'),
        eb.fn
          .count<number>(
            eb.case().when('report_activity.minutes', '>', 0).then(eb.ref('report_activity.ticket_id')).end(),
          )
          .distinct()
          .as('timed'),
      ])
      .groupBy(['u.id', 'u.name'])
      .orderBy('u.name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      replies: Number(r.replies),
      solved: Number(r.solved),
      touched: Number(r.touched),
      minutes: Number(r.minutes ?? 0),
      timed: Number(r.timed ?? 0),
    }));
  },

  /** The tickets behind a figure: events of the given kinds in the period, on tickets the filter keeps. */
  async drillEvents(
    db: DbOrTrx,
    q: { types: string[]; from: string; until: string; where?: 'solve' | 'reopen' | 'agent' | 'closing' },
    ticketFilter: TicketFilter,
    limit: number,
  ) {
    let base = filteredTickets(
      db.selectFrom('ticket_events as e').innerJoin('tickets as t', 't.id', 'e.ticket_id'),
      ticketFilter,
    )
      .where('e.type', 'in', q.types)
      .where('e.created_at', '>=', q.from)
      .where('e.created_at', '<', q.until);
    if (q.where === 'solve')
      base = base
        .where('e.to_value', 'in', ['solved', 'closed'])
        .where('e.from_value', 'not in', ['solved', 'closed']);
    if (q.where === 'reopen')
      base = base
        .where('e.from_value', 'in', ['solved', 'closed'])
        .where('e.to_value', 'not in', ['solved', 'closed']);
    const total = await base
      .select((eb) => eb.fn.count<number>('e.ticket_id').distinct().as('n'))
      .executeTakeFirst();
    const rows = await base
      .select(['t.id', 't.subject', 't.status', 't.priority'])
      .select((eb) => eb.fn.max('e.created_at').as('at'))
      .groupBy(['t.id', 't.subject', 't.status', 't.priority'])
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
    return { total: Number(total?.n ?? 0), rows: rows.map((r) => ({ ...r, at: String(r.at) })) };
  },

  /** Tickets open at `at` on the filter (opened before, not solved or closed now or solved after). */
  async drillOpen(db: DbOrTrx, at: string, ticketFilter: TicketFilter, limit: number) {
    const base = filteredTickets(db.selectFrom('tickets as t'), ticketFilter)
      .where('t.created_at', '<', at)
      .where('t.merged_into_id', 'is', null)
      .where((eb) => eb.or([eb('t.solved_at', 'is', null), eb('t.solved_at', '>=', at)]))
      .where((eb) => eb.or([eb('t.closed_at', 'is', null), eb('t.closed_at', '>=', at)]));
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await base
      .select(['t.id', 't.subject', 't.status', 't.priority', 't.created_at as at'])
      .orderBy('t.created_at', 'desc')
      .limit(limit)
      .execute();
    return { total: Number(total?.n ?? 0), rows };
  },

  /** Tickets whose SLA targets were met on time or missed in the period. */
  async drillSla(
    db: DbOrTrx,
    achieved: boolean,
    from: string,
    until: string,
    ticketFilter: TicketFilter,
    limit: number,
  ) {
    let base = filteredTickets(
      db.selectFrom('sla_events as e').innerJoin('tickets as t', 't.id', 'e.ticket_id'),
      ticketFilter,
    )
      .where('e.at', '>=', from)
      .where('e.at', '<', until);
    base = achieved
      ? base.where('e.type', '=', 'achieved').where('e.detail', 'like', '%"outcome":"achieved"%')
      : base.where('e.type', '=', 'breached');
    const total = await base
      .select((eb) => eb.fn.count<number>('e.ticket_id').distinct().as('n'))
      .executeTakeFirst();
    const rows = await base
      .select(['t.id', 't.subject', 't.status', 't.priority'])
      .select((eb) => eb.fn.max('e.at').as('at'))
      .groupBy(['t.id', 't.subject', 't.status', 't.priority'])
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
    return { total: Number(total?.n ?? 0), rows: rows.map((r) => ({ ...r, at: String(r.at) })) };
  },

  /** Tickets with a survey answer in the period. */
  async drillAnswers(db: DbOrTrx, from: string, until: string, ticketFilter: TicketFilter, limit: number) {
    const base = filteredTickets(
      db.selectFrom('survey_answers as a').innerJoin('tickets as t', 't.id', 'a.ticket_id'),
      ticketFilter,
    )
      .where('a.answered_at', '>=', from)
      .where('a.answered_at', '<', until);
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await base
      .select(['t.id', 't.subject', 't.status', 't.priority', 'a.answered_at as at'])
      .orderBy('a.answered_at', 'desc')
      .limit(limit)
      .execute();
    return { total: Number(total?.n ?? 0), rows };
  },

  /** The newest event time the aggregates have folded in. */
  async asOf(db: DbOrTrx): Promise<string | null> {
    const row = await db
      .selectFrom('report_cursors as c')
      .innerJoin('ticket_events as e', 'e.id', 'c.last_id')
      .select('e.created_at')
      .where('c.name', '=', 'ticket_events')
      .executeTakeFirst();
    return row?.created_at ?? null;
  },

  async ledTeams(db: DbOrTrx, userId: number): Promise<number[]> {
    const rows = await db.selectFrom('teams').select('id').where('lead_id', '=', userId).execute();
    return rows.map((r) => r.id);
  },
};

/** The drill-down's filter on the ticket as it is now (the aggregates keep the dimensions at the time). */
export interface TicketFilter {
  teamIds?: number[];
  teamId?: number;
  agentId?: number;
  channel?: string;
  categoryId?: number;
  priority?: string;
  type?: string;
  organizationId?: number;
}

export function filteredTickets<DB extends Database & { t: Database['tickets'] }, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  f: TicketFilter,
): SelectQueryBuilder<DB, TB, O> {
  let out = q as unknown as SelectQueryBuilder<Database & { t: Database['tickets'] }, 't', O>;
  if (f.teamIds) out = out.where('t.team_id', 'in', f.teamIds.length > 0 ? f.teamIds : [-1]);
  if (f.teamId !== undefined) out = out.where('t.team_id', '=', f.teamId);
  if (f.agentId !== undefined) out = out.where('t.assignee_id', '=', f.agentId);
  if (f.channel !== undefined) out = out.where('t.channel', '=', f.channel as never);
  if (f.categoryId !== undefined) out = out.where('t.category_id', '=', f.categoryId);
  if (f.priority !== undefined) out = out.where('t.priority', '=', f.priority as never);
  if (f.type !== undefined) out = out.where('t.type', '=', f.type as never);
  if (f.organizationId !== undefined) out = out.where('t.organization_id', '=', f.organizationId);
  return out as unknown as SelectQueryBuilder<DB, TB, O>;
}

function dimsOf(
  r: Pick<
    ReportHoursTable,
    'team_id' | 'agent_id' | 'channel' | 'category_id' | 'priority' | 'type' | 'organization_id'
  >,
): Dims {
  return {
    teamId: Number(r.team_id),
    agentId: Number(r.agent_id),
    channel: r.channel,
    categoryId: Number(r.category_id),
    priority: r.priority,
    type: r.type,
    organizationId: Number(r.organization_id),
  };
}
