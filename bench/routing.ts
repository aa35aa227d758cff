// The routing bench: one team of BENCH_ROUTING_AGENTS online agents (default 200) with skills,
// languages and capacities, holding open tickets between them, and how long a routing decision
// takes: the reads (ticket, team, members, loads), the language of the ticket's text and the
// choice, for least loaded and round robin, over BENCH_ROUTING_DECISIONS decisions each
// (default 2,000). A full route (the decision, the assignment and its history) is timed too,
// each in a transaction that is rolled back so every run sees the same team.
//
// Standalone: `npx tsx bench/routing.ts` (a fresh SQLite file; set BENCH_POSTGRES_URL to also
// run on PostgreSQL). From another bench: `await benchRouting('steward sqlite', handle.db)`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTicketBody } from '../contracts/tickets';
import { createDatabase, type Db, type DbOrTrx } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import {
  decideRoute,
  routeTicket,
  routingContext,
  setAgentRouting,
  setPresence,
  setTeamRouting,
} from '../server/modules/routing';
import { openTicket } from '../server/modules/tickets';
import { systemContext } from '../server/platform/auth/actor';
import { insertTeam, insertUser } from '../server/seed/factories';

const AGENTS = Number(process.env.BENCH_ROUTING_AGENTS ?? 200);
const DECISIONS = Number(process.env.BENCH_ROUTING_DECISIONS ?? 2000);
const OPEN_PER_AGENT = 5;
const FULL_ROUTES = 300;
const skills = ['billing', 'returns', 'technical', 'shipping', 'accounts'];
const languages = ['de', 'fr', 'es', 'nl'];

export interface RoutingRow {
  target: string;
  scenario: string;
  runs: number;
  p50: number;
  p99: number;
  /** Mean wall time of a run, ms. */
  mean: number;
  /** This process's CPU time per run, ms (user + system): steadier than wall time on a busy machine. */
  cpu: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function timed(
  runs: number,
  run: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p99: number; mean: number; cpu: number }> {
  for (let i = 0; i < 300; i++) await run(i);
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  const cpuUsed = process.cpuUsage(cpuBefore);
  const total = times.reduce((sum, t) => sum + t, 0);
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
    mean: round(total / runs),
    cpu: round((cpuUsed.user + cpuUsed.system) / 1000 / runs),
  };
}

/** A team of online agents with skills, languages and capacities, each holding a few open tickets. */
export async function buildTeam(db: Db, tag: string): Promise<{ teamId: number; ticketIds: number[] }> {
  const ids: number[] = [];
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < AGENTS; i++) {
      const own = [skills[i % skills.length]!, skills[(i * 3 + 1) % skills.length]!];
      const id = await insertUser(trx, {
        email: `router.${tag}.${i}@bench.example`,
        name: `Router ${i}`,
        role: 'agent',
        skills: [...new Set(own)],
        languages: ['en', languages[i % languages.length]!],
      });
      await setAgentRouting(trx, id, {
        levels: Object.fromEntries(own.map((s, k) => [s, 1 + ((i + k) % 5)])),
        capacity: { email: 20, web: 10, phone: 3 },
      });
      await setPresence(trx, id, 'online', 'set', now);
      ids.push(id);
    }
  });
  const teamId = await insertTeam(db, { name: `Routing bench ${tag}`, memberIds: ids });
  const ctx = systemContext('Bench');
  const open = (on: DbOrTrx, subject: string, assigneeId: number | null, tags: string[]) =>
    openTicket(
      on,
      ctx,
      createTicketBody.parse({
        subject,
        requester: { email: `customer.${tag}@bench.example`, name: 'Bench Customer' },
        message: {
          body: 'Hello, I was charged twice for my last order and would like one of the payments refunded. The order number is in the subject line.',
        },
        channel: 'email',
        priority: (['low', 'normal', 'high', 'urgent'] as const)[subject.length % 4],
        tags,
        teamId,
        assigneeId,
      }),
    );
  await db.transaction().execute(async (trx) => {
    for (const [i, id] of ids.entries())
      for (let k = 0; k < OPEN_PER_AGENT; k++) await open(trx, `Held ${i}.${k}`, id, []);
  });
  // The tickets to route: unassigned, needing skill billing, in English.
  const ticketIds: number[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < 20; i++)
      ticketIds.push((await open(trx, `Charged twice ${i}`, null, ['billing'])).id);
  });
  return { teamId, ticketIds };
}

class Rollback extends Error {}

/** p50 and p99 of a routing decision among AGENTS online agents, per method, and of a full route. */
export async function benchRouting(target: string, db: Db): Promise<RoutingRow[]> {
  const { teamId, ticketIds } = await buildTeam(db, `${Date.now().toString(36)}`);
  const rows: RoutingRow[] = [];
  for (const method of ['round_robin', 'least_loaded'] as const) {
    await setTeamRouting(db, teamId, { method });
    const stats = await timed(DECISIONS, async (i) => {
      const decided = await decideRoute(db, ticketIds[i % ticketIds.length]!);
      if ('outcome' in decided || decided.decision.outcome !== 'assigned')
        throw new Error(`routing bench: no agent was chosen (${JSON.stringify(decided)})`);
    });
    rows.push({
      target,
      scenario: `decision, ${method.replace('_', ' ')}, ${AGENTS} online agents`,
      runs: DECISIONS,
      ...stats,
    });
  }
  const full = await timed(FULL_ROUTES, async (i) => {
    try {
      await db.transaction().execute(async (trx) => {
        await routeTicket(trx, routingContext(), ticketIds[i % ticketIds.length]!);
        throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
  });
  rows.push({
    target,
    scenario: `route and assign (rolled back), ${AGENTS} online agents`,
    runs: FULL_ROUTES,
    ...full,
  });
  return rows;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-routing-bench-'));
  const rows: RoutingRow[] = [];
  const sqlite = createDatabase({ dialect: 'sqlite', filename: path.join(dir, 'bench.db') });
  await migrateToLatest(sqlite);
  rows.push(...(await benchRouting('steward sqlite', sqlite.db)));
  await sqlite.destroy();
  const pgUrl = process.env.BENCH_POSTGRES_URL;
  if (pgUrl) {
    const postgres = createDatabase({ dialect: 'postgres', url: pgUrl });
    await migrateToLatest(postgres);
    rows.push(...(await benchRouting('steward postgres', postgres.db)));
    await postgres.destroy();
  }
  fs.rmSync(dir, { recursive: true, force: true });
  console.table(rows);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
