import { expect, it, vi } from 'vitest';
import type { JobFailuresPage } from '../../../contracts/jobs';
import { describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { AUTO_CLOSE_JOB, closeStaleSolvedTickets } from './auto-close.job';
import { eventsRepository } from './events.repository';

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
    expect(setting.json()).toEqual({ autoCloseDays: 2, assignOnReply: true });
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

  it('skips a ticket that cannot be closed, records it, and closes it after an admin retries', async () => {
    const admin = await t.signIn('admin');
    const tickets = [await openTicket(t, admin), await openTicket(t, admin), await openTicket(t, admin)];
    for (const ticket of tickets)
      await t.request(admin, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}`,
        payload: { status: 'solved' },
      });
    await t.handle.db
      .updateTable('tickets')
      .set({ solved_at: new Date(Date.now() - 30 * 86_400_000).toISOString() })
      .execute();
    const stuck = tickets[0]!.id;
    const append = eventsRepository.append.bind(eventsRepository);
    const spy = vi.spyOn(eventsRepository, 'append').mockImplementation((db, ticketId, ...rest) => {
      if (ticketId === stuck) throw new Error('history is full');
      return append(db, ticketId, ...rest);
    });
    try {
      expect(await closeStaleSolvedTickets(t.handle.db)).toEqual([tickets[1]!.id, tickets[2]!.id]);
    } finally {
      spy.mockRestore();
    }
    expect((await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${stuck}` })).json().status).toBe(
      'solved',
    );
    const failures = (
      await t.request(admin, { method: 'GET', url: '/api/v1/job-failures' })
    ).json() as JobFailuresPage;
    expect(failures.data).toMatchObject([{ job: AUTO_CLOSE_JOB, item: String(stuck), attempts: 1 }]);
    // Waiting for its next attempt: the next run leaves it alone.
    expect(await closeStaleSolvedTickets(t.handle.db)).toEqual([]);

    await t.request(admin, { method: 'POST', url: `/api/v1/job-failures/${failures.data[0]!.id}/retry` });
    expect(await closeStaleSolvedTickets(t.handle.db)).toEqual([stuck]);
    expect(
      ((await t.request(admin, { method: 'GET', url: '/api/v1/job-failures' })).json() as JobFailuresPage)
        .data,
    ).toEqual([]);
  });
});
