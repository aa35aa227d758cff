// `npm test`: every test. Vitest (project "server": unit + API on SQLite and, when reachable,
// PostgreSQL; project "web": component tests in jsdom), then the browser tests in Debian's
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

const unitJson = path.join(out, 'vitest.json');
const unitStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${unitJson}`,
  ...extraArgs,
]);
const unit = readJson(unitJson);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
}
if (unitStatus !== 0) {
  exitCode = 1;
  if (!unit || unit.numFailedTests === 0) failed += 1;
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
