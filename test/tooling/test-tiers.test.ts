import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chromiumStatus,
  dovecotStatus,
  missingLine,
  postgresStatus,
  skippedSummary,
  skipWithoutDovecot,
} from '../helpers/tiers';

const root = path.resolve(import.meta.dirname, '../..');
const nowhere = '/nonexistent/steward-test';
const unreachablePostgres = 'postgres://postgres@127.0.0.1:1/test';

describe('test tiers that need a system service or program', () => {
  it('says a program is missing when its path holds nothing runnable, and present when it does', () => {
    expect(dovecotStatus({ DOVECOT_PATH: `${nowhere}/dovecot` }).available).toBe(false);
    expect(dovecotStatus({ DOVECOT_PATH: process.execPath }).available).toBe(true);
    expect(chromiumStatus({ CHROMIUM_PATH: `${nowhere}/chromium` }).available).toBe(false);
    // A file that is not executable is not the program.
    expect(chromiumStatus({ CHROMIUM_PATH: path.join(root, 'package.json') }).available).toBe(false);
  });

  it('says PostgreSQL is missing when nothing answers at its address', async () => {
    const status = await postgresStatus({ TEST_POSTGRES_URL: unreachablePostgres });
    expect(status).toMatchObject({ available: false, where: unreachablePostgres });
  });

  it('tells what is skipped and what to install, or, under CI, that the run fails', () => {
    const dovecot = dovecotStatus({ DOVECOT_PATH: `${nowhere}/dovecot` });
    expect(missingLine(dovecot, {})).toBe(
      `Skipped: IMAP tests: dovecot not found at ${nowhere}/dovecot; to run them, apt-get install dovecot-imapd, or set DOVECOT_PATH`,
    );
    expect(missingLine(dovecot, { CI: 'true' })).toMatch(
      /^FAILED: IMAP tests need dovecot, not found at .*apt-get install dovecot-imapd/,
    );
    const chromium = chromiumStatus({ CHROMIUM_PATH: `${nowhere}/chromium` });
    expect(skippedSummary([dovecot, chromium])).toBe('IMAP tests (no dovecot), browser tests (no Chromium)');
  });

  it('skips the IMAP tests without dovecot, except under CI, where they run and fail', () => {
    expect(skipWithoutDovecot({ DOVECOT_PATH: `${nowhere}/dovecot` })).toBe(true);
    expect(skipWithoutDovecot({ DOVECOT_PATH: `${nowhere}/dovecot`, CI: 'true' })).toBe(false);
    expect(skipWithoutDovecot({ DOVECOT_PATH: process.execPath })).toBe(false);
  });
});

/** `npm test` on one file, on a machine that has none of the tiers, as a fresh clone with Node only sees it. */
function npmTestWithNothingInstalled(file: string, extraEnv: Record<string, string>) {
  const results = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-test-runner-'));
  // Nothing from this Vitest run leaks into the one started: a clean environment plus the tiers' overrides.
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(VITEST|TEST_|CI$|STEWARD_|NODE_ENV$|CACHES$)/.test(key)) continue;
    env[key] = value;
  }
  const result = spawnSync(process.execPath, ['scripts/test.mjs', '--project', 'server', file], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...env,
      DOVECOT_PATH: `${nowhere}/dovecot`,
      CHROMIUM_PATH: `${nowhere}/chromium`,
      TEST_POSTGRES_URL: unreachablePostgres,
      TEST_RESULTS_DIR: results,
      ...extraEnv,
    },
  });
  fs.rmSync(results, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('npm test on a machine with Node only', () => {
  it('skips every tier that is missing with one line each, passes, and names them in the summary', () => {
    const { status, output } = npmTestWithNothingInstalled(
      'server/modules/mail-intake/imap.poller.test.ts',
      {},
    );
    expect(output.match(/^Skipped: IMAP tests: dovecot not found/gm)).toHaveLength(1);
    expect(output.match(/^Skipped: database tests on PostgreSQL: PostgreSQL not reachable/gm)).toHaveLength(
      1,
    );
    expect(output.match(/^Skipped: browser tests: Chromium not found/gm)).toHaveLength(1);
    expect(output).toContain('apt-get install dovecot-imapd');
    expect(output).toContain(
      'tests: 0 passed, 0 failed; skipped: database tests on PostgreSQL (no PostgreSQL), IMAP tests (no dovecot), browser tests (no Chromium)',
    );
    expect(status).toBe(0);
  }, 120_000);

  it('fails under CI=true, where every tier must be there', () => {
    const { status, output } = npmTestWithNothingInstalled('server/modules/mail-intake/imap.poller.test.ts', {
      CI: 'true',
    });
    expect(output).toMatch(/^FAILED: IMAP tests need dovecot/m);
    expect(output).toMatch(/^FAILED: browser tests need Chromium/m);
    expect(output).not.toContain('skipped:');
    expect(status).not.toBe(0);
  }, 120_000);
});
