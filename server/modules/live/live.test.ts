import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { LiveServerMessage } from '../../../contracts/live';
import { type Auth, describeApi } from '../../../test/helpers/app';
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
});
