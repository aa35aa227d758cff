import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMail, Mailbox } from '../../../contracts/mail';
import { describeApi, testConfig } from '../../../test/helpers/app';
import { startDovecot, type TestImapServer } from '../../../test/helpers/dovecot';
import { skipWithoutDovecot } from '../../../test/helpers/tiers';
import { localBus } from '../../platform/live/bus';
import { pollDueMailboxes } from './imap.job';
import { processInboundMail } from './ingest.service';

const silent = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;

const message = (id: string, subject: string) =>
  [
    'From: Gil Ortega <gil@customer.example>',
    'To: support@example.test',
    `Subject: ${subject}`,
    `Message-ID: <${id}@customer.example>`,
    'Date: Mon, 23 Nov 2026 10:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Body of ${subject}.`,
    '',
  ].join('\r\n');

describe.skipIf(skipWithoutDovecot())('IMAP mailboxes', () => {
  describeApi('email channel over IMAP (a real dovecot)', (t) => {
    let imap: TestImapServer;
    beforeAll(async () => {
      imap = await startDovecot();
    });
    afterAll(async () => {
      await imap?.stop();
    });

    it('polls a mailbox, turns its mail into tickets and moves it to the processed folder', async () => {
      const folder = `Inbox${t.handle.dialect}`;
      await imap.append(message(`a-${t.handle.dialect}`, 'Invoice is wrong'), folder);
      await imap.append(message(`b-${t.handle.dialect}`, 'Delivery is late'), folder);
      const admin = await t.signIn('admin');
      const created = await t.request(admin, {
        method: 'POST',
        url: '/api/v1/mailboxes',
        payload: {
          address: 'support@example.test',
          displayName: 'Support',
          inboundMethod: 'imap',
          imap: {
            host: imap.host,
            port: imap.port,
            secure: false,
            user: imap.user,
            password: imap.password,
            folder,
            processedFolder: `Done${t.handle.dialect}`,
            intervalSeconds: 60,
          },
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const mailbox = created.json() as Mailbox;
      expect(JSON.stringify(mailbox)).not.toContain(imap.password);

      expect(await pollDueMailboxes(t.handle.db, silent, () => {})).toBe(2);
      // Not due again until its interval has passed.
      expect(await pollDueMailboxes(t.handle.db, silent, () => {})).toBe(0);
      const deps = {
        db: t.handle.db,
        config: testConfig(t.dataDir),
        live: localBus(),
      };
      expect(await processInboundMail(deps)).toBe(2);

      const mail = (await t.request(admin, { method: 'GET', url: '/api/v1/inbound-mail' })).json()
        .data as InboundMail[];
      expect(mail.map((m) => [m.source, m.status, m.mailbox?.id])).toEqual([
        ['imap', 'processed', mailbox.id],
        ['imap', 'processed', mailbox.id],
      ]);
      const tickets = (await t.request(admin, { method: 'GET', url: '/api/v1/tickets?limit=10' })).json()
        .data as {
        subject: string;
        channel: string;
      }[];
      expect(tickets.map((x) => x.subject).sort()).toEqual(['Delivery is late', 'Invoice is wrong']);
      expect(await imap.list(folder)).toHaveLength(0);
      expect(await imap.list(`Done${t.handle.dialect}`)).toHaveLength(2);
      const after = (
        await t.request(admin, { method: 'GET', url: `/api/v1/mailboxes/${mailbox.id}` })
      ).json() as Mailbox;
      expect(after.imap?.lastPolledAt).toBeTruthy();
      expect(after.imap?.lastError).toBeNull();
    });

    it('records a sign-in failure on the mailbox without losing anything', async () => {
      const admin = await t.signIn('admin');
      const created = await t.request(admin, {
        method: 'POST',
        url: '/api/v1/mailboxes',
        payload: {
          address: 'wrong@example.test',
          displayName: 'Wrong',
          inboundMethod: 'imap',
          imap: {
            host: imap.host,
            port: imap.port,
            secure: false,
            user: imap.user,
            password: 'not-the-password',
          },
        },
      });
      expect(await pollDueMailboxes(t.handle.db, silent, () => {})).toBe(0);
      const after = (
        await t.request(admin, { method: 'GET', url: `/api/v1/mailboxes/${created.json().id}` })
      ).json() as Mailbox;
      expect(after.imap?.lastError).toMatch(/sign-in|auth/i);
    });
  });
});
