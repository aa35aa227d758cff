// The spike job and the trend chart, in-process on the generated database: one full detection
// run (every category, incoming tickets and negative answers per hour over six weeks and three
// hours, judged and written) and 90-day trend reads (volume by category, tag and the product
// dropdown; CSAT by category and tag), each as p50/p95 over repeated runs.
import type { Db } from '../server/db/database';
import { computeTrend, runSpikeDetection } from '../server/modules/reports';
import { BENCH_PRODUCT_FIELD } from './generate';
import { percentiles, type ReportRow } from './reports';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const RUNS = 20;

export async function benchSpikes(target: string, db: Db): Promise<ReportRow[]> {
  const now = Date.now();
  const period = { from: isoDay(now - 89 * DAY), to: isoDay(now), tz: 'UTC', grain: 'day', top: 5 } as const;
  const rows: ReportRow[] = [];
  for (const [scenario, read] of [
    [
      'trend chart, 90 days of volume by category',
      () => computeTrend(db, { ...period, measure: 'volume', split: 'category' }),
    ],
    [
      'trend chart, 90 days of volume by tag',
      () => computeTrend(db, { ...period, measure: 'volume', split: 'tag' }),
    ],
    [
      'trend chart, 90 days of volume by product (a dropdown field)',
      () => computeTrend(db, { ...period, measure: 'volume', split: 'product', field: BENCH_PRODUCT_FIELD }),
    ],
    [
      'trend chart, 90 days of CSAT by category',
      () => computeTrend(db, { ...period, measure: 'csat', split: 'category' }),
    ],
    [
      'trend chart, 90 days of CSAT by tag',
      () => computeTrend(db, { ...period, measure: 'csat', split: 'tag' }),
    ],
    ['spike detection run, every category', () => runSpikeDetection(db, { now })],
  ] as const) {
    rows.push({ target, scenario, ...(await percentiles(RUNS, read)) });
  }
  return rows;
}
