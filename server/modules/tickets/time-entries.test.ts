import { expect, it } from 'vitest';
import type { TicketEvent } from '../../../contracts/tickets';
import type { TimeEntry, TimeEntryList } from '../../../contracts/time-entries';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';

describeApi('ticket time entries', (t) => {
  const entriesUrl = (ticketId: number) => `/api/v1/tickets/${ticketId}/time-entries`;
  const log = (auth: Auth, ticketId: number, payload: Record<string, unknown>) =>
    t.request(auth, { method: 'POST', url: entriesUrl(ticketId), payload });
  const list = async (auth: Auth, ticketId: number) => {
    const res = await t.request(auth, { method: 'GET', url: entriesUrl(ticketId) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TimeEntryList;
  };
  const remove = (auth: Auth, ticketId: number, entryId: number) =>
    t.request(auth, { method: 'DELETE', url: `${entriesUrl(ticketId)}/${entryId}` });
  const timeEvents = async (auth: Auth, ticketId: number) => {
    const res = await t.request(auth, { method: 'GET', url: `/api/v1/tickets/${ticketId}/events` });
    return (res.json().data as TicketEvent[]).filter((e) => e.type.startsWith('time_'));
  };
  const countEntries = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('ticket_time_entries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('logs time as the caller, lists it newest first with the total, and writes time_logged', async () => {
    const max = await t.signIn('agent', { name: 'Max Agent' });
    const lena = await t.signIn('agent', { name: 'Lena Agent' });
    const ticket = await openTicket(t, max);
    const first = await log(max, ticket.id, { minutes: 25, note: 'Called the courier' });
    expect(first.statusCode, first.body).toBe(201);
    const entry = first.json() as TimeEntry;
    expect(entry).toMatchObject({
      ticketId: ticket.id,
      user: { id: max.userId, name: 'Max Agent' },
      minutes: 25,
      note: 'Called the courier',
    });
    expect(new Date(entry.createdAt).toISOString()).toBe(entry.createdAt);
    const second = (await log(lena, ticket.id, { minutes: 60 })).json() as TimeEntry;
    expect(second.note).toBe('');

    const listed = await list(max, ticket.id);
    expect(listed.totalMinutes).toBe(85);
    expect(listed.data.map((e) => e.id)).toEqual([second.id, entry.id]);
    expect(listed.data[0]!.user).toEqual({ id: lena.userId, name: 'Lena Agent' });

    const events = await timeEvents(max, ticket.id);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'time_logged',
        actor: { type: 'user', id: max.userId, name: 'Max Agent' },
        from: null,
        to: `{"id":${entry.id},"minutes":25}`,
      }),
      expect.objectContaining({
        type: 'time_logged',
        actor: { type: 'user', id: lena.userId, name: 'Lena Agent' },
        from: null,
        to: `{"id":${second.id},"minutes":60}`,
      }),
    ]);
  });

  it('is not a change of the ticket: its version stays and the audit log names the time', async () => {
    const agent = await t.signIn('agent');
    const ticket = await openTicket(t, agent);
    await log(agent, ticket.id, { minutes: 90 });
    const after = (await t.request(agent, { method: 'GET', url: `/api/v1/tickets/${ticket.id}` })).json();
    expect(after.version).toBe(ticket.version);
    expect(after.status).toBe(ticket.status);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'like', 'ticket.time_%')
      .where('entity_id', '=', String(ticket.id))
      .execute();
    expect(audit).toEqual([{ action: 'ticket.time_logged', entity_id: String(ticket.id) }]);
  });

  it('lets the author remove their entry, with a time_removed event saying whose time and when', async () => {
    const max = await t.signIn('agent', { name: 'Max Agent' });
    const ticket = await openTicket(t, max);
    const entry = (await log(max, ticket.id, { minutes: 10 })).json() as TimeEntry;
    const res = await remove(max, ticket.id, entry.id);
    expect(res.statusCode, res.body).toBe(204);
    expect(await list(max, ticket.id)).toEqual({ data: [], totalMinutes: 0 });
    const removed = (await timeEvents(max, ticket.id)).find((e) => e.type === 'time_removed');
    expect(removed).toMatchObject({
      actor: { type: 'user', id: max.userId },
      from: `{"id":${entry.id},"minutes":10,"userId":${max.userId},"at":"${entry.createdAt}"}`,
      to: null,
    });
  });

  it('lets a manager remove anyone’s entry, and refuses another agent with 403', async () => {
    const lena = await t.signIn('agent', { name: 'Lena Agent' });
    const max = await t.signIn('agent', { name: 'Max Agent' });
    const manager = await t.signIn('manager', { name: 'Morgan Manager' });
    const ticket = await openTicket(t, lena);
    const entry = (await log(lena, ticket.id, { minutes: 15 })).json() as TimeEntry;

    const refused = await remove(max, ticket.id, entry.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect((await list(max, ticket.id)).totalMinutes).toBe(15);

    expect((await remove(manager, ticket.id, entry.id)).statusCode).toBe(204);
    const removed = (await timeEvents(manager, ticket.id)).find((e) => e.type === 'time_removed');
    expect(removed).toMatchObject({
      actor: { type: 'user', id: manager.userId, name: 'Morgan Manager' },
      from: `{"id":${entry.id},"minutes":15,"userId":${lena.userId},"at":"${entry.createdAt}"}`,
    });
    const again = await remove(manager, ticket.id, entry.id);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('TIME_ENTRY_NOT_FOUND');
  });

  it('answers 404 for an entry of another ticket and for an unknown ticket', async () => {
    const agent = await t.signIn('agent');
    const one = await openTicket(t, agent);
    const other = await openTicket(t, agent, { subject: 'Another' });
    const entry = (await log(agent, one.id, { minutes: 5 })).json() as TimeEntry;
    expect((await remove(agent, other.id, entry.id)).json().error.code).toBe('TIME_ENTRY_NOT_FOUND');
    for (const res of [
      await log(agent, 999999, { minutes: 5 }),
      await t.request(agent, { method: 'GET', url: entriesUrl(999999) }),
      await remove(agent, 999999, entry.id),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('TICKET_NOT_FOUND');
    }
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const agent = await t.signIn('agent');
    const ticket = await openTicket(t, agent);
    const before = await countEntries();
    for (const payload of [
      { minutes: 0 },
      { minutes: 1441 },
      { minutes: 1.5 },
      { minutes: -5 },
      { minutes: '25' },
      {},
      { minutes: 5, note: 'x'.repeat(501) },
      { minutes: 5, extra: true },
    ]) {
      const res = await log(agent, ticket.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
    }
    expect((await log(agent, ticket.id, { minutes: 1440, note: 'x'.repeat(500) })).statusCode).toBe(201);
    expect(await countEntries()).toBe(before + 1);
    expect((await timeEvents(agent, ticket.id)).length).toBe(1);
  });

  it('refuses an API token with 403 (no person spent the time), but a manager’s token may remove', async () => {
    const agent = await t.signIn('agent');
    const ticket = await openTicket(t, agent);
    const agentToken = await t.tokenFor('agent');
    const refused = await log(agentToken, ticket.id, { minutes: 5 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/API token/);
    const entry = (await log(agent, ticket.id, { minutes: 5 })).json() as TimeEntry;
    expect((await list(agentToken, ticket.id)).totalMinutes).toBe(5);
    expect((await remove(agentToken, ticket.id, entry.id)).statusCode).toBe(403);
    const managerToken = await t.tokenFor('manager');
    expect((await remove(managerToken, ticket.id, entry.id)).statusCode).toBe(204);
    const removed = (await timeEvents(agent, ticket.id)).find((e) => e.type === 'time_removed');
    expect(removed?.actor.type).toBe('token');
  });

  it('keeps customers out, and refuses logging on a merged ticket', async () => {
    const agent = await t.signIn('agent');
    const customer = await t.signIn('customer');
    const target = await openTicket(t, agent);
    const source = await openTicket(t, agent, { subject: 'Same order' });
    expect((await t.request(customer, { method: 'GET', url: entriesUrl(target.id) })).statusCode).toBe(403);
    expect((await log(customer, target.id, { minutes: 5 })).statusCode).toBe(403);
    const merged = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${target.id}/merges`,
      payload: { sourceIds: [source.id], acknowledgeRequesterChange: true },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const res = await log(agent, source.id, { minutes: 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('TICKET_MERGED');
  });
});
