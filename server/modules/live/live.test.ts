import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { LiveServerMessage, PortalLiveMessage } from '../../../contracts/live';
import { type Auth, describeApi, sessionFrom, TEST_PASSWORD } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';

describeApi('live updates', (t) => {
  let base = '';
  let portalBase = '';
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    base = `${origin}/api/v1/live`;
    portalBase = `${origin}/api/v1/portal/live`;
  });
  afterAll(async () => {
    await t.app.close();
  });

  /** A socket with its received messages; resolves once the server said hello. */
  function connect<M = LiveServerMessage>(
    auth: Extract<Auth, { kind: 'session' }>,
    origin?: string,
    url = base,
  ) {
    const messages: M[] = [];
    const socket = new WebSocket(url, { headers: { cookie: auth.cookie, ...(origin ? { origin } : {}) } });
    socket.on('message', (raw: Buffer) => messages.push(JSON.parse(raw.toString()) as M));
    const ready = new Promise<void>((resolve, reject) => {
      socket.on('message', () => resolve());
      socket.on('close', () => reject(new Error('closed')));
      socket.on('error', reject);
    });
    return { socket, messages, ready };
  }

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 30));
    return check();
  };

  it('tells other agents about changes and shows who has a ticket open', async () => {
    const ann = await t.signIn('agent', { name: 'Ann Agent' });
    const bob = await t.signIn('agent', { name: 'Bob Agent' });
    const ticket = await openTicket(t, ann);
    const a = connect(ann);
    const b = connect(bob);
    await Promise.all([a.ready, b.ready]);
    b.socket.send(JSON.stringify({ type: 'watch', ticketId: ticket.id }));
    a.socket.send(JSON.stringify({ type: 'watch', ticketId: ticket.id }));
    a.socket.send(JSON.stringify({ type: 'replying', ticketId: ticket.id, replying: true }));
    expect(
      await until(() =>
        b.messages.some(
          (m) => m.type === 'presence' && m.viewers.some((v) => v.name === 'Ann Agent' && v.replying),
        ),
      ),
    ).toBe(true);
    await t.request(ann, {
      method: 'PATCH',
      url: `/api/v1/tickets/${ticket.id}`,
      payload: { priority: 'urgent' },
    });
    expect(
      await until(() => b.messages.some((m) => m.type === 'ticket.changed' && m.ticketId === ticket.id)),
    ).toBe(true);
    a.socket.close();
    expect(
      await until(() => {
        const last = b.messages.filter((m) => m.type === 'presence').at(-1);
        return last?.type === 'presence' && last.viewers.every((v) => v.name !== 'Ann Agent');
      }),
    ).toBe(true);
    b.socket.close();
  });

  it('tells only the viewers of a ticket who is replying to it, and when they stop', async () => {
    const ann = await t.signIn('agent', { name: 'Ann Agent' });
    const bob = await t.signIn('agent', { name: 'Bob Agent' });
    const cleo = await t.signIn('agent', { name: 'Cleo Agent' });
    const ticket = await openTicket(t, ann);
    const b = connect(bob);
    const c = connect(cleo);
    await Promise.all([b.ready, c.ready]);
    b.socket.send(JSON.stringify({ type: 'watch', ticketId: ticket.id }));
    await until(() => b.messages.some((m) => m.type === 'presence'));
    const url = `/api/v1/tickets/${ticket.id}/replying`;
    expect((await t.request(ann, { method: 'PUT', url })).statusCode).toBe(200);
    const replying = (names: string[]) => (m: LiveServerMessage) =>
      m.type === 'ticket.replying' &&
      m.ticketId === ticket.id &&
      JSON.stringify(m.agents.map((x) => x.name)) === JSON.stringify(names);
    expect(await until(() => b.messages.some(replying(['Ann Agent'])))).toBe(true);
    expect((await t.request(ann, { method: 'DELETE', url })).statusCode).toBe(204);
    expect(await until(() => b.messages.some(replying([])))).toBe(true);
    expect(c.messages.some((m) => m.type === 'ticket.replying')).toBe(false);
    b.socket.close();
    c.socket.close();
  });

  it('refuses anonymous sockets, customers and other sites', async () => {
    const anonymous = new WebSocket(base);
    const anonCode = await new Promise<number>((resolve) => {
      anonymous.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      anonymous.on('error', () => undefined);
    });
    expect(anonCode).toBe(401);
    const customer = await t.signIn('customer');
    const c = new WebSocket(base, { headers: { cookie: customer.cookie } });
    const customerCode = await new Promise<number>((resolve) => {
      c.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      c.on('error', () => undefined);
    });
    expect(customerCode).toBe(403);
    const agent = await t.signIn('agent');
    const evil = connect(agent, 'https://evil.example');
    await expect(evil.ready).rejects.toThrow();
  });

  describe("a customer's own channel", () => {
    const portal = (auth: Extract<Auth, { kind: 'session' }>) =>
      connect<PortalLiveMessage>(auth, undefined, portalBase);
    const request = async (customer: Extract<Auth, { kind: 'session' }>) => {
      const res = await t.request(customer, {
        method: 'POST',
        url: '/api/v1/portal/tickets',
        payload: { subject: 'Where is my parcel?', body: 'It has not arrived.' },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const heardOf = (messages: PortalLiveMessage[], ticketId: number) =>
      messages.filter((m) => m.type === 'request.changed' && m.ticketId === ticketId).length;
    const settle = () => new Promise((r) => setTimeout(r, 400));

    it("carries only the customer's own requests' public changes: never notes, staff-only changes or others' requests", async () => {
      const agent = await t.signIn('agent');
      const ann = await t.signIn('customer');
      const ben = await t.signIn('customer');
      const annRequest = await request(ann);
      const benRequest = await request(ben);
      const a = portal(ann);
      const b = portal(ben);
      await Promise.all([a.ready, b.ready]);
      expect(a.messages).toEqual([{ type: 'hello' }]);

      // What only staff see: an internal note, the priority, an escalation, a tag.
      const staffOnly = [
        {
          method: 'POST',
          url: `/api/v1/tickets/${annRequest}/messages`,
          payload: { kind: 'note', body: 'Internal: check the warehouse' },
        },
        {
          method: 'PATCH',
          url: `/api/v1/tickets/${annRequest}`,
          payload: { priority: 'urgent', tags: ['vip'] },
        },
        {
          method: 'PUT',
          url: `/api/v1/tickets/${annRequest}/escalation`,
          payload: { reason: 'Angry customer' },
        },
      ] as const;
      for (const change of staffOnly) {
        const res = await t.request(agent, change);
        expect(res.statusCode, res.body).toBeLessThan(300);
      }
      await settle();
      expect(heardOf(a.messages, annRequest)).toBe(0);

      // An agent's reply on Ann's request: Ann hears of it, Ben does not.
      const reply = await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${annRequest}/messages`,
        payload: { kind: 'reply', body: 'Your parcel is on its way.' },
      });
      expect(reply.statusCode, reply.body).toBe(201);
      expect(await until(() => heardOf(a.messages, annRequest) > 0)).toBe(true);
      // Ben's own request solved: Ben hears of it, Ann does not.
      const solved = await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${benRequest}`,
        payload: { status: 'solved' },
      });
      expect(solved.statusCode, solved.body).toBe(200);
      expect(await until(() => heardOf(b.messages, benRequest) > 0)).toBe(true);
      await settle();
      expect(heardOf(b.messages, annRequest)).toBe(0);
      expect(heardOf(a.messages, benRequest)).toBe(0);
      // Only which request changed: no text, no names, nothing of the staff's.
      for (const m of [...a.messages, ...b.messages])
        expect(Object.keys(m).sort()).toEqual(m.type === 'hello' ? ['type'] : ['ticketId', 'type']);
      expect(JSON.stringify(a.messages)).not.toContain('Internal');
      a.socket.close();
      b.socket.close();
    });

    it('is only for customers, from this site', async () => {
      const agent = await t.signIn('agent');
      const staff = new WebSocket(portalBase, { headers: { cookie: agent.cookie } });
      const code = await new Promise<number>((resolve) => {
        staff.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        staff.on('error', () => undefined);
      });
      expect(code).toBe(403);
      const customer = await t.signIn('customer');
      const evil = connect(customer, 'https://evil.example', portalBase);
      await expect(evil.ready).rejects.toThrow();
    });

    it('closes when the customer signs out', async () => {
      const customer = await t.signIn('customer');
      const c = portal(customer);
      await c.ready;
      const closed = new Promise<number>((resolve) => c.socket.on('close', (code) => resolve(code)));
      await t.request(customer, { method: 'POST', url: '/api/v1/auth/logout' });
      expect(await closed).toBe(4401);
    });
  });

  describe('a socket closes when its access ends', () => {
    /** An open socket and a promise of the code it closes with. */
    async function opened(auth: Extract<Auth, { kind: 'session' }>) {
      const c = connect(auth);
      await c.ready;
      const closed = new Promise<number>((resolve) => c.socket.on('close', (code) => resolve(code)));
      return { ...c, closed };
    }
    const within = <T>(p: Promise<T>, ms = 3000) =>
      Promise.race([p, new Promise<'still open'>((r) => setTimeout(() => r('still open'), ms))]);

    it('on logout', async () => {
      const agent = await t.signIn('agent');
      const s = await opened(agent);
      await t.request(agent, { method: 'POST', url: '/api/v1/auth/logout' });
      expect(await within(s.closed)).toBe(4401);
    });

    it('when the session is revoked from another one, and not the other session’s socket', async () => {
      const first = await t.signIn('agent', { email: 'two-places@test.example' });
      const second = sessionFrom(await t.login('two-places@test.example', TEST_PASSWORD), first.userId);
      const a = await opened(first);
      const b = await opened(second);
      const sessions = (await t.request(first, { method: 'GET', url: '/api/v1/me/sessions' })).json()
        .data as { id: string; current: boolean }[];
      const other = sessions.find((x) => !x.current)!;
      await t.request(first, { method: 'DELETE', url: `/api/v1/me/sessions/${other.id}` });
      expect(await within(b.closed)).toBe(4401);
      expect(await within(a.closed, 300)).toBe('still open');
      a.socket.close();
    });

    it('when a password change ends the other sessions', async () => {
      const first = await t.signIn('agent', { email: 'pw-live@test.example' });
      const second = sessionFrom(await t.login('pw-live@test.example', TEST_PASSWORD), first.userId);
      const b = await opened(second);
      await t.request(first, {
        method: 'PUT',
        url: '/api/v1/me/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'another-long-password' },
      });
      expect(await within(b.closed)).toBe(4401);
    });

    it('when the user is deactivated or their role changes', async () => {
      const admin = await t.signIn('admin');
      const gone = await t.signIn('agent');
      const moved = await t.signIn('agent');
      const g = await opened(gone);
      const m = await opened(moved);
      await t.request(admin, {
        method: 'PATCH',
        url: `/api/v1/users/${gone.userId}`,
        payload: { status: 'deactivated' },
      });
      expect(await within(g.closed)).toBe(4401);
      await t.request(admin, {
        method: 'PATCH',
        url: `/api/v1/users/${moved.userId}`,
        payload: { role: 'manager' },
      });
      expect(await within(m.closed)).toBe(4401);
    });
  });
});
