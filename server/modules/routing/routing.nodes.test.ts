import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, inject, it } from 'vitest';
import { describeApi } from '../../../test/helpers/app';
import { insertTeam } from '../../seed/factories';

const root = path.resolve(import.meta.dirname, '../../..');
const PER_NODE = 60;

/** A node opening tickets in its own process; resolves once it is ready to go. */
async function node(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/routing-worker.ts'], {
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
    child.on('exit', () => reject(new Error('the node ended before it was ready')));
  });
  return { go: () => child.stdin.write('go\n'), exited };
}

describeApi('round robin on two nodes', (t) => {
  // Several nodes share one PostgreSQL (ENGINEERING.md, scale-out); SQLite serves one process,
  // where a second writer's read-then-write transaction is refused ("database is locked").
  it.skipIf(t.dialect !== 'postgres')(
    'two processes opening tickets in one team at once take turns fairly: one cursor, in the database',
    async () => {
      const agents = [];
      for (const name of ['Amara', 'Bo', 'Chen']) {
        const auth = await t.signIn('agent', { name });
        const res = await t.request(auth, {
          method: 'PUT',
          url: '/api/v1/presence',
          payload: { status: 'online' },
        });
        expect(res.statusCode, res.body).toBe(200);
        agents.push(auth.userId);
      }
      const teamId = await insertTeam(t.handle.db, { name: 'Two nodes', memberIds: agents });
      const manager = await t.signIn('manager');
      const set = await t.request(manager, {
        method: 'PUT',
        url: `/api/v1/routing/teams/${teamId}`,
        payload: { method: 'round_robin' },
      });
      expect(set.statusCode, set.body).toBe(200);

      const database: Record<string, string> =
        t.dialect === 'postgres'
          ? { PG_URL: inject('postgresUrl')!, PG_SCHEMA: t.handle.schema! }
          : { DB_FILE: path.join(t.dataDir, 'test.db') };
      const common = { ...database, TEAM_ID: String(teamId), COUNT: String(PER_NODE) };
      const nodes = await Promise.all([node({ ...common, NODE: '1' }), node({ ...common, NODE: '2' })]);
      for (const n of nodes) n.go();
      expect(await Promise.all(nodes.map((n) => n.exited))).toEqual([0, 0]);

      const tickets = await t.handle.db
        .selectFrom('tickets')
        .select(['id', 'assignee_id'])
        .where('team_id', '=', teamId)
        .execute();
      expect(tickets).toHaveLength(2 * PER_NODE);
      const counts = agents.map((id) => tickets.filter((x) => x.assignee_id === id).length);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(2 * PER_NODE);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      // One decision per ticket, each in the log.
      const log = await t.handle.db
        .selectFrom('routing_log')
        .select('ticket_id')
        .where('team_id', '=', teamId)
        .execute();
      expect(new Set(log.map((l) => l.ticket_id)).size).toBe(2 * PER_NODE);
      expect(log).toHaveLength(2 * PER_NODE);
    },
    180_000,
  );
});
