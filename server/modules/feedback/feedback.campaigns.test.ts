import { expect, it } from 'vitest';
import type { NpsCampaign, NpsResults, PublicNps } from '../../../contracts/nps';
import { type Auth, describeApi, testConfig } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { sendDueCampaigns } from './feedback.campaigns';

const anonymous: Auth = { kind: 'anonymous' };
const DAY = 86_400_000;

describeApi('feedback: NPS campaigns', (t) => {
  const send = (auth: Auth, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    t.request(auth, { method, url, ...(payload ? { payload } : {}) });
  const run = () => sendDueCampaigns(t.handle.db, testConfig(t.dataDir));
  let seq = 0;

  /** Customers with a ticket each (so they exist and were active), tagged to tell the tests apart. */
  async function customers(agent: Auth, tag: string, count: number) {
    const ids: number[] = [];
    for (let i = 0; i < count; i += 1) {
      seq += 1;
      const email = `${tag}.${seq}@nps.example`;
      const ticket = await openTicket(t, agent, { requester: { email, name: `Customer ${seq}` } });
      ids.push(ticket.requester.id);
      await t.handle.db
        .updateTable('customers')
        .set({ tags: JSON.stringify([tag]) })
        .where('id', '=', ticket.requester.id)
        .execute();
    }
    return ids;
  }

  async function campaign(manager: Auth, tag: string, extra: object = {}): Promise<NpsCampaign> {
    const res = await send(manager, 'POST', '/api/v1/nps-campaigns', {
      name: `Campaign ${tag}`,
      segment: { tags: [tag] },
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      status: 'active',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  /** The campaign mails sent to a customer tag, with the token of each link. */
  async function mails(tag: string) {
    const rows = await t.handle.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'text_body', 'headers'])
      .where('kind', '=', 'nps_campaign')
      .where('to_address', 'like', `${tag}.%`)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      ...r,
      headers: JSON.parse(r.headers) as Record<string, string>,
      token: /\/nps\/([A-Za-z0-9_-]+)/.exec(r.text_body)?.[1] ?? '',
    }));
  }

  it('mails each customer of the segment once, with a link that opens without recording and an answer that changes in place', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    await send(manager, 'PATCH', '/api/v1/nps-settings', { company: 'Acme Tools', capDays: 90 });
    await customers(agent, 'alpha', 3);
    await customers(agent, 'other', 1);
    const created = await campaign(manager, 'alpha');
    expect(created).toMatchObject({ status: 'active', runs: 0, sent: 0, nps: null });
    expect(await run()).toBe(3);
    expect(await run()).toBe(0);
    const sent = await mails('alpha');
    expect(sent).toHaveLength(3);
    expect(await mails('other')).toHaveLength(0);
    const first = sent[0]!;
    expect(first.text_body).toContain('How likely are you to recommend Acme Tools');
    expect(first.headers['List-Unsubscribe']).toMatch(
      /^<http.*\/api\/v1\/public\/unsubscribe\/[A-Za-z0-9_-]+>$/,
    );
    expect(first.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    // The token is stored only as a hash.
    const stored = await t.handle.db.selectFrom('nps_recipients').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(first.token);

    const view = await send(anonymous, 'GET', `/api/v1/public/nps/${first.token}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ answer: null, expired: false, company: 'Acme Tools' });
    const unanswered = (
      await send(manager, 'GET', `/api/v1/nps-campaigns/${created.id}`)
    ).json() as NpsResults;
    expect(unanswered).toMatchObject({ sent: 3, answered: 0, nps: null, responseRate: 0 });

    const answered = await send(anonymous, 'PUT', `/api/v1/public/nps/${first.token}/answer`, {
      score: 3,
      comment: '<img src=x onerror=alert(1)> slow',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const changed = await send(anonymous, 'PUT', `/api/v1/public/nps/${first.token}/answer`, {
      score: 10,
      comment: 'Much better now',
    });
    expect((changed.json() as PublicNps).answer).toEqual({ score: 10, comment: 'Much better now' });
    // The detractor's answer opened one follow-up for the managers; changing it opened no other.
    const followUps = await t.handle.db
      .selectFrom('follow_ups')
      .select(['source_id', 'summary', 'owner_id'])
      .where('source_kind', '=', 'nps')
      .execute();
    expect(followUps).toHaveLength(1);
    expect(followUps[0]!.summary).toBe('NPS 3: <img src=x onerror=alert(1)> slow');
    await send(anonymous, 'PUT', `/api/v1/public/nps/${sent[1]!.token}/answer`, { score: 7 });

    const results = (await send(manager, 'GET', `/api/v1/nps-campaigns/${created.id}`)).json() as NpsResults;
    expect(results).toMatchObject({
      sent: 3,
      answered: 2,
      promoters: 1,
      passives: 1,
      detractors: 0,
      nps: 50,
    });
    expect(results.responseRate).toBeCloseTo(66.67, 1);
    expect(results.answers).toHaveLength(2);
    expect(results.campaign).toMatchObject({ status: 'finished', runs: 1, nextRunAt: null });
    const agentsView = await send(agent, 'GET', `/api/v1/nps-campaigns/${created.id}`);
    expect(agentsView.statusCode).toBe(403);
  });

  it('a tampered, unknown or expired link records nothing', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    await customers(agent, 'beta', 1);
    await campaign(manager, 'beta');
    await run();
    const [mail] = await mails('beta');
    const token = mail!.token;
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await send(anonymous, 'GET', `/api/v1/public/nps/${tampered}`)).statusCode).toBe(404);
    const bad = await send(anonymous, 'PUT', `/api/v1/public/nps/${tampered}/answer`, { score: 10 });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().error.code).toBe('NPS_LINK_NOT_FOUND');
    expect((await send(anonymous, 'GET', '/api/v1/public/nps/not*a*token')).statusCode).toBe(400);
    const outOfRange = await send(anonymous, 'PUT', `/api/v1/public/nps/${token}/answer`, { score: 11 });
    expect(outOfRange.statusCode).toBe(400);

    await t.handle.db
      .updateTable('nps_recipients')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('customer_id', 'in', (eb) =>
        eb.selectFrom('customers').select('id').where('email', 'like', 'beta.%'),
      )
      .execute();
    const expired = await send(anonymous, 'PUT', `/api/v1/public/nps/${token}/answer`, { score: 9 });
    expect(expired.statusCode).toBe(410);
    expect((await send(anonymous, 'GET', `/api/v1/public/nps/${token}`)).json()).toMatchObject({
      expired: true,
      answer: null,
    });
    const answers = await t.handle.db
      .selectFrom('nps_recipients')
      .select('score')
      .where('score', 'is not', null)
      .where('customer_id', 'in', (eb) =>
        eb.selectFrom('customers').select('id').where('email', 'like', 'beta.%'),
      )
      .execute();
    expect(answers).toHaveLength(0);
  });

  it('the frequency cap and unsubscribes leave customers out, counted; a later run asks the rest', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    await send(manager, 'PATCH', '/api/v1/nps-settings', { capDays: 90 });
    const ids = await customers(agent, 'gamma', 4);
    await campaign(manager, 'gamma');
    await run();
    const [first] = await mails('gamma');
    // One-click unsubscribe as a mail program sends it: a form POST, no sign-in.
    const view = await send(anonymous, 'GET', `/api/v1/public/unsubscribe/${first!.token}`);
    expect(view.json()).toMatchObject({ unsubscribed: false });
    expect(await t.handle.db.selectFrom('nps_optouts').selectAll().execute()).toHaveLength(0);
    const oneClick = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/unsubscribe/${first!.token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode, oneClick.body).toBe(200);
    expect((await send(anonymous, 'GET', `/api/v1/public/unsubscribe/${first!.token}`)).json()).toMatchObject(
      {
        unsubscribed: true,
      },
    );

    // A new customer joins; a second campaign asks only them: three were asked too recently, one unsubscribed.
    await customers(agent, 'gamma', 1);
    const second = await campaign(manager, 'gamma');
    expect(await run()).toBe(1);
    const after = (await send(manager, 'GET', `/api/v1/nps-campaigns/${second.id}`)).json() as NpsResults;
    expect(after.campaign).toMatchObject({ sent: 1, skippedCap: 3, skippedUnsubscribed: 1 });

    // Past the cap, a third campaign asks everyone but the one who unsubscribed.
    await t.handle.db
      .updateTable('nps_recipients')
      .set({ sent_at: new Date(Date.now() - 100 * DAY).toISOString() })
      .where('customer_id', 'in', ids)
      .execute();
    const third = await campaign(manager, 'gamma');
    await run();
    const last = (await send(manager, 'GET', `/api/v1/nps-campaigns/${third.id}`)).json() as NpsResults;
    expect(last.campaign).toMatchObject({ sent: 3, skippedCap: 1, skippedUnsubscribed: 1 });
  });

  it('a portal customer turns occasional surveys off and on; off, no campaign mails them', async () => {
    const manager = await t.signIn('manager');
    const customer = await t.signIn('customer', { email: 'delta.portal@nps.example', name: 'Dee Portal' });
    const row = await t.handle.db
      .selectFrom('users')
      .select('customer_id')
      .where('id', '=', customer.userId)
      .executeTakeFirstOrThrow();
    await t.handle.db
      .updateTable('customers')
      .set({ tags: JSON.stringify(['delta']) })
      .where('id', '=', row.customer_id!)
      .execute();
    expect((await send(customer, 'GET', '/api/v1/portal/survey-preference')).json()).toEqual({
      campaigns: true,
    });
    const off = await send(customer, 'PUT', '/api/v1/portal/survey-preference', { campaigns: false });
    expect(off.json()).toEqual({ campaigns: false });
    const c = await campaign(manager, 'delta');
    expect(await run()).toBe(0);
    expect((await send(manager, 'GET', `/api/v1/nps-campaigns/${c.id}`)).json().campaign).toMatchObject({
      sent: 0,
      skippedUnsubscribed: 1,
    });
    const on = await send(customer, 'PUT', '/api/v1/portal/survey-preference', { campaigns: true });
    expect(on.json()).toEqual({ campaigns: true });
    await campaign(manager, 'delta');
    expect(await run()).toBe(1);
  });

  it('two nodes running the job at once send each run once', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    await customers(agent, 'epsilon', 6);
    const c = await campaign(manager, 'epsilon', { cadence: 'monthly' });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a + b).toBe(6);
    expect(await mails('epsilon')).toHaveLength(6);
    const results = (await send(manager, 'GET', `/api/v1/nps-campaigns/${c.id}`)).json() as NpsResults;
    expect(results.campaign).toMatchObject({ runs: 1, status: 'active', sent: 6 });
    expect(Date.parse(results.campaign.nextRunAt!)).toBeGreaterThan(Date.now() + 20 * DAY);
  });

  it('managers pause, resume and edit; a sent campaign cannot go back to draft; a draft is never sent', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    await customers(agent, 'zeta', 1);
    const draft = await campaign(manager, 'zeta', { status: 'draft' });
    expect(await run()).toBe(0);
    const paused = await send(manager, 'PATCH', `/api/v1/nps-campaigns/${draft.id}`, { status: 'paused' });
    expect(paused.json()).toMatchObject({ status: 'paused', nextRunAt: null });
    expect(await run()).toBe(0);
    const active = await send(manager, 'PATCH', `/api/v1/nps-campaigns/${draft.id}`, {
      status: 'active',
      name: 'Spring NPS',
    });
    expect(active.json()).toMatchObject({ status: 'active', name: 'Spring NPS' });
    expect(await run()).toBe(1);
    const back = await send(manager, 'PATCH', `/api/v1/nps-campaigns/${draft.id}`, { status: 'draft' });
    expect(back.statusCode).toBe(400);
    const missing = await send(manager, 'PATCH', '/api/v1/nps-campaigns/999999', { name: 'x' });
    expect(missing.statusCode).toBe(404);
    const list = (await send(manager, 'GET', '/api/v1/nps-campaigns')).json().data as NpsCampaign[];
    expect(list.find((c) => c.id === draft.id)).toMatchObject({ name: 'Spring NPS', sent: 1 });
  });
});
