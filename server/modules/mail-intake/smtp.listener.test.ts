import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/db';
import { insertMailbox } from '../../seed/factories';
import { createSmtpListener, type SmtpListener } from './smtp.listener';

const silent = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;

/** A self-signed certificate for localhost (valid for a century), so no openssl is needed to test STARTTLS. */
const tlsFixture = path.resolve(import.meta.dirname, '../../../test/helpers/tls');
const selfSigned = {
  keyFile: path.join(tlsFixture, 'localhost.key'),
  certFile: path.join(tlsFixture, 'localhost.crt'),
};

describeEachDatabase('SMTP listener with AUTH and STARTTLS', (t) => {
  let listener: SmtpListener;
  let port: number;

  beforeAll(async () => {
    listener = createSmtpListener(
      t.handle.db,
      {
        port: 0,
        host: '127.0.0.1',
        maxBytes: 100_000,
        auth: { user: 'relay', password: 'relay-password' },
        tls: selfSigned,
      },
      () => {},
      silent,
    );
    port = await listener.listen();
  });
  beforeEach(async () => {
    await insertMailbox(t.handle.db, { address: 'help@tls.example', displayName: 'Help' });
  });
  afterAll(async () => {
    await listener?.close();
  });

  const mail = { from: 'a@customer.example', to: 'help@tls.example', subject: 'Over TLS', text: 'Hello' };
  const client = (auth?: { user: string; pass: string }) =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
      auth,
    });

  it('accepts mail over STARTTLS from an authenticated sender', async () => {
    const sent = await client({ user: 'relay', pass: 'relay-password' }).sendMail(mail);
    expect(sent.response).toMatch(/^250/);
    const stored = await t.handle.db.selectFrom('inbound_mail').select(['subject', 'status']).execute();
    expect(stored).toEqual([{ subject: 'Over TLS', status: 'queued' }]);
  }, 20_000);

  it('refuses a wrong password and a sender who does not authenticate', async () => {
    await expect(client({ user: 'relay', pass: 'wrong-password' }).sendMail(mail)).rejects.toMatchObject({
      responseCode: 535,
    });
    await expect(client().sendMail(mail)).rejects.toMatchObject({ responseCode: 530 });
    expect(await t.handle.db.selectFrom('inbound_mail').select('id').execute()).toEqual([]);
  }, 20_000);
});
