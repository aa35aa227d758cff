import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/db';
import { insertMailbox } from '../../seed/factories';
import { createSmtpListener, type SmtpListener } from './smtp.listener';

const silent = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;
const LIMIT = 1024 * 1024;
const SENT_MB = 48;

v8.setFlagsFromString('--expose-gc');
/** A full collection, so what is measured is memory still held, not garbage not yet collected. */
const collect = vm.runInNewContext('gc') as () => void;

/** Talks SMTP line by line and streams a DATA body of `mb` megabytes generated on the fly. */
async function sendHuge(port: number, mb: number, onChunk: () => void): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  let buffer = '';
  const waitFor = (code: string) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const lines = buffer.split('\r\n');
        const hit = lines.find((l) => l.startsWith(`${code} `));
        if (hit) {
          buffer = '';
          socket.off('data', onData);
          resolve(hit);
        } else if (lines.some((l) => /^[45]\d\d /.test(l))) {
          socket.off('data', onData);
          resolve(lines.find((l) => /^[45]\d\d /.test(l))!);
        }
      };
      const onData = (d: Buffer) => {
        buffer += d.toString();
        check();
      };
      socket.on('data', onData);
      socket.once('error', reject);
      check();
    });
  await waitFor('220');
  socket.write('EHLO client.example\r\n');
  await waitFor('250');
  socket.write('MAIL FROM:<big@customer.example>\r\n');
  await waitFor('250');
  socket.write('RCPT TO:<help@shop.example>\r\n');
  await waitFor('250');
  socket.write('DATA\r\n');
  await waitFor('354');
  socket.write('From: big@customer.example\r\nSubject: huge\r\n\r\n');
  const line = `${'x'.repeat(998)}\r\n`;
  const chunk = Buffer.from(line.repeat((1024 * 1024) / line.length + 1));
  for (let i = 0; i < mb; i += 1) {
    if (!socket.write(chunk)) await new Promise((resolve) => socket.once('drain', resolve));
    onChunk();
  }
  socket.write('\r\n.\r\n');
  const answer = await waitFor('250');
  socket.end();
  return answer;
}

describeEachDatabase('SMTP listener and oversized mail', (t) => {
  let listener: SmtpListener;
  let port: number;
  beforeAll(async () => {
    listener = createSmtpListener(
      t.handle.db,
      { port: 0, host: '127.0.0.1', maxBytes: LIMIT, auth: null, tls: null },
      () => {},
      silent,
    );
    port = await listener.listen();
  });
  afterAll(() => listener?.close());

  it(`refuses ${SENT_MB} MB over a 1 MB limit with 552 while keeping almost none of it in memory`, {
    timeout: 120_000,
  }, async () => {
    await insertMailbox(t.handle.db, { address: 'help@shop.example' });
    collect();
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sample = () => {
      collect();
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    };
    const answer = await sendHuge(port, SENT_MB, sample);
    sample();
    expect(answer).toMatch(/^552 /);
    // Kept bytes would be SENT_MB of growth; streaming drops them as they come.
    expect((peak - before) / 1024 / 1024).toBeLessThan(SENT_MB / 3);
    const stored = await t.handle.db.selectFrom('inbound_mail').select('id').execute();
    expect(stored).toHaveLength(0);
  });
});
