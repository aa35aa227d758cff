import { beforeEach, expect, it } from 'vitest';
import type { TicketCopies } from '../../../contracts/mail';
import type { Message } from '../../../contracts/tickets';
import { describeApi, testConfig } from '../../../test/helpers/app';
import type { AppDeps } from '../../platform/deps';
import { localBus } from '../../platform/live/bus';
import { processInboundMail, storeInboundMail } from '../mail-intake';
import { sendTicketNotifications } from '../notifications';

const SUPPORT = 'support@acme.example';
const DANA = 'dana@customer.example';

interface RawMail {
  from: string;
  subject: string;
  messageId: string;
  cc?: string;
  inReplyTo?: string;
  /** Authentication-Results added by our receiving server, above its Received line. */
  authResults?: string;
}

function raw(mail: RawMail): string {
  return [
    ...(mail.authResults ? [`Authentication-Results: mx.acme.example; ${mail.authResults}`] : []),
    'Received: from mail.sender.example by mx.acme.example; Tue, 1 Dec 2026 10:00:00 +0000',
    `From: ${mail.from}`,
    `To: ${SUPPORT}`,
    ...(mail.cc ? [`Cc: ${mail.cc}`] : []),
    `Subject: ${mail.subject}`,
    `Message-ID: <${mail.messageId}>`,
    ...(mail.inReplyTo ? [`In-Reply-To: <${mail.inReplyTo}>`, `References: <${mail.inReplyTo}>`] : []),
    'Date: Tue, 1 Dec 2026 10:00:00 +0000',
    '',
    `Text of ${mail.subject}`,
  ].join('\r\n');
}

describeApi('copies on ticket mail', (t) => {
  let deps: AppDeps;
  let admin: Awaited<ReturnType<typeof t.signIn>>;
  let agent: Awaited<ReturnType<typeof t.signIn>>;

  beforeEach(async () => {
    deps = { db: t.handle.db, config: testConfig(t.dataDir), live: localBus() };
    admin = await t.signIn('admin');
    agent = await t.signIn('agent');
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/mailboxes',
      payload: { address: SUPPORT, displayName: 'Acme Support', autoAck: false },
    });
    expect(res.statusCode).toBe(201);
    await sendTicketNotifications(t.handle.db, deps.config, 0); // starts the notifier's cursor
  });

  async function receive(mail: RawMail): Promise<number> {
    const sender = mail.from.replace(/^.*</, '').replace(/>$/, '');
    await storeInboundMail(t.handle.db, {
      raw: Buffer.from(raw(mail)),
      source: 'smtp',
      mailboxId: null,
      envelopeFrom: sender,
      recipients: [SUPPORT],
    });
    await processInboundMail(deps);
    const row = await t.handle.db
      .selectFrom('inbound_mail')
      .select(['ticket_id', 'status', 'reason'])
      .where('message_id', '=', mail.messageId)
      .executeTakeFirstOrThrow();
    expect(row.ticket_id, `${row.status}: ${row.reason}`).not.toBeNull();
    return row.ticket_id!;
  }

  const copiesOf = async (ticketId: number): Promise<TicketCopies> => {
    const res = await t.request(agent, { method: 'GET', url: `/api/v1/tickets/${ticketId}/copies` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  /** An agent replies; answers who the mail with the reply goes to in copy. */
  async function replyCc(ticketId: number, body: string): Promise<string[]> {
    const res = await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticketId}/messages`,
      payload: { body },
    });
    expect(res.statusCode, res.body).toBe(201);
    await sendTicketNotifications(t.handle.db, deps.config, 0);
    const mail = await t.handle.db
      .selectFrom('mail_outbox')
      .select(['cc', 'to_address'])
      .where('kind', '=', 'agent_replied')
      .where('text_body', 'like', `%${body}%`)
      .executeTakeFirstOrThrow();
    expect(mail.to_address).toBe(DANA);
    return mail.cc ? (JSON.parse(mail.cc) as string[]).sort() : [];
  }

  const open = () =>
    receive({
      from: `Dana <${DANA}>`,
      subject: 'Broken blender',
      messageId: 'first@customer.example',
      cc: 'boss@customer.example',
    });

  it("keeps the first mail's copies: the requester chose them", async () => {
    const ticketId = await open();
    expect(await copiesOf(ticketId)).toEqual({ copies: ['boss@customer.example'], suggestions: [] });
    expect(await replyCc(ticketId, 'A new blender is on its way')).toEqual(['boss@customer.example']);
  });

  it('a forged requester mail failing DMARC only suggests its copy, shown as suspicious', async () => {
    const ticketId = await open();
    const hijack = await receive({
      from: `Dana <${DANA}>`,
      subject: `Re: Broken blender [#${ticketId}]`,
      messageId: 'forged@attacker.example',
      cc: 'thief@attacker.example',
      authResults:
        'spf=fail smtp.mailfrom=attacker.example; dkim=none; dmarc=fail header.from=customer.example',
    });
    expect(hijack).toBe(ticketId);
    const copies = await copiesOf(ticketId);
    expect(copies.copies).toEqual(['boss@customer.example']);
    expect(copies.suggestions.map((s) => [s.address, s.from])).toEqual([['thief@attacker.example', DANA]]);
    expect(await replyCc(ticketId, 'Your refund is on its way')).toEqual(['boss@customer.example']);

    const messages: Message[] = (
      await t.request(agent, { method: 'GET', url: `/api/v1/tickets/${ticketId}/messages` })
    ).json().data;
    const forged = messages.find((m) => m.id === copies.suggestions[0]!.messageId);
    expect((forged!.meta.email as Record<string, unknown>).authentication).toEqual({
      spf: 'fail',
      dkim: 'none',
      dmarc: 'fail',
      suspicious: true,
    });
  });

  it('a mail from someone the ticket does not trust suggests; an agent adds, dismisses and removes', async () => {
    const ticketId = await open();
    await receive({
      from: 'mallory@elsewhere.example',
      subject: 'Re: Broken blender',
      messageId: 'third@elsewhere.example',
      inReplyTo: 'first@customer.example',
      cc: 'eve@elsewhere.example, friend@elsewhere.example',
    });
    const suggested = await copiesOf(ticketId);
    expect(suggested.copies).toEqual(['boss@customer.example']);
    expect(suggested.suggestions.map((s) => s.address)).toEqual([
      'eve@elsewhere.example',
      'friend@elsewhere.example',
    ]);
    expect(await replyCc(ticketId, 'Checking with the warehouse')).toEqual(['boss@customer.example']);

    const patch = (payload: Record<string, string[]>) =>
      t.request(agent, { method: 'PATCH', url: `/api/v1/tickets/${ticketId}/copies`, payload });
    const added = await patch({ add: ['friend@elsewhere.example'], dismiss: ['eve@elsewhere.example'] });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toEqual({
      copies: ['boss@customer.example', 'friend@elsewhere.example'],
      suggestions: [],
    });
    expect(await replyCc(ticketId, 'The warehouse found it')).toEqual([
      'boss@customer.example',
      'friend@elsewhere.example',
    ]);

    const removed = await patch({ remove: ['boss@customer.example'] });
    expect(removed.json().copies).toEqual(['friend@elsewhere.example']);
    expect(await replyCc(ticketId, 'Shipped today')).toEqual(['friend@elsewhere.example']);

    // Our own mailboxes and the requester are never copies; the change is audited.
    const refused = await patch({ add: [SUPPORT] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    expect((await patch({ add: [DANA] })).statusCode).toBe(400);
    const audit = await t.request(admin, { method: 'GET', url: '/api/v1/audit-log?limit=200' });
    const entries = (audit.json().data as { action: string }[]).filter(
      (e) => e.action === 'ticket.copies_changed',
    );
    expect(entries).toHaveLength(2);
  });

  it('a later mail from the requester that passes adds its copies, and an accepted copy is trusted', async () => {
    const ticketId = await open();
    await receive({
      from: DANA,
      subject: `Re: Broken blender [#${ticketId}]`,
      messageId: 'second@customer.example',
      cc: 'partner@customer.example',
      authResults: 'spf=pass; dkim=pass header.d=customer.example; dmarc=pass header.from=customer.example',
    });
    expect((await copiesOf(ticketId)).copies).toEqual(['boss@customer.example', 'partner@customer.example']);
    // boss@ is a copy the ticket trusts: the address they add joins too.
    await receive({
      from: 'boss@customer.example',
      subject: 'Re: Broken blender',
      messageId: 'boss@customer.example',
      inReplyTo: 'second@customer.example',
      cc: 'lawyer@customer.example',
    });
    expect((await copiesOf(ticketId)).copies).toContain('lawyer@customer.example');
  });

  it('a new ticket opened by a mail failing DMARC only suggests its copies', async () => {
    const ticketId = await receive({
      from: DANA,
      subject: 'Please refund me',
      messageId: 'spoofed-new@attacker.example',
      cc: 'thief@attacker.example',
      authResults: 'dmarc=fail header.from=customer.example',
    });
    const copies = await copiesOf(ticketId);
    expect(copies.copies).toEqual([]);
    expect(copies.suggestions.map((s) => s.address)).toEqual(['thief@attacker.example']);
  });
});
