import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';

export interface SinkMail {
  parsed: ParsedMail;
  raw: Buffer;
  rcptTo: string[];
}

export interface SmtpSink {
  url: string;
  messages: SinkMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server that keeps what it receives; `refuse` answers 550 for chosen recipients;
 * `delayMs` makes it slow to accept each mail, as a busy server is.
 */
export async function startSink(
  refuse: (rcpt: string) => boolean = () => false,
  options: { delayMs?: number } = {},
): Promise<SmtpSink> {
  const messages: SinkMail[] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onRcptTo(address, _session, callback) {
      if (refuse(address.address)) {
        return callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then((parsed) => {
          messages.push({ parsed, raw, rcptTo: session.envelope.rcptTo.map((r) => r.address) });
          setTimeout(() => callback(), options.delayMs ?? 0);
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A mail client that talks to our listener in plain SMTP, as a sending MTA would. */
export function smtpClient(port: number) {
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: false });
}
