// Spike alerts, pure: hourly counts into one series per category, the recent hours judged by
// the detector (feedback's `judgeHour`), and what the run does with each category's alert.
import type { SpikeMeasure } from '../../../contracts/trends';
import { HOURS_PER_WEEK, type HourVerdict, judgeHour, type SpikeSettings } from '../feedback';

export const HOUR = 3_600_000;
/** The hours judged on each run: the current one and the two before (a run every ten minutes sees each hour end). */
export const LOOKBACK_HOURS = 3;
/** An alert resolves once this many hours in a row were normal. */
export const QUIET_HOURS = 3;
export const MAX_TICKETS = 50;

export const floorHour = (ms: number) => Math.floor(ms / HOUR) * HOUR;

/** The series' first hour and length: `weeks` weeks of baseline before the judged hours. */
export function seriesWindow(now: number, weeks: number) {
  const current = floorHour(now);
  const length = weeks * HOURS_PER_WEEK + LOOKBACK_HOURS;
  const start = current - (length - 1) * HOUR;
  return { start, current, length, until: current + HOUR };
}

/** Counts by category into hourly series of `length` hours from `start` (hours outside are left out). */
export function seriesByCategory(
  counts: readonly { at: number; categoryId: number; n: number }[],
  start: number,
  length: number,
): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const c of counts) {
    const i = Math.floor((c.at - start) / HOUR);
    if (i < 0 || i >= length) continue;
    let series = out.get(c.categoryId);
    if (!series) {
      series = new Array<number>(length).fill(0);
      out.set(c.categoryId, series);
    }
    series[i] = (series[i] ?? 0) + c.n;
  }
  return out;
}

/** The last LOOKBACK_HOURS hours of a series judged, with each hour's start. */
export function judgeRecent(series: readonly number[], start: number, settings: SpikeSettings) {
  const out: (HourVerdict & { at: number })[] = [];
  for (let i = Math.max(0, series.length - LOOKBACK_HOURS); i < series.length; i++)
    out.push({ ...judgeHour(series, i, settings), at: start + i * HOUR });
  return out;
}

export type SpikeStep =
  | { kind: 'none' }
  | { kind: 'open' | 'extend'; spikes: (HourVerdict & { at: number })[] }
  | { kind: 'resolve' };

/** What a run does with a category's alert given its recent verdicts and its unresolved alert. */
export function stepOf(
  verdicts: readonly (HourVerdict & { at: number })[],
  alert: { lastSeenAt: number } | null,
  current: number,
): SpikeStep {
  const spikes = verdicts.filter((v) => v.spike);
  if (spikes.length > 0) return { kind: alert ? 'extend' : 'open', spikes };
  if (alert && alert.lastSeenAt + QUIET_HOURS * HOUR <= current) return { kind: 'resolve' };
  return { kind: 'none' };
}

/** How an alert reads on the board and in the bell. */
export function spikeTitle(category: string, measure: SpikeMeasure, observed: number, expected: number) {
  const what =
    measure === 'volume'
      ? `${observed} ${observed === 1 ? 'ticket' : 'tickets'}`
      : `${observed} negative ${observed === 1 ? 'answer' : 'answers'}`;
  return `${category}: ${what} in an hour, about ${Math.round(expected)} expected`;
}

/** The union of two id lists in order, at most MAX_TICKETS. */
export function mergeIds(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].slice(0, MAX_TICKETS);
}
