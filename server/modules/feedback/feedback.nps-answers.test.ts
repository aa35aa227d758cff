import { expect, it } from 'vitest';
import type { FeedbackTheme } from '../../../contracts/feedback-loop';
import type { NpsInboxAnswer, NpsSummary } from '../../../contracts/nps';
import { type Auth, describeApi, testConfig } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { sendDueCampaigns } from './feedback.campaigns';
import { scoreUnscoredAnswers } from './feedback.loop';

const anonymous: Auth = { kind: 'anonymous' };

interface Page {
  data: NpsInboxAnswer[];
  nextCursor: string | null;
  summary: NpsSummary;
}

describeApi('feedback: NPS answers in the inbox', (t) => {
  const send = (
    auth: Auth,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.request(auth, { method, url, ...(payload ? { payload } : {}) });
  let seq = 0;

  /** A campaign mailed to `count` tagged customers; answers each link's token in order. */
  async function campaignTo(manager: Auth, agent: Auth, tag: string, count: number) {
    for (let i = 0; i < count; i += 1) {
      seq += 1;
      const ticket = await openTicket(t, agent, {
        requester: { email: `${tag}.${seq}@nps.example`, name: `Customer ${tag} ${seq}` },
      });
      await t.handle.db
        .updateTable('customers')
        .set({ tags: JSON.stringify([tag]) })
        .where('id', '=', ticket.requester.id)
        .execute();
    }
    const created = await send(manager, 'POST', '/api/v1/nps-campaigns', {
      name: `Campaign ${tag}`,
      segment: { tags: [tag] },
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      status: 'active',
    });
    expect(created.statusCode, created.body).toBe(201);
    await sendDueCampaigns(t.handle.db, testConfig(t.dataDir));
    const rows = await t.handle.db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('kind', '=', 'nps_campaign')
      .where('to_address', 'like', `${tag}.%`)
      .orderBy('id')
      .execute();
    const tokens = rows.map((r) => /\/nps\/([A-Za-z0-9_-]+)/.exec(r.text_body)![1]!);
    expect(tokens).toHaveLength(count);
    const answer = (i: number, body: { score: number; comment?: string }) =>
      send(anonymous, 'PUT', `/api/v1/public/nps/${tokens[i]}/answer`, body);
    return { campaignId: created.json().id as number, answer };
  }

  const inbox = async (auth: Auth, query = ''): Promise<Page> => {
    const res = await send(auth, 'GET', `/api/v1/nps-answers${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('lists answered NPS answers with their tone and themes, filters them, and sums up NPS and the response rate', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    const slow = (
      await send(manager, 'POST', '/api/v1/feedback/themes', { name: 'Slow' })
    ).json() as FeedbackTheme;
    const billing = (
      await send(manager, 'POST', '/api/v1/feedback/themes', { name: 'Billing' })
    ).json() as FeedbackTheme;
    const rule = await send(manager, 'POST', '/api/v1/feedback/theme-rules', {
      themeId: slow.id,
      phrases: ['slow', 'took ages'],
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const { campaignId, answer } = await campaignTo(manager, agent, 'delta', 4);
    const other = await campaignTo(manager, agent, 'omega', 1);

    expect((await answer(0, { score: 10, comment: 'Great people, always helpful.' })).statusCode).toBe(200);
    expect((await answer(1, { score: 8 })).statusCode).toBe(200);
    expect(
      (await answer(2, { score: 3, comment: 'Awful. Slow replies and a useless portal.' })).statusCode,
    ).toBe(200);
    expect((await other.answer(0, { score: 6, comment: 'Disappointing.' })).statusCode).toBe(200);

    const all = await inbox(manager, `?campaignId=${campaignId}`);
    expect(all.data.map((a) => a.score)).toEqual([3, 8, 10]);
    const detractor = all.data[0]!;
    expect(detractor).toMatchObject({
      group: 'detractor',
      comment: 'Awful. Slow replies and a useless portal.',
      campaign: { id: campaignId, name: 'Campaign delta' },
      customer: { name: expect.stringContaining('Customer delta') },
      organization: null,
      themes: [{ id: slow.id, name: 'Slow', source: 'rule' }],
    });
    expect(detractor.sentiment?.label).toBe('negative');
    expect(all.data[1]).toMatchObject({ group: 'passive', comment: '', themes: [] });
    expect(all.data[1]!.sentiment?.label).toBe('neutral');
    expect(all.data[2]!.sentiment?.label).toBe('positive');
    // One promoter, one passive, one detractor: NPS 0; three of the four mails answered.
    expect(all.summary).toMatchObject({
      answers: 3,
      promoters: 1,
      passives: 1,
      detractors: 1,
      nps: 0,
      sent: 4,
      responseRate: 75,
      sentiments: { negative: 1, neutral: 1, positive: 1 },
      themes: [{ id: slow.id, name: 'Slow', count: 1 }],
    });
    // Both campaigns: 1 promoter, 2 detractors of 4 answers → (1 − 2) / 4 = −25.
    const both = await inbox(manager);
    expect(both.summary).toMatchObject({ answers: 4, detractors: 2, nps: -25, sent: 5, responseRate: 80 });

    expect((await inbox(manager, '?group=detractor')).data.map((a) => a.score)).toEqual([6, 3]);
    expect((await inbox(manager, '?group=passive')).data.map((a) => a.score)).toEqual([8]);
    expect((await inbox(manager, '?score=10')).summary).toMatchObject({ answers: 1, nps: 100 });
    expect((await inbox(manager, '?withComment=false')).data.map((a) => a.score)).toEqual([8]);
    expect((await inbox(manager, '?sentiment=negative')).data.map((a) => a.score)).toEqual([6, 3]);
    expect((await inbox(manager, `?themeId=${slow.id}`)).data.map((a) => a.score)).toEqual([3]);
    expect((await inbox(manager, '?organizationId=999999')).summary).toMatchObject({
      answers: 0,
      nps: null,
      sent: 0,
    });
    const today = new Date().toISOString().slice(0, 10);
    expect((await inbox(manager, `?from=${today}&to=${today}`)).summary.answers).toBe(4);
    expect((await inbox(manager, '?from=2020-01-01&to=2020-01-31')).summary).toMatchObject({
      answers: 0,
      sent: 0,
      responseRate: null,
    });

    // Pages newest answered first, each answer once.
    const first = await inbox(manager, '?limit=3');
    expect(first.data).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await inbox(manager, `?limit=3&cursor=${first.nextCursor}`);
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([...first.data, ...second.data].map((a) => a.id)).toEqual(both.data.map((a) => a.id));

    // Tagged by hand; a changed answer is scored again and the rules re-applied, the hand tag staying.
    const tagged = await send(manager, 'PUT', `/api/v1/nps-answers/${detractor.id}/themes/${billing.id}`);
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect((tagged.json() as NpsInboxAnswer).themes.map((x) => [x.name, x.source])).toEqual([
      ['Billing', 'manual'],
      ['Slow', 'rule'],
    ]);
    expect((await answer(2, { score: 9, comment: 'Sorted now, thank you, great work.' })).statusCode).toBe(
      200,
    );
    const changed = (await inbox(manager, `?campaignId=${campaignId}&group=promoter`)).data;
    expect(changed.map((a) => a.id)).toEqual([detractor.id, all.data[2]!.id].sort((a, b) => b - a));
    const again = changed.find((a) => a.id === detractor.id)!;
    expect(again.sentiment?.label).toBe('positive');
    expect(again.themes.map((x) => x.name)).toEqual(['Billing']);
    expect(again.answeredAt).toBe(detractor.answeredAt);
    const themes = (await send(manager, 'GET', '/api/v1/feedback/themes')).json().data as FeedbackTheme[];
    expect(themes.map((x) => [x.name, x.answers])).toEqual([
      ['Billing', 1],
      ['Slow', 0],
    ]);

    // A new rule reaches past NPS answers when the rules run again.
    await send(manager, 'POST', '/api/v1/feedback/theme-rules', {
      themeId: slow.id,
      phrases: ['disappointing'],
    });
    const run = await send(manager, 'POST', '/api/v1/feedback/theme-rules/run');
    expect(run.json()).toEqual({ answers: 4, tagged: 1, removed: 0 });
    expect((await inbox(manager, `?themeId=${slow.id}`)).data.map((a) => a.comment)).toEqual([
      'Disappointing.',
    ]);
    const untagged = await send(
      manager,
      'DELETE',
      `/api/v1/nps-answers/${detractor.id}/themes/${billing.id}`,
    );
    expect((untagged.json() as NpsInboxAnswer).themes).toEqual([]);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('action', 'in', ['feedback.answer_tagged', 'feedback.answer_untagged'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['feedback.answer_tagged', 'feedback.answer_untagged']);
    expect(audit[0]!.changes).toContain('nps');
  });

  it('scores answers recorded before sentiment was kept, never the unanswered', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    const { answer } = await campaignTo(manager, agent, 'kappa', 2);
    await answer(0, { score: 2, comment: 'Terrible, rude and slow.' });
    await t.handle.db.updateTable('nps_recipients').set({ sentiment: null, sentiment_score: null }).execute();
    expect((await inbox(manager)).data[0]!.sentiment).toBeNull();
    expect(await scoreUnscoredAnswers(t.handle.db)).toBe(1);
    expect((await inbox(manager)).data[0]!.sentiment?.label).toBe('negative');
    const unanswered = await t.handle.db
      .selectFrom('nps_recipients')
      .select('sentiment')
      .where('answered_at', 'is', null)
      .execute();
    expect(unanswered).toEqual([{ sentiment: null }]);
    expect(await scoreUnscoredAnswers(t.handle.db)).toBe(0);
  });

  it('is for managers; filters that belong to tickets, bad values and unanswered answers are refused', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    const { answer } = await campaignTo(manager, agent, 'sigma', 2);
    await answer(0, { score: 9, comment: 'Good.' });
    const theme = (await send(manager, 'POST', '/api/v1/feedback/themes', { name: 'Friendly' })).json();
    const [unanswered] = await t.handle.db
      .selectFrom('nps_recipients')
      .select('id')
      .where('answered_at', 'is', null)
      .execute();
    const answered = (await inbox(manager)).data[0]!;

    for (const who of [agent, anonymous]) {
      const res = await send(who, 'GET', '/api/v1/nps-answers');
      expect(res.statusCode).toBe(who === agent ? 403 : 401);
    }
    expect(
      (await send(agent, 'PUT', `/api/v1/nps-answers/${answered.id}/themes/${theme.id}`)).statusCode,
    ).toBe(403);
    for (const query of [
      'agentId=1',
      'teamId=1',
      'categoryId=1',
      'channel=email',
      'group=fans',
      'score=11',
      'score=-1',
      'from=2026-02-30',
      'cursor=not-a-cursor',
      `cursor=${Buffer.from(JSON.stringify([1, 'x'])).toString('base64url')}`,
    ]) {
      const res = await send(manager, 'GET', `/api/v1/nps-answers?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    const notAnswered = await send(
      manager,
      'PUT',
      `/api/v1/nps-answers/${unanswered!.id}/themes/${theme.id}`,
    );
    expect(notAnswered.statusCode).toBe(404);
    expect(notAnswered.json().error.code).toBe('NPS_ANSWER_NOT_FOUND');
    expect((await send(manager, 'PUT', `/api/v1/nps-answers/${answered.id}/themes/999999`)).statusCode).toBe(
      404,
    );
    expect(await t.handle.db.selectFrom('nps_answer_themes').selectAll().execute()).toEqual([]);
  });
  it('gives the satisfaction report its NPS and NPS response rate, left out when filtered by a ticket dimension', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    const { answer } = await campaignTo(manager, agent, 'report', 4);
    for (const [i, score] of [10, 9, 3].entries()) expect((await answer(i, { score })).statusCode).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const figures = async (query: string) => {
      const res = await send(
        manager,
        'GET',
        `/api/v1/reports/satisfaction?from=${today}&to=${today}&tz=UTC${query}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { figures: { key: string; value: number | null }[] };
      return Object.fromEntries(body.figures.map((f) => [f.key, f.value]));
    };
    const all = await figures('');
    // Every NPS answer of the day in this database counts; this campaign's are 2 promoters, 1 detractor of 3.
    const mine = await t.handle.db
      .selectFrom('nps_recipients')
      .select((eb) => [
        eb.fn.countAll<number>().as('answers'),
        eb.fn.sum<number>(eb.case().when('score', '>=', 9).then(1).else(0).end()).as('promoters'),
        eb.fn.sum<number>(eb.case().when('score', '<=', 6).then(1).else(0).end()).as('detractors'),
      ])
      .where('answered_at', 'is not', null)
      .executeTakeFirstOrThrow();
    const expected = (100 * (Number(mine.promoters) - Number(mine.detractors))) / Number(mine.answers);
    expect(all.nps).toBeCloseTo(expected, 6);
    expect(all.nps_response_rate).not.toBeNull();
    const byTeam = await figures('&teamId=1');
    expect(byTeam.nps).toBeNull();
    expect(byTeam.nps_response_rate).toBeNull();
  });
});
