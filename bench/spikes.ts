// The spike job's bench: one full detection run (every category, incoming tickets and negative
// answers per hour over six weeks and three hours, judged and written) on a generated database,
// and a 90-day trend read by category and by tag, each timed and printed in milliseconds.
import type { Db } from '../server/db/database';
import { computeTrend, runSpikeDetection } from '../server/modules/reports';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};

export interface SpikeBenchRow {
  scenario: string;
  ms: number;
}

/** Times one detection run over all categories (and two 90-day trend reads); prints and returns the figures. */
export async function benchSpikeRun(db: Db): Promise<SpikeBenchRow[]> {
  const now = Date.now();
  const rows: SpikeBenchRow[] = [];
  rows.push({
    scenario: 'spike detection, every category',
    ms: await time(() => runSpikeDetection(db, { now })),
  });
  const period = { from: isoDay(now - 89 * DAY), to: isoDay(now), tz: 'UTC', grain: 'day', top: 5 } as const;
  rows.push({
    scenario: 'trend, 90 days of volume by category',
    ms: await time(() => computeTrend(db, { ...period, measure: 'volume', split: 'category' })),
  });
  rows.push({
    scenario: 'trend, 90 days of volume by tag',
    ms: await time(() => computeTrend(db, { ...period, measure: 'volume', split: 'tag' })),
  });
  for (const r of rows) console.log(`${r.scenario}: ${r.ms.toFixed(1)} ms`);
  return rows;
}
