import { describe, expect, it } from 'vitest';
import type { Message, Ticket, TicketEvent } from '../../../contracts/tickets';
import { type Auth, describeApi, testConfig } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { sendTicketNotifications } from '../notifications';

describeApi('replying from the composer', (t) => {
  const get = async <T>(auth: Auth, url: string) =>
    (await t.request(auth, { method: 'GET', url })).json() as T;
  const ticketOf = (auth: Auth, id: number) => get<Ticket>(auth, `/api/v1/tickets/${id}`);
  const eventsOf = async (auth: Auth, id: number) =>
    (await get<{ data: TicketEvent[] }>(auth, `/api/v1/tickets/${id}/events`)).data;
  const send = (auth: Auth, id: number, payload: Record<string, unknown>) =>
    t.request(auth, { method: 'POST', url: `/api/v1/tickets/${id}/messages`, payload });
  const setAssignOnReply = async (on: boolean) => {
    const admin = await t.signIn('admin');
    const res = await t.request(admin, {
      method: 'PATCH',
      url: '/api/v1/settings/tickets',
      payload: { assignOnReply: on },
    });
    expect(res.statusCode).toBe(200);
  };

  describe('assign on reply', () => {
    it('gives an unassigned ticket to the agent who replies, as an assigned event and in the audit log', async () => {
      const agent = await t.signIn('agent', { name: 'Morgan Reyes' });
      const ticket = await openTicket(t, agent);
      expect(ticket.assignee).toBeNull();
      const res = await send(agent, ticket.id, { body: 'We are on it.' });
      expect(res.statusCode).toBe(201);
      const after = await ticketOf(agent, ticket.id);
      expect(after.assignee).toEqual({ id: agent.userId, name: 'Morgan Reyes' });
      expect(after.status).toBe('open');
      const assigned = (await eventsOf(agent, ticket.id)).filter((e) => e.type === 'assigned');
      expect(assigned).toEqual([
        expect.objectContaining({
          from: null,
          to: String(agent.userId),
          actor: expect.objectContaining({ id: agent.userId }),
        }),
      ]);
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select('changes')
        .where('action', '=', 'ticket.replied')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.changes)).toMatchObject({
        assignee: { before: null, after: 'Morgan Reyes' },
      });
    });

    it('leaves an assigned ticket with its assignee, and notes never assign', async () => {
      const first = await t.signIn('agent', { name: 'Rosa Moreau' });
      const second = await t.signIn('agent', { name: 'Sam Okafor' });
      const noted = await openTicket(t, first, { subject: 'Noted only' });
      expect((await send(second, noted.id, { kind: 'note', body: 'Looking' })).statusCode).toBe(201);
      expect((await ticketOf(first, noted.id)).assignee).toBeNull();
      const taken = await openTicket(t, first, { subject: 'Taken', assigneeId: first.userId });
      expect((await send(second, taken.id, { body: 'Jumping in' })).statusCode).toBe(201);
      expect((await ticketOf(first, taken.id)).assignee?.id).toBe(first.userId);
      expect((await eventsOf(first, taken.id)).filter((e) => e.type === 'assigned')).toHaveLength(1);
    });

    it('does nothing when an admin turned it off, and an API token never takes a ticket', async () => {
      const token = await t.tokenFor('agent');
      const byToken = await openTicket(t, token, { subject: 'From an integration' });
      expect((await send(token, byToken.id, { body: 'Automated answer' })).statusCode).toBe(201);
      expect((await ticketOf(token, byToken.id)).assignee).toBeNull();
      await setAssignOnReply(false);
      const agent = await t.signIn('agent');
      const ticket = await openTicket(t, agent);
      expect((await send(agent, ticket.id, { body: 'Hello' })).statusCode).toBe(201);
      expect((await ticketOf(agent, ticket.id)).assignee).toBeNull();
      expect((await eventsOf(agent, ticket.id)).map((e) => e.type)).not.toContain('assigned');
    });
  });

  describe('recipients of a reply', () => {
    const config = () => testConfig(t.dataDir);
    const mailOf = async (messageId: number) =>
      t.handle.db
        .selectFrom('mail_outbox')
        .select(['to_address', 'cc', 'bcc'])
        .where('message_row_id', '=', messageId)
        .execute();
    const deliver = async () => {
      while ((await sendTicketNotifications(t.handle.db, config(), 0)) > 0);
    };

    it('go by default to the requester with the ticket’s copies, and are kept on the message', async () => {
      const agent = await t.signIn('agent');
      await sendTicketNotifications(t.handle.db, config(), 0);
      const ticket = await openTicket(t, agent);
      const copies = await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}/copies`,
        payload: { add: ['boss@customer.example'], dismiss: [], remove: [] },
      });
      expect(copies.statusCode).toBe(200);
      const res = await send(agent, ticket.id, { body: 'Here is the answer.' });
      expect(res.statusCode).toBe(201);
      const message = res.json() as Message;
      expect(message.recipients).toEqual({
        to: ['pat@customer.example'],
        cc: ['boss@customer.example'],
        bcc: [],
      });
      await deliver();
      expect(await mailOf(message.id)).toEqual([
        { to_address: 'pat@customer.example', cc: JSON.stringify(['boss@customer.example']), bcc: null },
      ]);
    });

    it('go to exactly the Cc and Bcc the agent chose, each address once', async () => {
      const agent = await t.signIn('agent');
      await sendTicketNotifications(t.handle.db, config(), 0);
      const ticket = await openTicket(t, agent);
      const res = await send(agent, ticket.id, {
        body: 'Copying finance in.',
        cc: [' Finance@Customer.example ', 'pat@customer.example', 'finance@customer.example'],
        bcc: ['audit@customer.example', 'finance@customer.example'],
      });
      expect(res.statusCode).toBe(201);
      const message = res.json() as Message;
      expect(message.recipients).toEqual({
        to: ['pat@customer.example'],
        cc: ['finance@customer.example'],
        bcc: ['audit@customer.example'],
      });
      const listed = await get<{ data: Message[] }>(agent, `/api/v1/tickets/${ticket.id}/messages`);
      expect(listed.data.find((m) => m.id === message.id)?.recipients).toEqual(message.recipients);
      await deliver();
      expect(await mailOf(message.id)).toEqual([
        {
          to_address: 'pat@customer.example',
          cc: JSON.stringify(['finance@customer.example']),
          bcc: JSON.stringify(['audit@customer.example']),
        },
      ]);
    });

    it('an empty Cc sends to the requester alone, even when the ticket has copies', async () => {
      const agent = await t.signIn('agent');
      await sendTicketNotifications(t.handle.db, config(), 0);
      const ticket = await openTicket(t, agent);
      await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}/copies`,
        payload: { add: ['boss@customer.example'], dismiss: [], remove: [] },
      });
      const message = (await send(agent, ticket.id, { body: 'Just to you.', cc: [] })).json() as Message;
      expect(message.recipients?.cc).toEqual([]);
      await deliver();
      expect(await mailOf(message.id)).toEqual([{ to_address: 'pat@customer.example', cc: null, bcc: null }]);
    });

    it('a picture put in the text shows in place, and the mail carries it as the file it points at', async () => {
      const agent = await t.signIn('agent');
      await sendTicketNotifications(t.handle.db, config(), 0);
      const ticket = await openTicket(t, agent);
      const boundary = '----steward-test';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="screen.png"\r\nContent-Type: image/png\r\n\r\n`;
      const upload = await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/attachments`,
        payload: Buffer.concat([
          Buffer.from(head),
          Buffer.from('png-bytes'),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      expect(upload.statusCode, upload.body).toBe(201);
      const picture = upload.json() as { id: number; url: string };
      const res = await send(agent, ticket.id, {
        body: `Here is what I see:\n\n![screen.png](${picture.url})`,
        attachmentIds: [picture.id],
      });
      expect(res.statusCode).toBe(201);
      const message = res.json() as Message;
      expect(message.html).toContain(`src="${picture.url}"`);
      await deliver();
      const mail = await t.handle.db
        .selectFrom('mail_outbox')
        .select(['html_body', 'attachment_ids'])
        .where('message_row_id', '=', message.id)
        .executeTakeFirstOrThrow();
      expect(mail.html_body).toContain(`src="cid:attachment-${picture.id}@steward"`);
      expect(JSON.parse(mail.attachment_ids ?? '[]')).toEqual([picture.id]);
    });

    it('refuses bad addresses, more than 20 in a list, and Cc on a note, with a clear 400', async () => {
      const agent = await t.signIn('agent');
      const ticket = await openTicket(t, agent);
      const many = Array.from({ length: 21 }, (_, i) => `person${i}@customer.example`);
      const cases: [Record<string, unknown>, string][] = [
        [{ body: 'Hi', cc: ['not an address'] }, 'cc'],
        [{ body: 'Hi', bcc: ['a@b'] }, 'bcc'],
        [{ body: 'Hi', cc: many }, 'cc'],
        [{ body: 'Hi', bcc: many }, 'bcc'],
        [{ kind: 'note', body: 'Hi', cc: ['finance@customer.example'] }, 'cc'],
      ];
      for (const [payload, field] of cases) {
        const res = await send(agent, ticket.id, payload);
        expect(res.statusCode).toBe(400);
        const error = res.json().error;
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ path: expect.arrayContaining([field]) })]),
        );
      }
      const tooMany = (await send(agent, ticket.id, { body: 'Hi', cc: many })).json().error;
      expect(JSON.stringify(tooMany.details)).toContain('At most 20 addresses in Cc');
      expect((await ticketOf(agent, ticket.id)).messageCount).toBe(1);
    });

    it('notes keep no recipients', async () => {
      const agent = await t.signIn('agent');
      const ticket = await openTicket(t, agent);
      const note = (await send(agent, ticket.id, { kind: 'note', body: 'Internal' })).json() as Message;
      expect(note.recipients).toBeNull();
    });
  });

  describe('preview', () => {
    it('renders a reply as it will read, by the same safe rules, and stores nothing', async () => {
      const agent = await t.signIn('agent');
      const ticket = await openTicket(t, agent);
      const url = `/api/v1/tickets/${ticket.id}/messages/preview`;
      const res = await t.request(agent, {
        method: 'POST',
        url,
        payload: { body: 'Hello **Pat**\n\n<script>alert(1)</script><img src="x" onerror="alert(1)">' },
      });
      expect(res.statusCode).toBe(200);
      const { html } = res.json() as { html: string };
      expect(html).toContain('<strong>Pat</strong>');
      expect(html).not.toContain('<script');
      expect(html).not.toContain('onerror');
      expect((await ticketOf(agent, ticket.id)).messageCount).toBe(1);
      const missing = await t.request(agent, {
        method: 'POST',
        url: '/api/v1/tickets/999999/messages/preview',
        payload: { body: 'Hi' },
      });
      expect(missing.statusCode).toBe(404);
      const empty = await t.request(agent, { method: 'POST', url, payload: { body: '   ' } });
      expect(empty.statusCode).toBe(400);
      const customer = await t.signIn('customer');
      expect((await t.request(customer, { method: 'POST', url, payload: { body: 'Hi' } })).statusCode).toBe(
        403,
      );
    });
  });

  describe('is replying', () => {
    const url = (id: number) => `/api/v1/tickets/${id}/replying`;

    it('holds while the agent says so, for every staff member to read, and ends when they stop', async () => {
      const morgan = await t.signIn('agent', { name: 'Morgan Reyes' });
      const other = await t.signIn('manager');
      const ticket = await openTicket(t, morgan);
      const started = await t.request(morgan, { method: 'PUT', url: url(ticket.id) });
      expect(started.statusCode).toBe(200);
      const state = started.json() as { ticketId: number; agents: { name: string; until: string }[] };
      expect(state).toMatchObject({
        ticketId: ticket.id,
        agents: [{ userId: morgan.userId, name: 'Morgan Reyes' }],
      });
      const seconds = (Date.parse(state.agents[0]!.until) - Date.now()) / 1000;
      expect(seconds).toBeGreaterThan(20);
      expect(seconds).toBeLessThanOrEqual(31);
      // Said again: still one entry.
      await t.request(morgan, { method: 'PUT', url: url(ticket.id) });
      const seen = (await t.request(other, { method: 'GET', url: url(ticket.id) })).json();
      expect(seen.agents.map((a: { name: string }) => a.name)).toEqual(['Morgan Reyes']);
      const stopped = await t.request(morgan, { method: 'DELETE', url: url(ticket.id) });
      expect(stopped.statusCode).toBe(204);
      expect((await t.request(other, { method: 'GET', url: url(ticket.id) })).json().agents).toEqual([]);
    });

    it('lapses when the browser stops saying it', async () => {
      const morgan = await t.signIn('agent');
      const ticket = await openTicket(t, morgan);
      await t.request(morgan, { method: 'PUT', url: url(ticket.id) });
      await t.handle.db
        .updateTable('ticket_replying')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .execute();
      expect((await t.request(morgan, { method: 'GET', url: url(ticket.id) })).json().agents).toEqual([]);
    });

    it('is for signed-in staff only: customers learn nothing, tokens cannot reply, unknown tickets are 404', async () => {
      const morgan = await t.signIn('agent', { name: 'Morgan Reyes' });
      const ticket = await openTicket(t, morgan);
      await t.request(morgan, { method: 'PUT', url: url(ticket.id) });
      const customer = await t.signIn('customer');
      for (const method of ['GET', 'PUT', 'DELETE'] as const) {
        const res = await t.request(customer, { method, url: url(ticket.id) });
        expect(res.statusCode).toBe(403);
        expect(res.body).not.toContain('Morgan');
      }
      expect(
        (await t.request({ kind: 'anonymous' }, { method: 'GET', url: url(ticket.id) })).statusCode,
      ).toBe(401);
      const token = await t.tokenFor('agent');
      const byToken = await t.request(token, { method: 'PUT', url: url(ticket.id) });
      expect(byToken.statusCode).toBe(403);
      expect(byToken.json().error.code).toBe('FORBIDDEN');
      expect((await t.request(morgan, { method: 'PUT', url: url(999999) })).statusCode).toBe(404);
      const portal = await t.request(customer, { method: 'GET', url: '/api/v1/portal/tickets' });
      expect(portal.body).not.toContain('Morgan');
    });
  });
});
