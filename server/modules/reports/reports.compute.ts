// The KPI reports as one clean function: filters in, figures out (`computeReport`). Periods are
// whole days in a time zone (the department's, or the viewer's), read from the hourly
// aggregates, and compared with the previous period of the same length.
import {
  type DrillMetric,
  type MetricDefinitionKey,
  metricDefinitions,
  type Report,
  type ReportCounter,
  type ReportDurationMetric,
  type ReportFigure,
  type ReportFilters,
  type ReportKind,
  reportTitles,
} from '../../../contracts/reports';
import type { DbOrTrx } from '../../db/database';
import { AppError } from '../../platform/errors';
import { isTimeZone, loadCalendar, offsetAt, wallClockOf } from '../business-hours';
import { npsFigures, summaryOf } from '../feedback';
import { painPoints } from './reports.pain-points';
import { type ReportScope, reportsRepository as repo } from './reports.repository';
import { percentile } from './reports.rules';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The UTC instant of a date's local midnight in a zone (correct across DST changes). */
export function localMidnight(date: string, tz: string): number {
  const guess = Date.parse(`${date}T00:00:00.000Z`);
  const first = guess - offsetAt(tz, guess) * 60_000;
  return guess - offsetAt(tz, first) * 60_000;
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export const localDate = (ms: number, tz: string) => new Date(wallClockOf(tz, ms)).toISOString().slice(0, 10);

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);

/** Hours are whole UTC hours: a boundary inside an hour (half-hour zones) rounds down. */
const floorHour = (ms: number) => new Date(Math.floor(ms / HOUR) * HOUR).toISOString();

export interface Period {
  from: string;
  to: string;
  start: number;
  end: number;
}

export function periodOf(from: string, to: string, tz: string): Period {
  return { from, to, start: localMidnight(from, tz), end: localMidnight(addDays(to, 1), tz) };
}

export function previousOf(p: Period, tz: string): Period {
  const days = Math.round((Date.parse(p.to) - Date.parse(p.from)) / DAY) + 1;
  return periodOf(addDays(p.from, -days), addDays(p.from, -1), tz);
}

/** Who may see which teams' figures: everything, or a team lead's own teams. */
export interface Viewer {
  teamIds: number[] | null;
}

export async function zoneOf(db: DbOrTrx, tz: string | undefined): Promise<string> {
  if (tz !== undefined) {
    if (!isTimeZone(tz))
      throw new AppError('VALIDATION_FAILED', `Unknown time zone "${tz}"`, { field: 'tz' });
    return tz;
  }
  return (await loadCalendar(db, null))?.timezone ?? 'UTC';
}

export function scopeOf(f: ReportFilters, viewer: Viewer, period: Period): ReportScope {
  return {
    from: floorHour(period.start),
    until: floorHour(period.end),
    teamIds: viewer.teamIds ?? undefined,
    teamId: f.teamId,
    agentId: f.agentId,
    channel: f.channel,
    categoryId: f.categoryId,
    priority: f.priority,
    type: f.type,
    organizationId: f.organizationId,
  };
}

const ratio = (a: number, b: number, times = 100) => (b === 0 ? null : (times * a) / b);
const hours = (seconds: number | null) => (seconds === null ? null : seconds / 3600);

function figure(
  key: string,
  label: string,
  unit: ReportFigure['unit'],
  value: number | null,
  previous: number | null,
  definition: MetricDefinitionKey,
  drill: DrillMetric | null = null,
): ReportFigure {
  return { key, label, unit, value, previous, definition: metricDefinitions[definition], drill };
}

interface Frame {
  scope: ReportScope;
  prevScope: ReportScope;
  period: Period;
  previous: Period;
  tz: string;
  filters: ReportFilters;
  viewer: Viewer;
}

async function bothTotals(db: DbOrTrx, f: Frame, override: Partial<ReportScope> = {}) {
  return Promise.all([
    repo.counterTotals(db, { ...f.scope, ...override }),
    repo.counterTotals(db, { ...f.prevScope, ...override }),
  ]);
}

/** The day (or hour, for a period of up to two days) series of counters, with the backlog. */
async function volumeSeries(db: DbOrTrx, f: Frame) {
  const rows = await repo.counterHours(db, f.scope);
  const days = Math.round((f.period.end - f.period.start) / DAY);
  const grain = days <= 2 ? 'hour' : 'day';
  const labelOf = (hourIso: string) =>
    grain === 'hour'
      ? `${new Date(wallClockOf(f.tz, Date.parse(hourIso))).toISOString().slice(0, 13).replace('T', ' ')}:00`
      : localDate(Date.parse(hourIso), f.tz);
  const buckets: string[] = [];
  const step = grain === 'hour' ? HOUR : DAY;
  if (grain === 'hour')
    for (let t = Date.parse(f.scope.from); t < Date.parse(f.scope.until); t += step)
      buckets.push(labelOf(new Date(t).toISOString()));
  else for (let d = f.period.from; d <= f.period.to; d = addDays(d, 1)) buckets.push(d);
  const by = new Map(buckets.map((b) => [b, { created: 0, solved: 0, reopened: 0, merged: 0 }]));
  for (const r of rows) {
    const point = by.get(labelOf(r.hour));
    if (!point) continue;
    point.created += r.created;
    point.solved += r.solved;
    point.reopened += r.reopened;
    point.merged += r.merged;
  }
  let backlog = await repo.backlogBefore(db, f.scope, f.scope.from);
  const points = buckets.map((bucket) => {
    const p = by.get(bucket)!;
    backlog += p.created - p.solved - p.merged + p.reopened;
    return { bucket, created: p.created, solved: p.solved, reopened: p.reopened, backlog };
  });
  return {
    unit: 'count' as const,
    grain: grain as 'hour' | 'day',
    keys: [
      { key: 'created', label: 'Created' },
      { key: 'solved', label: 'Solved' },
      { key: 'reopened', label: 'Reopened' },
      { key: 'backlog', label: 'Backlog' },
    ],
    points,
    backlog,
  };
}

async function volume(db: DbOrTrx, f: Frame): Promise<Pick<Report, 'figures' | 'series' | 'table'>> {
  const [now, before] = await bothTotals(db, f);
  const series = await volumeSeries(db, f);
  const prevBacklog = await repo.backlogBefore(db, f.prevScope, f.prevScope.until);
  const { backlog, ...rest } = series;
  return {
    figures: [
      figure('created', 'Created', 'count', now.created, before.created, 'created', 'created'),
      figure('solved', 'Solved', 'count', now.solved, before.solved, 'solved', 'solved'),
      figure('reopened', 'Reopened', 'count', now.reopened, before.reopened, 'reopened', 'reopened'),
      figure('backlog', 'Backlog at the end', 'count', backlog, prevBacklog, 'backlog', 'backlog'),
    ],
    series: rest,
    table: null,
  };
}

const speedMetrics: [ReportDurationMetric, string, MetricDefinitionKey, DrillMetric][] = [
  ['first_reply', 'First reply', 'first_reply', 'first_reply'],
  ['first_reply_bh', 'First reply (business hours)', 'first_reply_bh', 'first_reply'],
  ['resolution', 'Full resolution', 'resolution', 'resolution'],
  ['resolution_bh', 'Full resolution (business hours)', 'resolution_bh', 'resolution'],
  ['wait', 'Requester wait', 'wait', 'resolution'],
  ['wait_bh', 'Requester wait (business hours)', 'wait_bh', 'resolution'],
];

async function durationTable(
  db: DbOrTrx,
  f: Frame,
  metrics: typeof speedMetrics,
  override: Partial<ReportScope> = {},
) {
  const names = metrics.map(([m]) => m);
  const [now, before] = await Promise.all([
    repo.buckets(db, { ...f.scope, ...override }, names),
    repo.buckets(db, { ...f.prevScope, ...override }, names),
  ]);
  const figures: ReportFigure[] = [];
  const rows: Record<string, string | number | null>[] = [];
  for (const [metric, label, definition, drill] of metrics) {
    const cur = now.get(metric) ?? new Map<number, number>();
    const prev = before.get(metric) ?? new Map<number, number>();
    const count = [...cur.values()].reduce((a, b) => a + b, 0);
    const median = hours(percentile(cur, 50));
    const p90 = hours(percentile(cur, 90));
    figures.push(
      figure(
        `${metric}_median`,
        `${label}, median`,
        'hours',
        median,
        hours(percentile(prev, 50)),
        definition,
        drill,
      ),
      figure(`${metric}_p90`, `${label}, p90`, 'hours', p90, hours(percentile(prev, 90)), definition, drill),
    );
    rows.push({ metric: label, tickets: count, median, p90 });
  }
  return {
    figures,
    table: {
      columns: [
        { key: 'metric', label: 'Measure', unit: null },
        { key: 'tickets', label: 'Tickets', unit: 'count' as const },
        { key: 'median', label: 'Median (hours)', unit: 'hours' as const },
        { key: 'p90', label: 'p90 (hours)', unit: 'hours' as const },
      ],
      rows,
    },
  };
}

async function speed(db: DbOrTrx, f: Frame): Promise<Pick<Report, 'figures' | 'series' | 'table'>> {
  return { ...(await durationTable(db, f, speedMetrics)), series: null };
}

const slaLabels = [
  ['first_reply', 'First reply'],
  ['next_reply', 'Next reply'],
  ['periodic_update', 'Periodic update'],
  ['resolution', 'Resolution'],
] as const;

async function serviceLevels(db: DbOrTrx, f: Frame): Promise<Pick<Report, 'figures' | 'series' | 'table'>> {
  const [now, before] = await bothTotals(db, f);
  const get = (t: Record<ReportCounter, number>, m: string, k: 'achieved' | 'breached') =>
    t[`sla_${m}_${k}` as ReportCounter];
  const figures: ReportFigure[] = [];
  const rows: Record<string, string | number | null>[] = [];
  for (const [m, label] of slaLabels) {
    const a = get(now, m, 'achieved');
    const b = get(now, m, 'breached');
    const pct = ratio(a, a + b);
    figures.push(
      figure(
        `sla_${m}`,
        `${label} achieved`,
        'percent',
        pct,
        ratio(get(before, m, 'achieved'), get(before, m, 'achieved') + get(before, m, 'breached')),
        'sla',
        'sla_breached',
      ),
    );
    rows.push({ target: label, achieved: a, breached: b, percent: pct });
  }
  return {
    figures,
    series: null,
    table: {
      columns: [
        { key: 'target', label: 'Target', unit: null },
        { key: 'achieved', label: 'Met', unit: 'count' },
        { key: 'breached', label: 'Missed', unit: 'count' },
        { key: 'percent', label: 'Achieved %', unit: 'percent' },
      ],
      rows,
    },
  };
}

async function quality(db: DbOrTrx, f: Frame): Promise<Pick<Report, 'figures' | 'series' | 'table'>> {
  const [now, before] = await bothTotals(db, f);
  return {
    figures: [
      figure(
        'one_touch',
        'One-touch resolution',
        'percent',
        ratio(now.one_touch, now.solved),
        ratio(before.one_touch, before.solved),
        'one_touch',
        'one_touch',
      ),
      figure(
        'reopen_rate',
        'Reopen rate',
        'percent',
        ratio(now.reopened, now.solved),
        ratio(before.reopened, before.solved),
        'reopen_rate',
        'reopened',
      ),
      figure(
        'replies_per_ticket',
        'Replies per solved ticket',
        'ratio',
        ratio(now.agent_replies, now.solved, 1),
        ratio(before.agent_replies, before.solved, 1),
        'replies_per_ticket',
        'solved',
      ),
    ],
    series: null,
    table: null,
  };
}

async function satisfaction(db: DbOrTrx, f: Frame): Promise<Pick<Report, 'figures' | 'series' | 'table'>> {
  const filterOf = (p: Period) => ({
    agentId: f.filters.agentId,
    teamId: f.filters.teamId,
    categoryId: f.filters.categoryId,
    organizationId: f.filters.organizationId,
    channel: f.filters.channel,
    from: new Date(p.start).toISOString(),
    until: new Date(p.end).toISOString(),
  });
  const teams = f.viewer.teamIds;
  // A team lead without a team filter sees each of their teams summed.
  const summaries = async (p: Period) => {
    if (teams === null || f.filters.teamId !== undefined) return [await summaryOf(db, filterOf(p))];
    return Promise.all(teams.map((teamId) => summaryOf(db, { ...filterOf(p), teamId })));
  };
  const fold = (list: Awaited<ReturnType<typeof summaryOf>>[]) => {
    const t = { answers: 0, positive: 0, sent: 0, cesSum: 0, cesCount: 0, answered: 0 };
    for (const s of list) {
      t.answers += s.answers;
      t.positive += s.positive;
      t.sent += s.sent;
      if (s.ces !== null) {
        t.cesSum += s.ces * s.answers;
        t.cesCount += s.answers;
      }
      if (s.responseRate !== null) t.answered += (s.responseRate * s.sent) / 100;
    }
    return {
      csat: ratio(t.positive, t.answers),
      ces: t.cesCount === 0 ? null : t.cesSum / t.cesCount,
      responseRate: ratio(t.answered, t.sent),
      answers: t.answers,
    };
  };
  const now = fold(await summaries(f.period));
  const before = fold(await summaries(f.previous));
  // NPS answers belong to customers: only the organisation (and the period) narrows them.
  const ticketOnly =
    f.viewer.teamIds !== null ||
    [
      f.filters.teamId,
      f.filters.agentId,
      f.filters.channel,
      f.filters.categoryId,
      f.filters.priority,
      f.filters.type,
    ].some((v) => v !== undefined);
  const npsOf = (p: Period) =>
    ticketOnly
      ? null
      : npsFigures(db, {
          from: new Date(p.start).toISOString(),
          until: new Date(p.end).toISOString(),
          organizationId: f.filters.organizationId,
        });
  const [npsNow, npsBefore] = await Promise.all([npsOf(f.period), npsOf(f.previous)]);
  return {
    figures: [
      figure('csat', 'CSAT', 'percent', now.csat, before.csat, 'csat', 'answers'),
      figure('ces', 'Customer effort (CES)', 'score', now.ces, before.ces, 'ces', 'answers'),
      figure('nps', 'NPS', 'score', npsNow?.nps ?? null, npsBefore?.nps ?? null, 'nps'),
      figure(
        'nps_response_rate',
        'NPS response rate',
        'percent',
        npsNow?.responseRate ?? null,
        npsBefore?.responseRate ?? null,
        'nps_response_rate',
      ),
      figure(
        'response_rate',
        'Survey response rate',
        'percent',
        now.responseRate,
        before.responseRate,
        'response_rate',
        'answers',
      ),
      figure('answers', 'Answers', 'count', now.answers, before.answers, 'csat', 'answers'),
    ],
    series: null,
    table: null,
  };
}

export const ticketFilterOf = (f: ReportFilters, viewer: Viewer) => ({
  teamIds: viewer.teamIds ?? undefined,
  teamId: f.teamId,
  agentId: f.agentId,
  channel: f.channel,
  categoryId: f.categoryId,
  priority: f.priority,
  type: f.type,
  organizationId: f.organizationId,
});

async function productivity(db: DbOrTrx, f: Frame): Promise<Pick<Report, 'figures' | 'series' | 'table'>> {
  const [now, before] = await Promise.all([
    repo.agentActivity(db, f.scope),
    repo.agentActivity(db, f.prevScope),
  ]);
  const sum = (list: typeof now, k: 'solved' | 'replies' | 'touched' | 'minutes' | 'timed') =>
    list.reduce((a, r) => a + r[k], 0);
  const perTicket = (list: typeof now) => ratio(sum(list, 'minutes'), sum(list, 'timed') * 60, 1);
  const prevOf = new Map(before.map((r) => [r.id, r]));
  return {
    figures: [
      figure(
        'agent_solved',
        'Solved by agents',
        'count',
        sum(now, 'solved'),
        sum(before, 'solved'),
        'agent_solved',
        'solved',
      ),
      figure(
        'agent_replies',
        'Agent replies',
        'count',
        sum(now, 'replies'),
        sum(before, 'replies'),
        'agent_replies',
        null,
      ),
      figure('agents_active', 'Agents active', 'count', now.length, before.length, 'agent_touched', null),
      figure(
        'handle_time',
        'Handle time logged',
        'hours',
        sum(now, 'minutes') / 60,
        sum(before, 'minutes') / 60,
        'handle_time',
        null,
      ),
      figure(
        'handle_time_per_ticket',
        'Handle time per ticket',
        'hours',
        perTicket(now),
        perTicket(before),
        'handle_time_per_ticket',
        null,
      ),
    ],
    series: null,
    table: {
      columns: [
        { key: 'agent', label: 'Agent', unit: null },
        { key: 'solved', label: 'Solved', unit: 'count' },
        { key: 'replies', label: 'Replies', unit: 'count' },
        { key: 'touched', label: 'Tickets touched', unit: 'count' },
        { key: 'handleHours', label: 'Handle time (hours)', unit: 'hours' },
        { key: 'handleTickets', label: 'Tickets with time logged', unit: 'count' },
        { key: 'previousSolved', label: 'Solved, previous period', unit: 'count' },
      ],
      rows: now.map((r) => ({
        agent: r.name,
        agentId: r.id,
        solved: r.solved,
        replies: r.replies,
        touched: r.touched,
        handleHours: r.minutes / 60,
        handleTickets: r.timed,
        previousSolved: prevOf.get(r.id)?.solved ?? 0,
      })),
    },
  };
}

async function complaints(db: DbOrTrx, f: Frame): Promise<Pick<Report, 'figures' | 'series' | 'table'>> {
  const [all, allBefore] = await bothTotals(db, f, { type: undefined });
  const [now, before] = await bothTotals(db, f, { type: 'complaint' });
  const asked = f.filters.type === undefined || f.filters.type === 'complaint';
  const count = asked ? now.created : 0;
  const prevCount = asked ? before.created : 0;
  const times = await durationTable(
    db,
    f,
    [['resolution', 'Time to final response', 'complaint_final_response', 'complaints']],
    {
      type: asked ? 'complaint' : '__none__',
    },
  );
  return {
    figures: [
      figure('complaints', 'Complaints', 'count', count, prevCount, 'complaints', 'complaints'),
      figure(
        'complaint_share',
        'Share of contacts',
        'percent',
        ratio(count, all.created),
        ratio(prevCount, allBefore.created),
        'complaint_share',
        'complaints',
      ),
      ...times.figures,
    ],
    series: null,
    table: null,
  };
}

const builders: Record<
  ReportKind,
  (db: DbOrTrx, f: Frame) => Promise<Pick<Report, 'figures' | 'series' | 'table' | 'painPoints'>>
> = {
  volume,
  speed,
  'service-levels': serviceLevels,
  quality,
  satisfaction,
  productivity,
  complaints,
  'pain-points': (db, f) => painPoints(db, { ...f, ticketFilter: ticketFilterOf(f.filters, f.viewer) }),
};

/**
 * One KPI report: the figures of the period and the previous one of the same length, a series
 * where the report has one and a table. Filters in, figures out: goals, scorecards and scheduled
 * reports call this too.
 */
export async function computeReport(
  db: DbOrTrx,
  kind: ReportKind,
  filters: ReportFilters,
  viewer: Viewer = { teamIds: null },
): Promise<Report> {
  const tz = await zoneOf(db, filters.tz);
  const period = periodOf(filters.from, filters.to, tz);
  const previous = previousOf(period, tz);
  const frame: Frame = {
    scope: scopeOf(filters, viewer, period),
    prevScope: scopeOf(filters, viewer, previous),
    period,
    previous,
    tz,
    filters,
    viewer,
  };
  const { painPoints, ...body } = await builders[kind](db, frame);
  return {
    report: kind,
    title: reportTitles[kind],
    period: { from: period.from, to: period.to, tz },
    previous: { from: previous.from, to: previous.to },
    ...body,
    asOf: await repo.asOf(db),
    // Last, as the compiled serializer writes the optional field.
    ...(painPoints ? { painPoints } : {}),
  };
}
