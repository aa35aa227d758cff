// `npm test`: every test. Vitest (project "server": unit + API on SQLite and, when reachable,
// PostgreSQL, and in CI the modules' and API tests again with CACHES=off; project "web":
// component tests in jsdom), then the browser tests in Debian's
// Chromium. Ends with one line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.tmp/test-results');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const extraArgs = process.argv.slice(2);

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

/** One Vitest run, its results added to the totals. */
function vitest(name, args, env = {}) {
  const json = path.join(out, `${name}.json`);
  const status = run(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`, ...args],
    env,
  );
  const results = readJson(json);
  if (results) {
    passed += results.numPassedTests;
    failed += results.numFailedTests;
  }
  if (status !== 0) {
    exitCode = 1;
    if (!results || results.numFailedTests === 0) failed += 1;
  }
}

vitest('vitest', extraArgs);

// In CI, the modules' and API tests once more with every cache off (CACHES=off): answers must
// not depend on what is kept in memory. SQLite only, where the caches do the most; about a
// third of the full run.
if (process.env.CI === 'true' && extraArgs.length === 0) {
  console.log('\n--- again with CACHES=off (server/modules, test/api; SQLite)');
  vitest('vitest-caches-off', ['--project', 'server', 'server/modules', 'test/api'], {
    CACHES: 'off',
    TEST_DATABASES: 'sqlite',
  });
}

if (fs.existsSync(chromium)) {
  const build = run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  if (build !== 0) {
    exitCode = 1;
    failed += 1;
  } else {
    const e2eJson = path.join(out, 'playwright.json');
    const e2eStatus = run(
      'npx',
      ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts', '--reporter=list,json'],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
      },
    );
    const e2e = readJson(e2eJson);
    if (e2e?.stats) {
      passed += e2e.stats.expected;
      failed += e2e.stats.unexpected + (e2e.stats.flaky ?? 0);
    }
    if (e2eStatus !== 0) {
      exitCode = 1;
      if (!e2e?.stats?.unexpected) failed += 1;
    }
  }
} else if (process.env.CI === 'true') {
  console.error(`Browser tests need Chromium at ${chromium}; .ci/run installs it.`);
  exitCode = 1;
  failed += 1;
} else {
  console.warn(
    `\nBrowser tests NOT run: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`,
  );
}

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
