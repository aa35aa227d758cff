// The report fold, pure: ticket and service-level events in, hourly counter and duration-bucket
// deltas out, with each ticket's state carried from one batch to the next. The consumer, the
// rebuild and the check all run this one function, so folding in batches and folding everything
// at once give the same figures (reports.rules.test.ts checks it on generated sequences).
import type { ReportCounter, ReportDurationMetric } from '../../../contracts/reports';

export interface Dims {
  teamId: number;
  agentId: number;
  channel: string;
  categoryId: number;
  priority: string;
  type: string;
  organizationId: number;
}

export interface FoldEvent {
  source: 'ticket' | 'sla';
  id: number;
  ticketId: number;
  type: string;
  actorType: string;
  /** the staff user who acted (user events), or null */
  actorId: number | null;
  fromValue: string | null;
  toValue: string | null;
  /** the service-level metric (SLA events) */
  metric: string | null;
  /** the outcome in an SLA event's detail (`achieved`, `breached_then_achieved`, ...) */
  outcome: string | null;
  at: string;
}

interface SolveMark {
  hour: string;
  key: string;
  oneTouch: boolean;
  buckets: [ReportDurationMetric, number][];
}

/** What one survey answer added to the trend figures. */
export interface AnswerMark {
  hour: string;
  positive: number;
  effort: number | null;
  categoryId: number | null;
  organizationId: number | null;
}

/** What the trend fold (trends.fold.ts) keeps of a ticket, inside its ticket state. */
export interface TrendState {
  /** the hour it was opened */
  hour: string;
  tags: string[];
  /** dropdown fields with a value: key -> value (an empty field is not kept) */
  fields: Record<string, string>;
  /** answer id -> what it added */
  answers: Record<string, AnswerMark>;
}

export interface TicketState {
  createdAt: number;
  dims: Dims;
  /** [ms, dims] from the ticket's creation on: the dimensions at any moment (SLA outcomes) */
  history: [number, Dims][];
  status: string;
  statusSince: number;
  waitMs: number;
  waitOpenMs: number;
  agentReplies: number;
  reopens: number;
  lastSolve: SolveMark | null;
  /** what the trend fold keeps (trends.fold.ts) */
  trend?: TrendState;
}

/** Business (open) time between two instants, or null when there is no calendar. */
export type OpenTime = (from: number, to: number) => number | null;

export interface Deltas {
  counters: Map<string, Partial<Record<ReportCounter, number>>>;
  /** key|metric|bucket -> count */
  durations: Map<string, number>;
  /**
   * hour#dims#ticket -> what one agent did on one ticket in that hour, where the dimensions'
   * agent is the one who acted (the productivity report counts distinct tickets from it)
   */
  activity: Map<string, Activity>;
}

/** One agent's changes to one ticket in one hour. */
export interface Activity {
  replies: number;
  solved: number;
  /** every counted change (a reply, a status, an assignment, a priority, a team, time logged) */
  touches: number;
  /** minutes of time logged, less those of entries removed (handle time) */
  minutes: number;
}

export const emptyDeltas = (): Deltas => ({ counters: new Map(), durations: new Map(), activity: new Map() });

/** The changes that count as an agent's work on a ticket in the productivity report. */
const touching = new Set([
  'replied',
  'status_changed',
  'assigned',
  'priority_changed',
  'team_changed',
  'time_logged',
]);

/** A time entry's event value: `time_logged` carries id and minutes, `time_removed` who logged it and when too. */
interface TimeValue {
  minutes: number;
  userId?: number;
  at?: string;
}

function timeValue(value: string | null): TimeValue | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<TimeValue>;
    return typeof parsed.minutes === 'number' && Number.isFinite(parsed.minutes)
      ? {
          minutes: parsed.minutes,
          // null once the person who logged it is deleted: nothing is left to take it back from
          userId: typeof parsed.userId === 'number' ? parsed.userId : undefined,
          at: typeof parsed.at === 'string' ? parsed.at : undefined,
        }
      : null;
  } catch {
    return null;
  }
}

function addActivityAt(activity: Deltas['activity'], k: string, change: Activity) {
  const row = activity.get(k);
  if (row) {
    row.replies += change.replies;
    row.solved += change.solved;
    row.touches += change.touches;
    row.minutes += change.minutes;
  } else activity.set(k, { ...change });
}

function addActivity(deltas: Deltas, hour: string, dims: Dims, ticketId: number, change: Activity) {
  addActivityAt(deltas.activity, `${hour}#${dimsKey(dims)}#${ticketId}`, change);
}

const waiting = new Set(['new', 'open', 'on_hold']);
const done = new Set(['solved', 'closed']);
const HOUR = 3_600_000;

export const hourOf = (ms: number) => new Date(Math.floor(ms / HOUR) * HOUR).toISOString();

export function dimsKey(d: Dims): string {
  return [d.teamId, d.agentId, d.channel, d.categoryId, d.priority, d.type, d.organizationId].join('|');
}

export function parseDimsKey(key: string): Dims {
  const [teamId, agentId, channel, categoryId, priority, type, organizationId] = key.split('|');
  return {
    teamId: Number(teamId),
    agentId: Number(agentId),
    channel: channel ?? '',
    categoryId: Number(categoryId),
    priority: priority ?? '',
    type: type ?? '',
    organizationId: Number(organizationId),
  };
}

/**
 * Log-scale buckets of durations in seconds: 0 holds durations under a second, bucket b ≥ 1
 * holds [2^((b-1)/4), 2^(b/4)) seconds, so a percentile read back is within 9 % of the truth.
 */
export const BUCKETS_PER_DOUBLING = 4;

export function bucketOf(seconds: number): number {
  if (seconds < 1) return 0;
  return 1 + Math.floor(BUCKETS_PER_DOUBLING * Math.log2(seconds) + 1e-9);
}

/** The value a bucket stands for: its geometric middle (0 for the first). */
export function bucketValue(bucket: number): number {
  if (bucket <= 0) return 0;
  return 2 ** ((bucket - 0.5) / BUCKETS_PER_DOUBLING);
}

/** The p-th percentile (0–100) of merged buckets, in seconds; null without values. */
export function percentile(buckets: Map<number, number>, p: number): number | null {
  let total = 0;
  for (const n of buckets.values()) total += n;
  if (total <= 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const bucket of [...buckets.keys()].sort((a, b) => a - b)) {
    seen += buckets.get(bucket) ?? 0;
    if (seen >= rank) return bucketValue(bucket);
  }
  return null;
}

function add(deltas: Deltas, hour: string, key: string, counter: ReportCounter, by = 1) {
  const k = `${hour}#${key}`;
  const row = deltas.counters.get(k) ?? {};
  row[counter] = (row[counter] ?? 0) + by;
  deltas.counters.set(k, row);
}

function addDuration(
  deltas: Deltas,
  hour: string,
  key: string,
  metric: ReportDurationMetric,
  bucket: number,
  by = 1,
) {
  const k = `${hour}#${key}#${metric}#${bucket}`;
  deltas.durations.set(k, (deltas.durations.get(k) ?? 0) + by);
}

const idOf = (value: string | null) => (value === null || value === '' ? 0 : Number(value) || 0);

function withDim(state: TicketState, at: number, change: Partial<Dims>) {
  state.dims = { ...state.dims, ...change };
  state.history.push([at, state.dims]);
}

function dimsAt(state: TicketState, at: number): Dims {
  let found = state.history[0]?.[1] ?? state.dims;
  for (const [since, dims] of state.history) if (since <= at) found = dims;
  return found;
}

function settleWait(state: TicketState, at: number, openTime: OpenTime) {
  if (!waiting.has(state.status) || at <= state.statusSince) return;
  state.waitMs += at - state.statusSince;
  state.waitOpenMs += openTime(state.statusSince, at) ?? 0;
}

function solve(state: TicketState, at: number, deltas: Deltas, openTime: OpenTime) {
  const hour = hourOf(at);
  const key = dimsKey(state.dims);
  add(deltas, hour, key, 'solved');
  const buckets: [ReportDurationMetric, number][] = [
    ['resolution', bucketOf((at - state.createdAt) / 1000)],
    ['wait', bucketOf(state.waitMs / 1000)],
  ];
  const open = openTime(state.createdAt, at);
  if (open !== null) {
    buckets.push(['resolution_bh', bucketOf(open / 1000)], ['wait_bh', bucketOf(state.waitOpenMs / 1000)]);
  }
  for (const [metric, bucket] of buckets) addDuration(deltas, hour, key, metric, bucket);
  const oneTouch = state.agentReplies === 1 && state.reopens === 0;
  if (oneTouch) add(deltas, hour, key, 'one_touch');
  state.lastSolve = { hour, key, oneTouch, buckets };
}

/** A reopened ticket's earlier resolution no longer counts: only the final one is a resolution. */
function unsolve(state: TicketState, deltas: Deltas) {
  const last = state.lastSolve;
  if (!last) return;
  for (const [metric, bucket] of last.buckets) addDuration(deltas, last.hour, last.key, metric, bucket, -1);
  if (last.oneTouch) add(deltas, last.hour, last.key, 'one_touch', -1);
  state.lastSolve = null;
}

/**
 * Folds events (in order) into the deltas, reading and updating `states` (ticket id → state).
 * `initial` gives a ticket's dimensions when it was opened (for its `created` event).
 */
export function foldEvents(
  events: FoldEvent[],
  states: Map<number, TicketState>,
  initial: (ticketId: number) => Dims | undefined,
  openTime: OpenTime,
  deltas: Deltas = emptyDeltas(),
): Deltas {
  for (const e of events) {
    const at = Date.parse(e.at);
    if (e.source === 'ticket' && e.type === 'created') {
      const dims = initial(e.ticketId);
      if (!dims) continue;
      const status = e.toValue ?? 'new';
      states.set(e.ticketId, {
        createdAt: at,
        dims,
        history: [[at, dims]],
        status,
        statusSince: at,
        waitMs: 0,
        waitOpenMs: 0,
        agentReplies: 0,
        reopens: 0,
        lastSolve: null,
      });
      add(deltas, hourOf(at), dimsKey(dims), 'created');
      if (done.has(status)) solve(states.get(e.ticketId)!, at, deltas, openTime);
      continue;
    }
    const state = states.get(e.ticketId);
    if (!state) continue;
    if (e.source === 'sla') {
      if (!e.metric) continue;
      const achieved = e.type === 'achieved' && e.outcome === 'achieved';
      if (!achieved && e.type !== 'breached') continue;
      const counter = `sla_${e.metric}_${achieved ? 'achieved' : 'breached'}` as ReportCounter;
      add(deltas, hourOf(at), dimsKey(dimsAt(state, at)), counter);
      continue;
    }
    const hour = hourOf(at);
    let solvedNow = false;
    switch (e.type) {
      case 'assigned':
        withDim(state, at, { agentId: idOf(e.toValue) });
        break;
      case 'team_changed':
        withDim(state, at, { teamId: idOf(e.toValue) });
        break;
      case 'category_changed':
        withDim(state, at, { categoryId: idOf(e.toValue) });
        break;
      case 'priority_changed':
        withDim(state, at, { priority: e.toValue ?? '' });
        break;
      case 'type_changed':
        withDim(state, at, { type: e.toValue ?? '' });
        break;
      case 'time_removed': {
        // Taken back where it was added: the hour it was logged, by whom, with the dimensions then.
        const removed = timeValue(e.fromValue);
        if (!removed?.at || removed.userId === undefined) break;
        const loggedAt = Date.parse(removed.at);
        if (Number.isNaN(loggedAt)) break;
        addActivity(
          deltas,
          hourOf(loggedAt),
          { ...dimsAt(state, loggedAt), agentId: removed.userId },
          e.ticketId,
          {
            replies: 0,
            solved: 0,
            touches: 0,
            minutes: -removed.minutes,
          },
        );
        break;
      }
      case 'replied':
        if (e.actorType === 'system') break;
        state.agentReplies += 1;
        add(deltas, hour, dimsKey(state.dims), 'replies');
        add(deltas, hour, dimsKey(state.dims), 'agent_replies');
        break;
      case 'customer_replied':
        // The opening message is the request, not a reply.
        if (at > state.createdAt) add(deltas, hour, dimsKey(state.dims), 'replies');
        break;
      case 'first_reply': {
        const seconds = Number(e.toValue ?? 0);
        addDuration(deltas, hour, dimsKey(state.dims), 'first_reply', bucketOf(seconds));
        const open = openTime(state.createdAt, at);
        if (open !== null)
          addDuration(deltas, hour, dimsKey(state.dims), 'first_reply_bh', bucketOf(open / 1000));
        break;
      }
      case 'merged':
        if (!done.has(state.status)) {
          settleWait(state, at, openTime);
          add(deltas, hour, dimsKey(state.dims), 'merged');
          state.status = 'closed';
          state.statusSince = at;
        }
        break;
      case 'status_changed': {
        const to = e.toValue ?? state.status;
        const from = state.status;
        settleWait(state, at, openTime);
        state.status = to;
        state.statusSince = at;
        solvedNow = !done.has(from) && done.has(to);
        if (solvedNow) solve(state, at, deltas, openTime);
        else if (done.has(from) && !done.has(to)) {
          unsolve(state, deltas);
          state.reopens += 1;
          add(deltas, hour, dimsKey(state.dims), 'reopened');
        }
        break;
      }
      default:
        break;
    }
    if (e.actorType === 'user' && e.actorId !== null && touching.has(e.type))
      addActivity(deltas, hour, { ...state.dims, agentId: e.actorId }, e.ticketId, {
        replies: e.type === 'replied' ? 1 : 0,
        solved: solvedNow ? 1 : 0,
        touches: 1,
        minutes: e.type === 'time_logged' ? (timeValue(e.toValue)?.minutes ?? 0) : 0,
      });
  }
  return deltas;
}

/** Adds `more` into `into` (the check folds every batch into one set of figures). */
export function mergeDeltas(into: Deltas, more: Deltas): Deltas {
  for (const [k, row] of more.counters) {
    const target = into.counters.get(k) ?? {};
    for (const [name, n] of Object.entries(row) as [ReportCounter, number][])
      target[name] = (target[name] ?? 0) + n;
    into.counters.set(k, target);
  }
  for (const [k, n] of more.durations) into.durations.set(k, (into.durations.get(k) ?? 0) + n);
  for (const [k, row] of more.activity) addActivityAt(into.activity, k, row);
  return into;
}

/** Drops zero entries so two sets of figures compare equal however they were reached. */
export function normalised(deltas: Deltas): Deltas {
  const out = emptyDeltas();
  for (const [k, row] of deltas.counters) {
    const kept = Object.fromEntries(Object.entries(row).filter(([, n]) => n !== 0));
    if (Object.keys(kept).length > 0) out.counters.set(k, kept);
  }
  for (const [k, n] of deltas.durations) if (n !== 0) out.durations.set(k, n);
  for (const [k, row] of deltas.activity)
    if (row.replies !== 0 || row.solved !== 0 || row.touches !== 0 || row.minutes !== 0)
      out.activity.set(k, { ...row });
  return out;
}
