import { expect, it } from 'vitest';
import { describeApi } from '../../test/helpers/app';
import { loadConfig } from '../config';
import { seedDemo } from './demo';
import { DETAILED_DAYS } from './history';

describeApi('demo feedback', (t) => {
  it('surveys most solved tickets, with answers of every kind and a sour fortnight for deliveries', async () => {
    await seedDemo(t.handle, loadConfig({}), { days: DETAILED_DAYS });
    const manager = await t.login('morgan@steward.example', 'steward-demo');
    const cookie = manager.cookies.find((c) => c.name === 'steward_session')!;
    const inbox = await t.app.inject({
      method: 'GET',
      url: '/api/v1/survey-answers?limit=200',
      headers: { cookie: `steward_session=${cookie.value}` },
    });
    expect(inbox.statusCode, inbox.body).toBe(200);
    const { data, summary } = inbox.json();
    expect(summary.answers).toBeGreaterThan(200);
    expect(summary.csat).toBeGreaterThan(60);
    expect(summary.csat).toBeLessThan(90);
    expect(summary.ces).toBeGreaterThan(3);
    expect(summary.responseRate).toBeGreaterThan(25);
    const ratings = new Set(data.map((a: { rating: number }) => a.rating));
    for (const rating of [1, 2, 3, 4, 5]) expect(ratings).toContain(rating);
    expect(data.some((a: { comment: string }) => a.comment.length > 0)).toBe(true);
    const since = new Date(Date.now() - 14 * 86_400_000).toISOString();
    const byCategory = await t.handle.db
      .selectFrom('survey_answers as a')
      .innerJoin('categories as c', 'c.id', 'a.category_id')
      .select([
        'c.name',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('a.positive').as('positive'),
      ])
      .where('a.answered_at', '>=', since)
      .groupBy('c.name')
      .execute();
    const share = (name: string) => {
      const row = byCategory.find((r) => r.name === name);
      return row ? Number(row.positive) / Number(row.n) : null;
    };
    expect(share('Delivery')).not.toBeNull();
    expect(share('Delivery')!).toBeLessThan(share('Returns') ?? 1);
  }, 120_000);
});
