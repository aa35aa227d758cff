import { expect, it } from 'vitest';
import { describeApi } from '../../test/helpers/app';
import { loadConfig } from '../config';
import { seedDemo } from './demo';
import { DETAILED_DAYS } from './history';

describeApi('demo feedback loop', (t) => {
  it('tags and scores every answer, and has follow-ups open, overdue and closed with outcomes', async () => {
    // The detailed 90 days only: the longer history is checked in demo.test.ts.
    await seedDemo(t.handle, loadConfig({}), { days: DETAILED_DAYS });
    const manager = await t.login('morgan@steward.example', 'steward-demo');
    const cookie = manager.cookies.find((c) => c.name === 'steward_session')!;
    const get = async (url: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url,
        headers: { cookie: `steward_session=${cookie.value}` },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const inbox = await get('/api/v1/survey-answers?limit=200&from=2000-01-01');
    const { summary } = inbox;
    expect(summary.sentiments.negative + summary.sentiments.neutral + summary.sentiments.positive).toBe(
      summary.answers,
    );
    expect(summary.sentiments.positive).toBeGreaterThan(summary.sentiments.negative);
    const names = summary.themes.map((x: { name: string }) => x.name);
    for (const theme of ['Slow', 'Delivery', 'Friendly', 'Billing']) expect(names).toContain(theme);
    expect(inbox.data.every((a: { sentiment: unknown }) => a.sentiment !== null)).toBe(true);

    const all = await get('/api/v1/follow-ups?view=all&limit=200');
    expect(all.summary.open).toBeGreaterThan(0);
    expect(all.summary.overdue).toBeGreaterThan(0);
    expect(all.summary.closed).toBeGreaterThan(10);
    expect(all.summary.closedInTimeShare).toBeGreaterThan(40);
    expect(all.summary.closedInTimeShare).toBeLessThan(100);
    const outcomes = new Set(all.data.map((f: { outcome: string | null }) => f.outcome));
    for (const outcome of ['recovered', 'not_recovered', 'no_response']) expect(outcomes).toContain(outcome);
    expect(all.data.every((f: { owner: unknown }) => f.owner !== null)).toBe(true);
  }, 120_000);
});
