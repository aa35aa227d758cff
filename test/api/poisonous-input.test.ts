import type { FastifyBaseLogger } from 'fastify';
import { expect, it } from 'vitest';
import type { Message, Ticket } from '../../contracts/tickets';
import { mailDelivery } from '../../server/modules/mail-runtime';
import { sendTicketNotifications } from '../../server/modules/notifications';
import { deliverDueMail } from '../../server/platform/mail/outbox';
import { describeApi, sessionFrom, TEST_PASSWORD, testConfig } from '../helpers/app';
import { poisonousBodies } from '../helpers/poison';

const silent = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;
const PORTAL_MAX = 20_000;
const bodies = { ...poisonousBodies, 'a megabyte of dashes': '-'.repeat(1_000_000) };

/**
 * Bodies that overflowed the Markdown renderer's stack or kept it busy for seconds, through every
 * way text comes in: each is refused with 400/413 or stored and shown safely, never a 500, and
 * the notification mail they cause goes out.
 */
describeApi('poisonous message bodies', (t) => {
  it('are refused or rendered safely through tickets, replies, notes, the portal and the contact form', async () => {
    const config = testConfig(t.dataDir);
    const agent = await t.signIn('agent');
    const admin = await t.signIn('admin');
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'pat@customer.example', name: 'Pat', role: 'customer', password: TEST_PASSWORD },
    });
    const pat = sessionFrom(await t.login('pat@customer.example', TEST_PASSWORD), created.json().id);
    await sendTicketNotifications(t.handle.db, config, 0);

    const statuses: string[] = [];
    const seen = (name: string, where: string, status: number) => {
      statuses.push(`${name} ${where}: ${status}`);
      expect(status, `${name} ${where}`).toBeLessThan(500);
      expect([200, 201, 202, 400, 413], `${name} ${where}`).toContain(status);
    };
    for (const [name, body] of Object.entries(bodies)) {
      const opened = await t.request(agent, {
        method: 'POST',
        url: '/api/v1/tickets',
        payload: {
          subject: `Poison: ${name}`,
          requester: { email: 'pat@customer.example', name: 'Pat' },
          message: { body },
          type: 'question',
          priority: 'normal',
        },
      });
      seen(name, 'ticket', opened.statusCode);
      const ticket =
        opened.statusCode === 201
          ? (opened.json() as Ticket)
          : ((
              await t.request(agent, {
                method: 'POST',
                url: '/api/v1/tickets',
                payload: {
                  subject: `Poison: ${name}`,
                  requester: { email: 'pat@customer.example', name: 'Pat' },
                  message: { body: 'Hello' },
                  type: 'question',
                  priority: 'normal',
                },
              })
            ).json() as Ticket);
      for (const kind of ['reply', 'note'] as const) {
        const res = await t.request(agent, {
          method: 'POST',
          url: `/api/v1/tickets/${ticket.id}/messages`,
          payload: { kind, body },
        });
        seen(name, kind, res.statusCode);
      }
      const short = body.slice(0, PORTAL_MAX);
      const portal = await t.request(pat, {
        method: 'POST',
        url: '/api/v1/portal/tickets',
        payload: { subject: `Portal poison: ${name}`, body: short },
      });
      seen(name, 'portal', portal.statusCode);
      if (portal.statusCode === 201) {
        const reply = await t.request(pat, {
          method: 'POST',
          url: `/api/v1/portal/tickets/${portal.json().id}/messages`,
          payload: { body: short },
        });
        seen(name, 'portal reply', reply.statusCode);
      }
      const contact = await t.request(
        { kind: 'anonymous' },
        {
          method: 'POST',
          url: '/api/v1/public/contact',
          payload: {
            name: 'Pat',
            email: 'pat@customer.example',
            subject: `Contact: ${name}`,
            message: short,
          },
        },
      );
      seen(name, 'contact form', contact.statusCode);

      const conversation = await t.request(agent, {
        method: 'GET',
        url: `/api/v1/tickets/${ticket.id}/messages`,
      });
      expect(conversation.statusCode).toBe(200);
      for (const message of conversation.json().data as Message[])
        expect(message.html, name).not.toMatch(/<(script|iframe|svg|img)\b|\son\w+=/i);
    }
    // Every body that fits was stored: the refusals are only for size.
    expect(statuses.filter((s) => /: 4\d\d$/.test(s) && !/megabyte|portal|contact/.test(s))).toEqual([]);

    // The notification mail these replies cause is made and delivered, nothing is held back.
    await new Promise((resolve) => setTimeout(resolve, 5));
    while ((await sendTicketNotifications(t.handle.db, config, 0)) > 0);
    const { hooks, close } = mailDelivery(t.handle.db, config, silent);
    while ((await deliverDueMail(t.handle.db, hooks)) > 0);
    close();
    expect(await t.handle.db.selectFrom('job_failures').selectAll().execute()).toEqual([]);
    const unsent = await t.handle.db
      .selectFrom('mail_outbox')
      .select(['subject', 'status'])
      .where('status', '!=', 'logged')
      .execute();
    expect(unsent).toEqual([]);
  }, 240_000);
});
