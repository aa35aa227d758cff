import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { LiveServerMessage } from '../../../contracts/live';
import { type Auth, describeApi, sessionFrom, TEST_PASSWORD } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';

describeApi('live updates', (t) => {
  let base = '';
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/live`;
  });
  afterAll(async () => {
    await t.app.close();
  });

  /** A socket with its received messages; resolves once the server said hello. */
  function connect(auth: Extract<Auth, { kind: 'session' }>, origin?: string) {
    const messages: LiveServerMessage[] = [];
    const socket = new WebSocket(base, { headers: { cookie: auth.cookie, ...(origin ? { origin } : {}) } });
    socket.on('message', (raw: Buffer) => messages.push(JSON.parse(raw.toString()) as LiveServerMessage));
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
