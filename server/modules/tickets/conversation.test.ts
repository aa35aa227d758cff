import { describe, expect, it } from 'vitest';
import type { Message, Ticket, TicketEvent } from '../../../contracts/tickets';
import { type Auth, describeApi, testConfig } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { systemContext } from '../../platform/auth/actor';
import { sendTicketNotifications } from '../notifications';
import { addCustomerMessage } from './messages.service';

describeApi('a ticket and its conversation', (t) => {
  const get = async <T>(auth: Auth, url: string) =>
    (await t.request(auth, { method: 'GET', url })).json() as T;
  const ticketOf = (auth: Auth, id: number) => get<Ticket>(auth, `/api/v1/tickets/${id}`);
  const messagesOf = async (auth: Auth, id: number) =>
    (await get<{ data: Message[] }>(auth, `/api/v1/tickets/${id}/messages`)).data;
  const eventTypes = async (auth: Auth, id: number) =>
    (await get<{ data: TicketEvent[] }>(auth, `/api/v1/tickets/${id}/events`)).data.map((e) => e.type);
  const reply = (auth: Auth, id: number, body = 'We are on it.', kind: 'reply' | 'note' = 'reply') =>
    t.request(auth, { method: 'POST', url: `/api/v1/tickets/${id}/messages`, payload: { kind, body } });
  const customerWrites = async (ticket: Ticket, body: string, automated = false) =>
    addCustomerMessage(t.handle.db, systemContext('Mail'), ticket.id, {
      customerId: ticket.requester.id,
      body,
      channel: 'email',
      attachmentIds: [],
      rendered: { html: `<p>${body}</p>`, meta: automated ? { automated: true } : {} },
      keepStatus: automated,
    });
  const existingCustomer = async (auth: Auth) =>
    (
      await t.request(auth, {
        method: 'POST',
        url: '/api/v1/customers',
        payload: { name: 'Rosa Moreau', email: 'rosa@customer.example' },
      })
    ).json() as { id: number };

  describe('a ticket an agent opens for a customer', () => {
    it('starts with their own message on the channel they chose', async () => {
      const agent = await t.signIn('agent', { name: 'Amara Adeyemi' });
      const customer = await existingCustomer(agent);
      const kinds: Record<string, string> = {
        phone: 'call',
        walk_in: 'visit',
        other: 'contact',
        email: 'reply',
      };
      for (const [channel, kind] of Object.entries(kinds)) {
        const ticket = await openTicket(t, agent, {
          requester: undefined,
          requesterId: customer.id,
          subject: `Opened on ${channel}`,
          channel: channel as Ticket['channel'],
          message: { body: 'Rosa asked for a copy of her invoice.', author: 'agent' },
        });
        expect(ticket).toMatchObject({
          channel,
          status: 'open',
          requester: { id: customer.id },
          firstReplyAt: null,
          waitingSince: null,
          lastCustomerMessageAt: null,
        });
        const [message] = await messagesOf(agent, ticket.id);
        expect(message).toMatchObject({
          kind,
          channel,
          author: { type: 'user', id: agent.userId, name: 'Amara Adeyemi' },
        });
        expect(await eventTypes(agent, ticket.id)).toEqual([
          'created',
          kind === 'reply' ? 'replied' : `${kind}_logged`,
        ]);
      }
    });

    it('mails the first message to the customer only when it was written as an email', async () => {
      const agent = await t.signIn('agent');
      const config = testConfig(t.dataDir);
      await sendTicketNotifications(t.handle.db, config, 0);
      for (const channel of ['phone', 'email'] as const)
        await openTicket(t, agent, {
          subject: `Follow-up by ${channel}`,
          requester: { email: `${channel}@customer.example`, name: 'Pat' },
          channel,
          message: { body: `Hello Pat, about your order (${channel})`, author: 'agent' },
        });
      while ((await sendTicketNotifications(t.handle.db, config, 0)) > 0);
      const mail = await t.handle.db.selectFrom('mail_outbox').select(['to_address', 'subject']).execute();
      expect(mail).toEqual([
        { to_address: 'email@customer.example', subject: expect.stringContaining('email') },
      ]);
    });

    it('refuses an agent message on a channel customers write on, and opens nothing', async () => {
      const agent = await t.signIn('agent');
      for (const channel of ['web', 'portal', 'api']) {
        const res = await t.request(agent, {
          method: 'POST',
          url: '/api/v1/tickets',
          payload: {
            subject: 'Wrong channel',
            requester: { email: 'pat@customer.example' },
            channel,
            message: { body: 'Hello', author: 'agent' },
          },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({
          error: {
            code: 'VALIDATION_FAILED',
            details: [expect.objectContaining({ path: ['body', 'channel'] })],
          },
        });
      }
      const all = await get<{ data: Ticket[] }>(agent, '/api/v1/tickets');
      expect(all.data).toEqual([]);
    });

    it('without an author, keeps the first message the requester’s, as integrations send it', async () => {
      const token = await t.tokenFor('agent');
      const ticket = await openTicket(t, token, { channel: 'api' });
      const [message] = await messagesOf(token, ticket.id);
      expect(message).toMatchObject({ kind: 'customer', author: { type: 'customer' } });
      expect(ticket.waitingSince).toBe(ticket.createdAt);
    });
  });

  describe('the times kept from the conversation', () => {
    it('follow the customer writing and agents answering; notes and automatic mail change nothing', async () => {
      const agent = await t.signIn('agent');
      const opened = await openTicket(t, agent);
      expect(opened).toMatchObject({
        firstReplyAt: null,
        lastCustomerMessageAt: opened.createdAt,
        waitingSince: opened.createdAt,
      });
      await reply(agent, opened.id, 'Looking into it', 'note');
      expect(await ticketOf(agent, opened.id)).toMatchObject({ waitingSince: opened.createdAt });
      const answer = (await reply(agent, opened.id)).json() as Message;
      const answered = await ticketOf(agent, opened.id);
      expect(answered).toMatchObject({ firstReplyAt: answer.createdAt, waitingSince: null });
      await customerWrites(opened, 'I am out of the office', true);
      expect(await ticketOf(agent, opened.id)).toMatchObject({
        waitingSince: null,
        lastCustomerMessageAt: opened.createdAt,
      });
      const again = await customerWrites(opened, 'It still has not arrived');
      expect(await ticketOf(agent, opened.id)).toMatchObject({
        firstReplyAt: answer.createdAt,
        lastCustomerMessageAt: again.message.createdAt,
        waitingSince: again.message.createdAt,
      });
      const call = await t.request(agent, {
        method: 'POST',
        url: '/api/v1/contacts',
        payload: {
          kind: 'call',
          ticketId: opened.id,
          summary: 'Called back',
          durationMinutes: 3,
          outcome: 'follow_up',
        },
      });
      expect(call.statusCode).toBe(201);
      expect(await ticketOf(agent, opened.id)).toMatchObject({ waitingSince: null });
    });

    it('on a ticket an agent opened, the first reply is the first answer after the customer writes', async () => {
      const agent = await t.signIn('agent');
      const opened = await openTicket(t, agent, {
        channel: 'phone',
        message: { body: 'Pat called about the kettle', author: 'agent' },
      });
      await reply(agent, opened.id, 'Here is the tracking link');
      expect(await ticketOf(agent, opened.id)).toMatchObject({ firstReplyAt: null, waitingSince: null });
      const wrote = await customerWrites(opened, 'Thanks, the link does not work');
      expect(await ticketOf(agent, opened.id)).toMatchObject({ waitingSince: wrote.message.createdAt });
      const answer = (await reply(agent, opened.id, 'Try this one')).json() as Message;
      expect(await ticketOf(agent, opened.id)).toMatchObject({
        firstReplyAt: answer.createdAt,
        waitingSince: null,
      });
      expect(await eventTypes(agent, opened.id)).toContain('first_reply');
    });

    it('a merge works them out again from the whole conversation', async () => {
      const agent = await t.signIn('agent');
      const target = await openTicket(t, agent, { subject: 'Kettle missing' });
      const source = await openTicket(t, agent, { subject: 'Kettle still missing' });
      const answer = (await reply(agent, source.id, 'A new kettle is on its way')).json() as Message;
      expect(await ticketOf(agent, target.id)).toMatchObject({
        firstReplyAt: null,
        waitingSince: target.createdAt,
      });
      const merged = await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${target.id}/merges`,
        payload: { sourceIds: [source.id] },
      });
      expect(merged.statusCode).toBe(200);
      expect(merged.json()).toMatchObject({
        messageCount: 3,
        firstReplyAt: answer.createdAt,
        lastCustomerMessageAt: source.createdAt,
        lastMessageAt: answer.createdAt,
        waitingSince: null,
      });
      expect(await ticketOf(agent, source.id)).toMatchObject({ messageCount: 0, waitingSince: null });

      // A newer unanswered message merged in makes the customer wait again, since it was sent.
      const later = await openTicket(t, agent, { subject: 'Any news?', message: { body: 'Any news?' } });
      const again = await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${target.id}/merges`,
        payload: { sourceIds: [later.id] },
      });
      expect(again.json()).toMatchObject({
        messageCount: 4,
        firstReplyAt: answer.createdAt,
        lastCustomerMessageAt: later.createdAt,
        waitingSince: later.createdAt,
      });
    });
  });
});
