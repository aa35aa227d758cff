import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, inject, it } from 'vitest';
import type { TicketEvent } from '../../../contracts/tickets';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';

const root = path.resolve(import.meta.dirname, '../../..');
const TICKETS = 30;
const HOUR = 3_600_000;

/** An automation sweeper in its own process; resolves once it is ready to go. */
async function sweeper(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/automation-worker.ts'], {
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
  const acted = () => Number(/acted (\d+)/.exec(output)?.[1] ?? -1);
  return { go: () => child.stdin.write('go\n'), exited, acted };
}

describeApi('automations on two nodes', (t) => {
  it('each ticket is acted on exactly once while two processes run the same automation', async () => {
    const manager: Auth = await t.signIn('manager');
    const created = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/automations',
      payload: {
        name: 'Pending three days: remind',
        conditions: { all: [{ field: 'hours_since_pending', operator: 'at_least', value: 72 }], any: [] },
        actions: [
          { type: 'note', body: 'Reminder sent to {{customer.name}}' },
          { type: 'add_tags', tags: ['reminded'] },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const ids: number[] = [];
    for (let i = 0; i < TICKETS; i += 1) {
      const ticket = await openTicket(t, manager, {
        subject: `Order ${i}`,
        requester: { email: `c${i}@customer.example`, name: `Customer ${i}` },
        status: 'pending',
      });
      ids.push(ticket.id);
    }
    const database: Record<string, string> =
      t.dialect === 'postgres'
        ? { PG_URL: inject('postgresUrl')!, PG_SCHEMA: t.handle.schema! }
        : { DB_FILE: path.join(t.dataDir, 'test.db') };
    const now = String(Date.now() + 100 * HOUR);
    const nodes = await Promise.all([sweeper({ ...database, NOW: now }), sweeper({ ...database, NOW: now })]);
    for (const node of nodes) node.go();
    expect(await Promise.all(nodes.map((n) => n.exited))).toEqual([0, 0]);
    expect(nodes[0]!.acted() + nodes[1]!.acted()).toBe(TICKETS);
    for (const id of ids) {
      const events = (await t.request(manager, { method: 'GET', url: `/api/v1/tickets/${id}/events` })).json()
        .data as TicketEvent[];
      expect(
        events.filter((e) => e.type === 'automation_acted'),
        `ticket ${id}`,
      ).toHaveLength(1);
      expect(
        events.filter((e) => e.type === 'note_added'),
        `ticket ${id}`,
      ).toHaveLength(1);
    }
    const claims = await t.handle.db
      .selectFrom('automation_claims')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(claims.n)).toBe(TICKETS);
  });
});
