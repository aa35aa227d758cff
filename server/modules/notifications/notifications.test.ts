import { expect, it } from 'vitest';
import type { Notification } from '../../../contracts/auth';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';

interface Bell {
  data: Notification[];
  unread: number;
}

describeApi('notifications', (t) => {
  const bell = async (auth: Auth) =>
    (await t.request(auth, { method: 'GET', url: '/api/v1/me/notifications' })).json() as Bell;
  const mark = (auth: Auth, payload: object) =>
    t.request(auth, { method: 'PATCH', url: '/api/v1/me/notifications', payload });
  const mention = async (author: Auth, ticketId: number, handle: string) => {
    const res = await t.request(author, {
      method: 'POST',
      url: `/api/v1/tickets/${ticketId}/messages`,
      payload: { kind: 'note', body: `Could you check this, @${handle}?` },
    });
    expect(res.statusCode).toBe(201);
  };

  it('a mention rings only the mentioned colleague, newest first, with who and where', async () => {
    const rosa = await t.signIn('agent', { email: 'rosa.moreau@test.example', name: 'Rosa Moreau' });
    const morgan = await t.signIn('agent', { email: 'morgan.reyes@test.example', name: 'Morgan Reyes' });
    const first = await openTicket(t, rosa, { subject: 'First' });
    const second = await openTicket(t, rosa, { subject: 'Second' });
    await mention(rosa, first.id, 'morgan.reyes');
    await mention(rosa, second.id, 'morgan.reyes');
    const morgans = await bell(morgan);
    expect(morgans.unread).toBe(2);
    expect(morgans.data.map((n) => [n.kind, n.ticketId, n.actorName, n.read])).toEqual([
      ['mention', second.id, 'Rosa Moreau', false],
      ['mention', first.id, 'Rosa Moreau', false],
    ]);
    expect(await bell(rosa)).toEqual({ data: [], unread: 0 });
  });

  it('marks the given notifications read, or all of them; nobody marks another person’s', async () => {
    const rosa = await t.signIn('agent', { email: 'rosa.moreau@test.example', name: 'Rosa Moreau' });
    const morgan = await t.signIn('agent', { email: 'morgan.reyes@test.example', name: 'Morgan Reyes' });
    const ticket = await openTicket(t, rosa);
    for (let i = 0; i < 3; i += 1) await mention(rosa, ticket.id, 'morgan.reyes');
    const [newest] = (await bell(morgan)).data as [Notification];

    expect((await mark(rosa, { ids: [newest.id] })).statusCode).toBe(200);
    expect((await bell(morgan)).unread).toBe(3);

    expect((await mark(morgan, { ids: [newest.id] })).json()).toEqual({ ok: true });
    const after = await bell(morgan);
    expect(after.unread).toBe(2);
    expect(after.data.find((n) => n.id === newest.id)!.read).toBe(true);

    await mark(morgan, {});
    expect((await bell(morgan)).unread).toBe(0);
  });

  it('refuses bad ids and unknown fields, and changes nothing', async () => {
    const rosa = await t.signIn('agent', { email: 'rosa.moreau@test.example', name: 'Rosa Moreau' });
    const morgan = await t.signIn('agent', { email: 'morgan.reyes@test.example', name: 'Morgan Reyes' });
    await mention(rosa, (await openTicket(t, rosa)).id, 'morgan.reyes');
    for (const payload of [
      { ids: [0] },
      { ids: ['x'] },
      { ids: Array.from({ length: 201 }, (_, i) => i + 1) },
      { all: true },
    ]) {
      const res = await mark(morgan, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect((await bell(morgan)).unread).toBe(1);
  });

  it('the bell is a person’s own: tokens have none and strangers must sign in', async () => {
    const token = await t.tokenFor('admin');
    const res = await t.request(token, { method: 'GET', url: '/api/v1/me/notifications' });
    expect(res.statusCode).toBe(403);
    expect((await mark(token, {})).statusCode).toBe(403);
    const anonymous = await t.request(
      { kind: 'anonymous' },
      { method: 'GET', url: '/api/v1/me/notifications' },
    );
    expect(anonymous.statusCode).toBe(401);
  });
});
