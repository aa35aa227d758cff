// `npm run bench`: generates its own data, runs Steward on SQLite (and PostgreSQL when
// reachable) next to a bare Fastify + SQLite baseline, and prints a table of the figures.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../server/config';
import { createDatabase, type DatabaseHandle } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { insertUser } from '../server/db/seed/factories';
import { tokensService } from '../server/modules/tokens/tokens.service';
import { systemContext } from '../server/platform/auth/actor';
import { localBus } from '../server/platform/live/bus';

const root = path.resolve(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const USERS = 2000;
const PASSWORD = 'bench-password-1';

interface Row {
  target: string;
  scenario: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, opts: Partial<autocannon.Options> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, ...opts });
  return {
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

async function prepare(handle: DatabaseHandle): Promise<string> {
  await migrateToLatest(handle);
  await insertUser(handle.db, {
    email: 'bench-admin@bench.example',
    name: 'Bench Admin',
    role: 'admin',
    password: PASSWORD,
  });
  for (let i = 0; i < USERS; i += 1) {
    await insertUser(handle.db, {
      email: `agent${i}@bench.example`,
      name: `Agent ${i}`,
      role: 'agent',
      skills: ['billing'],
    });
  }
  const tokens = tokensService({
    db: handle.db,
    dialect: handle.dialect,
    config: loadConfig({}),
    live: localBus(),
  });
  const { secret } = await tokens.create(systemContext('bench'), { name: 'bench', role: 'admin' });
  return secret;
}

function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

async function benchSteward(
  target: string,
  env: Record<string, string>,
  handle: DatabaseHandle,
): Promise<{ rows: Row[]; rssMb: number }> {
  const token = await prepare(handle);
  await handle.destroy();
  const port = String(3900 + Math.floor(Math.random() * 500));
  const server: ChildProcess = spawn('node', ['scripts/serve.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: port,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/healthz`);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench-admin@bench.example', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const auth = { authorization: `Bearer ${token}` };
    const rows: Row[] = [];
    rows.push({
      target,
      scenario: 'GET /api/v1/users (50-row page, token)',
      ...(await load(`${base}/api/v1/users?limit=50`, { headers: auth })),
    });
    rows.push({
      target,
      scenario: 'GET /api/v1/auth/me (session cookie)',
      ...(await load(`${base}/api/v1/auth/me`, { headers: { cookie } })),
    });
    let n = 0;
    rows.push({
      target,
      scenario: 'POST /api/v1/teams (insert + audit, one transaction)',
      ...(await load(`${base}/api/v1/teams`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (req) => {
              n += 1;
              return { ...req, body: JSON.stringify({ name: `Team ${process.pid}-${n}` }) };
            },
          },
        ],
      })),
    });
    return { rows, rssMb: rssOf(server.pid!) };
  } finally {
    server.kill('SIGTERM');
  }
}

async function benchBaseline(): Promise<Row[]> {
  const port = String(4500 + Math.floor(Math.random() * 400));
  const child = fork(path.join(root, 'bench/baseline.ts'), [], {
    env: { ...process.env, PORT: port },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  try {
    const rows: Row[] = [];
    rows.push({ target: 'baseline', scenario: 'GET /items (50 rows)', ...(await load(`${base}/items`)) });
    rows.push({
      target: 'baseline',
      scenario: 'POST /items (one insert)',
      ...(await load(`${base}/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":"x"}',
      })),
    });
    return rows;
  } finally {
    child.kill('SIGTERM');
  }
}

async function postgresUrl(): Promise<string | null> {
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

const results: Row[] = [];
const rss: Record<string, number> = {};
results.push(...(await benchBaseline()));

const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-bench-'));
const sqlite = createDatabase({ dialect: 'sqlite', filename: path.join(sqliteDir, 'steward.db') });
const s = await benchSteward('steward sqlite', { DATA_DIR: sqliteDir }, sqlite);
results.push(...s.rows);
rss['steward sqlite'] = s.rssMb;
fs.rmSync(sqliteDir, { recursive: true, force: true });

const pgUrl = await postgresUrl();
if (pgUrl) {
  const pgHandle = createDatabase({ dialect: 'postgres', url: pgUrl });
  const p = await benchSteward('steward postgres', { DATABASE_URL: pgUrl, DATA_DIR: os.tmpdir() }, pgHandle);
  results.push(...p.rows);
  rss['steward postgres'] = p.rssMb;
}

const baselineRead = results.find((r) => r.scenario.startsWith('GET /items'))!.reqPerSec;
const baselineWrite = results.find((r) => r.scenario.startsWith('POST /items'))!.reqPerSec;
const ratio = (r: Row) => {
  if (r.target === 'baseline') return '';
  const base = r.scenario.startsWith('POST') ? baselineWrite : baselineRead;
  return `${((r.reqPerSec / base) * 100).toFixed(0)}%`;
};

console.log(`\n${CONNECTIONS} connections, ${DURATION}s each, ${USERS} users in the database\n`);
console.log('| target | scenario | req/s | p50 ms | p99 ms | errors | vs baseline |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.target} | ${r.scenario} | ${r.reqPerSec} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio(r)} |`,
  );
}
console.log(
  `\nServer RSS after the run: ${Object.entries(rss)
    .map(([k, v]) => `${k} ${v} MB`)
    .join(', ')}`,
);
const file = path.join(root, 'bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(
  file,
  JSON.stringify(
    { at: new Date().toISOString(), duration: DURATION, connections: CONNECTIONS, results, rss },
    null,
    2,
  ),
);
console.log(`Written to ${path.relative(root, file)}`);
process.exit(0);
