import { type SelectQueryBuilder, sql } from 'kysely';
import { type ReportCounter, type ReportDurationMetric, reportCounters } from '../../../contracts/reports';
import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import type { Database, ReportHoursTable } from '../../db/schema';
import {
  type Deltas,
  type Dims,
  dimsKey,
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
}

type Keyed = 'report_hours' | 'report_durations';

export function scoped<O>(q: SelectQueryBuilder<Database, Keyed, O>, s: ReportScope) {
  let out = q.where('hour', '>=', s.from).where('hour', '<', s.until);
  if (s.teamIds) out = out.where('team_id', 'in', s.teamIds.length > 0 ? s.teamIds : [-1]);
  if (s.teamId !== undefined) out = out.where('team_id', '=', s.teamId);
  if (s.agentId !== undefined) out = out.where('agent_id', '=', s.agentId);
  if (s.channel !== undefined) out = out.where('channel', '=', s.channel);
  if (s.categoryId !== undefined) out = out.where('category_id', '=', s.categoryId);
  if (s.priority !== undefined) out = out.where('priority', '=', s.priority);
  if (s.type !== undefined) out = out.where('type', '=', s.type);
  if (s.organizationId !== undefined) out = out.where('organization_id', '=', s.organizationId);
  return out;
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

const CHUNK = 200;
const chunks = <T>(rows: T[]) =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));

export type TicketFacts = Dims;

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
      .select(['id', 'ticket_id', 'type', 'actor_type', 'from_value', 'to_value', 'created_at'])
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

  /** Adds the deltas to the stored counters and buckets. */
  async applyDeltas(db: DbOrTrx, deltas: Deltas) {
    const counterRows = [...deltas.counters].map(([k, row]) => {
      const [hour = '', key = ''] = k.split('#');
      const values: Record<ReportCounter, number> = Object.fromEntries(
        reportCounters.map((c) => [c, row[c] ?? 0]),
      ) as Record<ReportCounter, number>;
      return { ...keyValues(hour, parseDimsKey(key)), ...values };
    });
    for (const part of chunks(counterRows)) {
      await db
        .insertInto('report_hours')
        .values(part)
        .onConflict((oc) =>
          oc
            .columns([...keyColumns])
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
      return { ...keyValues(hour, parseDimsKey(key)), metric, bucket: Number(bucket), count };
    });
    for (const part of chunks(durationRows)) {
      await db
        .insertInto('report_durations')
        .values(part)
        .onConflict((oc) =>
          oc
            .columns([...keyColumns, 'metric', 'bucket'])
            .doUpdateSet((eb) => ({ count: eb('report_durations.count', '+', eb.ref('excluded.count')) })),
        )
        .execute();
    }
  },

  /** Empties the aggregates and puts the cursors back to the start (before a rebuild). */
  async clear(db: DbOrTrx) {
    await db.deleteFrom('report_hours').execute();
    await db.deleteFrom('report_durations').execute();
    await db.deleteFrom('report_ticket_state').execute();
    await db.updateTable('report_cursors').set({ last_id: 0 }).execute();
  },

  /** Every stored figure, in the fold's own keys (for the check). */
  async stored(db: DbOrTrx): Promise<Deltas> {
    const out: Deltas = { counters: new Map(), durations: new Map() };
    for (const r of await db.selectFrom('report_hours').selectAll().execute()) {
      const key = `${r.hour}#${dimsKey(dimsOf(r))}`;
      out.counters.set(key, Object.fromEntries(reportCounters.map((c) => [c, Number(r[c])])));
    }
    for (const r of await db.selectFrom('report_durations').selectAll().execute()) {
      out.durations.set(`${r.hour}#${dimsKey(dimsOf(r))}#${r.metric}#${r.bucket}`, Number(r.count));
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

  /** Merged buckets per duration metric in the scope. */
  async buckets(db: DbOrTrx, scope: ReportScope, metrics: readonly ReportDurationMetric[]) {
    const rows = await scoped(db.selectFrom('report_durations'), scope)
      .select(['metric', 'bucket'])
      .select((eb) => eb.fn.sum<number>('count').as('count'))
      .where('metric', 'in', [...metrics])
      .groupBy(['metric', 'bucket'])
      .execute();
    const out = new Map<string, Map<number, number>>();
    for (const r of rows) {
      const m = out.get(r.metric) ?? new Map<number, number>();
      m.set(Number(r.bucket), Number(r.count));
      out.set(r.metric, m);
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

  /** Per agent who acted: solves, public replies and distinct tickets touched, from the events. */
  async agentActivity(db: DbOrTrx, from: string, until: string, ticketFilter: TicketFilter) {
    const rows = await filteredTickets(
      db
        .selectFrom('ticket_events as e')
        .innerJoin('tickets as t', 't.id', 'e.ticket_id')
        .innerJoin('users as u', 'u.id', 'e.actor_id'),
      ticketFilter,
    )
      .where('e.actor_type', '=', 'user')
      .where('e.created_at', '>=', from)
      .where('e.created_at', '<', until)
      .where('e.type', 'in', ['replied', 'status_changed', 'assigned', 'priority_changed', 'team_changed'])
      .select(['u.id', 'u.name'])
      .select((eb) => [
        eb.fn.sum<number>(eb.case().when('e.type', '=', 'replied').then(1).else(0).end()).as('replies'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(
                eb.and([
                  eb('e.type', '=', 'status_changed'),
                  eb('e.to_value', 'in', ['solved', 'closed']),
                  eb('e.from_value', 'not in', ['solved', 'closed']),
                ]),
              )
              .then(1)
              .else(0)
              .end(),
          )
          .as('solved'),
        eb.fn.count<number>('e.ticket_id').distinct().as('touched'),
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
