import { expect, it } from 'vitest';
import type { NpsCampaign, NpsInboxAnswer, NpsResults, NpsSummary } from '../../contracts/nps';
import { describeApi } from '../../test/helpers/app';
import { loadConfig } from '../config';
import { seedDemo } from './demo';
import { DETAILED_DAYS } from './history';

describeApi('demo NPS campaigns', (t) => {
  it('has a finished and an active campaign with answers in every group, comments and unsubscribes', async () => {
    await seedDemo(t.handle, loadConfig({}), { days: DETAILED_DAYS });
    const manager = await t.login('morgan@steward.example', 'steward-demo');
    const cookie = manager.cookies.find((c) => c.name === 'steward_session')!;
    const get = (url: string) =>
      t.app.inject({ method: 'GET', url, headers: { cookie: `steward_session=${cookie.value}` } });
    const list = await get('/api/v1/nps-campaigns');
    expect(list.statusCode, list.body).toBe(200);
    const campaigns = list.json().data as NpsCampaign[];
    expect(campaigns.map((c) => c.status).sort()).toEqual(['active', 'finished']);
    for (const c of campaigns) {
      const results = (await get(`/api/v1/nps-campaigns/${c.id}`)).json() as NpsResults;
      expect(results.answered).toBeGreaterThan(5);
      expect(results.promoters).toBeGreaterThan(0);
      expect(results.detractors).toBeGreaterThan(0);
      expect(results.nps).not.toBeNull();
      expect(results.answers.some((a) => a.comment.length > 0)).toBe(true);
    }
    const active = campaigns.find((c) => c.status === 'active')!;
    expect(Date.parse(active.nextRunAt!)).toBeGreaterThan(Date.now());
    const optouts = await t.handle.db.selectFrom('nps_optouts').selectAll().execute();
    expect(optouts.length).toBeGreaterThan(0);
    // The feedback inbox shows NPS answers of the last 30 days at once, scored and tagged by the rules.
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const inbox = (await get(`/api/v1/nps-answers?from=${from}`)).json() as {
      data: NpsInboxAnswer[];
      summary: NpsSummary;
    };
    expect(inbox.data.length).toBeGreaterThan(5);
    expect(inbox.data.some((a) => a.comment.length > 0 && a.sentiment !== null)).toBe(true);
    expect(inbox.summary.nps).not.toBeNull();
    const all = (await get('/api/v1/nps-answers?limit=200')).json() as { data: NpsInboxAnswer[] };
    expect(all.data.some((a) => a.themes.some((th) => th.source === 'rule'))).toBe(true);
    const settings = (await get('/api/v1/nps-settings')).json();
    expect(settings).toMatchObject({ company: 'Steward Supplies', capDays: 90 });
  }, 120_000);
});
