// `npm test`: every test. Vitest (project "server": unit + API on SQLite and, when reachable,
// PostgreSQL, and in CI the modules' and API tests again with CACHES=off; project "web":
// component tests in jsdom), then the browser tests in Debian's Chromium.
// A tier whose service or program is missing (PostgreSQL, dovecot, Chromium) is skipped with one
// line saying what to install; under CI=true it fails the run instead. Ends with one line:
// "tests: N passed, N failed", naming the skipped tiers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { chromiumStatus, dovecotStatus, everyTierRequired, missingLine, postgresStatus, skippedSummary } =
  await import('../test/helpers/tiers.ts');

const root = path.resolve(import.meta.dirname, '..');
const out = path.resolve(root, process.env.TEST_RESULTS_DIR ?? '.tmp/test-results');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const extraArgs = process.argv.slice(2);
const ci = everyTierRequired();

/** A TCP port free on 127.0.0.1 right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let exitCode = 0;
/** What failed, named again at the end: a CI log is often read from its tail only. */
const failures = [];

// Each tier is looked for once, and each missing one said once, here (Vitest's setup stays quiet).
const sqliteOnly = process.env.TEST_DATABASES === 'sqlite';
const postgres = sqliteOnly ? null : await postgresStatus();
const chromium = chromiumStatus();
const missing = [postgres, dovecotStatus(), chromium].filter((status) => status && !status.available);
for (const status of missing) (ci ? console.error : console.warn)(missingLine(status));
if (ci && missing.length > 0) {
  exitCode = 1;
  failed += missing.length;
  failures.push(...missing.map((status) => missingLine(status)));
}
const vitestEnv = {
  STEWARD_TIERS_ANNOUNCED: '1',
  ...(postgres && !postgres.available ? { TEST_DATABASES: 'sqlite' } : {}),
};

/** One Vitest run, its results added to the totals. */
function vitest(name, args, env = {}) {
  const json = path.join(out, `${name}.json`);
  const status = run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`, ...args],
    { ...vitestEnv, ...env },
  );
  const results = readJson(json);
  if (results) {
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    for (const file of results.testResults ?? []) {
      const where = path.relative(root, file.name);
      for (const test of file.assertionResults ?? []) {
        if (test.status === 'failed') failures.push(`${name}: ${where} › ${test.fullName}`);
      }
      if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'))
        failures.push(`${name}: ${where} (${firstLine(file.message) || 'failed outside its tests'})`);
    }
  }
  if (status !== 0) {
    exitCode = 1;
    if (!results || results.numFailedTests === 0) {
      failed += 1;
      failures.push(
        `${name}: exited with ${status} (an error outside the tests, such as an unhandled rejection; see above)`,
      );
    }
  }
}

/** The browser tests that failed or passed only on a retry, from Playwright's JSON report. */
function badSpecs(suites) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      (spec.tests ?? [])
        .filter((test) => test.status === 'unexpected' || test.status === 'flaky')
        .map((test) => `browser: ${spec.file}:${spec.line} › ${spec.title} (${test.status})`),
    ),
    ...badSpecs(suite.suites ?? []),
  ]);
}

function firstLine(text) {
  return String(text ?? '')
    .split('\n')[0]
    .slice(0, 300);
}

vitest('vitest', extraArgs);

// In CI, the modules' and API tests once more with every cache off (CACHES=off): answers must
// not depend on what is kept in memory. SQLite only, where the caches do the most; about a
// third of the full run.
if (ci && extraArgs.length === 0) {
  console.log('\n--- again with CACHES=off (server/modules, test/api; SQLite)');
  vitest('vitest-caches-off', ['--project', 'server', 'server/modules', 'test/api'], {
    CACHES: 'off',
    TEST_DATABASES: 'sqlite',
  });
}

if (chromium.available) {
  const build = run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  if (build !== 0) {
    exitCode = 1;
    failed += 1;
    failures.push('web build: the browser tests could not run (see above)');
  } else {
    const e2eJson = path.join(out, 'playwright.json');
    const e2eStatus = run(
      'npx',
      ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts', '--reporter=list,json'],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
        // A port nobody holds, unless one was asked for: a server left running elsewhere on the
        // usual port would otherwise stop the whole browser tier.
        E2E_PORT: process.env.E2E_PORT ?? String(await freePort()),
      },
    );
    const e2e = readJson(e2eJson);
    if (e2e?.stats) {
      passed += e2e.stats.expected;
      failed += e2e.stats.unexpected + (e2e.stats.flaky ?? 0);
      failures.push(...badSpecs(e2e.suites ?? []));
    }
    if (e2eStatus !== 0) {
      exitCode = 1;
      if (!e2e?.stats?.unexpected) {
        failed += 1;
        failures.push(`browser: exited with ${e2eStatus} (see above)`);
      }
    }
  }
}

if (failures.length > 0) console.log(`\nfailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
const skipped = ci || missing.length === 0 ? '' : `; skipped: ${skippedSummary(missing)}`;
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped}`);
process.exit(exitCode);
