// Spike detection on hourly counts (contacts of a category, or its negative answers), pure.
//
// The baseline of an hour is the same weekday and hour in the weeks before it (a contact centre's
// Monday 9:00 is not its Sunday 3:00), summarised robustly: the median, and the median absolute
// deviation (MAD) as the spread, of the counts after Anscombe's transform (which makes random
// arrivals equally spread at every rate). One earlier spike in those weeks moves neither. An hour
// is a spike when its robust z-score, (count − median) / spread, reaches the threshold, and it is
// also large in absolute terms (enough contacts, enough above the usual), so a quiet category going
// from 0 to 2 is not an alarm.

export const HOURS_PER_WEEK = 168;

export interface SpikeSettings {
  /** How many earlier weeks form the baseline of an hour. */
  weeks: number;
  /** The robust z-score at which an hour is a spike. */
  threshold: number;
  /** The fewest contacts in the hour for it to count. */
  minCount: number;
  /** The least excess over the baseline's median. */
  minExcess: number;
}

export const defaultSpikeSettings: SpikeSettings = { weeks: 6, threshold: 3.2, minCount: 5, minExcess: 3 };

export interface HourVerdict {
  /** Index of the hour in the series. */
  hour: number;
  count: number;
  /** The baseline's median: what this weekday and hour usually has. */
  expected: number;
  /** The robust z-score; null when the series is too short to have a baseline. */
  score: number | null;
  spike: boolean;
}

/** The median of a list of numbers (sorted copy; the list is short: one value per week). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Anscombe's transform: counts that arrive at random (Poisson) at any rate come out spread
 * about evenly, with a standard deviation near 1, so one threshold serves quiet and busy hours.
 */
const anscombe = (count: number) => 2 * Math.sqrt(count + 0.375);

/** 1.4826 × MAD estimates the standard deviation of normally spread values. */
const MAD_TO_SD = 1.4826;

/**
 * Judges one hour of a series against the same hour in the `weeks` weeks before it. Hours
 * without a full baseline get no score. Linear in `weeks`.
 */
export function judgeHour(series: readonly number[], hour: number, settings: SpikeSettings): HourVerdict {
  const count = series[hour] ?? 0;
  const past: number[] = [];
  for (let k = 1; k <= settings.weeks; k++) {
    const at = hour - k * HOURS_PER_WEEK;
    if (at < 0) break;
    past.push(series[at] ?? 0);
  }
  if (past.length < settings.weeks) return { hour, count, expected: median(past), score: null, spike: false };
  const expected = median(past);
  const usual = past.map(anscombe);
  const centre = median(usual);
  const mad = median(usual.map((v) => Math.abs(v - centre)));
  // At least the spread of random arrivals (1 after the transform), widened by how uncertain a
  // median of a few weeks is: its variance is about π/2 · σ² / weeks.
  const spread = Math.max(MAD_TO_SD * mad, 1) * Math.sqrt(1 + Math.PI / 2 / settings.weeks);
  const score = (anscombe(count) - centre) / spread;
  const spike =
    score >= settings.threshold && count >= settings.minCount && count - expected >= settings.minExcess;
  return { hour, count, expected, score, spike };
}

/** Every hour of a series judged; linear in its length times `weeks`. */
export function detectSpikes(
  series: readonly number[],
  settings: SpikeSettings = defaultSpikeSettings,
): HourVerdict[] {
  return series.map((_, hour) => judgeHour(series, hour, settings));
}

/** Precision and recall of found spikes against the hours known to be spikes. */
export function precisionRecall<T>(found: ReadonlySet<T>, truth: ReadonlySet<T>) {
  let hits = 0;
  for (const hour of found) if (truth.has(hour)) hits += 1;
  return {
    precision: found.size === 0 ? 1 : hits / found.size,
    recall: truth.size === 0 ? 1 : hits / truth.size,
  };
}
