// Scorecards: one agent's or one team's KPIs over a period, beside the average of their peers
// and the previous period, each figure read through computeReport (the same numbers as the
// reports). An agent is compared with their team's per-agent average, a team with the
// department's per-team average.
import type { ReportKind } from '../../../contracts/reports';
import {
  type Scorecard,
  type ScorecardKpiKey,
  type ScorecardQuery,
  scorecardKpis,
} from '../../../contracts/scorecards';
import type { DbOrTrx } from '../../db/database';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize, can } from '../../platform/auth/policies';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { loadCalendar, wallClockOf } from '../business-hours';
import { teamMemberIds, teamNames, teamReachOf } from '../teams';
import { findUserRow, loadUser } from '../users';
import { computeReport } from './reports.compute';

type Pair = { value: number | null; previous: number | null };
type Values = Record<ScorecardKpiKey, Pair>;
interface Owner {
  teamId?: number;
  agentId?: number;
}
interface Range {
  from: string;
  to: string;
}

/** Which report and figure each KPI other than the activity counts comes from. */
const sources: [ScorecardKpiKey, ReportKind, string][] = [
  ['first_reply_median', 'speed', 'first_reply_median'],
  ['resolution_median', 'speed', 'resolution_median'],
  ['sla_first_reply', 'service-levels', 'sla_first_reply'],
  ['sla_resolution', 'service-levels', 'sla_resolution'],
  ['csat', 'satisfaction', 'csat'],
  ['ces', 'satisfaction', 'ces'],
  ['one_touch', 'quality', 'one_touch'],
  ['reopen_rate', 'quality', 'reopen_rate'],
];
const activityKeys = ['solved', 'replies', 'touched'] as const;
/** What each agent's handle time per ticket is summed from. */
const timeKeys = ['minutes', 'timed'] as const;
const DAY = 86_400_000;

/** The report figures of one agent or team. */
async function figuresOf(db: DbOrTrx, range: Range, owner: Owner): Promise<Partial<Values>> {
  const kinds = [...new Set(sources.map(([, kind]) => kind))];
  const reports = new Map(
    await Promise.all(
      kinds.map(async (kind) => [kind, await computeReport(db, kind, { ...range, ...owner })] as const),
    ),
  );
  const out: Partial<Values> = {};
  for (const [key, kind, figure] of sources) {
    const f = reports.get(kind)?.figures.find((x) => x.key === figure);
    out[key] = { value: f?.value ?? null, previous: f?.previous ?? null };
  }
  return out;
}

type Activity = Map<number, Record<(typeof activityKeys)[number] | (typeof timeKeys)[number], number>>;

/** Solved, replies and tickets touched per agent, in the period and the one before (the productivity report). */
async function activityOf(db: DbOrTrx, ranges: Range[], teamId?: number): Promise<Activity[]> {
  return Promise.all(
    ranges.map(async (r) => {
      const report = await computeReport(db, 'productivity', { ...r, ...(teamId ? { teamId } : {}) });
      return new Map(
        (report.table?.rows ?? []).map((row) => [
          Number(row.agentId),
          {
            solved: Number(row.solved),
            replies: Number(row.replies),
            touched: Number(row.touched),
            minutes: Number(row.handleHours) * 60,
            timed: Number(row.handleTickets),
          },
        ]),
      );
    }),
  );
}

const sumOf = (a: Activity, key: (typeof activityKeys)[number] | (typeof timeKeys)[number], ids?: number[]) =>
  [...a.entries()].filter(([id]) => !ids || ids.includes(id)).reduce((n, [, r]) => n + r[key], 0);

function withActivity(figures: Partial<Values>, [now, before]: Activity[], ids?: number[]): Values {
  const out = { ...figures } as Values;
  for (const key of activityKeys)
    out[key] = { value: sumOf(now!, key, ids), previous: sumOf(before!, key, ids) };
  const perTicket = (a: Activity) => {
    const timed = sumOf(a, 'timed', ids);
    return timed === 0 ? null : sumOf(a, 'minutes', ids) / 60 / timed;
  };
  out.handle_time = { value: perTicket(now!), previous: perTicket(before!) };
  return out;
}

const mean = (list: (number | null)[]) => {
  const known = list.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
};

function card(
  subject: Scorecard['subject'],
  averageOf: string,
  range: Range,
  previous: Range,
  own: Values,
  peers: Values[],
): Scorecard {
  return {
    subject,
    period: range,
    previous,
    averageOf,
    kpis: scorecardKpis.map((k) => ({
      key: k.key,
      label: k.label,
      unit: k.unit,
      direction: k.direction,
      value: own[k.key].value,
      previous: own[k.key].previous,
      average: mean(peers.map((p) => p[k.key].value)),
    })),
  };
}

/** The period asked for, by default this month so far (in the department's zone), and the one of the same length before. */
async function rangeOf(db: DbOrTrx, query: ScorecardQuery): Promise<{ range: Range; previous: Range }> {
  const tz = (await loadCalendar(db, null))?.timezone ?? 'UTC';
  const today = new Date(wallClockOf(tz, Date.now())).toISOString().slice(0, 10);
  let to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 8)}01`;
  if (from > to) to = from;
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
  const day = (base: string, n: number) => new Date(Date.parse(base) + n * DAY).toISOString().slice(0, 10);
  return { range: { from, to }, previous: { from: day(from, -days), to: day(from, -1) } };
}

export function scorecardsService({ db }: AppDeps) {
  /** Managers and admins see every scorecard; a lead their teams' and members'; an agent their own. */
  async function reach(ctx: RequestContext) {
    authorize(ctx.actor, 'scorecards.read');
    if (can(ctx.actor, 'scorecards.all')) return null;
    if (ctx.actor.type !== 'user') throw new AppError('FORBIDDEN', 'Scorecards are read by people');
    return { self: ctx.actor.id, ...(await teamReachOf(db, ctx.actor.id)) };
  }

  return {
    async agent(ctx: RequestContext, id: number, query: ScorecardQuery): Promise<Scorecard> {
      const r = await reach(ctx);
      if (r && r.self !== id && !r.ledMembers.includes(id))
        throw new AppError('FORBIDDEN', 'You can see your own scorecard and those of the teams you lead');
      const row = await findUserRow(db, id);
      if (!row || row.role === 'customer') throw notFound('USER_NOT_FOUND', `Agent #${id}`);
      const user = await loadUser(db, id);
      const team = user.teams[0] ?? null;
      const members = team ? await teamMemberIds(db, team.id) : [id];
      if (!members.includes(id)) members.push(id);
      const { range, previous } = await rangeOf(db, query);
      const activity = await activityOf(db, [range, previous]);
      const values = new Map<number, Values>();
      for (const m of members)
        values.set(m, withActivity(await figuresOf(db, range, { agentId: m }), activity, [m]));
      return card(
        { kind: 'agent', id, name: user.name, team },
        team ? `${team.name}, per agent (${members.length})` : 'No team: the agent alone',
        range,
        previous,
        values.get(id)!,
        [...values.values()],
      );
    },

    async team(ctx: RequestContext, id: number, query: ScorecardQuery): Promise<Scorecard> {
      const r = await reach(ctx);
      if (r && !r.leads.includes(id))
        throw new AppError('FORBIDDEN', 'You can see the scorecards of the teams you lead');
      const teams = await teamNames(db);
      const team = teams.find((t) => t.id === id);
      if (!team) throw notFound('TEAM_NOT_FOUND', `Team #${id}`);
      const { range, previous } = await rangeOf(db, query);
      const values = new Map<number, Values>();
      for (const t of teams) {
        const activity = await activityOf(db, [range, previous], t.id);
        values.set(t.id, withActivity(await figuresOf(db, range, { teamId: t.id }), activity));
      }
      return card(
        { kind: 'team', id, name: team.name, team: null },
        `Department, per team (${teams.length})`,
        range,
        previous,
        values.get(id)!,
        [...values.values()],
      );
    },
  };
}

export type ScorecardsService = ReturnType<typeof scorecardsService>;
