import { expect, it } from 'vitest';
import type { Customer, TimelineItem } from '../../../contracts/customers';
import { describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';

describeApi('customers and organisations', (t) => {
  it('creates customers, joins them to the organisation of their domain and refuses duplicates', async () => {
    const manager = await t.signIn('manager');
    const org = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: 'Globex', domains: ['globex.example'] },
    });
    expect(org.statusCode).toBe(201);
    const agent = await t.signIn('agent');
    const res = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/customers',
      payload: { name: 'Hank Scorpio', email: 'Hank@Globex.example', tags: ['vip'] },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'hank@globex.example',
      organization: { name: 'Globex' },
      tags: ['vip'],
    });
    const dup = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/customers',
      payload: { name: 'Copy', email: 'hank@globex.example' },
    });
    expect(dup.json().error.code).toBe('EMAIL_TAKEN');
    const taken = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: 'Other', domains: ['globex.example'] },
    });
    expect(taken.json().error.code).toBe('DOMAIN_TAKEN');
    expect(
      (await t.request(agent, { method: 'POST', url: '/api/v1/organizations', payload: { name: 'Nope' } }))
        .statusCode,
    ).toBe(403);
  });

  it('adopts existing customers when an organisation claims their domain', async () => {
    const admin = await t.signIn('admin');
    await t.request(admin, {
      method: 'POST',
      url: '/api/v1/customers',
      payload: { name: 'Early Bird', email: 'early@initech.example' },
    });
    const org = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: 'Initech', domains: ['initech.example'] },
    });
    expect(org.json().customerCount).toBe(1);
  });

  it('merges duplicates: tickets, notes and addresses move to the survivor', async () => {
    const agent = await t.signIn('agent');
    const a = (
      await t.request(agent, {
        method: 'POST',
        url: '/api/v1/customers',
        payload: { name: 'Ann Lee', email: 'ann@work.example' },
      })
    ).json() as Customer;
    const b = (
      await t.request(agent, {
        method: 'POST',
        url: '/api/v1/customers',
        payload: { name: 'Ann Lee', email: 'ann.lee@home.example' },
      })
    ).json() as Customer;
    const ticket = await openTicket(t, agent, { requesterId: b.id });
    await t.request(agent, {
      method: 'POST',
      url: `/api/v1/customers/${b.id}/notes`,
      payload: { body: 'Prefers phone calls' },
    });
    const merged = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/customers/${a.id}/merges`,
      payload: { sourceIds: [b.id] },
    });
    expect(merged.statusCode).toBe(200);
    expect(
      (await t.request(agent, { method: 'GET', url: `/api/v1/tickets/${ticket.id}` })).json().requester.id,
    ).toBe(a.id);
    expect(
      (await t.request(agent, { method: 'GET', url: `/api/v1/customers/${b.id}` })).json().mergedIntoId,
    ).toBe(a.id);
    const timeline = (
      await t.request(agent, { method: 'GET', url: `/api/v1/customers/${a.id}/timeline` })
    ).json().data as TimelineItem[];
    expect(timeline.map((i) => i.kind).sort()).toEqual(['note', 'ticket']);
    const again = await openTicket(t, agent, { requester: { email: 'ann.lee@home.example', name: 'Ann' } });
    expect(again.requester.id).toBe(a.id);
    const search = (await t.request(agent, { method: 'GET', url: '/api/v1/search?q=ann' })).json();
    expect(
      search.tickets.map((x: { ticket: { requester: { id: number } } }) => x.ticket.requester.id),
    ).toEqual([a.id, a.id]);
    const list = (await t.request(agent, { method: 'GET', url: '/api/v1/customers?q=ann' })).json()
      .data as Customer[];
    expect(list.map((c) => c.id)).toEqual([a.id]);
  });

  it('refuses merging a customer into itself', async () => {
    const agent = await t.signIn('agent');
    const a = (
      await t.request(agent, { method: 'POST', url: '/api/v1/customers', payload: { name: 'Solo' } })
    ).json() as Customer;
    const res = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/customers/${a.id}/merges`,
      payload: { sourceIds: [a.id] },
    });
    expect(res.statusCode).toBe(400);
  });
});
