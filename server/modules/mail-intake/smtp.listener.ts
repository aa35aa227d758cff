import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { safeEqual } from '../../platform/crypto';
import { mailboxAddressExists } from '../mailboxes';
import { storeInboundMail } from './inbound.store';

/** An SMTP reply with its code, e.g. 550 for an unknown mailbox. */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The message's bytes, or null once it grew past `maxBytes`: from then on the rest is read and
 * dropped as it streams, so an oversized message never sits in memory.
 */
function readAll(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] | null = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) chunks = null;
      else chunks?.push(chunk);
    });
    stream.on('end', () => resolve(chunks && !stream.sizeExceeded ? Buffer.concat(chunks, size) : null));
    stream.on('error', reject);
  });
}

export interface SmtpListener {
  server: SMTPServer;
  listen(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The built-in SMTP listener. It accepts mail only for our mailboxes (others are refused at
 * RCPT), refuses oversized messages, and answers 250 only once the raw message is stored.
 */
export function createSmtpListener(
  db: Db,
  config: Config['smtp'],
  onStored: () => void,
  log: FastifyBaseLogger,
): SmtpListener {
  const server = new SMTPServer({
    name: 'steward',
    banner: 'Steward mail intake',
    size: config.maxBytes,
    logger: false,
    authOptional: !config.auth,
    disabledCommands: [...(config.auth ? [] : ['AUTH']), ...(config.tls ? [] : ['STARTTLS'])],
    allowInsecureAuth: !config.tls,
    ...(config.tls
      ? { key: fs.readFileSync(config.tls.keyFile), cert: fs.readFileSync(config.tls.certFile) }
      : {}),
    onAuth(auth, _session, callback) {
      const ok =
        config.auth !== null &&
        safeEqual(auth.username ?? '', config.auth.user) &&
        safeEqual(auth.password ?? '', config.auth.password);
      callback(
        ok ? null : smtpError(535, '5.7.8 Authentication credentials invalid'),
        ok ? { user: auth.username } : undefined,
      );
    },
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      mailboxAddressExists(db, to)
        .then((known) => callback(known ? undefined : smtpError(550, `5.1.1 <${to}>: no such mailbox here`)))
        .catch(() => callback(smtpError(451, '4.3.0 Temporary problem, try again later')));
    },
    onData(stream, session, callback) {
      readAll(stream, config.maxBytes)
        .then(async (raw) => {
          if (!raw) {
            return callback(smtpError(552, `5.3.4 Message too big: the limit is ${config.maxBytes} bytes`));
          }
          const stored = await storeInboundMail(db, {
            raw,
            source: 'smtp',
            mailboxId: null,
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            recipients: session.envelope.rcptTo.map((r) => r.address),
          });
          callback(null, stored.duplicate ? 'Already received' : `Queued as ${stored.id}`);
          if (!stored.duplicate) onStored();
        })
        .catch((error: unknown) => {
          log.error({ err: error }, 'could not store a received mail');
          callback(smtpError(451, '4.3.0 Could not store the message, try again later'));
        });
    },
  });
  server.on('error', (error) => log.warn({ err: error }, 'SMTP listener error'));
  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(config.port ?? 2525, config.host, () => {
          server.server.off('error', reject);
          resolve((server.server.address() as AddressInfo).port);
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
