// Trend charts' SQL. Volume by category or organisation reads the hourly aggregates
// (`report_hours`); volume by tag or a dropdown custom field and the scores of answers read the
// trend aggregates (`report_dimension_hours`), kept here for the consumer; a free-text field's
// values read the period's tickets through their creation index. Never the whole tickets table.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { grainFor } from './reports.grains';
import {
  parseTrendKey,
  productValue,
  TREND_COUNTERS,
  type TrendCounter,
  type TrendDeltas,
  type TrendStart,
  trendKey,
} from './trends.fold';

const CHUNK = 200;

const parsedJson = (text: string | null): unknown => {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

export const trendsRepository = {
  /** The keys of the dropdown custom fields: the fields whose values the aggregates keep. */
  async keptFields(db: DbOrTrx): Promise<Set<string>> {
    const rows = await db.selectFrom('custom_fields').select('key').where('type', '=', 'dropdown').execute();
    return new Set(rows.map((r) => r.key));
  },

  /** Whether a custom field is kept in the aggregates (a dropdown). */
  async isKeptField(db: DbOrTrx, key: string): Promise<boolean> {
    const row = await db
      .selectFrom('custom_fields')
      .select('id')
      .where('key', '=', key)
      .where('type', '=', 'dropdown')
      .executeTakeFirst();
    return row !== undefined;
  },

  /**
   * Each ticket's tags and field values when it was opened: what the first change says they
   * were before, or, never changed, what they are now.
   */
  async trendStarts(db: DbOrTrx, ticketIds: number[]): Promise<Map<number, TrendStart>> {
    const out = new Map<number, TrendStart>();
    if (ticketIds.length === 0) return out;
    const tickets = await db
      .selectFrom('tickets')
      .select(['id', 'tags', 'custom_fields'])
      .where('id', 'in', ticketIds)
      .execute();
    for (const t of tickets) {
      const tags = parsedJson(t.tags);
      const fields = parsedJson(t.custom_fields);
      out.set(t.id, {
        tags: Array.isArray(tags) ? tags.filter((x): x is string => typeof x === 'string') : [],
        fields: Object.fromEntries(
          Object.entries(fields && typeof fields === 'object' ? fields : {}).map(([k, v]) => [
            k,
            productValue(v),
          ]),
        ),
      });
    }
    const changes = await db
      .selectFrom('ticket_events')
      .select(['ticket_id', 'type', 'from_value'])
      .where('ticket_id', 'in', ticketIds)
      .where('type', 'in', ['tags_changed', 'custom_fields_changed'])
      .orderBy('id')
      .execute();
    const tagsSeen = new Set<number>();
    const fieldsSeen = new Set<string>();
    for (const c of changes) {
      const start = out.get(c.ticket_id);
      if (!start) continue;
      const before = parsedJson(c.from_value);
      if (c.type === 'tags_changed') {
        if (tagsSeen.has(c.ticket_id)) continue;
        tagsSeen.add(c.ticket_id);
        start.tags = Array.isArray(before) ? before.filter((x): x is string => typeof x === 'string') : [];
        continue;
      }
      for (const [key, value] of Object.entries(before && typeof before === 'object' ? before : {})) {
        const seen = JSON.stringify([c.ticket_id, key]);
        if (fieldsSeen.has(seen)) continue;
        fieldsSeen.add(seen);
        start.fields[key] = productValue(value);
      }
    }
    for (const start of out.values()) start.tags = [...new Set(start.tags)].sort();
    return out;
  },

  /** Adds the deltas to the stored trend figures. */
  async applyDeltas(db: DbOrTrx, deltas: TrendDeltas) {
    const rows = [...deltas]
      .filter(([, counts]) => Object.values(counts).some((n) => n !== 0))
      .map(([key, counts]) => ({
        ...parseTrendKey(key),
        ...(Object.fromEntries(TREND_COUNTERS.map((c) => [c, counts[c] ?? 0])) as Record<
          TrendCounter,
          number
        >),
      }));
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db
        .insertInto('report_dimension_hours')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc
            .columns(['dimension', 'hour', 'value'])
            .doUpdateSet(
              Object.fromEntries(
                TREND_COUNTERS.map((c) => [
                  c,
                  sql<number>`${sql.ref(`report_dimension_hours.${c}`)} + ${sql.ref(`excluded.${c}`)}`,
                ]),
              ),
            ),
        )
        .execute();
    }
  },

  async clear(db: DbOrTrx) {
    await db.deleteFrom('report_dimension_hours').execute();
  },

  /** Every stored trend figure, in the fold's own keys (for the check). */
  async stored(db: DbOrTrx): Promise<TrendDeltas> {
    const out: TrendDeltas = new Map();
    for (const r of await db.selectFrom('report_dimension_hours').selectAll().execute()) {
      const counts = Object.fromEntries(
        TREND_COUNTERS.map((c) => [c, Number(r[c])]).filter(([, n]) => n !== 0),
      );
      if (Object.keys(counts).length > 0)
        out.set(trendKey(r.dimension, new Date(r.hour).toISOString(), r.value), counts);
    }
    return out;
  },

  /**
   * A dimension's figures per UTC hour and value in [from, until) (one row each, through the
   * key index): tickets opened and answers with their positive ones and effort scores; only
   * the rows where `of` (tickets opened, or answers) is not 0.
   */
  async dimensionHours(
    db: DbOrTrx,
    dimension: string,
    from: string,
    until: string,
    of: 'created' | 'answers',
  ) {
    const base = db
      .selectFrom('report_dimension_hours')
      .select(['hour', 'value'])
      .where('dimension', '=', dimension)
      .where('hour', '>=', from)
      .where('hour', '<', until)
      .where(of, '!=', 0);
    if (of === 'created') {
      const rows = await base.select('created').execute();
      return rows.map((r) => ({
        at: r.hour,
        value: r.value,
        created: Number(r.created),
        answers: 0,
        positive: 0,
        effortSum: 0,
        effortN: 0,
      }));
    }
    const rows = await base.select(['answers', 'positive', 'effort_sum', 'effort_n']).execute();
    return rows.map((r) => ({
      created: 0,
      at: r.hour,
      value: r.value,
      answers: Number(r.answers),
      positive: Number(r.positive),
      effortSum: Number(r.effort_sum),
      effortN: Number(r.effort_n),
    }));
  },

  /** Tickets opened per UTC hour and category (or organisation) in [from, until). */
  async createdByHour(db: DbOrTrx, column: 'category_id' | 'organization_id', from: string, until: string) {
    const rows = await db
      .selectFrom('report_hours')
      .select(['hour', `${column} as key`])
      .select((eb) => eb.fn.sum<number>('created').as('n'))
      .where('grain', '=', grainFor([column === 'category_id' ? 'categoryId' : 'organizationId']))
      .where('hour', '>=', from)
      .where('hour', '<', until)
      .groupBy(['hour', column])
      .having((eb) => eb.fn.sum('created'), '>', 0)
      .execute();
    return rows.map((r) => ({ at: r.hour, key: Number(r.key), n: Number(r.n ?? 0) }));
  },

  /** Up to `limit` tickets opened in [from, until) with their custom fields (JSON). */
  createdWithFields(db: DbOrTrx, from: string, until: string, limit: number) {
    return db
      .selectFrom('tickets')
      .select(['created_at as at', 'custom_fields as fields'])
      .where('created_at', '>=', from)
      .where('created_at', '<', until)
      .limit(limit)
      .execute();
  },

  /** Up to `limit` survey answers in [from, until) with their ticket's custom fields (JSON). */
  productAnswers(db: DbOrTrx, from: string, until: string, limit: number) {
    return db
      .selectFrom('survey_answers as a')
      .innerJoin('tickets as t', 't.id', 'a.ticket_id')
      .select(['a.answered_at as at', 'a.positive', 'a.effort', 't.custom_fields as fields'])
      .where('a.answered_at', '>=', from)
      .where('a.answered_at', '<', until)
      .limit(limit)
      .execute();
  },

  /** NPS answers in [from, until) with the customer's organisation. */
  npsAnswers(db: DbOrTrx, from: string, until: string) {
    return db
      .selectFrom('nps_recipients')
      .select(['answered_at as at', 'organization_id as key', 'score'])
      .where('answered_at', '>=', from)
      .where('answered_at', '<', until)
      .where('score', 'is not', null)
      .execute();
  },

  categoryNames(db: DbOrTrx, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('categories').select(['id', 'name']).where('id', 'in', ids).execute();
  },

  organizationNames(db: DbOrTrx, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
  },
};
