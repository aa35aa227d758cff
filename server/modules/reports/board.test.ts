import { expect, it } from 'vitest';
import type { Board } from '../../../contracts/board';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';

const HOUR = 3_600_000;

describeApi('the live operations board', (t) => {
  const get = async (auth: Auth) => {
    const res = await t.request(auth, { method: 'GET', url: '/api/v1/board' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Board;
  };
  const setTicket = async (id: number, values: { created_at?: string; sla_due_at?: string | null }) => {
    await t.handle.db.updateTable('tickets').set(values).where('id', '=', id).execute();
  };

  it('is empty on a fresh desk', async () => {
    const board = await get(await t.signIn('manager'));
    expect(board.scope).toBe('all');
    expect(board.backlog.open).toBe(0);
    expect(board.unassigned).toMatchObject({ count: 0, oldestAt: null });
    expect(board.unassigned.buckets.map((b) => b.count)).toEqual([0, 0, 0, 0]);
    expect(board.sla).toMatchObject({ breached: 0, breachingSoon: 0 });
    expect(board.today.incoming).toBe(0);
    expect(board.alerts).toEqual([]);
  });

  it('counts the backlog, the unassigned by age, the clocks running out, the agents and today', async () => {
    const admin = await t.signIn('admin');
    const manager = await t.signIn('manager');
    const rosa = await t.signIn('agent', { name: 'Rosa Moreau' });
    const team = async (name: string, memberIds: number[], leadId: number | null = null) =>
      (
        await t.request(admin, { method: 'POST', url: '/api/v1/teams', payload: { name, memberIds, leadId } })
      ).json() as { id: number; name: string };
    const billing = await team('Billing', [rosa.userId], rosa.userId);
    const shipping = await team('Shipping', []);
    const now = Date.now();

    const old = await openTicket(t, admin, { subject: 'Waited two days', teamId: billing.id });
    await setTicket(old.id, { created_at: new Date(now - 48 * HOUR).toISOString() });
    const mid = await openTicket(t, admin, {
      subject: 'Waited two hours',
      teamId: billing.id,
      status: 'open',
    });
    await setTicket(mid.id, { created_at: new Date(now - 2 * HOUR).toISOString() });
    await openTicket(t, admin, { subject: 'Just in', teamId: shipping.id });
    const taken = await openTicket(t, admin, {
      subject: 'Taken',
      teamId: billing.id,
      assigneeId: rosa.userId,
      status: 'pending',
    });
    await setTicket(taken.id, { sla_due_at: new Date(now - 10 * 60_000).toISOString() });
    const soon = await openTicket(t, admin, { subject: 'Due soon', assigneeId: manager.userId });
    await setTicket(soon.id, { sla_due_at: new Date(now + 20 * 60_000).toISOString() });
    const later = await openTicket(t, admin, { subject: 'Due tomorrow', assigneeId: manager.userId });
    await setTicket(later.id, { sla_due_at: new Date(now + 24 * HOUR).toISOString() });
    await openTicket(t, admin, { subject: 'Done', teamId: shipping.id, status: 'solved' });

    await t.request(rosa, { method: 'PUT', url: '/api/v1/presence', payload: { status: 'online' } });

    const board = await get(manager);
    expect(board.backlog.open).toBe(6);
    expect(board.backlog.byStatus).toMatchObject({ new: 2, open: 3, pending: 1, solved: 0 });
    const rows = Object.fromEntries(board.backlog.byTeam.map((r) => [r.team?.name ?? 'none', r]));
    expect(rows.Billing).toMatchObject({ open: 3, unassigned: 2, byStatus: { new: 1, open: 1, pending: 1 } });
    expect(rows.Shipping).toMatchObject({ open: 1, unassigned: 1 });
    expect(rows.none).toMatchObject({ open: 2, unassigned: 0 });

    expect(board.unassigned.count).toBe(3);
    expect(Date.parse(board.unassigned.oldestAt ?? '')).toBeLessThan(now - 47 * HOUR);
    expect(Object.fromEntries(board.unassigned.buckets.map((b) => [b.key, b.count]))).toEqual({
      under1h: 1,
      under4h: 1,
      under24h: 0,
      over24h: 1,
    });

    expect(board.sla).toMatchObject({ breached: 1, breachingSoon: 1 });
    const agents = Object.fromEntries(board.agents.map((a) => [a.name, a]));
    expect(agents['Rosa Moreau']).toMatchObject({ load: 1, presence: { status: 'online' } });
    expect(board.agents.find((a) => a.id === manager.userId)?.load).toBe(2);

    // Today (UTC without a default calendar): the five made now, and the one back-dated two hours
    // when that is still today; the one opened solved.
    const midToday = new Date(now - 2 * HOUR).getUTCDate() === new Date(now).getUTCDate();
    const incoming = midToday ? 6 : 5;
    expect(board.today.timezone).toBe('UTC');
    expect(board.today.incoming).toBe(incoming);
    expect(board.today.solved).toBe(1);
    const thisHour = board.today.hours.at(-1);
    expect(thisHour?.hour).toBe(new Date(now).getUTCHours());
    expect(board.today.hours.reduce((n, h) => n + h.incoming, 0)).toBe(incoming);
    expect(thisHour?.incoming).toBe(5);

    // A new ticket shows at once.
    await openTicket(t, admin, { subject: 'Another', teamId: shipping.id });
    const after = await get(manager);
    expect(after.backlog.open).toBe(7);
    expect(after.unassigned.count).toBe(4);

    // A team lead sees the teams they lead; an agent who leads none is refused.
    const led = await get(rosa);
    expect(led.scope).toBe('led');
    expect(led.teamIds).toEqual([billing.id]);
    expect(led.backlog.open).toBe(3);
    expect(led.backlog.byTeam.map((r) => r.team?.name)).toEqual(['Billing']);
    expect(led.unassigned.count).toBe(2);
    expect(led.sla).toMatchObject({ breached: 1, breachingSoon: 0 });
    expect(led.agents.map((a) => a.name)).toEqual(['Rosa Moreau']);

    const plain = await t.signIn('agent');
    const refused = await t.request(plain, { method: 'GET', url: '/api/v1/board' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect(
      (await t.request(await t.tokenFor('agent'), { method: 'GET', url: '/api/v1/board' })).statusCode,
    ).toBe(403);
    expect((await get(await t.tokenFor('manager'))).backlog.open).toBe(7);
  });

  it('lists standing unassigned alerts', async () => {
    const admin = await t.signIn('admin');
    const team = (
      await t.request(admin, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Alerts' } })
    ).json() as { id: number };
    const waiting = await openTicket(t, admin, { subject: 'Nobody took me', teamId: team.id });
    await t.handle.db
      .insertInto('routing_alerts')
      .values({
        ticket_id: waiting.id,
        team_id: team.id,
        notified_id: null,
        alerted_at: new Date().toISOString(),
      })
      .execute();
    const board = await get(admin);
    const alert = board.alerts.find((a) => a.ticketIds.includes(waiting.id));
    expect(alert).toMatchObject({ kind: 'unassigned', title: '1 ticket unassigned in Alerts' });
    await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/tickets/${waiting.id}`,
      payload: { assigneeId: admin.userId },
    });
    expect((await get(admin)).alerts.find((a) => a.ticketIds.includes(waiting.id))).toBeUndefined();
  });
});
