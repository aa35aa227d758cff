import { describe, expect, it } from 'vitest';
import type { PortalTicket, PortalTicketDetail } from '../../../contracts/portal';
import { describeApi, sessionFrom, TEST_PASSWORD } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';

describeApi('customer portal', (t) => {
  /** A portal account for the customer with that email, created the way an admin would. */
  async function customerSession(email: string) {
    const admin = await t.signIn('admin');
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email, name: 'Pat Customer', role: 'customer', password: TEST_PASSWORD },
    });
    return sessionFrom(await t.login(email, TEST_PASSWORD), res.json().id);
  }

  it('shows a customer their own requests and replies, never notes', async () => {
    const agent = await t.signIn('agent');
    const ticket = await openTicket(t, agent);
    await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      payload: { kind: 'note', body: 'Secret: refund approved internally' },
    });
    await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      payload: { body: 'We are sending a new kettle.' },
    });
    const pat = await customerSession('pat@customer.example');
    const list = (await t.request(pat, { method: 'GET', url: '/api/v1/portal/tickets' })).json()
      .data as PortalTicket[];
    expect(list.map((x) => x.id)).toEqual([ticket.id]);
    const detail = (
      await t.request(pat, { method: 'GET', url: `/api/v1/portal/tickets/${ticket.id}` })
    ).json() as PortalTicketDetail;
    expect(detail.messages.map((m) => m.fromMe)).toEqual([true, false]);
    expect(JSON.stringify(detail)).not.toContain('Secret');
    expect(detail.messages[1]?.authorName).toMatch(/Test agent/);
  });

  it('never shows another customer’s request, even by guessing ids', async () => {
    const agent = await t.signIn('agent');
    const other = await openTicket(t, agent, {
      requester: { email: 'someone@else.example', name: 'Someone Else' },
    });
    const pat = await customerSession('pat@customer.example');
    for (const url of [`/api/v1/portal/tickets/${other.id}`, `/api/v1/tickets/${other.id}`]) {
      const res = await t.request(pat, { method: 'GET', url });
      expect([403, 404]).toContain(res.statusCode);
      expect(res.body).not.toContain('Someone Else');
    }
    const reply = await t.request(pat, {
      method: 'POST',
      url: `/api/v1/portal/tickets/${other.id}/messages`,
      payload: { body: 'hi' },
    });
    expect(reply.statusCode).toBe(404);
    const list = (await t.request(pat, { method: 'GET', url: '/api/v1/portal/tickets' })).json().data;
    expect(list).toEqual([]);
  });

  it('submits a request and replies; a reply to a closed request opens a follow-up', async () => {
    const pat = await customerSession('pat@customer.example');
    const created = await t.request(pat, {
      method: 'POST',
      url: '/api/v1/portal/tickets',
      payload: { subject: 'Login trouble', body: 'I cannot sign in' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    const agent = await t.signIn('agent');
    const ticket = (await t.request(agent, { method: 'GET', url: `/api/v1/tickets/${id}` })).json();
    expect(ticket).toMatchObject({ channel: 'portal', requester: { email: 'pat@customer.example' } });
    await t.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { status: 'solved' } });
    await t.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${id}`, payload: { status: 'closed' } });
    const reply = await t.request(pat, {
      method: 'POST',
      url: `/api/v1/portal/tickets/${id}/messages`,
      payload: { body: 'It happened again' },
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ followUpOfId: id, status: 'new' });
  });

  it('staff cannot use the portal routes and customers cannot use staff routes', async () => {
    const agent = await t.signIn('agent');
    expect((await t.request(agent, { method: 'GET', url: '/api/v1/portal/tickets' })).statusCode).toBe(403);
    const pat = await customerSession('pat@customer.example');
    expect((await t.request(pat, { method: 'GET', url: '/api/v1/tickets' })).statusCode).toBe(403);
  });

  describe('sign-in links', () => {
    it('mails a one-time link that signs the customer in and creates their account', async () => {
      const sent = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/magic-links',
        payload: { email: 'New.Person@Example.com' },
      });
      expect(sent.statusCode).toBe(202);
      const mail = await t.handle.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      expect(mail.to_address).toBe('new.person@example.com');
      const token = /token=([\w-]+)/.exec(mail.text_body)?.[1];
      expect(token).toBeTruthy();
      const redeemed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/sessions',
        payload: { token },
      });
      expect(redeemed.statusCode).toBe(200);
      expect(redeemed.json().user).toMatchObject({ role: 'customer', email: 'new.person@example.com' });
      const session = sessionFrom(redeemed, redeemed.json().user.id);
      expect((await t.request(session, { method: 'GET', url: '/api/v1/portal/tickets' })).statusCode).toBe(
        200,
      );
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/sessions',
        payload: { token },
      });
      expect(again.statusCode).toBe(401);
      const setPassword = await t.request(session, {
        method: 'PUT',
        url: '/api/v1/me/password',
        payload: { currentPassword: '', newPassword: 'my-new-password' },
      });
      expect(setPassword.statusCode, setPassword.body).toBe(200);
      expect((await t.login('new.person@example.com', 'my-new-password')).statusCode).toBe(200);
    });

    it('answers the same for unknown addresses and refuses staff addresses at redemption', async () => {
      await t.signIn('agent', { email: 'staff@test.example' });
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/magic-links',
        payload: { email: 'staff@test.example' },
      });
      expect(res.statusCode).toBe(202);
      const mail = await t.handle.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      const token = /token=([\w-]+)/.exec(mail.text_body)?.[1];
      const redeemed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/sessions',
        payload: { token },
      });
      expect(redeemed.statusCode).toBe(403);
    });
  });

  describe('contact form', () => {
    it('opens a web ticket for a real person', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/contact',
        payload: {
          name: 'Web Visitor',
          email: 'visitor@site.example',
          subject: 'Question',
          message: 'Do you ship to Norway?',
        },
      });
      expect(res.statusCode).toBe(202);
      expect(res.json().reference).toMatch(/^#\d+$/);
      const ticket = await t.handle.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow();
      expect(ticket.channel).toBe('web');
      const ack = await t.handle.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      expect(ack).toMatchObject({
        to_address: 'visitor@site.example',
        kind: 'ticket_received',
        ticket_id: ticket.id,
      });
      expect(ack.subject).toContain(`[#${ticket.id}]`);
    });

    it('quietly drops what a robot sends through the hidden field', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/contact',
        payload: {
          name: 'Bot',
          email: 'bot@spam.example',
          subject: 'Buy',
          message: 'Cheap pills',
          website: 'http://spam.example',
        },
      });
      expect(res.statusCode).toBe(202);
      expect(res.json().reference).toMatch(/^#\d+$/);
      expect(await t.handle.db.selectFrom('tickets').select('id').execute()).toHaveLength(0);
    });
  });
});

describeApi(
  'public form rate limit',
  (t) => {
    it('limits contact form posts per minute', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/public/contact',
          payload: { name: 'A', email: 'a@b.example', subject: 's', message: 'm' },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([202, 202, 429]);
    });

    it('counts a client by its own address, whatever X-Forwarded-For it makes up', async () => {
      const post = (remoteAddress: string, forwarded: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/public/contact',
          remoteAddress,
          headers: { 'x-forwarded-for': forwarded },
          payload: { name: 'A', email: 'a@b.example', subject: 's', message: 'm' },
        });
      const direct = [];
      for (const forwarded of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
        direct.push((await post('203.0.113.9', forwarded)).statusCode);
      expect(direct).toEqual([202, 202, 429]);
      // A proxy on this machine (nginx, Caddy) speaks for its clients: each is counted apart.
      const proxied = [];
      for (const forwarded of ['198.51.100.4', '198.51.100.5', '198.51.100.6'])
        proxied.push((await post('127.0.0.1', forwarded)).statusCode);
      expect(proxied).toEqual([202, 202, 202]);
    });
  },
  { PUBLIC_FORMS_PER_MINUTE: '2' },
);
