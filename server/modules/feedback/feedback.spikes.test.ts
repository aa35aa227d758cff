import { describe, expect, it } from 'vitest';
import {
  defaultSpikeSettings,
  detectSpikes,
  HOURS_PER_WEEK,
  judgeHour,
  median,
  precisionRecall,
} from './feedback.spikes';

/** A small seeded generator (mulberry32): the same series on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Counts that arrive at random at a rate (Poisson): Knuth's method, or the normal shape when large. */
function poisson(rate: number, next: () => number): number {
  if (rate > 30) {
    const z = Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next());
    return Math.max(0, Math.round(rate + Math.sqrt(rate) * z));
  }
  const limit = Math.exp(-rate);
  let k = 0;
  let p = next();
  while (p > limit) {
    k += 1;
    p *= next();
  }
  return k;
}

/** A contact centre's week: busy on weekday office hours, quiet at night and at weekends. */
function seasonal(hour: number): number {
  const day = Math.floor(hour / 24) % 7;
  const clock = hour % 24;
  const weekday = day < 5 ? 1 : day === 5 ? 0.4 : 0.25;
  const daytime = clock >= 8 && clock < 18 ? 1 : clock >= 6 && clock < 21 ? 0.45 : 0.08;
  return weekday * daytime;
}

const WEEKS = 14;

/** One category's hours over WEEKS weeks with spikes injected after the baseline weeks; the hours injected. */
function generated(seed: number, peakRate: number, spikes: number) {
  const next = random(seed);
  const series = Array.from({ length: WEEKS * HOURS_PER_WEEK }, (_, h) =>
    poisson(peakRate * seasonal(h), next),
  );
  const truth = new Set<number>();
  const first = defaultSpikeSettings.weeks * HOURS_PER_WEEK;
  while (truth.size < spikes) {
    const hour = first + Math.floor(next() * (series.length - first));
    if (truth.has(hour)) continue;
    // An abnormal hour: several times what that hour usually has, and at least ten more contacts.
    const usual = peakRate * seasonal(hour);
    series[hour] = series[hour]! + Math.max(10, Math.round(usual * (2 + next() * 3)));
    truth.add(hour);
  }
  return { series, truth, first };
}

describe('spike detection', () => {
  it('median of odd, even and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBe(0);
  });

  it('finds injected spikes in generated seasonal series with few false alarms (precision and recall reported)', () => {
    const found = new Set<string>();
    const truth = new Set<string>();
    // Twenty categories from quiet (peak 1 an hour) to busy (peak 60 an hour), ten spikes each.
    for (let c = 0; c < 20; c++) {
      const peak = [1, 3, 8, 20, 60][c % 5]!;
      const g = generated(1000 + c, peak, 10);
      for (const hour of g.truth) truth.add(`${c}:${hour}`);
      for (const v of detectSpikes(g.series)) if (v.hour >= g.first && v.spike) found.add(`${c}:${v.hour}`);
    }
    const { precision, recall } = precisionRecall(found, truth);
    // The figures the detector is held to, in the test output.
    process.stdout.write(
      `spike detector on 20 generated series, ${truth.size} injected spikes: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('raises nothing on a series without spikes, nor on a quiet category going from none to two', () => {
    for (const peak of [0.5, 5, 40]) {
      const g = generated(77, peak, 0);
      const alarms = detectSpikes(g.series).filter((v) => v.spike).length;
      // A false alarm rate under one in a thousand hours.
      expect(alarms).toBeLessThanOrEqual(Math.ceil(g.series.length / 1000));
    }
    const quiet = Array.from({ length: 7 * HOURS_PER_WEEK + 1 }, () => 0);
    quiet[quiet.length - 1] = 2;
    expect(judgeHour(quiet, quiet.length - 1, defaultSpikeSettings).spike).toBe(false);
  });

  it('one earlier spike in the baseline weeks does not hide the next one', () => {
    const series = Array.from({ length: 8 * HOURS_PER_WEEK }, () => 10);
    const last = series.length - 1;
    series[last - HOURS_PER_WEEK] = 60;
    series[last] = 60;
    const verdict = judgeHour(series, last, defaultSpikeSettings);
    expect(verdict.expected).toBe(10);
    expect(verdict.spike).toBe(true);
  });

  it('an hour without a full baseline gets no score', () => {
    const series = Array.from({ length: 2 * HOURS_PER_WEEK }, () => 50);
    expect(judgeHour(series, series.length - 1, defaultSpikeSettings)).toMatchObject({
      score: null,
      spike: false,
    });
  });
});
