import { expect, it } from 'vitest';
import type { PresenceState, RoutingLogEntry, TeamRouting } from '../../../contracts/routing';
import type { Ticket, TicketEvent } from '../../../contracts/tickets';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { insertTeam, insertUser } from '../../seed/factories';
import { setTeamMembers } from '../teams';
import { sweepPresence } from './presence';
import { alertUnassignedTickets } from './routing.alerts';

describeApi('routing', (t) => {
  let n = 0;
  const send = (auth: Auth, method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.request(auth, { method, url, ...(payload ? { payload } : {}) });

  /** A team of agents, each signed in (so each can set their presence). */
  async function team(
    agents: { name: string; skills?: string[]; languages?: string[]; online?: boolean }[],
    leadIndex: number | null = null,
  ) {
    n += 1;
    const people: { id: number; auth: Auth; name: string }[] = [];
    for (const a of agents) {
      const name = `${a.name} ${n}`;
      const auth = await t.signIn('agent', { name, email: `${a.name.toLowerCase()}${n}@agents.example` });
      if (a.skills || a.languages) {
        await t.handle.db
          .updateTable('users')
          .set({ skills: JSON.stringify(a.skills ?? []), languages: JSON.stringify(a.languages ?? []) })
          .where('id', '=', auth.userId)
          .execute();
      }
      if (a.online !== false) await setPresence(auth, 'online');
      people.push({ id: auth.userId, auth, name });
    }
    const teamId = await insertTeam(t.handle.db, {
      name: `Team ${n}`,
      memberIds: people.map((p) => p.id),
      leadId: leadIndex === null ? null : people[leadIndex]!.id,
    });
    return { teamId, people };
  }

  async function setPresence(auth: Auth, status: 'online' | 'away' | 'offline') {
    const res = await send(auth, 'PUT', '/api/v1/presence', { status });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PresenceState;
  }

  async function setMethod(manager: Auth, teamId: number, body: object) {
    const res = await send(manager, 'PUT', `/api/v1/routing/teams/${teamId}`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TeamRouting;
  }

  async function history(auth: Auth, ticketId: number) {
    const res = await send(auth, 'GET', `/api/v1/tickets/${ticketId}/events`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { data: TicketEvent[] }).data;
  }

  it('round robin takes turns: over 1,000 tickets every agent gets the same number, give or take one', async () => {
    const manager = await t.signIn('manager');
    const { teamId, people } = await team([{ name: 'Amara' }, { name: 'Bo' }, { name: 'Chen' }]);
    await setMethod(manager, teamId, { method: 'round_robin' });
    const counts = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const ticket = await openTicket(t, manager, { teamId, subject: `Order ${i}` });
      const to = ticket.assignee?.id ?? 0;
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
    const got = people.map((p) => counts.get(p.id) ?? 0);
    expect(got.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Math.max(...got) - Math.min(...got)).toBeLessThanOrEqual(1);
  }, 120_000);

  it('explains the decision on the ticket and in the routing log', async () => {
    const manager = await t.signIn('manager');
    const { teamId, people } = await team([
      { name: 'Amara', skills: ['Billing'] },
      { name: 'Bo', skills: ['Shipping'] },
    ]);
    await setMethod(manager, teamId, { method: 'least_loaded' });
    const ticket = await openTicket(t, manager, { teamId, tags: ['billing'] });
    expect(ticket.assignee?.id).toBe(people[0]!.id);
    const routed = (await history(manager, ticket.id)).find((e) => e.type === 'routed');
    expect(routed?.to).toBe(
      `Assigned to ${people[0]!.name}: least loaded (load 0) among 1 online agent with skill Billing`,
    );
    const log = await send(manager, 'GET', `/api/v1/routing/log?ticketId=${ticket.id}`);
    expect(log.statusCode, log.body).toBe(200);
    const [entry] = (log.json() as { data: RoutingLogEntry[] }).data;
    expect(entry).toMatchObject({
      ticketId: ticket.id,
      outcome: 'assigned',
      method: 'least_loaded',
      assignee: { id: people[0]!.id },
      skills: ['Billing'],
      // Nobody in the team lists languages: anyone takes any, so none was read from the text.
      language: null,
      candidates: 1,
    });
  });

  it('a ticket opened in a routing team is opened with its agent: the creator made it, routing assigned it', async () => {
    const manager = await t.signIn('manager');
    const { teamId, people } = await team([{ name: 'Amara' }]);
    await setMethod(manager, teamId, { method: 'round_robin' });
    const ticket = await openTicket(t, manager, { teamId });
    expect(ticket).toMatchObject({ status: 'open', assignee: { id: people[0]!.id }, team: { id: teamId } });
    const events = await history(manager, ticket.id);
    const by = (type: string) => events.filter((e) => e.type === type).map((e) => e.actor.type);
    // One change: opened as open, never "new, then open" and never routed twice.
    expect(events.find((e) => e.type === 'created')?.to).toBe('open');
    expect(by('status_changed')).toEqual([]);
    expect(by('created')).toEqual(['user']);
    expect(by('assigned')).toEqual(['system']);
    expect(by('routed')).toEqual(['system']);
    const log = await send(manager, 'GET', `/api/v1/routing/log?ticketId=${ticket.id}`);
    expect((log.json() as { data: RoutingLogEntry[] }).data).toHaveLength(1);

    // Nobody online: opened unassigned in the team's queue, with the reason, and not routed again.
    await setPresence(people[0]!.auth, 'offline');
    const waiting = await openTicket(t, manager, { teamId });
    expect(waiting).toMatchObject({ status: 'new', assignee: null });
    const reasons = (await history(manager, waiting.id)).filter((e) => e.type === 'routed');
    expect(reasons).toHaveLength(1);
    expect(reasons[0]!.to).toMatch(/^Left unassigned/);
  });

  it('least loaded weighs open tickets by priority and respects capacity per channel', async () => {
    const manager = await t.signIn('manager');
    const { teamId, people } = await team([{ name: 'Amara' }, { name: 'Bo' }]);
    const [amara, bo] = people as [(typeof people)[0], (typeof people)[0]];
    // Amara holds one urgent ticket (4); Bo three normal ones (3): Bo is less loaded.
    const email = { channel: 'email' } as const;
    await openTicket(t, manager, { ...email, assigneeId: amara.id, priority: 'urgent' });
    for (let i = 0; i < 3; i++) await openTicket(t, manager, { ...email, assigneeId: bo.id });
    await setMethod(manager, teamId, { method: 'least_loaded' });
    expect((await openTicket(t, manager, { ...email, teamId })).assignee?.id).toBe(bo.id);
    // Bo may hold at most 4 email tickets: he is full now, so the next goes to Amara.
    const cap = await send(manager, 'PUT', `/api/v1/routing/agents/${bo.id}`, { capacity: { email: 4 } });
    expect(cap.statusCode, cap.body).toBe(200);
    expect(cap.json().load).toMatchObject({ open: 4, weighted: 4 });
    expect((await openTicket(t, manager, { teamId, channel: 'email' })).assignee?.id).toBe(amara.id);
    await send(manager, 'PUT', `/api/v1/routing/agents/${amara.id}`, { capacity: { email: 2 } });
    const left = await openTicket(t, manager, { teamId, channel: 'email' });
    expect(left.assignee).toBeNull();
    const events = await history(manager, left.id);
    expect(events.find((e) => e.type === 'routed')?.to).toMatch(
      /^Left unassigned: all 2 online agents are at capacity for email$/,
    );
  });

  it('reads the team as it is at each decision: a cap, a skill or a member added since the last one counts', async () => {
    const manager = await t.signIn('manager');
    const { teamId, people } = await team([{ name: 'Amara' }, { name: 'Bo' }]);
    const [amara, bo] = people as [(typeof people)[0], (typeof people)[0]];
    await setMethod(manager, teamId, { method: 'round_robin' });
    const email = { teamId, channel: 'email' } as const;
    // Nobody has a cap: round robin weighs no loads. Then Bo may take no email at all.
    expect((await openTicket(t, manager, email)).assignee?.id).toBe(amara.id);
    const cap = await send(manager, 'PUT', `/api/v1/routing/agents/${bo.id}`, { capacity: { email: 0 } });
    expect(cap.statusCode, cap.body).toBe(200);
    expect((await openTicket(t, manager, email)).assignee?.id).toBe(amara.id);
    // A skill only Bo has: a ticket tagged with it waits for him (he is full).
    await t.handle.db
      .updateTable('users')
      .set({ skills: JSON.stringify(['Returns']) })
      .where('id', '=', bo.id)
      .execute();
    const tagged = await openTicket(t, manager, { ...email, tags: ['returns'] });
    expect(tagged.assignee).toBeNull();
    expect((await history(manager, tagged.id)).find((e) => e.type === 'routed')?.to).toMatch(
      /^Left unassigned: the online agent with skill Returns .*is at capacity for email$/,
    );
    // A new member with the skill takes it.
    const chen = await t.signIn('agent', { name: `Chen ${n}`, email: `chen${n}@agents.example` });
    await t.handle.db
      .updateTable('users')
      .set({ skills: JSON.stringify(['Returns']) })
      .where('id', '=', chen.userId)
      .execute();
    await setPresence(chen, 'online');
    await setTeamMembers(t.handle.db, teamId, [amara.id, bo.id, chen.userId], new Date().toISOString());
    expect((await openTicket(t, manager, { ...email, tags: ['returns'] })).assignee?.id).toBe(chen.userId);
  });

  it('matches skills and language: a German billing ticket goes to the agent who has both', async () => {
    const manager = await t.signIn('manager');
    const { teamId, people } = await team([
      { name: 'Amara', skills: ['Billing'], languages: ['en'] },
      { name: 'Bo', skills: ['Billing'], languages: ['de', 'en'] },
      { name: 'Chen', skills: ['Shipping'], languages: ['de'] },
    ]);
    await setMethod(manager, teamId, { method: 'round_robin' });
    const german = {
      subject: 'Rechnung doppelt bezahlt',
      message: {
        body: 'Guten Tag, ich habe meine Rechnung für den letzten Monat zweimal bezahlt. Können Sie mir das Geld bitte zurücküberweisen?',
      },
    };
    for (let i = 0; i < 3; i++) {
      const ticket = await openTicket(t, manager, { teamId, tags: ['billing'], ...german });
      expect(ticket.assignee?.id).toBe(people[1]!.id);
    }
    // A ticket whose language is set in its `language` field is not read for one.
    const log = await send(manager, 'GET', `/api/v1/routing/log?teamId=${teamId}&limit=1`);
    expect((log.json() as { data: RoutingLogEntry[] }).data[0]?.language).toBe('de');
    // Nobody with skill Shipping speaks English.
    const english = await openTicket(t, manager, {
      teamId,
      tags: ['shipping'],
      subject: 'Where is my parcel',
      message: {
        body: 'Hello, my parcel was supposed to arrive last week and the tracking page shows nothing at all.',
      },
    });
    expect(english.assignee).toBeNull();
    const why = (await history(manager, english.id)).find((e) => e.type === 'routed')?.to;
    expect(why).toBe('Left unassigned: the only online agent with the skills does not speak English');
  });

  it('follows presence as it changes between decisions, and hands on an agent’s tickets when they go offline', async () => {
    const manager = await t.signIn('manager');
    const { teamId, people } = await team([{ name: 'Amara' }, { name: 'Bo' }]);
    const [amara, bo] = people as [(typeof people)[0], (typeof people)[0]];
    await setMethod(manager, teamId, { method: 'round_robin', redistributeOffline: true });
    await setPresence(bo.auth, 'away');
    const first = await openTicket(t, manager, { teamId });
    const second = await openTicket(t, manager, { teamId });
    expect([first.assignee?.id, second.assignee?.id]).toEqual([amara.id, amara.id]);
    await setPresence(bo.auth, 'online');
    // Amara goes offline: her two tickets go to Bo, the only one online.
    await setPresence(amara.auth, 'offline');
    for (const id of [first.id, second.id]) {
      const res = await send(manager, 'GET', `/api/v1/tickets/${id}`);
      expect((res.json() as Ticket).assignee?.id).toBe(bo.id);
    }
    // Bo signs out: offline, and with nobody left online the tickets wait unassigned in the team.
    const out = await send(bo.auth, 'POST', '/api/v1/auth/logout', {});
    expect(out.statusCode, out.body).toBe(200);
    const presence = await send(manager, 'GET', '/api/v1/presence/agents');
    const seen = (presence.json() as { data: { id: number; presence: PresenceState }[] }).data;
    expect(seen.find((p) => p.id === bo.id)?.presence).toMatchObject({
      status: 'offline',
      reason: 'signed_out',
    });
    const after = await send(manager, 'GET', `/api/v1/tickets/${first.id}`);
    expect((after.json() as Ticket).assignee).toBeNull();
    const third = await openTicket(t, manager, { teamId });
    expect(third.assignee).toBeNull();
    const why = (await history(manager, third.id)).find((e) => e.type === 'routed')?.to;
    expect(why).toBe(`Left unassigned: none of the 2 agents in Team ${n} is online`);
  });

  it('inactivity makes an online agent away; a manager moves a whole queue in one action', async () => {
    const manager = await t.signIn('manager');
    const { teamId, people } = await team([{ name: 'Amara' }, { name: 'Bo' }]);
    const [amara, bo] = people as [(typeof people)[0], (typeof people)[0]];
    const opened = [];
    for (let i = 0; i < 3; i++) opened.push(await openTicket(t, manager, { teamId, assigneeId: amara.id }));
    const moved = await send(manager, 'POST', '/api/v1/routing/reassign-queue', {
      fromUserId: amara.id,
      toUserId: bo.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toEqual({ moved: 3, assigned: 3, unassigned: 0 });
    await setMethod(manager, teamId, { method: 'least_loaded' });
    // Back through routing: Bo is excluded, Amara is the only one left.
    const routed = await send(manager, 'POST', '/api/v1/routing/reassign-queue', {
      fromUserId: bo.id,
      route: true,
    });
    expect(routed.json()).toEqual({ moved: 3, assigned: 3, unassigned: 0 });
    const res = await send(manager, 'GET', `/api/v1/tickets/${opened[0]!.id}`);
    expect((res.json() as Ticket).assignee?.id).toBe(amara.id);

    const later = Date.now() + 16 * 60_000;
    expect(await sweepPresence(t.handle.db, later)).toBeGreaterThanOrEqual(2);
    expect(await sweepPresence(t.handle.db, later)).toBe(0);
    const mine = await send(amara.auth, 'GET', '/api/v1/presence');
    expect(mine.json()).toMatchObject({ status: 'away', reason: 'inactive' });
  });

  it('a deactivated agent goes offline at the next sweep and their tickets are handed on', async () => {
    const manager = await t.signIn('manager');
    const { teamId, people } = await team([{ name: 'Amara' }, { name: 'Bo' }]);
    const [amara, bo] = people as [(typeof people)[0], (typeof people)[0]];
    await setMethod(manager, teamId, { method: 'least_loaded', redistributeOffline: true });
    const held = await openTicket(t, manager, { teamId, assigneeId: amara.id });
    const off = await send(manager, 'PATCH', `/api/v1/users/${amara.id}`, { status: 'deactivated' });
    expect(off.statusCode, off.body).toBe(200);
    expect(await sweepPresence(t.handle.db)).toBe(1);
    const res = await send(manager, 'GET', `/api/v1/tickets/${held.id}`);
    expect((res.json() as Ticket).assignee?.id).toBe(bo.id);
    const agent = await send(manager, 'GET', `/api/v1/routing/agents/${amara.id}`);
    expect(agent.json().presence).toMatchObject({ status: 'offline', reason: 'deactivated' });
  });

  it('alerts the team lead once about a ticket left unassigned past the threshold', async () => {
    const manager = await t.signIn('manager');
    const { teamId, people } = await team(
      [
        { name: 'Lead', online: false },
        { name: 'Bo', online: false },
      ],
      0,
    );
    await setMethod(manager, teamId, { method: 'round_robin', alertAfterMinutes: 30 });
    const ticket = await openTicket(t, manager, { teamId });
    expect(ticket.assignee).toBeNull();
    expect(await alertUnassignedTickets(t.handle.db)).toBe(0);
    const later = Date.now() + 31 * 60_000;
    const [a, b] = await Promise.all([
      alertUnassignedTickets(t.handle.db, later),
      alertUnassignedTickets(t.handle.db, later),
    ]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await alertUnassignedTickets(t.handle.db, later)).toBe(0);
    const bell = await send(people[0]!.auth, 'GET', '/api/v1/me/notifications');
    const mine = (bell.json() as { data: { kind: string; ticketId: number | null }[] }).data.filter(
      (x) => x.kind === 'unassigned_alert' && x.ticketId === ticket.id,
    );
    expect(mine).toHaveLength(1);
  });

  it('shows presence to team leads for their teams only, and refuses agents who lead nothing', async () => {
    const { people } = await team([{ name: 'Lead' }, { name: 'Bo' }], 0);
    const lead = await send(people[0]!.auth, 'GET', '/api/v1/presence/agents');
    expect(lead.statusCode, lead.body).toBe(200);
    expect((lead.json() as { data: { id: number }[] }).data.map((p) => p.id).sort()).toEqual(
      people.map((p) => p.id).sort(),
    );
    const member = await send(people[1]!.auth, 'GET', '/api/v1/presence/agents');
    expect(member.statusCode).toBe(403);
  });

  it('refuses bad settings with the documented error and changes nothing', async () => {
    const manager = await t.signIn('manager');
    const { teamId, people } = await team([{ name: 'Amara' }]);
    const before = await send(manager, 'GET', `/api/v1/routing/teams/${teamId}`);
    for (const body of [{ method: 'random' }, { alertAfterMinutes: 0 }, { redistributeOffline: 'yes' }]) {
      const res = await send(manager, 'PUT', `/api/v1/routing/teams/${teamId}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    for (const body of [
      { skills: [{ name: 'Billing', level: 9 }] },
      { languages: ['english'] },
      { capacity: { fax: 2 } },
    ]) {
      const res = await send(manager, 'PUT', `/api/v1/routing/agents/${people[0]!.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const missing = await send(manager, 'PUT', '/api/v1/routing/teams/999999', { method: 'round_robin' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('TEAM_NOT_FOUND');
    const both = await send(manager, 'POST', '/api/v1/routing/reassign-queue', {
      fromUserId: people[0]!.id,
      toUserId: people[0]!.id,
      route: true,
    });
    expect(both.statusCode).toBe(400);
    expect((await send(manager, 'GET', `/api/v1/routing/teams/${teamId}`)).json()).toEqual(before.json());
  });

  it('keeps skill levels and languages on the agent, and the users API still reads the skills', async () => {
    const manager = await t.signIn('manager');
    const { people } = await team([{ name: 'Amara' }]);
    const res = await send(manager, 'PUT', `/api/v1/routing/agents/${people[0]!.id}`, {
      skills: [
        { name: 'Billing', level: 5 },
        { name: 'Refunds', level: 2 },
      ],
      languages: ['en', 'FR'],
      capacity: { email: 20, web: 3 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      skills: [
        { name: 'Billing', level: 5 },
        { name: 'Refunds', level: 2 },
      ],
      languages: ['en', 'fr'],
      capacity: { email: 20, web: 3 },
    });
    const user = await send(manager, 'GET', `/api/v1/users/${people[0]!.id}`);
    expect(user.json()).toMatchObject({ skills: ['Billing', 'Refunds'], languages: ['en', 'fr'] });
  });

  it('a user made without a presence reads as offline', async () => {
    const id = await insertUser(t.handle.db, {
      email: `quiet${n}@agents.example`,
      name: 'Quiet',
      role: 'agent',
    });
    const manager = await t.signIn('manager');
    const res = await send(manager, 'GET', `/api/v1/routing/agents/${id}`);
    expect(res.json().presence).toEqual({ status: 'offline', reason: 'set', changedAt: null });
  });
});
