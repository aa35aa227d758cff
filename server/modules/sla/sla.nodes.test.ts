import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, inject, it } from 'vitest';
import { type Auth, describeApi } from '../../../test/helpers/app';

const root = path.resolve(import.meta.dirname, '../../..');
const TICKETS = 30;
const DAY = 86_400_000;

/** A sweeper in its own process; resolves once it is ready to go. */
async function sweeper(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/sla-worker.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve();
    });
    child.on('exit', () => reject(new Error('the sweeper ended before it was ready')));
  });
  /** Rows the sweeper looked at, once it has exited. */
  const swept = () => Number(/swept (\d+)/.exec(output)?.[1] ?? 0);
  return { go: () => child.stdin.write('go\n'), exited, swept };
}

describeApi('service-level sweep on two nodes', (t) => {
  it('records each breach, notifies and escalates exactly once while two processes sweep the same clocks', async () => {
    const manager: Auth = await t.signIn('manager');
    const policy = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/sla-policies',
      payload: {
        name: 'Standard',
        targets: {
          normal: {
            first_reply: { minutes: 60, businessHours: false },
            resolution: { minutes: 600, businessHours: false },
          },
        },
        onBreach: { raisePriority: true },
      },
    });
    expect(policy.statusCode, policy.body).toBe(201);
    for (let i = 0; i < TICKETS; i += 1) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/contact',
        payload: {
          name: `Customer ${i}`,
          email: `c${i}@customer.example`,
          subject: `Order ${i}`,
          message: 'Where is it?',
        },
      });
      expect(res.statusCode, res.body).toBe(202);
    }
    const database: Record<string, string> =
      t.dialect === 'postgres'
        ? { PG_URL: inject('postgresUrl')!, PG_SCHEMA: t.handle.schema! }
        : { DB_FILE: path.join(t.dataDir, 'test.db') };
    const now = String(Date.now() + DAY);
    const nodes = await Promise.all([sweeper({ ...database, NOW: now }), sweeper({ ...database, NOW: now })]);
    for (const node of nodes) node.go();
    expect(await Promise.all(nodes.map((n) => n.exited))).toEqual([0, 0]);
    // Both went through the due clocks: each saw rows the other was claiming.
    for (const node of nodes) expect(node.swept()).toBeGreaterThan(0);

    const events = await t.handle.db
      .selectFrom('sla_events')
      .select(['ticket_id', 'type', 'metric'])
      .execute();
    const count = (type: string) => {
      const perTicket = new Map<number, number>();
      for (const e of events)
        if (e.type === type) perTicket.set(e.ticket_id, (perTicket.get(e.ticket_id) ?? 0) + 1);
      return [...perTicket.values()];
    };
    // Two targets missed on every ticket: two breaches, two escalations, no more.
    expect(count('breached')).toEqual(Array(TICKETS).fill(2));
    expect(count('escalated')).toEqual(Array(TICKETS).fill(2));
    const bell = await t.handle.db
      .selectFrom('notifications')
      .select(['ticket_id', 'user_id'])
      .where('kind', '=', 'sla_breach')
      .execute();
    expect(bell).toHaveLength(TICKETS * 2);
    expect(new Set(bell.map((b) => b.user_id))).toEqual(
      new Set([manager.kind === 'session' ? manager.userId : 0]),
    );
    const raised = await t.handle.db
      .selectFrom('ticket_events')
      .select(['ticket_id'])
      .where('type', '=', 'priority_changed')
      .execute();
    expect(raised).toHaveLength(TICKETS * 2);
  }, 120_000);
});
