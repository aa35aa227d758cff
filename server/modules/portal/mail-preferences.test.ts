import { expect, it } from 'vitest';
import type { PortalTicketDetail } from '../../../contracts/portal';
import { type Auth, describeApi, testConfig } from '../../../test/helpers/app';
import { sendTicketNotifications } from '../notifications';

describeApi('what a customer wants mailed', (t) => {
  const notify = async () => {
    while ((await sendTicketNotifications(t.handle.db, testConfig(t.dataDir), 0)) > 0);
  };
  /** Mail of a kind queued to an address so far. */
  const mailed = async (to: string, kind: string) =>
    (
      await t.handle.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('to_address', '=', to)
        .where('kind', '=', kind)
        .execute()
    ).length;
  const choose = (customer: Auth, body: { mailOnReply: boolean; mailOnSolved: boolean }) =>
    t.request(customer, { method: 'PUT', url: '/api/v1/portal/preferences', payload: body });

  async function requestOf(customer: Auth) {
    const res = await t.request(customer, {
      method: 'POST',
      url: '/api/v1/portal/tickets',
      payload: { subject: 'My order', body: 'Where is it?' },
    });
    return (res.json() as PortalTicketDetail).id;
  }
  const reply = (agent: Auth, id: number, status?: 'solved') =>
    t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${id}/messages`,
      payload: { kind: 'reply', body: 'Here is our answer.', ...(status ? { status } : {}) },
    });
  const solve = (agent: Auth, id: number) =>
    t.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { status: 'solved' } });

  it('starts with everything on, is saved per customer and written in the audit log', async () => {
    const customer = await t.signIn('customer', { email: 'prefs@customer.example' });
    const got = await t.request(customer, { method: 'GET', url: '/api/v1/portal/preferences' });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual({ mailOnReply: true, mailOnSolved: true });
    const saved = await choose(customer, { mailOnReply: false, mailOnSolved: true });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ mailOnReply: false, mailOnSolved: true });
    expect((await t.request(customer, { method: 'GET', url: '/api/v1/portal/preferences' })).json()).toEqual({
      mailOnReply: false,
      mailOnSolved: true,
    });
    // Another customer keeps their own.
    const other = await t.signIn('customer');
    expect((await t.request(other, { method: 'GET', url: '/api/v1/portal/preferences' })).json()).toEqual({
      mailOnReply: true,
      mailOnSolved: true,
    });
    const admin = await t.signIn('admin');
    const audit = await t.request(admin, { method: 'GET', url: '/api/v1/audit-log?action=customer.updated' });
    expect(JSON.stringify(audit.json())).toContain('mailOnReply');
  });

  it('is honoured by the notification mail: no reply mail, no solved mail, each on its own', async () => {
    const agent = await t.signIn('agent');
    const quiet = await t.signIn('customer', { email: 'quiet@customer.example' });
    const loud = await t.signIn('customer', { email: 'loud@customer.example' });
    await notify(); // the notifier starts from here

    // Replies off, solved on: the reply is not mailed, the solved note is.
    expect((await choose(quiet, { mailOnReply: false, mailOnSolved: true })).statusCode).toBe(200);
    const first = await requestOf(quiet);
    expect((await reply(agent, first)).statusCode).toBe(201);
    await notify();
    expect(await mailed('quiet@customer.example', 'agent_replied')).toBe(0);
    expect((await solve(agent, first)).statusCode).toBe(200);
    await notify();
    expect(await mailed('quiet@customer.example', 'ticket_solved')).toBe(1);
    // A reply that solves: with replies off, the solved note still tells them.
    const second = await requestOf(quiet);
    expect((await reply(agent, second, 'solved')).statusCode).toBe(201);
    await notify();
    expect(await mailed('quiet@customer.example', 'agent_replied')).toBe(0);
    expect(await mailed('quiet@customer.example', 'ticket_solved')).toBe(2);

    // Replies on, solved off.
    expect((await choose(quiet, { mailOnReply: true, mailOnSolved: false })).statusCode).toBe(200);
    const third = await requestOf(quiet);
    await reply(agent, third);
    await solve(agent, third);
    await notify();
    expect(await mailed('quiet@customer.example', 'agent_replied')).toBe(1);
    expect(await mailed('quiet@customer.example', 'ticket_solved')).toBe(2);

    // Someone who changed nothing gets both.
    const theirs = await requestOf(loud);
    await reply(agent, theirs);
    await solve(agent, theirs);
    await notify();
    expect(await mailed('loud@customer.example', 'agent_replied')).toBe(1);
    expect(await mailed('loud@customer.example', 'ticket_solved')).toBe(1);
  });

  it('is for customers only', async () => {
    const agent = await t.signIn('agent');
    expect((await t.request(agent, { method: 'GET', url: '/api/v1/portal/preferences' })).statusCode).toBe(
      403,
    );
    expect(
      (
        await t.request(agent, {
          method: 'PUT',
          url: '/api/v1/portal/preferences',
          payload: { mailOnReply: false, mailOnSolved: false },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ kind: 'anonymous' }, { method: 'GET', url: '/api/v1/portal/preferences' }))
        .statusCode,
    ).toBe(401);
  });
});
