import type { FastifyBaseLogger } from 'fastify';
import { expect, it } from 'vitest';
import type { Message, Ticket } from '../../../contracts/tickets';
import { describeApi, testConfig } from '../../../test/helpers/app';
import { deliverDueMail } from '../../platform/mail/outbox';
import { deliveryHooks } from './delivery';
import { sendTicketNotifications } from './notify.job';

const silent = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;

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
    const { hooks, close } = deliveryHooks(t.handle.db, config, silent);
    await deliverDueMail(t.handle.db, hooks);
    close();
    const messages = (
      await t.request(agent, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/messages` })
    ).json().data as Message[];
    const reply = messages.find((m) => m.kind === 'reply');
    expect(reply?.delivery).toMatchObject({ status: 'logged', to: ['pat@customer.example'], error: null });
  });
});
