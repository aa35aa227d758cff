// The grains the aggregates are kept at, pure. Every figure is kept once at the finest grain
// (`all`: hour and every dimension) and again summed over the dimensions a report seldom
// narrows by, so a report of one team reads a few rows per hour instead of one per combination
// of team, agent, channel, category, priority, type and organisation that occurred (ADR 0025).
// A read takes the coarsest grain that still keeps every dimension it filters or groups by, and
// names the team and agent it leaves out as none, so (grain, team, agent, hour) is its index.
// Counters are kept per hour at every grain; durations at the coarse grains per UTC day, and a
// period whose edges fall inside a UTC day (a time zone off UTC) reads those edge hours from
// the hourly `all` rows.
import { type Deltas, type Dims, emptyDeltas } from './reports.rules';

export type Dimension = keyof Dims;

/** Each grain and the dimensions it keeps; the others are stored as none (0 or ''). */
export const grainDimensions = {
  desk: [],
  team: ['teamId'],
  agent: ['agentId'],
  type: ['teamId', 'type'],
  category: ['teamId', 'categoryId'],
  all: ['teamId', 'agentId', 'channel', 'categoryId', 'priority', 'type', 'organizationId'],
} as const satisfies Record<string, readonly Dimension[]>;

export type Grain = keyof typeof grainDimensions;

/** The summed grains of the counters, coarsest first: a read takes the first that keeps what it needs. */
export const coarseGrains: readonly Grain[] = ['desk', 'team', 'agent', 'type', 'category'];
/** Durations are not summed by category: a read by category takes the `all` rows. */
export const durationGrains: readonly Grain[] = ['desk', 'team', 'agent', 'type'];
export const allGrains: readonly Grain[] = [...coarseGrains, 'all'];

const none: Dims = {
  teamId: 0,
  agentId: 0,
  channel: '',
  categoryId: 0,
  priority: '',
  type: '',
  organizationId: 0,
};

/** Whether a grain keeps a dimension. */
export const keeps = (grain: Grain, d: Dimension) =>
  (grainDimensions[grain] as readonly Dimension[]).includes(d);

/** The positions of the dimensions in a dimensions key (`dimsKey`) and what none is at each. */
const keyOrder: readonly Dimension[] = [
  'teamId',
  'agentId',
  'channel',
  'categoryId',
  'priority',
  'type',
  'organizationId',
];

/** A dimensions key at a grain: the kept dimensions as they are, the others as none. */
function projectKey(parts: string[], grain: Grain): string {
  return keyOrder.map((d, i) => (keeps(grain, d) ? parts[i] : String(none[d]))).join('|');
}

/** The coarsest grain among `among` that keeps every dimension in `needs`. */
export function grainFor(needs: Iterable<Dimension>, among: readonly Grain[] = coarseGrains): Grain {
  const wanted = [...needs];
  for (const grain of among) if (wanted.every((d) => keeps(grain, d))) return grain;
  return 'all';
}

/** The UTC day an hour (ISO) falls in, as its midnight (ISO). */
export const dayOfHour = (hour: string) => `${hour.slice(0, 10)}T00:00:00.000Z`;

/** The deltas as they are added at a grain: counters per hour, durations per hour (`all`) or UTC day. */
export function projectDeltas(deltas: Deltas, grain: Grain): Deltas {
  if (grain === 'all') return deltas;
  const out = emptyDeltas();
  for (const [k, row] of deltas.counters) {
    const [hour = '', key = ''] = k.split('#');
    const target = `${hour}#${projectKey(key.split('|'), grain)}`;
    const into = out.counters.get(target) ?? {};
    for (const [name, n] of Object.entries(row) as [keyof typeof row, number][])
      into[name] = (into[name] ?? 0) + n;
    out.counters.set(target, into);
  }
  if (!durationGrains.includes(grain)) return out;
  for (const [k, n] of deltas.durations) {
    const [hour = '', key = '', metric = '', bucket = ''] = k.split('#');
    const target = `${dayOfHour(hour)}#${projectKey(key.split('|'), grain)}#${metric}#${bucket}`;
    out.durations.set(target, (out.durations.get(target) ?? 0) + n);
  }
  return out;
}

const DAY = 86_400_000;

/** One read of the duration rows: the hours [from, until) at a grain. */
export interface DurationPart {
  from: string;
  until: string;
  grain: Grain;
}

/**
 * The reads that cover [from, until) (whole UTC hours) for durations wanted at `grain`: the
 * whole UTC days inside from the day rows, the hours before the first and after the last whole
 * day from the hourly `all` rows. A span within one day reads hourly rows only.
 */
export function durationParts(from: string, until: string, grain: Grain): DurationPart[] {
  if (grain === 'all') return [{ from, until, grain }];
  const start = Date.parse(from);
  const end = Date.parse(until);
  const firstDay = Math.ceil(start / DAY) * DAY;
  const lastDay = Math.floor(end / DAY) * DAY;
  if (firstDay >= lastDay) return [{ from, until, grain: 'all' }];
  const iso = (ms: number) => new Date(ms).toISOString();
  const parts: DurationPart[] = [{ from: iso(firstDay), until: iso(lastDay), grain }];
  if (start < firstDay) parts.push({ from, until: iso(firstDay), grain: 'all' });
  if (lastDay < end) parts.push({ from: iso(lastDay), until, grain: 'all' });
  return parts;
}
