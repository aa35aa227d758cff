import { expect, it } from 'vitest';
import type { SlaDryRun, SlaPolicy, TicketSla } from '../../../contracts/sla';
import type { Ticket } from '../../../contracts/tickets';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { sweepServiceLevels } from './sla.sweep';

const MINUTE = 60_000;

describeApi('service levels', (t) => {
  const send = (
    auth: Auth,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.request(auth, { method, url, ...(payload ? { payload } : {}) });

  async function createPolicy(auth: Auth, body: object): Promise<SlaPolicy> {
    const res = await send(auth, 'POST', '/api/v1/sla-policies', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as SlaPolicy;
  }

  /** A request a customer sends through the contact form: the clocks start with it. */
  async function customerTicket(subject = 'Kettle never arrived'): Promise<Ticket> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/contact',
      payload: {
        name: 'Pat Customer',
        email: 'pat@customer.example',
        subject,
        message: 'Where is my kettle?',
      },
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = Number((res.json() as { reference: string }).reference.slice(1));
    const admin = await t.signIn('admin');
    return (await send(admin, 'GET', `/api/v1/tickets/${id}`)).json() as Ticket;
  }

  const standard = {
    name: 'Standard',
    targets: {
      normal: {
        first_reply: { minutes: 240, businessHours: false },
        resolution: { minutes: 2880, businessHours: false },
      },
      urgent: {
        first_reply: { minutes: 30, businessHours: false },
        resolution: { minutes: 480, businessHours: false },
      },
    },
  };

  it('a manager keeps policies in order, and a dry run shows which tickets would change', async () => {
    const manager = await t.signIn('manager');
    const base = await createPolicy(manager, standard);
    expect(base).toMatchObject({
      position: 1,
      active: true,
      pauseOn: ['pending', 'on_hold'],
      warnAtPercent: 75,
    });
    const complaints = await createPolicy(manager, {
      name: 'Complaints',
      conditions: { type: ['complaint'] },
      targets: { normal: { first_reply: { minutes: 60, businessHours: false } } },
    });
    const ticket = await customerTicket();
    const proposed = await send(manager, 'POST', '/api/v1/sla-policies/dry-run', {
      ids: [complaints.id, base.id],
    });
    const run = proposed.json() as SlaDryRun;
    // The contact form opens questions: the standard policy in either order.
    expect(run.data.find((d) => d.ticketId === ticket.id)).toMatchObject({
      current: { name: 'Standard' },
      proposed: { name: 'Standard' },
    });
    const ordered = await send(manager, 'PUT', '/api/v1/sla-policies/order', {
      ids: [complaints.id, base.id],
    });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect((ordered.json().data as SlaPolicy[]).map((p) => p.name)).toEqual(['Complaints', 'Standard']);
    const partial = await send(manager, 'PUT', '/api/v1/sla-policies/order', { ids: [base.id] });
    expect(partial.statusCode).toBe(400);
    const agent = await t.signIn('agent');
    expect((await send(agent, 'GET', '/api/v1/sla-policies')).json().data).toHaveLength(2);
    expect((await send(agent, 'POST', '/api/v1/sla-policies', standard)).statusCode).toBe(403);
  });

  it('keeps a policy with tag conditions, in lower case, and reads it back', async () => {
    const manager = await t.signIn('manager');
    const vip = await createPolicy(manager, { ...standard, conditions: { tags: ['VIP', 'key-account'] } });
    expect(vip.conditions).toEqual({ tags: ['vip', 'key-account'] });
    const list = await send(manager, 'GET', '/api/v1/sla-policies');
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json().data as SlaPolicy[])[0]?.conditions).toEqual({ tags: ['vip', 'key-account'] });
  });

  it('refuses a policy without targets, a taken name, an unknown calendar or team, and saves nothing', async () => {
    const manager = await t.signIn('manager');
    await createPolicy(manager, standard);
    const cases: [object, number, string][] = [
      [{ name: 'Empty', targets: {} }, 400, 'VALIDATION_FAILED'],
      [{ ...standard }, 409, 'SLA_POLICY_NAME_TAKEN'],
      [{ ...standard, name: 'Other', calendarId: 999 }, 400, 'VALIDATION_FAILED'],
      [{ ...standard, name: 'Other', onBreach: { escalateToTeamId: 999 } }, 400, 'VALIDATION_FAILED'],
      [{ ...standard, name: 'Other', warnAtPercent: 100 }, 400, 'VALIDATION_FAILED'],
      [
        { ...standard, name: 'Other', targets: { normal: { first_reply: { minutes: 0 } } } },
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await send(manager, 'POST', '/api/v1/sla-policies', body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect((await send(manager, 'GET', '/api/v1/sla-policies')).json().data).toHaveLength(1);
  });

  it('a new ticket gets clocks; its read carries the next due time and its history says why', async () => {
    const manager = await t.signIn('manager');
    await createPolicy(manager, standard);
    const ticket = await customerTicket();
    expect(ticket.sla?.metric).toBe('first_reply');
    const due = Date.parse(ticket.sla!.dueAt!);
    expect(due - Date.parse(ticket.createdAt)).toBe(240 * MINUTE);
    const sla = (await send(manager, 'GET', `/api/v1/tickets/${ticket.id}/sla`)).json() as TicketSla;
    expect(sla.policy?.name).toBe('Standard');
    expect(sla.clocks.map((c) => [c.metric, c.state, c.targetMinutes])).toEqual([
      ['first_reply', 'running', 240],
      ['resolution', 'running', 2880],
    ]);
    expect(sla.events.map((e) => e.detail)).toEqual([
      'Policy "Standard" applies',
      'First reply clock started: target 4 h around the clock',
      'Resolution clock started: target 2 d around the clock',
    ]);
    const missing = await send(manager, 'GET', '/api/v1/tickets/999999/sla');
    expect(missing.statusCode).toBe(404);
  });

  it('a ticket opened under a policy answers with the version it is stored at, so an edit straight after it is not refused', async () => {
    const manager = await t.signIn('manager');
    await createPolicy(manager, standard);
    const created = await send(manager, 'POST', '/api/v1/tickets', {
      subject: 'Lid is cracked',
      requester: { email: 'lid@customer.example', name: 'Lid Owner' },
      message: { body: 'The lid cracked on the first day.' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const opened = created.json() as Ticket;
    const stored = (await send(manager, 'GET', `/api/v1/tickets/${opened.id}`)).json() as Ticket;
    expect(stored.sla?.metric).toBe('first_reply');
    expect(stored.version).toBe(opened.version);
    const edited = await send(manager, 'PATCH', `/api/v1/tickets/${opened.id}`, {
      priority: 'high',
      version: opened.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as Ticket).version).toBeGreaterThan(opened.version);
  });

  it('pauses on pending, resumes on open, retargets on a priority change, and meets the first reply on an answer', async () => {
    const manager = await t.signIn('manager');
    await createPolicy(manager, standard);
    const ticket = await customerTicket();
    const patch = async (body: object) => {
      const current = (await send(manager, 'GET', `/api/v1/tickets/${ticket.id}`)).json() as Ticket;
      const res = await send(manager, 'PATCH', `/api/v1/tickets/${ticket.id}`, {
        ...body,
        version: current.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Ticket;
    };
    const pending = await patch({ status: 'pending' });
    expect(pending.sla).toMatchObject({ metric: 'first_reply', dueAt: null });
    const open = await patch({ status: 'open' });
    expect(open.sla?.dueAt).not.toBeNull();
    const urgent = await patch({ priority: 'urgent' });
    expect(Date.parse(urgent.sla!.dueAt!)).toBeLessThan(Date.parse(open.sla!.dueAt!));
    const reply = await send(manager, 'POST', `/api/v1/tickets/${ticket.id}/messages`, {
      kind: 'reply',
      body: 'It is on its way.',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    const sla = (await send(manager, 'GET', `/api/v1/tickets/${ticket.id}/sla`)).json() as TicketSla;
    const types = sla.events.map((e) => `${e.type}:${e.metric ?? ''}`);
    expect(types).toEqual(
      expect.arrayContaining([
        'paused:first_reply',
        'resumed:resolution',
        'retargeted:first_reply',
        'achieved:first_reply',
      ]),
    );
    expect(sla.clocks.find((c) => c.metric === 'first_reply')).toMatchObject({
      state: 'done',
      outcome: 'achieved',
    });
    const after = (await send(manager, 'GET', `/api/v1/tickets/${ticket.id}`)).json() as Ticket;
    expect(after.sla?.metric).toBe('resolution');
  });

  it('warns the assignee and tells the lead and managers of a breach once each, raising the priority once', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    await createPolicy(manager, { ...standard, onBreach: { raisePriority: true } });
    const ticket = await customerTicket();
    const assigned = await send(manager, 'PATCH', `/api/v1/tickets/${ticket.id}`, {
      assigneeId: agent.userId,
      version: (await send(manager, 'GET', `/api/v1/tickets/${ticket.id}`)).json().version,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const created = Date.parse(ticket.createdAt);
    const notes = async () =>
      t.handle.db
        .selectFrom('notifications')
        .select(['user_id', 'kind', 'detail'])
        .where('ticket_id', '=', ticket.id)
        .execute();

    expect(await sweepServiceLevels(t.handle.db, created + 100 * MINUTE)).toBe(0);
    await sweepServiceLevels(t.handle.db, created + 181 * MINUTE);
    await sweepServiceLevels(t.handle.db, created + 182 * MINUTE);
    expect(await notes()).toEqual([{ user_id: agent.userId, kind: 'sla_warning', detail: 'First reply' }]);

    await sweepServiceLevels(t.handle.db, created + 241 * MINUTE);
    await sweepServiceLevels(t.handle.db, created + 242 * MINUTE);
    const breaches = (await notes()).filter((n) => n.kind === 'sla_breach');
    expect(breaches).toEqual([{ user_id: manager.userId, kind: 'sla_breach', detail: 'First reply' }]);
    const after = (await send(manager, 'GET', `/api/v1/tickets/${ticket.id}`)).json() as Ticket;
    expect(after.priority).toBe('high');
    expect(after.escalation?.reason).toBe('First reply target missed (Standard)');
    const sla = (await send(manager, 'GET', `/api/v1/tickets/${ticket.id}/sla`)).json() as TicketSla;
    expect(sla.events.filter((e) => e.type === 'breached')).toHaveLength(1);
    expect(sla.events.filter((e) => e.type === 'escalated')).toHaveLength(1);
    const bell = (await send(manager, 'GET', '/api/v1/me/notifications')).json();
    expect(bell.data[0]).toMatchObject({ kind: 'sla_breach', ticketId: ticket.id, detail: 'First reply' });
  });

  it('lists tickets by the target that runs out next, and finds the breached', async () => {
    const manager = await t.signIn('manager');
    await createPolicy(manager, standard);
    const later = await customerTicket('Later');
    const sooner = await customerTicket('Sooner');
    await send(manager, 'PATCH', `/api/v1/tickets/${sooner.id}`, {
      priority: 'urgent',
      version: sooner.version,
    });
    const list = await send(manager, 'GET', '/api/v1/tickets?sort=sla_due_at&dir=asc');
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json().data as Ticket[]).map((x) => x.subject)).toEqual(['Sooner', 'Later']);
    const breached = await send(
      manager,
      'GET',
      `/api/v1/tickets?filters=${encodeURIComponent(JSON.stringify({ slaDueBefore: 'now' }))}`,
    );
    expect(breached.json().data).toEqual([]);
    const soon = await send(
      manager,
      'GET',
      `/api/v1/tickets?filters=${encodeURIComponent(JSON.stringify({ slaDueBefore: '+1h' }))}`,
    );
    expect((soon.json().data as Ticket[]).map((x) => x.id)).toEqual([sooner.id]);
    expect(later.sla).not.toBeNull();
  });

  it('a ticket no policy matches has no clocks, and deleting a policy leaves tickets to match again', async () => {
    const manager = await t.signIn('manager');
    const only = await createPolicy(manager, { ...standard, conditions: { channel: ['phone'] } });
    const ticket = await customerTicket();
    expect(ticket.sla).toBeNull();
    expect((await send(manager, 'GET', `/api/v1/tickets/${ticket.id}/sla`)).json()).toMatchObject({
      policy: null,
      clocks: [],
    });
    expect((await send(manager, 'DELETE', `/api/v1/sla-policies/${only.id}`)).statusCode).toBe(204);
    expect((await send(manager, 'GET', `/api/v1/sla-policies/${only.id}`)).statusCode).toBe(404);
  });

  it("counts in the policy's calendar, else the team's, else the default", async () => {
    const manager = await t.signIn('manager');
    const calendar = async (name: string, hours: object[]) => {
      const res = await send(manager, 'POST', '/api/v1/business-hours', { name, timezone: 'UTC', hours });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    await calendar(
      'Always',
      [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '24:00' })),
    );
    const closed = await calendar('Closed desk', []);
    const team = await send(manager, 'POST', '/api/v1/teams', { name: 'Night shift', calendarId: closed });
    expect(team.statusCode, team.body).toBe(201);
    expect(team.json().calendar).toEqual({ id: closed, name: 'Closed desk' });
    const unknown = await send(manager, 'POST', '/api/v1/teams', { name: 'Other', calendarId: 999 });
    expect(unknown.statusCode).toBe(400);
    await createPolicy(manager, {
      name: 'Office',
      targets: { normal: { first_reply: { minutes: 60, businessHours: true } } },
    });
    const ticket = await customerTicket();
    expect(Date.parse(ticket.sla!.dueAt!) - Date.parse(ticket.createdAt)).toBe(60 * MINUTE);
    const moved = await send(manager, 'PATCH', `/api/v1/tickets/${ticket.id}`, {
      teamId: team.json().id,
      version: ticket.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // The team's desk never opens: the clock has no due time.
    expect((moved.json() as Ticket).sla).toMatchObject({ metric: 'first_reply', dueAt: null });
    const sla = (await send(manager, 'GET', `/api/v1/tickets/${ticket.id}/sla`)).json() as TicketSla;
    expect(sla.calendar?.name).toBe('Closed desk');
  });
});
