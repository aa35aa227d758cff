// The email channel's bench: messages per second from SMTP DATA accepted to the ticket visible
// through the API, with 10 concurrent SMTP clients, next to a bare smtp-server that discards mail.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs';

const root = path.resolve(import.meta.dirname, '..');
export const MAIL_MESSAGES = Number(process.env.BENCH_MAILS ?? 3000);
const CLIENTS = 10;

export interface MailRow {
  target: string;
  scenario: string;
  connections: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!) : 0;

/** Sends `count` realistic messages over `CLIENTS` connections; answers each SMTP transaction's duration. */
async function sendBurst(port: number, count: number, to: string) {
  const durations: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const client = nodemailer.createTransport({
        host: '127.0.0.1',
        port,
        ignoreTLS: true,
        pool: true,
        maxConnections: 1,
        maxMessages: Number.POSITIVE_INFINITY,
      });
      for (let i = c; i < count; i += CLIENTS) {
        const started = performance.now();
        try {
          await client.sendMail({
            from: `Customer ${i % 700} <customer${i % 700}@mail${i % 13}.example>`,
            to,
            subject: i % 4 === 0 ? `Re: [#${1 + (i % 50)}] Still waiting` : `Order SO-${i} arrived damaged`,
            text: `Hello,\n\nmy order SO-${i} arrived with a cracked lid. Can you send a replacement?\n\nThanks\n\nOn Monday Support wrote:\n> We received your request`,
            html: `<p>Hello,</p><p>my order <b>SO-${i}</b> arrived with a cracked lid. Can you send a replacement?</p><div class="gmail_quote">On Monday Support wrote: <blockquote>We received your request</blockquote></div>`,
            messageId: `<bench-${process.pid}-${i}@mail.example>`,
          });
          durations.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
      client.close();
    }),
  );
  return { durations: durations.sort((a, b) => a - b), errors };
}

/** Bare smtp-server that reads and discards every message: the ceiling for the protocol itself. */
export async function benchBareSmtp(): Promise<MailRow> {
  const port = await freePort();
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const started = performance.now();
  const { durations, errors } = await sendBurst(port, MAIL_MESSAGES, 'support@bench.example');
  const seconds = (performance.now() - started) / 1000;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    target: 'baseline',
    scenario: `bare smtp-server, mail discarded (${MAIL_MESSAGES} messages)`,
    connections: CLIENTS,
    reqPerSec: Math.round(MAIL_MESSAGES / seconds),
    p50: percentile(durations, 50),
    p99: percentile(durations, 99),
    errors,
  };
}

async function api(base: string, token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await res.json()) as Record<string, unknown>;
}

/**
 * Steward with its SMTP listener and background work on, on the database the other scenarios
 * used: a burst of mail, timed until the last message is a ticket the API shows.
 */
export async function benchStewardMail(
  target: string,
  env: Record<string, string>,
  token: string,
): Promise<MailRow> {
  const [httpPort, smtpPort] = [await freePort(), await freePort()];
  const server: ChildProcess = spawn('node', [...SERVER_NODE_FLAGS, 'scripts/serve.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(httpPort),
      SMTP_PORT: String(smtpPort),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      BACKGROUND_JOBS: 'true',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${httpPort}`;
  try {
    for (let i = 0; i < 300; i += 1) {
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await api(base, token, 'POST', '/api/v1/mailboxes', {
      address: 'support@bench.example',
      displayName: 'Bench support',
    });
    await api(base, token, 'PATCH', '/api/v1/settings/mail', { senderLimitPerHour: 10_000 });
    const started = performance.now();
    const { durations, errors } = await sendBurst(smtpPort, MAIL_MESSAGES, 'support@bench.example');
    let processed = 0;
    for (let i = 0; i < 6000; i += 1) {
      const { counts } = (await api(base, token, 'GET', '/api/v1/inbound-mail?limit=1')) as {
        counts: { queued: number; processed: number };
      };
      processed = counts.processed;
      if (counts.queued === 0 && processed >= MAIL_MESSAGES - errors) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      target,
      scenario: `SMTP DATA accepted → ticket visible in the API (${MAIL_MESSAGES} messages, ${processed} tickets/replies)`,
      connections: CLIENTS,
      reqPerSec: Math.round(processed / seconds),
      p50: percentile(durations, 50),
      p99: percentile(durations, 99),
      errors,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}
