import { expect, it } from 'vitest';
import type { Referral } from '../../../contracts/referrals';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';

describeApi('referrals', (t) => {
  const send = (auth: Auth, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.request(auth, { method, url, ...(payload ? { payload } : {}) });

  it('records a referral by phone, links the referred customer’s first ticket when it is opened, and keeps the reward history', async () => {
    const agent = await t.signIn('agent', { name: 'Amara Okafor' });
    const manager = await t.signIn('manager', { name: 'Morgan Lee' });
    const referrer = (
      await openTicket(t, agent, { requester: { email: 'ref@one.example', name: 'Rita Ref' } })
    ).requester;

    const created = await send(agent, 'POST', '/api/v1/referrals', {
      referrerId: referrer.id,
      referred: { email: 'New.Friend@two.example', name: 'Nia Friend' },
      source: 'phone',
      note: 'Heard about us at a <b>fair</b>',
    });
    expect(created.statusCode, created.body).toBe(201);
    const referral = created.json() as Referral;
    expect(referral).toMatchObject({
      referrer: { id: referrer.id, name: 'Rita Ref' },
      referred: { name: 'Nia Friend', email: 'new.friend@two.example' },
      source: 'phone',
      state: 'pending',
      ticket: null,
      orderRef: '',
      createdBy: { name: 'Amara Okafor' },
    });
    expect(referral.history).toMatchObject([{ from: null, to: 'pending' }]);

    // The referred customer's first ticket links itself; a later one does not replace it.
    const first = await openTicket(t, agent, {
      requester: { email: 'new.friend@two.example', name: 'Nia Friend' },
    });
    await openTicket(t, agent, { requester: { email: 'new.friend@two.example', name: 'Nia Friend' } });
    const linked = (await send(agent, 'GET', `/api/v1/referrals/${referral.id}`)).json() as Referral;
    expect(linked.ticket).toEqual({ id: first.id, subject: first.subject });

    // Agents type an order reference; managers move the reward.
    const ordered = await send(agent, 'PATCH', `/api/v1/referrals/${referral.id}`, { orderRef: 'SO-1042' });
    expect(ordered.json()).toMatchObject({ orderRef: 'SO-1042' });
    const byAgent = await send(agent, 'POST', `/api/v1/referrals/${referral.id}/state`, {
      state: 'qualified',
    });
    expect(byAgent.statusCode).toBe(403);
    const skipped = await send(manager, 'POST', `/api/v1/referrals/${referral.id}/state`, {
      state: 'rewarded',
    });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error.code).toBe('INVALID_TRANSITION');
    await send(manager, 'POST', `/api/v1/referrals/${referral.id}/state`, {
      state: 'qualified',
      note: 'First order paid',
    });
    const rewarded = await send(manager, 'POST', `/api/v1/referrals/${referral.id}/state`, {
      state: 'rewarded',
    });
    expect(rewarded.statusCode, rewarded.body).toBe(200);
    const done = rewarded.json() as Referral;
    expect(done.state).toBe('rewarded');
    expect(done.history.map((h) => [h.from, h.to, h.actor?.name ?? null])).toEqual([
      [null, 'pending', 'Amara Okafor'],
      ['pending', 'qualified', 'Morgan Lee'],
      ['qualified', 'rewarded', 'Morgan Lee'],
    ]);
    expect(done.history[1]!.note).toBe('First order paid');
    const final = await send(manager, 'POST', `/api/v1/referrals/${referral.id}/state`, {
      state: 'declined',
    });
    expect(final.statusCode).toBe(409);

    const list = async (query: string) =>
      ((await send(agent, 'GET', `/api/v1/referrals${query}`)).json() as { data: Referral[] }).data;
    expect((await list(`?referrerId=${referrer.id}`)).map((r) => r.id)).toEqual([referral.id]);
    expect(await list('?state=pending')).toEqual([]);
    expect((await list(`?customerId=${done.referred.id}`)).map((r) => r.id)).toEqual([referral.id]);
  });

  it('links an existing customer’s earliest ticket at once, and refuses self-referral, a second referral and unknown customers', async () => {
    const agent = await t.signIn('agent');
    const a = await openTicket(t, agent, { requester: { email: 'a@three.example', name: 'Ann' } });
    const b1 = await openTicket(t, agent, { requester: { email: 'b@three.example', name: 'Ben' } });
    await openTicket(t, agent, { requester: { email: 'b@three.example', name: 'Ben' } });
    const ok = await send(agent, 'POST', '/api/v1/referrals', {
      referrerId: a.requester.id,
      referred: { customerId: b1.requester.id },
      source: 'event',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((ok.json() as Referral).ticket?.id).toBe(b1.id);

    const count = async () =>
      Number(
        (
          await t.handle.db
            .selectFrom('referrals')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const self = await send(agent, 'POST', '/api/v1/referrals', {
      referrerId: a.requester.id,
      referred: { customerId: a.requester.id },
      source: 'phone',
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['referred'] }] });
    const selfByEmail = await send(agent, 'POST', '/api/v1/referrals', {
      referrerId: a.requester.id,
      referred: { email: 'A@three.example', name: 'Ann again' },
      source: 'phone',
    });
    expect(selfByEmail.statusCode).toBe(400);
    const twice = await send(agent, 'POST', '/api/v1/referrals', {
      referrerId: a.requester.id,
      referred: { email: 'b@three.example', name: 'Ben' },
      source: 'email',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('REFERRAL_EXISTS');
    const unknown = await send(agent, 'POST', '/api/v1/referrals', {
      referrerId: 999_999,
      referred: { email: 'c@three.example', name: 'Cy' },
      source: 'portal',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toEqual(['referrerId']);
    const unknownReferred = await send(agent, 'POST', '/api/v1/referrals', {
      referrerId: a.requester.id,
      referred: { customerId: 999_999 },
      source: 'portal',
    });
    expect(unknownReferred.statusCode).toBe(400);
    expect(await count()).toBe(before);
    const customers = await t.handle.db
      .selectFrom('customers')
      .select('email')
      .where('email', '=', 'c@three.example')
      .execute();
    expect(customers).toEqual([]);
  });
});
