// `npm run bench`: generates its own data (BENCH_TICKETS tickets, default 1,000,000, three
// messages each), runs Steward on SQLite and, when reachable, PostgreSQL next to a bare
// Fastify + SQLite baseline, and prints a table. BENCH_SECONDS sets each load run's length,
// BENCH_WARMUP_SECONDS the unmeasured load before it.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createSlaPolicyBody } from '../contracts/sla';
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs';
import { loadConfig } from '../server/config';
import { createDatabase, type DatabaseHandle, type Db } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { insertCalendarRow } from '../server/modules/business-hours';
import { foldAllEvents } from '../server/modules/reports';
import { insertPolicyRow } from '../server/modules/sla';
import { rebuildOpenTicketCounts } from '../server/modules/tickets';
import { tokensService } from '../server/modules/tokens';
import { systemContext } from '../server/platform/auth/actor';
import { localBus } from '../server/platform/live/bus';
import { insertTeam, insertUser } from '../server/seed/factories';
import { type AutomationRow, benchAutomationSweep, benchTriggers, setUpDelegation } from './automation';
import {
  benchFeedbackInbox,
  benchNpsInbox,
  makeNpsAnswers,
  makeSurveyLinks,
  surveyAnswering,
} from './feedback';
import { generatePostgres, generateSqlite, insertProductField, type Scale, SPAN_DAYS } from './generate';
import { benchBareSmtp, benchStewardMail } from './mail';
import {
  benchAggregateKeeping,
  benchReports,
  foldGenerated,
  type KeepingRow,
  printReportTables,
  type ReportRow,
} from './reports';
import { benchRouting, type RoutingRow } from './routing';
import { benchSweep, type SweepRow } from './sla';
import { benchSpikes } from './spikes';
import { searchQueries } from './vocabulary';

const root = path.resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
/** Seconds of the same load, not measured, before each run: a server answers warm, with its code compiled and its caches filled. */
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
/** Tickets opened per second during the second view-page run. */
const WRITES_PER_SECOND = 20;
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const PASSWORD = 'bench-password-1';
const log = (line: string) => console.log(line);

interface Row {
  target: string;
  scenario: string;
  connections: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server CPU time (user + system) per request: steadier than req/s when the machine is shared. */
  cpuUs?: number;
  baseline?: 'read' | 'write' | 'smtp';
}

/** CPU time a process has used so far, in milliseconds (Linux). */
function cpuMsOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100);
  } catch {
    return Number.NaN;
  }
}

async function load(url: string, connections: number, opts: Partial<autocannon.Options>, serverPid: number) {
  if (WARMUP > 0) await autocannon({ url, connections, duration: WARMUP, ...opts });
  const cpuBefore = cpuMsOf(serverPid);
  const result = await autocannon({ url, connections, duration: DURATION, ...opts });
  const cpuMs = cpuMsOf(serverPid) - cpuBefore;
  return {
    connections,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    cpuUs: Number.isNaN(cpuMs) ? undefined : Math.round((cpuMs * 1000) / Math.max(1, result.requests.total)),
  };
}

async function waitFor(url: string) {
  // Up to two minutes: a busy machine starts the server slowly.
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** Staff, teams and a token through the application's own code; tickets in bulk afterwards. */
async function prepare(handle: DatabaseHandle) {
  await migrateToLatest(handle);
  const agentIds: number[] = [];
  await insertUser(handle.db, {
    email: 'bench-admin@bench.example',
    name: 'Bench Admin',
    role: 'admin',
    password: PASSWORD,
  });
  for (let i = 0; i < 50; i += 1) {
    agentIds.push(
      await insertUser(handle.db, {
        email: `agent${i}@bench.example`,
        name: `Agent ${i}`,
        role: 'agent',
        password: PASSWORD,
      }),
    );
  }
  const teamIds: number[] = [];
  for (let i = 0; i < 5; i += 1)
    teamIds.push(
      await insertTeam(handle.db, { name: `Team ${i}`, memberIds: agentIds.slice(i * 10, i * 10 + 10) }),
    );
  // Every ticket opened runs under a service-level policy on a business-hours calendar.
  const now = new Date().toISOString();
  await insertCalendarRow(handle.db, {
    name: 'Office',
    timezone: 'Europe/London',
    hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' })),
    holidays: [{ date: '2026-12-25', name: 'Christmas Day', yearly: true }],
    now,
  });
  await insertPolicyRow(
    handle.db,
    createSlaPolicyBody.parse({
      name: 'Standard',
      targets: Object.fromEntries(
        ['low', 'normal', 'high', 'urgent'].map((p) => [
          p,
          {
            first_reply: { minutes: 240, businessHours: true },
            next_reply: { minutes: 480, businessHours: true },
            resolution: { minutes: 4320, businessHours: false },
          },
        ]),
      ),
    }),
    now,
  );
  await insertProductField(handle.db);
  const tokens = tokensService({
    db: handle.db,
    config: loadConfig({}),
    live: localBus(),
  });
  const { secret } = await tokens.create(systemContext('bench'), { name: 'bench', role: 'admin' });
  return {
    token: secret,
    scale: {
      tickets: TICKETS,
      messagesPerTicket: 3,
      customers: Math.max(1000, TICKETS / 10),
      agentIds,
      teamIds,
    } satisfies Scale,
  };
}

function rssOf(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

async function signIn(base: string, email: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

async function benchSteward(
  target: string,
  env: Record<string, string>,
  token: string,
  delegate: { teamId: number; setUp: () => Promise<void> },
  surveyLinks: number,
): Promise<{ rows: Row[]; rssMb: number }> {
  const port = String(3900 + Math.floor(Math.random() * 500));
  const server: ChildProcess = spawn('node', [...SERVER_NODE_FLAGS, 'scripts/serve.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: port,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      PUBLIC_FORMS_PER_MINUTE: '10000000',
      BACKGROUND_JOBS: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(server.pid!));
  }, 250);
  const base = `http://127.0.0.1:${port}`;
  const pid = server.pid!;
  try {
    await waitFor(`${base}/healthz`);
    const auth = { authorization: `Bearer ${token}` };
    const agent = await signIn(base, 'agent1@bench.example');
    const rows: Row[] = [];
    const views = ['all', 'unassigned', 'my-teams', 'my-open', 'pending'];
    let v = 0;
    const viewing: Partial<autocannon.Options> = {
      headers: agent,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/tickets?limit=50&view=${views[v++ % views.length]}`,
          }),
        },
      ],
    };
    let n = 0;
    /** Opens a ticket per request from a new or a known customer, into a team when one is given. */
    const creatingInto = (teamId?: number): Partial<autocannon.Options> => ({
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req) => {
            n += 1;
            const who =
              n % 3 === 0 ? `bench${n % 5000}@customers.example` : `new${process.pid}-${n}@people.example`;
            return {
              ...req,
              body: JSON.stringify({
                subject: `Kettle stopped working ${n}`,
                requester: { email: who, name: `Person ${n}` },
                message: { body: `My kettle stopped working after ${n % 30} days. Order SO-${n}.` },
                type: 'complaint',
                priority: 'normal',
                ...(teamId ? { teamId } : {}),
              }),
            };
          },
        },
      ],
    });
    const creating = creatingInto();
    rows.push({
      target,
      scenario: 'view page: GET /api/v1/tickets?view=… (50 rows, 5 views in turn)',
      baseline: 'read',
      ...(await load(`${base}/api/v1/tickets`, 50, viewing, pid)),
    });
    // Tickets keep arriving while agents page through their queues: each new one changes pages.
    const writer = autocannon({
      url: `${base}/api/v1/tickets`,
      connections: 2,
      overallRate: WRITES_PER_SECOND,
      duration: WARMUP + DURATION,
      ...creating,
    });
    rows.push({
      target,
      scenario: `view page while ${WRITES_PER_SECOND} tickets/s are opened (their CPU included)`,
      baseline: 'read',
      ...(await load(`${base}/api/v1/tickets`, 50, viewing, pid)),
    });
    const written = await writer;
    log(
      `  ${target}: ${written.requests.total} tickets opened during the second view run, ${written.errors + written.non2xx} failed`,
    );
    /** The search queries in turn, from `connections` clients at once. */
    const search = (connections: number) => {
      let q = 0;
      return load(
        `${base}/api/v1/search`,
        connections,
        {
          headers: auth,
          requests: [
            {
              setupRequest: (req) => ({
                ...req,
                path: `/api/v1/search?limit=20&q=${encodeURIComponent(searchQueries[q++ % searchQueries.length]!)}`,
              }),
            },
          ],
        },
        pid,
      );
    };
    rows.push({
      target,
      scenario: `search: GET /api/v1/search?q=… (${searchQueries.length} queries in turn, incl. words in most tickets)`,
      ...(await search(10)),
    });
    rows.push({
      target,
      scenario: 'search, one client at a time (latency without queueing)',
      ...(await search(1)),
    });
    rows.push({
      target,
      scenario: 'create: POST /api/v1/tickets (customer look-up, ticket, message, events, index, audit)',
      baseline: 'write',
      ...(await load(`${base}/api/v1/tickets`, 50, creating, pid)),
    });
    // Before the routed creates, whose slow tail would still be running into this run.
    rows.push({
      target,
      scenario: `survey answer: PUT /api/v1/public/surveys/:token/answer (${surveyLinks.toLocaleString('en')} links in turn, target ≥ 1,000/s)`,
      baseline: 'write',
      ...(await load(`${base}/api/v1/public/surveys`, 50, surveyAnswering(surveyLinks), pid)),
    });
    // The same creates into a team that assigns round robin among its online agents, with the
    // fifty triggers of the trigger bench active: every ticket is routed and checked by them.
    await delegate.setUp();
    const delegating = creatingInto(delegate.teamId);
    rows.push({
      target,
      scenario: 'create with 50 triggers and round-robin routing among online agents',
      baseline: 'write',
      ...(await load(`${base}/api/v1/tickets`, 50, delegating, pid)),
    });
    rows.push({
      target,
      scenario: 'GET /api/v1/users (50-row page)',
      baseline: 'read',
      ...(await load(`${base}/api/v1/users?limit=50`, 50, { headers: auth }, pid)),
    });
    return { rows, rssMb: peak };
  } finally {
    clearInterval(sampler);
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

async function benchBaseline(): Promise<Row[]> {
  const port = String(4500 + Math.floor(Math.random() * 400));
  const child = fork(path.join(root, 'bench/baseline.ts'), [], {
    env: { ...process.env, PORT: port },
    // The same flags as the server (ADR 0034): the ratio compares like with like.
    execArgv: [...SERVER_NODE_FLAGS, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  try {
    return [
      {
        target: 'baseline',
        scenario: 'GET /items (50 rows, bare Fastify + SQLite)',
        ...(await load(`${base}/items`, 50, {}, child.pid!)),
      },
      {
        target: 'baseline',
        scenario: 'POST /items (one insert, bare Fastify + SQLite)',
        ...(await load(
          `${base}/items`,
          50,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"name":"x"}',
          },
          child.pid!,
        )),
      },
    ];
  } finally {
    child.kill('SIGTERM');
  }
}

async function freshPostgres(): Promise<string | null> {
  const url = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const name = `steward_bench_${Date.now()}`;
    await client.query(`create database ${name}`);
    return url.replace(/\/[^/]*$/, `/${name}`);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function dropPostgres(url: string) {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${url.split('/').pop()} with (force)`);
  await admin.end();
}

/** Turns on the triggers and the team's routing the delegated create scenario runs with. */
async function withDatabase(handle: DatabaseHandle, teamId: number) {
  try {
    await setUpDelegation(handle.db, teamId);
  } finally {
    await handle.destroy();
  }
}

/** After the bulk data: its events folded into the aggregates, the open tickets counted and survey links made, each timed. */
async function prepareReports(prefix: string, db: Db): Promise<number> {
  let started = Date.now();
  const folded = await foldGenerated(db);
  log(`  ${folded.events} events folded into the report aggregates in ${folded.seconds}s`);
  timings[`${prefix} aggregates s`] = folded.seconds;
  // The generator writes tickets without the tickets module: the board's open-ticket counts are
  // counted from them afresh, as `steward reports rebuild` does.
  started = Date.now();
  await rebuildOpenTicketCounts(db);
  timings[`${prefix} open-ticket counts s`] = Math.round((Date.now() - started) / 100) / 10;
  started = Date.now();
  const links = await makeSurveyLinks(db);
  timings[`${prefix} survey links s`] = Math.round((Date.now() - started) / 1000);
  started = Date.now();
  await makeNpsAnswers(db);
  timings[`${prefix} NPS answers s`] = Math.round((Date.now() - started) / 1000);
  // The answers reach the trend aggregates through their events, like any answer.
  await foldAllEvents(db, { settleMs: 0 });
  return links;
}

/** The in-process benches on one database: service levels, routing, automation, reports, feedback. */
async function inProcess(target: string, db: Db) {
  sweeps.push(...(await benchSweep(target, db)));
  routings.push(...(await benchRouting(target, db)));
  automations.push(...(await benchTriggers(target, db)));
  automations.push(...(await benchAutomationSweep(target, db)));
  reportRows.push(...(await benchReports(target, db)));
  reportRows.push(...(await benchFeedbackInbox(target, db)));
  reportRows.push(...(await benchNpsInbox(target, db)));
  reportRows.push(...(await benchSpikes(target, db)));
  // Last: it opens tickets of its own.
  keeping.push(...(await benchAggregateKeeping(target, db)));
}

const results: Row[] = [];
const reportRows: ReportRow[] = [];
const keeping: KeepingRow[] = [];
const sweeps: SweepRow[] = [];
const routings: RoutingRow[] = [];
const automations: AutomationRow[] = [];
const rss: Record<string, number> = {};
const timings: Record<string, number> = {};
results.push(...(await benchBaseline()));
results.push(await benchBareSmtp());

// BENCH_SKIP_SQLITE=1 measures PostgreSQL alone, as BENCH_SKIP_POSTGRES=1 does SQLite.
if (!process.env.BENCH_SKIP_SQLITE) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-bench-'));
  const file = path.join(dir, 'steward.db');
  const handle = createDatabase({ dialect: 'sqlite', filename: file });
  const { token, scale } = await prepare(handle);
  await handle.destroy();
  log(`SQLite: generating ${TICKETS} tickets…`);
  const started = Date.now();
  generateSqlite(file, scale, log);
  timings['sqlite generate s'] = Math.round((Date.now() - started) / 1000);
  const prepared = createDatabase({ dialect: 'sqlite', filename: file });
  const links = await prepareReports('sqlite', prepared.db);
  await prepared.destroy();
  const s = await benchSteward(
    'steward sqlite',
    { DATA_DIR: dir },
    token,
    {
      teamId: scale.teamIds[0]!,
      setUp: () => withDatabase(createDatabase({ dialect: 'sqlite', filename: file }), scale.teamIds[0]!),
    },
    links,
  );
  results.push(...s.rows);
  rss['steward sqlite'] = s.rssMb;
  results.push({ ...(await benchStewardMail('steward sqlite', { DATA_DIR: dir }, token)), baseline: 'smtp' });
  const swept = createDatabase({ dialect: 'sqlite', filename: file });
  await inProcess('steward sqlite', swept.db);
  await swept.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}

const pgUrl = process.env.BENCH_SKIP_POSTGRES ? null : await freshPostgres();
if (pgUrl) {
  try {
    const handle = createDatabase({ dialect: 'postgres', url: pgUrl });
    const { token, scale } = await prepare(handle);
    await handle.destroy();
    log(`PostgreSQL: generating ${TICKETS} tickets…`);
    const started = Date.now();
    await generatePostgres(pgUrl, scale, log);
    timings['postgres generate s'] = Math.round((Date.now() - started) / 1000);
    const prepared = createDatabase({ dialect: 'postgres', url: pgUrl });
    const links = await prepareReports('postgres', prepared.db);
    await prepared.destroy();
    const p = await benchSteward(
      'steward postgres',
      { DATABASE_URL: pgUrl, DATA_DIR: os.tmpdir() },
      token,
      {
        teamId: scale.teamIds[0]!,
        setUp: () => withDatabase(createDatabase({ dialect: 'postgres', url: pgUrl }), scale.teamIds[0]!),
      },
      links,
    );
    results.push(...p.rows);
    rss['steward postgres'] = p.rssMb;
    results.push({
      ...(await benchStewardMail('steward postgres', { DATABASE_URL: pgUrl, DATA_DIR: os.tmpdir() }, token)),
      baseline: 'smtp',
    });
    const swept = createDatabase({ dialect: 'postgres', url: pgUrl });
    await inProcess('steward postgres', swept.db);
    await swept.destroy();
  } finally {
    await dropPostgres(pgUrl);
  }
}

const baselineRow = (prefix: string) => results.find((r) => r.scenario.startsWith(prefix))!;
const baselineRead = baselineRow('GET /items').reqPerSec;
const baselineWrite = baselineRow('POST /items').reqPerSec;
const baselineSmtp = baselineRow('bare smtp-server').reqPerSec;
const baselineOf = { read: baselineRead, write: baselineWrite, smtp: baselineSmtp };
const ratio = (r: Row) => (r.baseline ? `${((r.reqPerSec / baselineOf[r.baseline]) * 100).toFixed(0)}%` : '');
/** How many times the baseline's CPU a request costs: the load generator's share of the machine drops out. */
const cpuOf = { read: baselineRow('GET /items').cpuUs, write: baselineRow('POST /items').cpuUs };
const cpuRatio = (r: Row) => {
  const base = r.baseline && r.baseline !== 'smtp' ? cpuOf[r.baseline] : undefined;
  return base && r.cpuUs ? `${(r.cpuUs / base).toFixed(1)}×` : '';
};

console.log(
  `\n${TICKETS.toLocaleString('en')} tickets with 3 messages each over ${SPAN_DAYS} days; ${DURATION}s per run after ${WARMUP}s of the same load unmeasured; load generator on the same machine\n`,
);
console.log(
  '| target | scenario | conns | req/s | p50 ms | p99 ms | errors | vs baseline | server CPU µs/req | CPU vs baseline |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.target} | ${r.scenario} | ${r.connections} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio(r)} | ${r.cpuUs ?? ''} | ${cpuRatio(r)} |`,
  );
}
console.log('\n| target | service-level sweep | ms |');
console.log('|---|---|---:|');
for (const r of sweeps) console.log(`| ${r.target} | ${r.scenario} | ${r.ms.toFixed(1)} |`);
console.log('\n| target | routing | runs | p50 ms | p99 ms | mean ms | CPU ms |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const r of routings)
  console.log(`| ${r.target} | ${r.scenario} | ${r.runs} | ${r.p50} | ${r.p99} | ${r.mean} | ${r.cpu} |`);
console.log('\n| target | triggers and automations | p50 ms | p99 ms |');
console.log('|---|---|---:|---:|');
for (const r of automations) console.log(`| ${r.target} | ${r.scenario} | ${r.p50} | ${r.p99} |`);
printReportTables(reportRows, keeping);
console.log(
  `\nPeak server RSS: ${Object.entries(rss)
    .map(([k, v]) => `${k} ${v} MB`)
    .join(', ')}`,
);
console.log(
  `Data generation: ${Object.entries(timings)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
const out = path.join(root, 'bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(
  out,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      tickets: TICKETS,
      duration: DURATION,
      results,
      sweeps,
      routings,
      automations,
      reports: reportRows,
      aggregateKeeping: keeping,
      rss,
      timings,
    },
    null,
    2,
  ),
);
console.log(`Written to ${path.relative(root, out)}`);
process.exit(0);
