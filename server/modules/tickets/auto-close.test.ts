import { expect, it } from 'vitest';
import { describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { closeStaleSolvedTickets } from './auto-close.job';

describeApi('auto-close of solved tickets', (t) => {
  it('closes tickets solved longer ago than the configured days, and only those', async () => {
    const admin = await t.signIn('admin');
    const old = await openTicket(t, admin);
    const recent = await openTicket(t, admin);
    for (const id of [old.id, recent.id])
      await t.request(admin, {
        method: 'PATCH',
        url: `/api/v1/tickets/${id}`,
        payload: { status: 'solved' },
      });
    const setting = await t.request(admin, {
      method: 'PATCH',
      url: '/api/v1/settings/tickets',
      payload: { autoCloseDays: 2 },
    });
    expect(setting.json()).toEqual({ autoCloseDays: 2 });
    await t.handle.db
      .updateTable('tickets')
      .set({ solved_at: new Date(Date.now() - 3 * 86_400_000).toISOString() })
      .where('id', '=', old.id)
      .execute();
    expect(await closeStaleSolvedTickets(t.handle.db)).toEqual([old.id]);
    expect((await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${old.id}` })).json().status).toBe(
      'closed',
    );
    expect(
      (await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${recent.id}` })).json().status,
    ).toBe('solved');
    const events = (await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${old.id}/events` })).json()
      .data;
    expect(events.at(-1)).toMatchObject({
      type: 'status_changed',
      from: 'solved',
      to: 'closed',
      actor: { type: 'system' },
    });
    const agent = await t.signIn('agent');
    expect(
      (
        await t.request(agent, {
          method: 'PATCH',
          url: '/api/v1/settings/tickets',
          payload: { autoCloseDays: 9 },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request(admin, {
          method: 'PATCH',
          url: '/api/v1/settings/tickets',
          payload: { autoCloseDays: 0 },
        })
      ).statusCode,
    ).toBe(400);
  });
});
