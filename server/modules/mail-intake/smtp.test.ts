import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { InboundMail, Mailbox } from '../../../contracts/mail';
import type { Message, Ticket } from '../../../contracts/tickets';
import { describeApi, testConfig } from '../../../test/helpers/app';
import { type SmtpSink, smtpClient, startSink } from '../../../test/helpers/smtp';
import type { AppDeps } from '../../platform/deps';
import { localBus } from '../../platform/live/bus';
import { deliverDueMail } from '../../platform/mail/outbox';
import { mailDelivery } from '../mail-runtime';
import { sendTicketNotifications } from '../notifications';
import { processInboundMail } from './ingest.service';
import { createSmtpListener, type SmtpListener } from './smtp.listener';

const silent = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;
const MAX_BYTES = 200_000;

describeApi('email channel over real SMTP', (t) => {
  let listener: SmtpListener;
  let port: number;
  let sink: SmtpSink;
  let deps: AppDeps;
  let admin: Awaited<ReturnType<typeof t.signIn>>;

  beforeAll(async () => {
    sink = await startSink((rcpt) => rcpt.startsWith('gone@'));
    const config = testConfig(t.dataDir, { SMTP_URL: sink.url });
    deps = { db: t.handle.db, config, live: localBus() };
    listener = createSmtpListener(
      t.handle.db,
      { ...config.smtp, port: 0, host: '127.0.0.1', maxBytes: MAX_BYTES },
      () => {},
      silent,
    );
    port = await listener.listen();
  });
  beforeEach(async () => {
    admin = await t.signIn('admin');
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/mailboxes',
      payload: { address: 'Support@Acme.example', displayName: 'Acme Support', signature: '— Acme Support' },
    });
    expect(res.statusCode).toBe(201);
    expect((res.json() as Mailbox).address).toBe('support@acme.example');
  });
  afterAll(async () => {
    await listener?.close();
    await sink?.close();
  });

  /** Runs what the background jobs would: process received mail, queue notifications, deliver. */
  async function runJobs() {
    await processInboundMail(deps);
    await sendTicketNotifications(t.handle.db, deps.config, 0);
    const { hooks, close } = mailDelivery(t.handle.db, deps.config, silent);
    await deliverDueMail(t.handle.db, hooks);
    close();
  }

  const send = (mail: Parameters<ReturnType<typeof smtpClient>['sendMail']>[0]) =>
    smtpClient(port).sendMail(mail);

  async function ticketOf(inboundSubject: string): Promise<Ticket> {
    const list = await t.request(admin, { method: 'GET', url: '/api/v1/inbound-mail?limit=200' });
    const mail = (list.json().data as InboundMail[]).find((m) => m.subject === inboundSubject);
    expect(mail?.ticketId, `no ticket for "${inboundSubject}": ${mail?.status} ${mail?.reason}`).toBeTruthy();
    return (await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${mail!.ticketId}` })).json();
  }

  async function messagesOf(ticketId: number): Promise<Message[]> {
    return (await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${ticketId}/messages` })).json()
      .data;
  }

  it('threads a three-message exchange onto one ticket, acknowledged and answered in thread', async () => {
    const first = await send({
      from: 'Dana Wells <dana@customer.example>',
      to: 'support@acme.example',
      cc: 'boss@customer.example',
      envelope: { from: 'dana@customer.example', to: ['support@acme.example'] },
      subject: 'Broken blender',
      text: 'My blender broke after two days.',
      messageId: '<first.dana@customer.example>',
    });
    expect(first.response).toMatch(/^250/);
    await runJobs();
    const ticket = await ticketOf('Broken blender');
    expect(ticket.channel).toBe('email');
    expect(ticket.requester.email).toBe('dana@customer.example');

    const ack = sink.messages.find((m) => m.parsed.subject?.includes(`[#${ticket.id}]`));
    expect(ack, 'acknowledgment sent').toBeDefined();
    expect(ack!.parsed.inReplyTo).toBe('<first.dana@customer.example>');
    expect(ack!.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack!.parsed.from?.value[0]?.address).toBe('support@acme.example');

    // The customer answers the acknowledgment: same ticket.
    await send({
      from: 'dana@customer.example',
      to: 'support@acme.example',
      subject: `Re: ${ack!.parsed.subject}`,
      text: 'Also, the lid is cracked.\n\nOn Monday Acme Support wrote:\n> We received your request',
      inReplyTo: ack!.parsed.messageId,
      references: [ack!.parsed.messageId!],
      messageId: '<second.dana@customer.example>',
    });
    // An agent replies; the mail goes to the customer and keeps the copy.
    const agent = await t.signIn('agent', { email: 'ana.agent@acme.example' });
    await runJobs();
    const reply = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      payload: { body: 'Sorry to hear that. A new blender is on its way.' },
    });
    expect(reply.statusCode).toBe(201);
    await runJobs();
    const answer = sink.messages.find((m) => m.parsed.text?.includes('A new blender is on its way'));
    expect(answer, 'agent reply mailed').toBeDefined();
    expect(answer!.rcptTo.sort()).toEqual(['boss@customer.example', 'dana@customer.example']);
    expect(answer!.parsed.inReplyTo).toBe('<second.dana@customer.example>');
    expect(String(answer!.parsed.references)).toContain('first.dana@customer.example');
    expect(answer!.parsed.text).toContain('— Acme Support');

    // The customer hits Reply on the agent's mail, with a subject their client rewrote.
    await send({
      from: 'dana@customer.example',
      to: 'support@acme.example',
      subject: 'AW: thanks',
      text: 'Thank you!',
      inReplyTo: answer!.parsed.messageId,
      references: answer!.parsed.references,
    });
    await runJobs();
    const messages = await messagesOf(ticket.id);
    expect(messages.map((m) => m.kind)).toEqual(['customer', 'customer', 'reply', 'customer']);
    expect(messages[1]!.html).toContain('<details');
    expect(messages[1]!.html).toContain('the lid is cracked');
    expect(messages[2]!.delivery).toMatchObject({ status: 'sent' });
    const toCustomer = sink.messages.filter((m) => m.rcptTo.includes('dana@customer.example'));
    expect(toCustomer.filter((m) => m.parsed.subject?.includes(`[#${ticket.id}]`))).toHaveLength(2);
    // The reply assigned the ticket to the agent, who hears of the customer's answer.
    const toAgent = sink.messages.filter((m) => m.rcptTo.includes('ana.agent@acme.example'));
    expect(toAgent.map((m) => m.parsed.subject)).toEqual([
      `Customer replied: [#${ticket.id}] Broken blender`,
    ]);
  });

  it('keeps an out-of-office reply without reopening the ticket, and opens nothing for one on a closed ticket', async () => {
    await send({
      from: 'ivy@customer.example',
      to: 'support@acme.example',
      subject: 'Where is my parcel?',
      text: 'Hi',
    });
    await runJobs();
    const ticket = await ticketOf('Where is my parcel?');
    const agent = await t.signIn('agent');
    await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      payload: { body: 'Could you send us your order number?', status: 'pending' },
    });
    await runJobs();
    const ask = sink.messages.find((m) => m.parsed.text?.includes('your order number'))!;
    const outOfOffice = (n: number) => ({
      from: 'ivy@customer.example',
      to: 'support@acme.example',
      subject: `Out of office ${n}`,
      text: 'I am away until Monday.',
      inReplyTo: ask.parsed.messageId,
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await send(outOfOffice(1));
    await runJobs();
    const after = (
      await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${ticket.id}` })
    ).json() as Ticket;
    expect(after.status).toBe('pending');
    expect((await messagesOf(ticket.id)).at(-1)?.meta.automated).toBe(true);

    for (const status of ['solved', 'closed']) {
      const current = (
        await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${ticket.id}` })
      ).json() as Ticket;
      const res = await t.request(agent, {
        method: 'PATCH',
        url: `/api/v1/tickets/${ticket.id}`,
        payload: { status, version: current.version },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    await send(outOfOffice(2));
    await runJobs();
    const list = (
      await t.request(admin, { method: 'GET', url: '/api/v1/inbound-mail?q=Out of office 2' })
    ).json();
    expect(list.data[0]).toMatchObject({ status: 'ignored', ticketId: null });
    expect(list.data[0].reason).toContain(`closed ticket #${ticket.id}`);
  });

  it('ingests a duplicate Message-ID once', async () => {
    const mail = {
      from: 'eve@customer.example',
      to: 'support@acme.example',
      subject: 'Duplicate me',
      text: 'Sent twice by a confused server.',
      messageId: '<dup-1@customer.example>',
    };
    expect((await send(mail)).response).toMatch(/^250/);
    expect((await send(mail)).response).toMatch(/^250/);
    await runJobs();
    const list = (
      await t.request(admin, { method: 'GET', url: '/api/v1/inbound-mail?q=Duplicate me' })
    ).json();
    expect(list.data).toHaveLength(1);
    const search = await t.request(admin, { method: 'GET', url: '/api/v1/search?q=confused' });
    expect(search.json().tickets).toHaveLength(1);
  });

  it('shares the queue between lanes working at once, each mail processed once', async () => {
    for (let i = 0; i < 6; i += 1)
      await send({
        from: `lane${i}@customer.example`,
        to: 'support@acme.example',
        subject: `Lane ${i}`,
        text: 'Hi',
      });
    const counts = await Promise.all(
      [0, 1].map((index) => processInboundMail(deps, 500, { index, count: 2 })),
    );
    expect(counts[0]! + counts[1]!).toBe(6);
    const list = (await t.request(admin, { method: 'GET', url: '/api/v1/inbound-mail?q=Lane' })).json();
    expect((list.data as InboundMail[]).map((m) => m.status)).toEqual(Array(6).fill('processed'));
    const tickets = (await t.request(admin, { method: 'GET', url: '/api/v1/tickets?limit=50' })).json()
      .data as Ticket[];
    expect(tickets.filter((x) => x.subject.startsWith('Lane '))).toHaveLength(6);
  });

  it('refuses unknown recipients at RCPT and oversized mail at DATA, storing nothing', async () => {
    const before = (await t.request(admin, { method: 'GET', url: '/api/v1/inbound-mail?limit=200' })).json()
      .data.length;
    await expect(
      send({ from: 'x@customer.example', to: 'nobody@acme.example', subject: 'Hello?', text: 'Anyone?' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      send({
        from: 'x@customer.example',
        to: 'support@acme.example',
        subject: 'Huge',
        text: 'x'.repeat(MAX_BYTES + 10),
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    const after = (await t.request(admin, { method: 'GET', url: '/api/v1/inbound-mail?limit=200' })).json()
      .data.length;
    expect(after).toBe(before);
  });

  it('puts malformed mail in the failed list with the reason, downloadable and retryable', async () => {
    const res = await smtpClient(port).sendMail({
      envelope: { from: 'broken@customer.example', to: ['support@acme.example'] },
      raw: 'this is not a mime message at all\r\n\u0000\u0001garbage\r\n',
    });
    expect(res.response).toMatch(/^250/);
    await runJobs();
    const failed = (
      await t.request(admin, { method: 'GET', url: '/api/v1/inbound-mail?status=failed' })
    ).json();
    const mail = (failed.data as InboundMail[]).find((m) => m.envelopeFrom === 'broken@customer.example');
    expect(mail?.reason).toMatch(/not a mail message|no valid sender/);
    expect(failed.counts.failed).toBeGreaterThanOrEqual(1);
    const original = await t.request(admin, { method: 'GET', url: mail!.originalUrl });
    expect(original.headers['content-type']).toBe('message/rfc822');
    expect(original.body).toContain('not a mime message');
    const retry = await t.request(admin, { method: 'POST', url: `/api/v1/inbound-mail/${mail!.id}/retry` });
    expect(retry.json().status).toBe('queued');
    await runJobs();
    const again = (await t.request(admin, { method: 'GET', url: `/api/v1/inbound-mail/${mail!.id}` })).json();
    expect(again).toMatchObject({ status: 'failed', attempts: 2 });
    const agent = await t.signIn('agent');
    expect((await t.request(agent, { method: 'GET', url: '/api/v1/inbound-mail' })).statusCode).toBe(403);
  });

  it('stops a loop between two auto-responders', async () => {
    await t.request(admin, {
      method: 'PATCH',
      url: '/api/v1/settings/mail',
      payload: { senderLimitPerHour: 5 },
    });
    // A polite auto-responder marks itself: it gets a ticket but never an acknowledgment.
    await send({
      from: 'ooo@partner.example',
      to: 'support@acme.example',
      subject: 'Out of office',
      text: 'I am away.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    // A rude one answers every mail with a fresh one; we must not keep answering it.
    const robot = 'robot@loop.example';
    let round = 0;
    for (; round < 30; round += 1) {
      await send({
        from: robot,
        to: 'support@acme.example',
        subject: `Your message was received (${round})`,
        text: 'Thanks!',
      });
      await runJobs();
      const acksToRobot = sink.messages.filter((m) => m.rcptTo.includes(robot)).length;
      if (acksToRobot <= round) break;
    }
    const acks = sink.messages.filter((m) => m.rcptTo.includes(robot)).length;
    expect(acks).toBeLessThanOrEqual(5);
    expect(round).toBeLessThan(30);
    expect(sink.messages.some((m) => m.rcptTo.includes('ooo@partner.example'))).toBe(false);
    const spam = (await t.request(admin, { method: 'GET', url: '/api/v1/inbound-mail?status=spam' })).json();
    expect((spam.data as InboundMail[]).some((m) => m.sender === robot && /loop/.test(m.reason ?? ''))).toBe(
      true,
    );
    await t.request(admin, {
      method: 'PATCH',
      url: '/api/v1/settings/mail',
      payload: { senderLimitPerHour: 30 },
    });
  });

  it('applies spam rules, and an admin can release the mail', async () => {
    const rule = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/mail-rules',
      payload: { kind: 'block_sender', pattern: '@spam.example' },
    });
    expect(rule.statusCode).toBe(201);
    await send({
      from: 'deals@news.spam.example',
      to: 'support@acme.example',
      subject: 'Cheap watches',
      text: 'Buy!',
    });
    await runJobs();
    const spam = (await t.request(admin, { method: 'GET', url: '/api/v1/inbound-mail?status=spam' })).json();
    const mail = (spam.data as InboundMail[]).find((m) => m.subject === 'Cheap watches');
    expect(mail?.reason).toContain('@spam.example');
    expect(mail?.mailbox?.name).toBe('Acme Support');
    await t.request(admin, { method: 'POST', url: `/api/v1/inbound-mail/${mail!.id}/retry` });
    await runJobs();
    expect((await ticketOf('Cheap watches')).subject).toBe('Cheap watches');
  });

  it('keeps attachments and inline images, sanitises HTML, and serves the original to staff', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    await send({
      from: 'fay@customer.example',
      to: 'support@acme.example',
      subject: 'Photo of the damage',
      text: 'See the photo.',
      html: '<p>See the photo <img src="cid:photo1@x"> <img src="https://tracker.example/p.gif"></p><script>alert(1)</script><p onclick="x()">ok</p>',
      attachments: [
        { filename: 'photo.png', content: png, cid: 'photo1@x' },
        { filename: 'invoice.pdf', content: Buffer.from('%PDF-1.4 test'), contentType: 'application/pdf' },
        { filename: 'setup.exe', content: Buffer.from('MZ'), contentType: 'application/octet-stream' },
      ],
    });
    await runJobs();
    const ticket = await ticketOf('Photo of the damage');
    const [message] = await messagesOf(ticket.id);
    expect(message!.attachments.map((a) => a.filename).sort()).toEqual(['invoice.pdf', 'photo.png']);
    const photo = message!.attachments.find((a) => a.filename === 'photo.png')!;
    expect(message!.html).toContain(`src="${photo.url}"`);
    expect(message!.html).not.toContain('tracker.example');
    expect(message!.html).not.toContain('<script');
    expect(message!.html).not.toContain('onclick');
    expect(JSON.stringify(message!.meta.refusedAttachments)).toContain('setup.exe');
    const agent = await t.signIn('agent');
    const original = await t.request(agent, {
      method: 'GET',
      url: `/api/v1/tickets/${ticket.id}/messages/${message!.id}/original`,
    });
    expect(original.statusCode).toBe(200);
    expect(original.body).toContain('Photo of the damage');
    const customer = await t.signIn('customer');
    expect(
      (
        await t.request(customer, {
          method: 'GET',
          url: `/api/v1/tickets/${ticket.id}/messages/${message!.id}/original`,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('shows a reply that cannot be delivered as failed, and tells its agent', async () => {
    await send({
      from: 'gone@customer.example',
      to: 'support@acme.example',
      subject: 'Soon gone',
      text: 'Bye',
    });
    await runJobs();
    const ticket = await ticketOf('Soon gone');
    const agent = await t.signIn('agent');
    await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      payload: { body: 'Hello?' },
    });
    await runJobs();
    const reply = (await messagesOf(ticket.id)).find((m) => m.kind === 'reply');
    expect(reply?.delivery).toMatchObject({ status: 'failed' });
    expect(reply?.delivery?.error).toMatch(/550/);
    const notes = (await t.request(agent, { method: 'GET', url: '/api/v1/me/notifications' })).json();
    expect(
      notes.data.some(
        (n: { kind: string; ticketId: number }) => n.kind === 'mail_failed' && n.ticketId === ticket.id,
      ),
    ).toBe(true);
  });
});
