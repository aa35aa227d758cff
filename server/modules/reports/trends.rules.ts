// Trend charts, pure: records (a moment, the series it belongs to, what it adds) folded into
// day or week buckets, the largest series kept and the rest summed as "Other", and each
// bucket's value for the measure (a count, CSAT %, CES average, NPS).
import type { Trend, TrendMeasure } from '../../../contracts/trends';

const DAY = 86_400_000;
export const OTHER = 'other';
export const NONE = 'none';

/** What one record adds: a count of tickets or answers, and for answers their score parts. */
export interface TrendRecord {
  /** The local date (YYYY-MM-DD) it happened on. */
  date: string;
  /** The series: a category id, tag, product value, organisation id; NONE when it has none. */
  key: string;
  n: number;
  positive?: number;
  /** one answer's effort, or with `effortN` the sum of that many answers' efforts */
  effort?: number | null;
  effortN?: number;
  /** NPS: 0–10. */
  score?: number;
}

interface Acc {
  n: number;
  positive: number;
  effortSum: number;
  effortN: number;
  promoters: number;
  detractors: number;
}

const emptyAcc = (): Acc => ({ n: 0, positive: 0, effortSum: 0, effortN: 0, promoters: 0, detractors: 0 });

function add(acc: Acc, r: TrendRecord) {
  acc.n += r.n;
  acc.positive += r.positive ?? 0;
  if (r.effortN !== undefined) {
    acc.effortSum += r.effort ?? 0;
    acc.effortN += r.effortN;
  } else if (r.effort !== undefined && r.effort !== null) {
    acc.effortSum += r.effort;
    acc.effortN += 1;
  }
  if (r.score !== undefined) {
    if (r.score >= 9) acc.promoters += 1;
    if (r.score <= 6) acc.detractors += 1;
  }
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The figure an accumulator reads as; null when a score has no answers. */
export function figureOf(measure: TrendMeasure, acc: Acc): number | null {
  switch (measure) {
    case 'volume':
    case 'negative':
      return acc.n;
    case 'csat':
      return acc.n === 0 ? null : round1((100 * acc.positive) / acc.n);
    case 'ces':
      return acc.effortN === 0 ? null : round1(acc.effortSum / acc.effortN);
    case 'nps':
      return acc.n === 0 ? null : round1((100 * (acc.promoters - acc.detractors)) / acc.n);
  }
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);

/** The bucket a local date falls in: the date itself, or the Monday of its week. */
export function bucketOf(date: string, grain: 'day' | 'week'): string {
  if (grain === 'day') return date;
  const weekday = (new Date(`${date}T00:00:00.000Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** Every bucket of a period, in order. */
export function bucketsOf(from: string, to: string, grain: 'day' | 'week'): string[] {
  const out: string[] = [];
  for (let d = bucketOf(from, grain); d <= to; d = addDays(d, grain === 'day' ? 1 : 7)) out.push(d);
  return out;
}

/**
 * Folds records into series: the `top` largest (by tickets or answers) by name, the rest as
 * "Other"; each point holds every series' value for its bucket.
 */
export function foldTrend(
  records: readonly TrendRecord[],
  options: {
    measure: TrendMeasure;
    from: string;
    to: string;
    grain: 'day' | 'week';
    top: number;
    labelOf: (key: string) => string;
  },
): Pick<Trend, 'keys' | 'points'> {
  const sizes = new Map<string, number>();
  for (const r of records) sizes.set(r.key, (sizes.get(r.key) ?? 0) + r.n);
  const ranked = [...sizes.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key]) => key);
  const kept = new Set(ranked.slice(0, options.top));
  const seriesOf = (key: string) => (kept.has(key) ? key : OTHER);
  const keys = [...ranked.slice(0, options.top), ...(ranked.length > options.top ? [OTHER] : [])];

  const buckets = bucketsOf(options.from, options.to, options.grain);
  const cells = new Map<string, Map<string, Acc>>(buckets.map((b) => [b, new Map()]));
  const totals = new Map<string, Acc>(keys.map((k) => [k, emptyAcc()]));
  for (const r of records) {
    const row = cells.get(bucketOf(r.date, options.grain));
    if (!row || r.n === 0) continue;
    const series = seriesOf(r.key);
    let acc = row.get(series);
    if (!acc) {
      acc = emptyAcc();
      row.set(series, acc);
    }
    add(acc, r);
    add(totals.get(series)!, r);
  }
  return {
    keys: keys.map((key) => ({
      key: `s_${key}`,
      label: key === OTHER ? 'Other' : options.labelOf(key),
      total: figureOf(options.measure, totals.get(key)!),
    })),
    points: buckets.map((bucket) => {
      const point: Record<string, string | number | null> = { bucket };
      const row = cells.get(bucket)!;
      for (const key of keys) point[`s_${key}`] = figureOf(options.measure, row.get(key) ?? emptyAcc());
      return point;
    }),
  };
}
