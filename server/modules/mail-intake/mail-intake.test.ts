import iconv from 'iconv-lite';
import { beforeEach, expect, it } from 'vitest';
import type { Customer } from '../../../contracts/customers';
import type { InboundMail } from '../../../contracts/mail';
import type { Message, Ticket } from '../../../contracts/tickets';
import { describeApi, testConfig } from '../../../test/helpers/app';
import type { AppDeps } from '../../platform/deps';
import { localBus } from '../../platform/live/bus';
import { sendTicketNotifications } from '../notifications';
import { storeInboundMail } from './inbound.store';
import { processInboundMail } from './ingest.service';
import { inboundRepository } from './mail-intake.repository';

const CRLF = '\r\n';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==',
  'base64',
);

/** A raw message from header lines and a body, as bytes: headers may carry raw 8-bit bytes. */
function raw(headers: (string | Buffer)[], body: string | Buffer): Buffer {
  const parts: Buffer[] = [];
  for (const h of headers) parts.push(Buffer.isBuffer(h) ? h : Buffer.from(h, 'latin1'), Buffer.from(CRLF));
  parts.push(Buffer.from(CRLF), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'));
  return Buffer.concat(parts);
}

const base64Lines = (b: Buffer) => b.toString('base64').replace(/.{76}/g, `$&${CRLF}`);

describeApi('mail intake keeps every mail it accepts, and reads it right', (t) => {
  let deps: AppDeps;
  let admin: Awaited<ReturnType<typeof t.signIn>>;
  let seq = 0;

  beforeEach(async () => {
    deps = { db: t.handle.db, config: testConfig(t.dataDir), live: localBus() };
    admin = await t.signIn('admin');
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/mailboxes',
      payload: { address: 'help@shop.example', displayName: 'Shop Help' },
    });
    expect(res.statusCode).toBe(201);
  });

  /** Stores a raw mail as the SMTP listener does (SMTP tests cover the wire), then processes it. */
  async function receive(message: Buffer, envelopeFrom = 'sender@elsewhere.example') {
    const stored = await storeInboundMail(t.handle.db, {
      raw: message,
      source: 'smtp',
      mailboxId: null,
      envelopeFrom,
      recipients: ['help@shop.example'],
    });
    await processInboundMail(deps);
    return stored;
  }

  async function inbound(id: number): Promise<InboundMail> {
    return (await t.request(admin, { method: 'GET', url: `/api/v1/inbound-mail/${id}` })).json();
  }

  async function ticketOfMail(id: number | null): Promise<{ ticket: Ticket; messages: Message[] }> {
    expect(id).not.toBeNull();
    const mail = await inbound(id!);
    expect(mail.ticketId, `${mail.status}: ${mail.reason}`).toBeTruthy();
    const ticket = (
      await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${mail.ticketId}` })
    ).json();
    const messages = (
      await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${mail.ticketId}/messages` })
    ).json().data;
    return { ticket, messages };
  }

  const nextId = () => {
    seq += 1;
    return `<m${seq}.${Date.now()}@client.example>`;
  };

  it('keeps a different mail that reuses a known Message-ID, and drops only a true duplicate', async () => {
    const id = nextId();
    const first = raw(
      [
        'Received: from a.example by mx1.shop.example; Mon, 1 Dec 2026 10:00:00 +0000',
        'Date: Mon, 1 Dec 2026 10:00:00 +0000',
        'From: Ana Ruiz <ana@customer.example>',
        'To: help@shop.example',
        'Subject: Order 1001 missing',
        `Message-ID: ${id}`,
      ],
      'My order 1001 never arrived.',
    );
    const resent = raw(
      [
        'Received: from b.example by mx2.shop.example; Mon, 1 Dec 2026 10:05:00 +0000',
        'Return-Path: <bounces@customer.example>',
        'Date: Mon, 1 Dec 2026 10:04:59 +0000', // composed again by the client to resend it
        'From: Ana Ruiz <ana@customer.example>',
        'To: help@shop.example',
        'Subject: Order 1001 missing',
        `Message-ID: ${id}`,
      ],
      'My order 1001 never arrived.\r\n',
    );
    const template = raw(
      [
        'From: Ben Ode <ben@customer.example>',
        'To: help@shop.example',
        'Subject: Refund please',
        `Message-ID: ${id}`,
      ],
      'Please refund order 2002.',
    );
    const a = await receive(first);
    const b = await receive(resent);
    const c = await receive(template);
    expect(a.duplicate).toBe(false);
    expect(b.duplicate).toBe(true);
    expect(c.duplicate).toBe(false);
    const one = await ticketOfMail(a.id);
    const other = await ticketOfMail(c.id);
    expect(other.ticket.id).not.toBe(one.ticket.id);
    expect(other.ticket.subject).toBe('Refund please');
    expect(other.messages[0]!.meta.email).toMatchObject({ messageIdReused: true });
    expect(one.messages[0]!.meta.email).not.toHaveProperty('messageIdReused');
  });

  it('derives the text of HTML-only mail, for previews and search', async () => {
    const boundary = 'alt-1';
    const alternative = raw(
      [
        'From: Cy Moss <cy@customer.example>',
        'To: help@shop.example',
        'Subject: Outlook alternative',
        `Message-ID: ${nextId()}`,
        'MIME-Version: 1.0',
        `Content-Type: multipart/alternative; boundary="${boundary}"`,
      ],
      [
        `--${boundary}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        '',
        `--${boundary}`,
        'Content-Type: text/html; charset=utf-8',
        '',
        '<html><body><p>The <b>kettle</b> leaks from the zanzibarspout.</p></body></html>',
        `--${boundary}--`,
        '',
      ].join(CRLF),
    );
    const related = raw(
      [
        'From: Di Park <di@customer.example>',
        'To: help@shop.example',
        'Subject: Apple related',
        `Message-ID: ${nextId()}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/related; boundary="rel"',
      ],
      [
        '--rel',
        'Content-Type: text/html; charset=us-ascii',
        '',
        '<div>Broken quokkalamp, see picture <img src="cid:pic@x"></div>',
        '--rel',
        'Content-Type: image/png',
        'Content-Transfer-Encoding: base64',
        'Content-ID: <pic@x>',
        '',
        base64Lines(PNG),
        '--rel--',
        '',
      ].join(CRLF),
    );
    const a = await ticketOfMail((await receive(alternative)).id);
    expect(a.messages[0]!.body).toContain('The kettle leaks from the zanzibarspout.');
    const b = await ticketOfMail((await receive(related)).id);
    expect(b.messages[0]!.body).toContain('Broken quokkalamp, see picture');
    const picture = b.messages[0]!.attachments[0]!;
    expect(picture.filename).toMatch(/^inline-image-1\.png$/);
    expect(b.messages[0]!.html).toContain(`src="${picture.url}"`);
    for (const word of ['zanzibarspout', 'quokkalamp']) {
      const found = (await t.request(admin, { method: 'GET', url: `/api/v1/search?q=${word}` })).json();
      expect(found.tickets, word).toHaveLength(1);
    }
  });

  it('decodes x-uuencode parts into files', async () => {
    const uu = ['begin 644 notes.txt', '=5&AE(&)O>"!A<G)I=F5D(&)R;VME;BX*', '`', 'end'].join(CRLF);
    const message = raw(
      [
        'From: Eli Stone <eli@customer.example>',
        'To: help@shop.example',
        'Subject: Old client attachment',
        `Message-ID: ${nextId()}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="mix"',
      ],
      [
        '--mix',
        'Content-Type: text/plain',
        '',
        'Notes attached.',
        '--mix',
        'Content-Type: text/plain; name="notes.txt"',
        'Content-Transfer-Encoding: x-uuencode',
        'Content-Disposition: attachment; filename="notes.txt"',
        '',
        uu,
        '--mix--',
        '',
      ].join(CRLF),
    );
    const { messages } = await ticketOfMail((await receive(message)).id);
    const file = messages[0]!.attachments.find((f) => f.filename === 'notes.txt');
    expect(file).toBeDefined();
    const download = await t.request(admin, { method: 'GET', url: file!.url });
    expect(download.body).toBe('The box arrived broken.\n');
  });

  it.each([
    ['GBK', 'gbk', '您好，我的订单还没有到，请帮我查一下物流信息。谢谢！', '订单查询'],
    [
      'Shift_JIS',
      'shift_jis',
      'こんにちは、注文した商品がまだ届いていません。確認をお願いします。',
      '注文について',
    ],
    [
      'windows-1252',
      'win1252',
      'Bonjour, je n’ai pas reçu ma commande – merci d’avance «vite»',
      'Commande reçue?',
    ],
    ['Latin-1', 'latin1', 'Grüße aus München: die Bestellung kam beschädigt an.', 'Beschädigte Ware'],
  ])('decodes unlabelled 8-bit %s headers and bodies', async (_name, encoding, body, subject) => {
    const message = raw(
      [
        Buffer.concat([
          Buffer.from('From: '),
          iconv.encode('Kundin', encoding),
          Buffer.from(' <kunde@customer.example>'),
        ]),
        'To: help@shop.example',
        Buffer.concat([Buffer.from('Subject: '), iconv.encode(subject, encoding)]),
        `Message-ID: ${nextId()}`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain',
        'Content-Transfer-Encoding: 8bit',
      ],
      iconv.encode(body, encoding),
    );
    const stored = await receive(message);
    const { ticket, messages } = await ticketOfMail(stored.id);
    expect(messages[0]!.body).toBe(body);
    expect(ticket.subject).toBe(subject);
    expect(messages[0]!.body).not.toContain('\ufffd');
    const original = await inboundRepository.raw(t.handle.db, stored.id!);
    expect(original?.equals(message)).toBe(true);
  });

  it('decodes a body whose label does not fit its bytes', async () => {
    const text = 'Grüße, die Lieferung fehlt.';
    const message = raw(
      [
        'From: Gero <gero@customer.example>',
        'To: help@shop.example',
        'Subject: Mislabelled',
        `Message-ID: ${nextId()}`,
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
      ],
      iconv.encode(text, 'latin1'),
    );
    const { messages } = await ticketOfMail((await receive(message)).id);
    expect(messages[0]!.body).toBe(text);
  });

  async function customerByEmail(email: string): Promise<Customer | undefined> {
    const list = (await t.request(admin, { method: 'GET', url: `/api/v1/customers?q=${email}` })).json();
    return (list.data as Customer[]).find((c) => c.email === email);
  }

  it('never makes a customer of a fragment of a malformed From; falls back to Reply-To, then Sender', async () => {
    const broken = await receive(
      raw(
        [
          'From: "Power Quadrant" <power quadrant system@example.com>',
          'Reply-To: Quinn Power <quinn@power.example>',
          'To: help@shop.example',
          'Subject: Quote request',
          `Message-ID: ${nextId()}`,
        ],
        'Please send a quote.',
      ),
    );
    const { ticket } = await ticketOfMail(broken.id);
    expect(ticket.requester.email).toBe('quinn@power.example');
    expect(await customerByEmail('system@example.com')).toBeUndefined();

    const bySender = await receive(
      raw(
        [
          'From: "Nobody" <not an address>',
          'Sender: Desk Robot <desk@partner.example>',
          'To: help@shop.example',
          'Subject: Via sender',
          `Message-ID: ${nextId()}`,
        ],
        'Hello',
      ),
    );
    expect((await ticketOfMail(bySender.id)).ticket.requester.email).toBe('desk@partner.example');

    const twoFroms = await receive(
      raw(
        [
          'From: <broken@@example>',
          'From: Real Person <real@customer.example>',
          'To: help@shop.example',
          'Subject: Two from headers',
          `Message-ID: ${nextId()}`,
        ],
        'Hello',
      ),
    );
    expect((await ticketOfMail(twoFroms.id)).ticket.requester.email).toBe('real@customer.example');

    const none = await receive(
      raw(['From: "Ghost" <ghost at nowhere>', 'To: help@shop.example', 'Subject: No sender at all'], 'Boo'),
    );
    const failed = await inbound(none.id!);
    expect(failed.status).toBe('failed');
    expect(failed.reason).toMatch(/no valid sender/);
  });

  it('cuts a sender name longer than the API allows', async () => {
    const long = 'Very Long Name '.repeat(40);
    const stored = await receive(
      raw(
        [
          `From: "${long}" <long@customer.example>`,
          'To: help@shop.example',
          'Subject: Long name',
          `Message-ID: ${nextId()}`,
        ],
        'Hi',
      ),
    );
    const { ticket } = await ticketOfMail(stored.id);
    expect(ticket.requester.name.length).toBeLessThanOrEqual(160);
    expect(ticket.requester.name.startsWith('Very Long Name')).toBe(true);
  });

  it('normalises picture types, checks files by content, and keeps signatures, TNEF and invites', async () => {
    const part = (headers: string[], content: Buffer) =>
      ['--mix', ...headers, 'Content-Transfer-Encoding: base64', '', base64Lines(content)].join(CRLF);
    const attached = raw(
      [
        'From: Hal Ito <hal@customer.example>',
        'To: help@shop.example',
        'Subject: Forwarded complaint',
        `Message-ID: ${nextId()}`,
      ],
      'irrelevant',
    );
    const message = raw(
      [
        'From: Hal Ito <hal@customer.example>',
        'To: help@shop.example',
        'Subject: Many files',
        `Message-ID: ${nextId()}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="mix"',
      ],
      [
        '--mix',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Pictures: <img src="cid:a@x"> <img src="cid:b@x"></p>',
        part(
          ['Content-Type: image/jpg; name="photo.jpg"', 'Content-ID: <a@x>', 'Content-Disposition: inline'],
          JPEG,
        ),
        part(['Content-Type: image/pjpeg', 'Content-ID: <b@x>', 'Content-Disposition: inline'], JPEG),
        part(['Content-Type: application/octet-stream; name="scan.bin"'], PNG),
        part(
          ['Content-Type: image/jpeg; name="cute.jpg"'],
          Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00', 'latin1'),
        ),
        part(
          ['Content-Type: application/pkcs7-signature; name="smime.p7s"'],
          Buffer.from([0x30, 0x82, 0x01, 0x00]),
        ),
        part(
          ['Content-Type: application/ms-tnef; name="winmail.dat"'],
          Buffer.from([0x78, 0x9f, 0x3e, 0x22, 1, 0]),
        ),
        part(
          ['Content-Type: text/calendar; method=REQUEST; name="invite.ics"'],
          Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'),
        ),
        ['--mix', 'Content-Type: message/rfc822', '', attached.toString('latin1')].join(CRLF),
        '--mix--',
        '',
      ].join(CRLF),
    );
    const { messages } = await ticketOfMail((await receive(message)).id);
    const files = messages[0]!.attachments;
    const byName = new Map(files.map((f) => [f.filename, f]));
    expect(byName.get('photo.jpg')?.contentType).toBe('image/jpeg');
    expect(byName.get('inline-image-2.jpg')?.contentType).toBe('image/jpeg');
    expect(byName.get('scan.bin')?.contentType).toBe('image/png');
    expect(byName.has('cute.jpg')).toBe(false);
    expect(byName.get('smime.p7s')?.contentType).toBe('application/pkcs7-signature');
    expect(byName.get('winmail.dat')?.contentType).toBe('application/ms-tnef');
    expect(byName.get('invite.ics')?.contentType).toBe('text/calendar');
    expect(byName.get('Forwarded complaint.eml')?.contentType).toBe('message/rfc822');
    for (const inline of ['photo.jpg', 'inline-image-2.jpg'])
      expect(messages[0]!.html).toContain(`src="${byName.get(inline)!.url}"`);
    expect(JSON.stringify(messages[0]!.meta.refusedAttachments)).toContain('cute.jpg');
  });

  /** A delivery report (RFC 3464) about `messageId`, as Postfix sends it. */
  function deliveryReport(
    messageId: string,
    from = 'MAILER-DAEMON@mx.customer.example (Mail Delivery System)',
  ) {
    return raw(
      [
        `From: ${from}`,
        'To: help@shop.example',
        'Subject: Undelivered Mail Returned to Sender',
        `Message-ID: ${nextId()}`,
        'Auto-Submitted: auto-replied',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"',
      ],
      [
        '--dsn',
        'Content-Type: text/plain',
        '',
        "I'm sorry to have to inform you that your message could not be delivered.",
        '--dsn',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.customer.example',
        '',
        'Final-Recipient: rfc822; gone@customer.example',
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 <gone@customer.example>: Recipient address rejected: User unknown',
        '--dsn',
        'Content-Type: text/rfc822-headers',
        '',
        'From: Shop Help <help@shop.example>',
        'To: gone@customer.example',
        `Message-ID: <${messageId}>`,
        'Subject: Re: Where is my parcel?',
        '--dsn--',
        '',
      ].join(CRLF),
    );
  }

  it('marks a reply that bounced after sending as not delivered, and tells its author', async () => {
    const first = await receive(
      raw(
        [
          'From: Gone Soon <gone@customer.example>',
          'To: help@shop.example',
          'Subject: Where is my parcel?',
          `Message-ID: ${nextId()}`,
        ],
        'Still waiting.',
      ),
    );
    const { ticket } = await ticketOfMail(first.id);
    await sendTicketNotifications(t.handle.db, deps.config, 0); // starts the notification cursor
    const agent = await t.signIn('agent');
    const reply = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      payload: { body: 'It is on its way.' },
    });
    expect(reply.statusCode).toBe(201);
    await sendTicketNotifications(t.handle.db, deps.config, 0);
    const sent = await t.handle.db
      .selectFrom('mail_message_ids')
      .innerJoin('mail_outbox', 'mail_outbox.id', 'mail_message_ids.outbox_id')
      .select('mail_message_ids.message_id')
      .where('mail_message_ids.ticket_id', '=', ticket.id)
      .where('mail_outbox.kind', '=', 'agent_replied')
      .executeTakeFirstOrThrow();
    const bounce = await receive(deliveryReport(sent.message_id));
    const report = await inbound(bounce.id!);
    expect(report.status).toBe('ignored');
    expect(report.ticketId).toBe(ticket.id);
    const messages: Message[] = (
      await t.request(agent, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/messages` })
    ).json().data;
    const answered = messages.find((m) => m.kind === 'reply')!;
    expect(answered.delivery).toMatchObject({ status: 'failed' });
    expect(answered.delivery?.error).toMatch(/User unknown/);
    const notes = (await t.request(agent, { method: 'GET', url: '/api/v1/me/notifications' })).json();
    expect(
      notes.data.some(
        (n: { kind: string; ticketId: number }) => n.kind === 'mail_failed' && n.ticketId === ticket.id,
      ),
    ).toBe(true);
  });

  it('still treats a delivery report with a broken sender as a bounce', async () => {
    const stored = await receive(
      deliveryReport('unknown@shop.example', '"Mail Delivery" <mailer daemon@>'),
      '',
    );
    const report = await inbound(stored.id!);
    expect(report.status).toBe('ignored');
    expect(report.reason).toMatch(/Bounce or delivery report/);
    expect(report.ticketId).toBeNull();
  });
});
