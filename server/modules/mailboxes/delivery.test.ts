import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobFailure, JobFailuresPage } from '../../../contracts/jobs';
import type { Message, Ticket } from '../../../contracts/tickets';
import { type Auth, describeApi, type TestApp, testConfig } from '../../../test/helpers/app';
import { type SmtpSink, startSink } from '../../../test/helpers/smtp';
import { deliverDueMail } from '../../platform/mail/outbox';
import { mailDelivery } from '../mail-runtime';
import { sendTicketNotifications } from '../notifications';

const silent = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;

async function openAndReply(t: TestApp, agent: Auth, email: string): Promise<Ticket> {
  const ticket = (
    await t.request(agent, {
      method: 'POST',
      url: '/api/v1/tickets',
      payload: {
        subject: `Question from ${email}`,
        requester: { email, name: 'Customer' },
        message: { body: 'Hello' },
        type: 'question',
        priority: 'normal',
      },
    })
  ).json() as Ticket;
  await t.request(agent, {
    method: 'POST',
    url: `/api/v1/tickets/${ticket.id}/messages`,
    payload: { body: 'Here is the answer.' },
  });
  await new Promise((resolve) => setTimeout(resolve, 5));
  return ticket;
}

describeApi('mail the server refuses for good', (t) => {
  let sink: SmtpSink;
  let refusing = true;
  beforeAll(async () => {
    sink = await startSink((rcpt) => refusing && rcpt.startsWith('gone@'));
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('is kept as a dead letter an admin can retry, and is then delivered once', async () => {
    const config = testConfig(t.dataDir, { SMTP_URL: sink.url });
    const admin = await t.signIn('admin');
    await sendTicketNotifications(t.handle.db, config, 0);
    const ticket = await openAndReply(t, admin, 'gone@customer.example');
    const deliver = async () => {
      await sendTicketNotifications(t.handle.db, config, 0);
      const { hooks, close } = mailDelivery(t.handle.db, config, silent);
      await deliverDueMail(t.handle.db, hooks);
      close();
    };
    await deliver();
    const dead = (
      (
        await t.request(admin, { method: 'GET', url: '/api/v1/job-failures?status=dead' })
      ).json() as JobFailuresPage
    ).data;
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ job: 'mail', status: 'dead', label: expect.stringContaining('gone@') });
    expect(dead[0]!.lastError).toMatch(/550/);

    refusing = false;
    const retried = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/job-failures/${dead[0]!.id}/retry`,
    });
    expect((retried.json() as JobFailure).status).toBe('retrying');
    await deliver();
    await deliver();
    const reply = (
      (await t.request(admin, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/messages` })).json()
        .data as Message[]
    ).find((m) => m.kind === 'reply');
    expect(reply?.delivery).toMatchObject({ status: 'sent' });
    expect(sink.messages.filter((m) => m.rcptTo.includes('gone@customer.example'))).toHaveLength(1);
    expect(
      ((await t.request(admin, { method: 'GET', url: '/api/v1/job-failures' })).json() as JobFailuresPage)
        .data,
    ).toEqual([]);
  });
});

describeApi('delivery without a mail server', (t) => {
  it('shows a reply that was only written to the log as logged, not sent', async () => {
    const config = testConfig(t.dataDir); // no SMTP_URL, and the ticket has no mailbox
    const agent = await t.signIn('agent');
    await sendTicketNotifications(t.handle.db, config, 0);
    const ticket = (
      await t.request(agent, {
        method: 'POST',
        url: '/api/v1/tickets',
        payload: {
          subject: 'Printer',
          requester: { email: 'pat@customer.example', name: 'Pat' },
          message: { body: 'It jams' },
          type: 'question',
          priority: 'normal',
        },
      })
    ).json() as Ticket;
    await t.request(agent, {
      method: 'POST',
      url: `/api/v1/tickets/${ticket.id}/messages`,
      payload: { body: 'Please try the other tray.' },
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await sendTicketNotifications(t.handle.db, config, 0);
    const { hooks, close } = mailDelivery(t.handle.db, config, silent);
    await deliverDueMail(t.handle.db, hooks);
    close();
    const messages = (
      await t.request(agent, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/messages` })
    ).json().data as Message[];
    const reply = messages.find((m) => m.kind === 'reply');
    expect(reply?.delivery).toMatchObject({ status: 'logged', to: ['pat@customer.example'], error: null });
  });
});
