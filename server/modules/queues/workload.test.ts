import { expect, it } from 'vitest';
import type { TeamQueue, Workload } from '../../../contracts/workload';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';

const counts = (row: TeamQueue | undefined) =>
  row && { open: row.open.count, unassigned: row.unassigned.count, pending: row.pending.count };

describeApi('workload (the home page’s queues)', (t) => {
  const get = async (auth: Auth) => {
    const res = await t.request(auth, { method: 'GET', url: '/api/v1/workload' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Workload;
  };

  it('is empty on a fresh desk', async () => {
    const manager = await t.signIn('manager');
    expect(await get(manager)).toEqual({
      scope: 'all',
      mine: { open: { count: 0, countCapped: false }, pending: { count: 0, countCapped: false } },
      teams: [],
      oldestUnassigned: null,
    });
  });

  it('shows managers every team’s open, unassigned and pending tickets, their own, and the oldest unassigned', async () => {
    const admin = await t.signIn('admin');
    const manager = await t.signIn('manager');
    const rosa = await t.signIn('agent', { name: 'Rosa Moreau' });
    const team = async (name: string, memberIds: number[]) =>
      (
        await t.request(admin, { method: 'POST', url: '/api/v1/teams', payload: { name, memberIds } })
      ).json() as { id: number; name: string };
    const billing = await team('Billing', [rosa.userId]);
    const shipping = await team('Shipping', []);

    const oldest = await openTicket(t, admin, { subject: 'Oldest in Billing', teamId: billing.id });
    await openTicket(t, admin, { subject: 'Second in Billing', teamId: billing.id, status: 'open' });
    await openTicket(t, admin, {
      subject: 'Waiting on the customer',
      teamId: billing.id,
      assigneeId: rosa.userId,
      status: 'pending',
    });
    await openTicket(t, admin, { subject: 'Done', teamId: billing.id, status: 'solved' });
    await openTicket(t, admin, { subject: 'Taken', teamId: shipping.id, assigneeId: manager.userId });
    await openTicket(t, admin, { subject: 'Reached no team' });

    const seen = await get(manager);
    expect(seen.scope).toBe('all');
    expect(seen.teams.map((r) => r.team?.name ?? null)).toEqual(['Billing', 'Shipping', null]);
    expect(counts(seen.teams[0])).toEqual({ open: 3, unassigned: 2, pending: 1 });
    expect(counts(seen.teams[1])).toEqual({ open: 1, unassigned: 0, pending: 0 });
    expect(counts(seen.teams[2])).toEqual({ open: 1, unassigned: 1, pending: 0 });
    expect(seen.mine).toEqual({
      open: { count: 1, countCapped: false },
      pending: { count: 0, countCapped: false },
    });
    expect(seen.oldestUnassigned).toMatchObject({
      id: oldest.id,
      subject: 'Oldest in Billing',
      priority: 'normal',
      team: { id: billing.id, name: 'Billing' },
    });
    expect((await get(admin)).teams).toEqual(seen.teams);

    // Taking the oldest moves the next one up.
    await t.request(manager, {
      method: 'PATCH',
      url: `/api/v1/tickets/${oldest.id}`,
      payload: { assigneeId: manager.userId },
    });
    const after = await get(manager);
    expect(after.oldestUnassigned?.subject).toBe('Second in Billing');
    expect(after.mine?.open.count).toBe(2);
    expect(counts(after.teams[0])).toEqual({ open: 3, unassigned: 1, pending: 1 });

    // Agents see their own numbers and their own teams' queues, not every team's.
    const mine = await get(rosa);
    expect(mine.scope).toBe('own');
    expect(mine.teams.map((r) => r.team?.name)).toEqual(['Billing']);
    expect(mine.mine).toEqual({
      open: { count: 1, countCapped: false },
      pending: { count: 1, countCapped: false },
    });
    expect(mine.oldestUnassigned?.subject).toBe('Second in Billing');

    // An agent in no team picks up from the whole Unassigned queue.
    const loner = await get(await t.signIn('agent'));
    expect(loner.teams).toEqual([]);
    expect(loner.mine?.open.count).toBe(0);
    expect(loner.oldestUnassigned?.subject).toBe('Second in Billing');

    // A token is nobody's own queue.
    expect((await get(await t.tokenFor('manager'))).mine).toBeNull();
  });

  it('is for staff only', async () => {
    const customer = await t.signIn('customer');
    const refused = await t.request(customer, { method: 'GET', url: '/api/v1/workload' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/workload' })).statusCode).toBe(401);
  });
});
