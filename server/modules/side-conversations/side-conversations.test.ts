import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PortalTicketDetail } from '../../../contracts/portal';
import type { SideConversation } from '../../../contracts/side-conversations';
import { describeApi, sessionFrom, TEST_PASSWORD, testConfig } from '../../../test/helpers/app';
import { type SmtpSink, startSink } from '../../../test/helpers/smtp';
import { openTicket } from '../../../test/helpers/tickets';
import { systemContext } from '../../platform/auth/actor';
import { localBus } from '../../platform/live/bus';
import { deliverDueMail } from '../../platform/mail/outbox';
import { processInboundMail, storeInboundMail } from '../mail-intake';
import { mailDelivery } from '../mail-runtime';
import { sideConversationsService } from './side-conversations.service';

const SUPPORT = 'support@acme.example';
const SUPPLIER = 'orders@supplier.example';
const silent = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;

describeApi('side conversations', (t) => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  async function setUp() {
    const admin = await t.signIn('admin');
    const agent = await t.signIn('agent');
    const mailbox = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/mailboxes',
      payload: { address: SUPPORT, displayName: 'Acme Support', autoAck: false },
    });
    expect(mailbox.statusCode, mailbox.body).toBe(201);
    const ticket = await openTicket(t, agent);
    return { admin, agent, ticket };
  }

  async function deliver() {
    const config = testConfig(t.dataDir, { SMTP_URL: sink.url });
    const { hooks, close } = mailDelivery(t.handle.db, config, silent);
    await deliverDueMail(t.handle.db, hooks);
    close();
  }

  /** The supplier answers a mail of the side conversation, as their mail program would. */
  /** Answers what the intake told the live channels. */
  async function supplierReplies(inReplyTo: string, references: string, messageId: string, text: string) {
    const raw = [
      'Received: from mail.supplier.example by mx.acme.example; Tue, 1 Dec 2026 10:00:00 +0000',
      `From: Sam Supplier <${SUPPLIER}>`,
      `To: ${SUPPORT}`,
      'Subject: Re: Kettle stock',
      `Message-ID: <${messageId}>`,
      `In-Reply-To: ${inReplyTo}`,
      `References: ${references}`,
      'Date: Tue, 1 Dec 2026 10:00:00 +0000',
      '',
      text,
    ].join('\r\n');
    await storeInboundMail(t.handle.db, {
      raw: Buffer.from(raw),
      source: 'smtp',
      mailboxId: null,
      envelopeFrom: SUPPLIER,
      recipients: [SUPPORT],
    });
    const live = localBus();
    const events: unknown[] = [];
    live.subscribe((event) => events.push(event));
    await processInboundMail({ db: t.handle.db, config: testConfig(t.dataDir), live });
    return events;
  }

  it('mails the third party, threads their reply back and keeps it all away from the customer', async () => {
    const { agent, ticket } = await setUp();
    const started = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/side-conversations`,
      payload: {
        to: [SUPPLIER, 'Stock@Supplier.example'],
        subject: 'Kettle stock',
        body: 'Any kettles left?',
      },
    });
    expect(started.statusCode, started.body).toBe(201);
    const side = started.json() as SideConversation;
    expect(side).toMatchObject({
      ticketId: ticket.id,
      subject: 'Kettle stock',
      to: [SUPPLIER, 'stock@supplier.example'],
      messages: [{ direction: 'out', body: 'Any kettles left?', from: SUPPORT }],
    });

    const before = sink.messages.length;
    await deliver();
    const sent = sink.messages.slice(before);
    expect(sent).toHaveLength(1);
    const first = sent[0]!.parsed;
    expect(sent[0]!.rcptTo.sort()).toEqual([SUPPLIER, 'stock@supplier.example']);
    expect(first.subject).toBe('Kettle stock');
    expect(first.text?.trim()).toBe('Any kettles left?');
    expect(first.from?.value[0]?.address).toBe(SUPPORT);
    expect(first.messageId).toMatch(/@acme\.example>$/);

    const replied = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/side-conversations/${side.id}/messages`,
      payload: { body: 'Also: any in red?' },
    });
    expect(replied.statusCode, replied.body).toBe(201);
    await deliver();
    const second = sink.messages.at(-1)!.parsed;
    expect(second.subject).toBe('Re: Kettle stock');
    expect(second.inReplyTo).toBe(first.messageId);
    expect([second.references].flat()).toEqual([first.messageId]);

    const told = await supplierReplies(
      second.messageId!,
      `${first.messageId} ${second.messageId}`,
      'stock-answer@supplier.example',
      'Twelve kettles, three of them red.',
    );
    // Staff are told the ticket changed; the customer's channel (events with publicFor) is not.
    expect(told).toEqual([expect.objectContaining({ type: 'ticket.changed', ticketId: ticket.id })]);
    expect(told[0]).not.toHaveProperty('publicFor');
    const list = await t.request(agent, {
      method: 'GET',
      url: `/api/v1/tickets/${ticket.id}/side-conversations`,
    });
    expect(list.statusCode, list.body).toBe(200);
    const [kept] = (list.json() as { items: SideConversation[] }).items;
    expect(kept?.messages.map((m) => [m.direction, m.body.trim()])).toEqual([
      ['out', 'Any kettles left?'],
      ['out', 'Also: any in red?'],
      ['in', 'Twelve kettles, three of them red.'],
    ]);
    expect(kept?.messages[2]).toMatchObject({
      from: SUPPLIER,
      author: { userId: null, name: 'Sam Supplier' },
    });
    const inbound = await t.handle.db
      .selectFrom('inbound_mail')
      .select(['status', 'ticket_id'])
      .where('message_id', '=', 'stock-answer@supplier.example')
      .executeTakeFirstOrThrow();
    expect(inbound).toEqual({ status: 'processed', ticket_id: ticket.id });

    // The same mail again is not kept twice.
    await supplierReplies(second.messageId!, second.messageId!, 'stock-answer@supplier.example', 'Again');
    const again = (
      await t.request(agent, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/side-conversations` })
    ).json() as { items: SideConversation[] };
    expect(again.items[0]?.messages).toHaveLength(3);

    // Nothing of it is in the ticket's conversation, the customer's mail or the portal.
    const messages = await t.request(agent, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/messages` });
    expect(messages.statusCode).toBe(200);
    expect(messages.body).not.toMatch(/kettles left|Twelve kettles|in red/);
    const toCustomer = await t.handle.db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', 'pat@customer.example')
      .execute();
    expect(JSON.stringify(toCustomer)).not.toMatch(/kettles left|Twelve kettles|in red/);
    const threadIds = await t.handle.db.selectFrom('mail_message_ids').select('message_id').execute();
    expect(threadIds.map((r) => `<${r.message_id}>`)).not.toContain(first.messageId);

    const admin = await t.signIn('admin', { email: 'lead@acme.example' });
    const account = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'pat@customer.example',
        name: 'Pat Customer',
        role: 'customer',
        password: TEST_PASSWORD,
      },
    });
    const pat = sessionFrom(await t.login('pat@customer.example', TEST_PASSWORD), account.json().id);
    const portal = await t.request(pat, { method: 'GET', url: `/api/v1/portal/tickets/${ticket.id}` });
    expect(portal.statusCode, portal.body).toBe(200);
    const detail = portal.json() as PortalTicketDetail;
    expect(JSON.stringify(detail)).not.toMatch(/kettles|Kettle stock|supplier/i);
    const customerTries = await t.request(pat, {
      method: 'GET',
      url: `/api/v1/tickets/${ticket.id}/side-conversations`,
    });
    expect(customerTries.statusCode).toBe(403);
  });

  it('refuses the customer, our own mailboxes and unknown tickets or conversations', async () => {
    const { agent, ticket } = await setUp();
    const start = (to: string[], ticketId = ticket.id) =>
      t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${ticketId}/side-conversations`,
        payload: { to, subject: 'Question', body: 'Hello' },
      });
    const customer = await start(['PAT@customer.example']);
    expect(customer.statusCode).toBe(400);
    expect(customer.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['to'] }] });
    expect((await start([SUPPORT])).statusCode).toBe(400);
    expect((await start([])).statusCode).toBe(400);
    expect((await start(['not an address'])).statusCode).toBe(400);
    expect((await start([SUPPLIER], 999999)).json().error).toMatchObject({ code: 'TICKET_NOT_FOUND' });
    const reply = await t.request(agent, {
      method: 'POST',
      url: '/api/v1/side-conversations/999999/messages',
      payload: { body: 'Hello' },
    });
    expect(reply.statusCode).toBe(404);
    expect(reply.json().error).toMatchObject({ code: 'SIDE_CONVERSATION_NOT_FOUND' });
    const count = await t.handle.db
      .selectFrom('side_conversations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('tells other agents on the ticket, never the customer’s channel', async () => {
    const { ticket } = await setUp();
    const live = localBus();
    const events: unknown[] = [];
    live.subscribe((event) => events.push(event));
    const sides = sideConversationsService({ db: t.handle.db, config: testConfig(t.dataDir), live });
    const ctx = systemContext('Test');
    const side = await sides.start(ctx, ticket.id, { to: [SUPPLIER], subject: 'Stock', body: 'Any left?' });
    await sides.reply(ctx, side.id, { body: 'And in red?' });
    expect(events).toEqual([
      { type: 'ticket.changed', ticketId: ticket.id, version: null },
      { type: 'ticket.changed', ticketId: ticket.id, version: null },
    ]);
  });
});
