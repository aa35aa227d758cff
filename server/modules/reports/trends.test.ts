import { expect, it } from 'vitest';
import type { Trend, TrendQuery } from '../../../contracts/trends';
import { type Auth, describeApi, type TestApp } from '../../../test/helpers/app';
import { insertPastSurvey } from '../feedback';
import { checkAggregates, computeTrend, foldAllEvents, rebuildAggregates } from './index';
import { productValue } from './trends.fold';
import { foldTrend, NONE, type TrendRecord } from './trends.rules';

const DAY = 86_400_000;
const START = Date.parse('2026-10-05T00:00:00.000Z');
const TAGS = ['billing', 'vip', 'refund', 'bug'];
const PRODUCTS = ['Router', 'Modem', 'Switch'];

const keyOf = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' || v === 0 ? NONE : String(v);

/**
 * The trend recomputed from the tickets and answers as they are now, ticket by ticket (what
 * the chart read before the aggregates), to compare the aggregate-based figures with.
 */
async function recomputed(t: TestApp, q: TrendQuery): Promise<Pick<Trend, 'keys' | 'points'>> {
  const db = t.handle.db;
  const from = `${q.from}T00:00:00.000Z`;
  const until = new Date(Date.parse(`${q.to}T00:00:00.000Z`) + DAY).toISOString();
  const day = (at: string | Date) => new Date(at).toISOString().slice(0, 10);
  const field = (fields: string) =>
    keyOf(productValue((JSON.parse(fields) as Record<string, unknown>)[q.field ?? '']));
  const records: TrendRecord[] = [];
  if (q.measure === 'volume') {
    const rows = await db
      .selectFrom('tickets as t')
      .leftJoin('ticket_tags as g', 'g.ticket_id', 't.id')
      .select(['t.id', 't.created_at', 't.category_id', 't.organization_id', 't.custom_fields', 'g.tag'])
      .where('t.created_at', '>=', from)
      .where('t.created_at', '<', until)
      .execute();
    const seen = new Set<number>();
    for (const r of rows) {
      if (q.split !== 'tag' && seen.has(r.id)) continue;
      seen.add(r.id);
      const key =
        q.split === 'tag'
          ? keyOf(r.tag)
          : q.split === 'product'
            ? field(r.custom_fields)
            : keyOf(q.split === 'category' ? r.category_id : r.organization_id);
      records.push({ date: day(r.created_at), key, n: 1 });
    }
  } else {
    const rows = await db
      .selectFrom('survey_answers as a')
      .innerJoin('tickets as t', 't.id', 'a.ticket_id')
      .leftJoin('ticket_tags as g', 'g.ticket_id', 'a.ticket_id')
      .select(['a.id', 'a.answered_at', 'a.positive', 'a.effort', 'a.category_id', 'a.organization_id'])
      .select(['t.custom_fields', 'g.tag'])
      .where('a.answered_at', '>=', from)
      .where('a.answered_at', '<', until)
      .execute();
    const seen = new Set<number>();
    for (const r of rows) {
      if (q.split !== 'tag' && seen.has(r.id)) continue;
      seen.add(r.id);
      if (q.measure === 'negative' && r.positive !== 0) continue;
      const key =
        q.split === 'tag'
          ? keyOf(r.tag)
          : q.split === 'product'
            ? field(r.custom_fields)
            : keyOf(q.split === 'category' ? r.category_id : r.organization_id);
      records.push({ date: day(r.answered_at), key, n: 1, positive: r.positive, effort: r.effort });
    }
  }
  return foldTrend(records, { ...q, labelOf: (k) => k });
}

const figures = (trend: Pick<Trend, 'keys' | 'points'>) => ({
  keys: trend.keys.map((k) => [k.key, k.total]),
  points: trend.points,
});

async function send(t: TestApp, auth: Auth, method: 'POST' | 'PATCH', url: string, payload: object) {
  const res = await t.request(auth, { method, url, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

/** A ticket opened through the API, then dated `at` (the row and its opening event). */
async function ticketAt(t: TestApp, admin: Auth, at: string, body: object) {
  const { id } = (await send(t, admin, 'POST', '/api/v1/tickets', {
    subject: `Trend ${at}`,
    requester: { email: 'dana@customer.example', name: 'Dana' },
    message: { body: 'Hello' },
    ...body,
  })) as { id: number };
  await t.handle.db.updateTable('tickets').set({ created_at: at }).where('id', '=', id).execute();
  await t.handle.db
    .updateTable('ticket_events')
    .set({ created_at: at })
    .where('ticket_id', '=', id)
    .where('type', '=', 'created')
    .execute();
  return id;
}

async function organization(t: TestApp, name: string) {
  const row = await t.handle.db
    .insertInto('organizations')
    .values({
      name,
      domains: '[]',
      notes: '',
      tags: '[]',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describeApi('trend aggregates', (t) => {
  it('give the same trends as a recomputation from the tickets and answers, after tag and field changes too', async () => {
    const admin = await t.signIn('admin');
    const db = t.handle.db;
    await send(t, admin, 'POST', '/api/v1/custom-fields', {
      key: 'product',
      label: 'Product',
      type: 'dropdown',
      options: PRODUCTS,
    });
    await send(t, admin, 'POST', '/api/v1/custom-fields', { key: 'order_no', label: 'Order', type: 'text' });
    const categories = [];
    for (const name of ['Accounts', 'Billing', 'Cancellations'])
      categories.push((await send(t, admin, 'POST', '/api/v1/categories', { name })).id as number);
    const orgs = [await organization(t, 'Acme'), await organization(t, 'Globex')];
    await db.updateTable('survey_settings').set({ scale: 'five', ask_effort: 1 }).execute();

    const ids: number[] = [];
    for (let i = 0; i < 36; i += 1) {
      const at = new Date(START + (i % 12) * DAY + ((i * 5) % 24) * 3_600_000 + i * 60_000).toISOString();
      const id = await ticketAt(t, admin, at, {
        categoryId: i % 4 === 3 ? null : categories[i % 3],
        tags: TAGS.filter((_, k) => (i >> k) % 2 === 1).slice(0, 2),
        customFields: i % 5 === 0 ? {} : { product: PRODUCTS[i % 3], order_no: `A-${i % 4}` },
      });
      if (i % 3 !== 0)
        await db
          .updateTable('tickets')
          .set({ organization_id: orgs[i % 2] })
          .where('id', '=', id)
          .execute();
      ids.push(id);
    }
    // Half folded before the answers and the changes, so the consumer moves stored figures.
    await foldAllEvents(db, { settleMs: 0 });
    for (const [k, id] of ids.entries()) {
      if (k % 2 === 1) continue;
      const ticket = await db
        .selectFrom('tickets')
        .select(['requester_id', 'organization_id', 'category_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const at = new Date(START + ((k + 2) % 12) * DAY + 15 * 3_600_000).toISOString();
      await insertPastSurvey(db, {
        ticket: {
          id,
          customerId: ticket.requester_id,
          organizationId: ticket.organization_id,
          agentId: null,
          teamId: null,
          categoryId: ticket.category_id,
          channel: 'email',
        },
        sentAt: at,
        answer: {
          rating: 1 + (k % 5),
          effort: k % 3 === 0 ? null : 1 + (k % 7),
          comment: '',
          reasonId: null,
          at,
        },
      });
    }
    await foldAllEvents(db, { settleMs: 0 });
    // Tags and the product change after the tickets were opened and answered.
    for (const [k, id] of ids.entries()) {
      if (k % 3 === 0)
        await send(t, admin, 'PATCH', `/api/v1/tickets/${id}`, { tags: ['refund', `late-${k % 2}`] });
      if (k % 4 === 1) await send(t, admin, 'PATCH', `/api/v1/tickets/${id}`, { tags: [] });
      if (k % 4 === 2)
        await send(t, admin, 'PATCH', `/api/v1/tickets/${id}`, {
          customFields: { product: PRODUCTS[(k + 1) % 3] },
        });
      if (k % 7 === 3)
        await send(t, admin, 'PATCH', `/api/v1/tickets/${id}`, { customFields: { product: null } });
      if (k === 10) await foldAllEvents(db, { settleMs: 0 });
    }
    await foldAllEvents(db, { settleMs: 0 });
    expect(await checkAggregates(db)).toEqual([]);

    const queries: TrendQuery[] = [];
    for (const measure of ['volume', 'csat', 'ces', 'negative'] as const)
      for (const split of ['category', 'tag', 'product', 'organization'] as const)
        for (const field of split === 'product' ? ['product', 'order_no'] : [undefined])
          queries.push({
            from: '2026-10-05',
            to: '2026-10-18',
            tz: 'UTC',
            measure,
            split,
            field,
            grain: 'day',
            top: 3,
          });
    queries.push({
      from: '2026-10-01',
      to: '2026-10-31',
      tz: 'UTC',
      measure: 'volume',
      split: 'tag',
      grain: 'week',
      top: 10,
    });
    for (const q of queries) {
      // Volume by category and organisation come from report_hours, counted in the dimensions
      // at the time: the same here, where neither changes after the ticket is opened.
      const trend = await computeTrend(db, q);
      expect(figures(trend), JSON.stringify(q)).toEqual(figures(await recomputed(t, q)));
    }
    const byTag = await computeTrend(db, queries.find((q) => q.split === 'tag')!);
    expect(byTag.keys.map((k) => k.key)).toContain('s_refund');

    // A rebuild folds everything again to the same figures.
    const before = await Promise.all(queries.map((q) => computeTrend(db, q)));
    await rebuildAggregates(db, { settleMs: 0 });
    expect(await checkAggregates(db)).toEqual([]);
    expect(await Promise.all(queries.map((q) => computeTrend(db, q)))).toEqual(before);
  });
});
