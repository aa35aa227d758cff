import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/db';
import { type SmtpSink, startSink } from '../../../test/helpers/smtp';
import { addMinutes, nowIso } from '../clock';
import { enqueueMail } from './outbox';

const root = path.resolve(import.meta.dirname, '../../..');
const MAILS = 60;

/** Starts the delivery worker in its own process; resolves once it is ready to go. */
async function deliveryProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/outbox-worker.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.on('exit', () => reject(new Error('the delivery process ended before it was ready')));
  });
  return { go: () => child.stdin.write('go\n'), exited };
}

describeEachDatabase('outbox delivery from two processes', (t) => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSink(() => false, { delayMs: 40 });
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('delivers every queued mail exactly once, including mail that waited long in the queue', async () => {
    const now = nowIso();
    for (let i = 0; i < MAILS; i += 1) {
      const id = await enqueueMail(t.handle.db, {
        to: `customer${i}@example.com`,
        subject: `Mail ${i}`,
        text: `Body ${i}`,
      });
      // Half the mail has waited 20 minutes: past the lease a sender holds its claim for.
      if (i % 2 === 0)
        await t.handle.db
          .updateTable('mail_outbox')
          .set({ next_attempt_at: addMinutes(now, -20), created_at: addMinutes(now, -20) })
          .where('id', '=', id)
          .execute();
    }
    const database: Record<string, string> =
      t.dialect === 'postgres'
        ? { PG_URL: inject('postgresUrl')!, PG_SCHEMA: t.handle.schema! }
        : { DB_FILE: path.join(t.dataDir, 'test.db') };
    const nodes = await Promise.all(
      ['node-a', 'node-b'].map((owner) => deliveryProcess({ ...database, SMTP_URL: sink.url, OWNER: owner })),
    );
    for (const node of nodes) node.go();
    expect(await Promise.all(nodes.map((n) => n.exited))).toEqual([0, 0]);

    const subjects = sink.messages.map((m) => m.parsed.subject);
    const counts = new Map<string, number>();
    for (const s of subjects) counts.set(s!, (counts.get(s!) ?? 0) + 1);
    expect([...counts.entries()].filter(([, n]) => n > 1)).toEqual([]);
    expect(counts.size).toBe(MAILS);
    const rows = await t.handle.db.selectFrom('mail_outbox').select(['status', 'claimed_by']).execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    // Both processes took part.
    expect(new Set(rows.map((r) => r.claimed_by))).toEqual(new Set(['node-a', 'node-b']));
  });
});
