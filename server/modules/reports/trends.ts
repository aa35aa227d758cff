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
import { ALL, fieldDimension, productValue } from './trends.fold';
import { trendsRepository as repo } from './trends.repository';
import { foldTrend, NONE, type TrendRecord } from './trends.rules';

const HOUR = 3_600_000;
const floorHour = (ms: number) => new Date(Math.floor(ms / HOUR) * HOUR).toISOString();

/** A custom field's value as a series key (text of a string, number or true; NONE when empty). */
function fieldValue(fields: string | null, field: string): string {
  if (!fields) return NONE;
  return productValue((JSON.parse(fields) as Record<string, unknown>)[field]) || NONE;
}

const keyOf = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' || v === 0 ? NONE : String(v);

/** What a measure counts: tickets opened, or answers. */
const counterOf = (q: TrendQuery) => (q.measure === 'volume' ? 'created' : 'answers');

type HourFigures = Awaited<ReturnType<typeof repo.dimensionHours>>[number];

/** One aggregate row as a record of the measure (tickets opened, or answers and their scores). */
function recordOfHour(
  measure: TrendQuery['measure'],
  date: string,
  key: string,
  r: HourFigures,
): TrendRecord {
  if (measure === 'volume') return { date, key, n: r.created };
  if (measure === 'negative') return { date, key, n: r.answers - r.positive };
  return { date, key, n: r.answers, positive: r.positive, effort: r.effortSum, effortN: r.effortN };
}

/**
 * A dropdown field's figures: the aggregates keep the tickets and answers with a value; those
 * without one ("No product") are the rest of the hour's whole (the `all` dimension).
 */
async function fieldHours(db: DbOrTrx, q: TrendQuery, field: string, fromHour: string, untilHour: string) {
  const of = counterOf(q);
  const rows = await repo.dimensionHours(db, fieldDimension(field), fromHour, untilHour, of);
  const rest = new Map((await repo.dimensionHours(db, ALL, fromHour, untilHour, of)).map((r) => [r.at, r]));
  for (const r of rows) {
    const acc = rest.get(r.at);
    if (!acc) continue;
    acc.created -= r.created;
    acc.answers -= r.answers;
    acc.positive -= r.positive;
    acc.effortSum -= r.effortSum;
    acc.effortN -= r.effortN;
  }
  return [...rows, ...rest.values()];
}

/** The local date of a moment, worked out once per distinct moment (aggregate rows share hours). */
function datesIn(tz: string) {
  const known = new Map<string, string>();
  return (at: string) => {
    let date = known.get(at);
    if (date === undefined) {
      date = localDate(Date.parse(at), tz);
      known.set(at, date);
    }
    return date;
  };
}

async function recordsOf(db: DbOrTrx, q: TrendQuery, from: string, until: string, tz: string) {
  const day = datesIn(tz);
  const field = q.field ?? '';
  const fromHour = floorHour(Date.parse(from));
  const untilHour = floorHour(Date.parse(until));
  if (q.measure === 'nps')
    return (await repo.npsAnswers(db, from, until)).map(
      (r): TrendRecord => ({ date: day(r.at ?? from), key: keyOf(r.key), n: 1, score: r.score ?? 0 }),
    );
  if (q.measure === 'volume' && (q.split === 'category' || q.split === 'organization')) {
    const column = q.split === 'category' ? 'category_id' : 'organization_id';
    return (await repo.createdByHour(db, column, fromHour, untilHour)).map(
      (r): TrendRecord => ({ date: day(r.at), key: keyOf(r.key), n: r.n }),
    );
  }
  if (q.split !== 'product' || (await repo.isKeptField(db, field))) {
    const rows =
      q.split === 'product'
        ? await fieldHours(db, q, field, fromHour, untilHour)
        : await repo.dimensionHours(db, q.split, fromHour, untilHour, counterOf(q));
    return rows.map((r) => recordOfHour(q.measure, day(r.at), keyOf(r.value), r));
  }
  return freeTextRecords(db, q, field, from, until, day);
}

/**
 * A field that is not a dropdown has no aggregate (its values are free): its figures come
 * from the period's tickets or answers, at most FREE_TEXT_CAP of them.
 */
const FREE_TEXT_CAP = 200_000;

async function freeTextRecords(
  db: DbOrTrx,
  q: TrendQuery,
  field: string,
  from: string,
  until: string,
  day: (at: string) => string,
): Promise<TrendRecord[]> {
  if (q.measure === 'volume') {
    const rows = await repo.createdWithFields(db, from, until, FREE_TEXT_CAP + 1);
    tooMany(rows.length);
    return rows.map((r): TrendRecord => ({ date: day(r.at), key: fieldValue(r.fields, field), n: 1 }));
  }
  const negative = q.measure === 'negative';
  const rows = await repo.productAnswers(db, from, until, FREE_TEXT_CAP + 1);
  tooMany(rows.length);
  return rows
    .filter((r) => !negative || r.positive === 0)
    .map(
      (r): TrendRecord => ({
        date: day(r.at),
        key: fieldValue(r.fields, field),
        n: 1,
        positive: r.positive,
        effort: r.effort,
      }),
    );
}

function tooMany(rows: number) {
  if (rows > FREE_TEXT_CAP)
    throw new AppError(
      'VALIDATION_FAILED',
      `A field that is not a dropdown is read ticket by ticket, at most ${FREE_TEXT_CAP} of them: choose a shorter period or a dropdown field`,
      { field: 'field' },
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
