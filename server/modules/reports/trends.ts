// Trend charts: contact volume or a satisfaction score over a period, by day or week in the
// department's time zone, split by category, tag, a product custom field or organisation, the
// largest series by name and the rest as "Other".
import type { Trend, TrendQuery } from '../../../contracts/trends';
import type { DbOrTrx } from '../../db/database';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { localDate, periodOf, zoneOf } from './reports.compute';
import { trendsRepository as repo } from './trends.repository';
import { foldTrend, NONE, type TrendRecord } from './trends.rules';

const HOUR = 3_600_000;
const floorHour = (ms: number) => new Date(Math.floor(ms / HOUR) * HOUR).toISOString();

/** A custom field's value as a series key (text of a string, number or true; NONE when empty). */
function fieldValue(fields: string | null, field: string): string {
  if (!fields) return NONE;
  const value = (JSON.parse(fields) as Record<string, unknown>)[field];
  if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 80);
  if (typeof value === 'number' || value === true) return String(value);
  return NONE;
}

const keyOf = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' || v === 0 ? NONE : String(v);

async function recordsOf(db: DbOrTrx, q: TrendQuery, from: string, until: string, tz: string) {
  const day = (at: string) => localDate(Date.parse(at), tz);
  const field = q.field ?? '';
  if (q.measure === 'nps')
    return (await repo.npsAnswers(db, from, until)).map(
      (r): TrendRecord => ({ date: day(r.at ?? from), key: keyOf(r.key), n: 1, score: r.score ?? 0 }),
    );
  if (q.measure === 'volume') {
    if (q.split === 'category' || q.split === 'organization') {
      const column = q.split === 'category' ? 'category_id' : 'organization_id';
      return (
        await repo.createdByHour(db, column, floorHour(Date.parse(from)), floorHour(Date.parse(until)))
      ).map((r): TrendRecord => ({ date: day(r.at), key: keyOf(r.key), n: r.n }));
    }
    if (q.split === 'tag')
      return (await repo.createdWithTags(db, from, until)).map(
        (r): TrendRecord => ({ date: day(r.at), key: keyOf(r.key), n: 1 }),
      );
    return (await repo.createdWithFields(db, from, until)).map(
      (r): TrendRecord => ({ date: day(r.at), key: fieldValue(r.fields, field), n: 1 }),
    );
  }
  const negative = q.measure === 'negative';
  const rows = await repo.answers(db, q.split, from, until);
  return rows
    .filter((r) => !negative || r.positive === 0)
    .map(
      (r): TrendRecord => ({
        date: day(r.at),
        key: q.split === 'product' ? fieldValue(r.fields, field) : keyOf(r.key),
        n: 1,
        positive: r.positive,
        effort: r.effort,
      }),
    );
}

const noneLabels = {
  category: 'No category',
  tag: 'No tag',
  product: 'No product',
  organization: 'No organisation',
} as const;

async function labeller(db: DbOrTrx, q: TrendQuery, keys: string[]) {
  const ids = keys.filter((k) => k !== NONE).map(Number);
  const named =
    q.split === 'category' && q.measure !== 'nps'
      ? await repo.categoryNames(db, ids)
      : q.split === 'organization'
        ? await repo.organizationNames(db, ids)
        : [];
  const names = new Map(named.map((r) => [String(r.id), r.name]));
  return (key: string) => (key === NONE ? noneLabels[q.split] : (names.get(key) ?? key));
}

/** The trend for a query (the caller checked who may read it). */
export async function computeTrend(db: DbOrTrx, q: TrendQuery): Promise<Trend> {
  if (q.measure === 'nps' && q.split !== 'organization')
    throw new AppError(
      'VALIDATION_FAILED',
      'NPS answers belong to a customer, not a ticket: split them by organisation',
      {
        field: 'split',
      },
    );
  if (q.split === 'product' && !q.field)
    throw new AppError('VALIDATION_FAILED', 'Name the custom field that holds the product', {
      field: 'field',
    });
  const tz = await zoneOf(db, q.tz);
  const period = periodOf(q.from, q.to, tz);
  const from = new Date(period.start).toISOString();
  const until = new Date(period.end).toISOString();
  const records = await recordsOf(db, q, from, until, tz);
  const labelOf = await labeller(db, q, [...new Set(records.map((r) => r.key))]);
  const folded = foldTrend(records, {
    measure: q.measure,
    from: q.from,
    to: q.to,
    grain: q.grain,
    top: q.top,
    labelOf,
  });
  return {
    measure: q.measure,
    split: q.split,
    grain: q.grain,
    unit: q.measure === 'csat' ? 'percent' : q.measure === 'ces' || q.measure === 'nps' ? 'score' : 'count',
    period: { from: q.from, to: q.to, tz },
    ...folded,
  };
}

export function trendsService({ db }: AppDeps) {
  return {
    async trend(ctx: RequestContext, q: TrendQuery): Promise<Trend> {
      authorize(ctx.actor, 'feedback.read');
      return computeTrend(db, q);
    },
  };
}

export type TrendsService = ReturnType<typeof trendsService>;
