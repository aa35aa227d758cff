import fs from 'node:fs';
import pg from 'pg';

/**
 * The test tiers that need something besides Node: a PostgreSQL server, Debian's dovecot for the
 * IMAP tests, Chromium for the browser tests. On a machine without one, its tests are skipped
 * with one line saying what to install; under CI (CI=true) a missing tier fails the run.
 * `npm test` (scripts/test.mjs), Vitest's global setup, the IMAP tests and the Playwright config
 * all ask here.
 */
export type TierId = 'postgres' | 'dovecot' | 'chromium';

export interface Tier {
  id: TierId;
  /** The tests that need it. */
  tests: string;
  /** What is missing, in a few words. */
  needs: string;
  /** How to get it: the Debian package, or the variable that points elsewhere. */
  install: string;
}

export const tiers: Record<TierId, Tier> = {
  postgres: {
    id: 'postgres',
    tests: 'database tests on PostgreSQL',
    needs: 'PostgreSQL',
    install: 'apt-get install postgresql, or set TEST_POSTGRES_URL',
  },
  dovecot: {
    id: 'dovecot',
    tests: 'IMAP tests',
    needs: 'dovecot',
    install: 'apt-get install dovecot-imapd, or set DOVECOT_PATH',
  },
  chromium: {
    id: 'chromium',
    tests: 'browser tests',
    needs: 'Chromium',
    install: 'apt-get install chromium, or set CHROMIUM_PATH',
  },
};

type Env = Record<string, string | undefined>;

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export const postgresUrl = (env: Env = process.env) => env.TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
export const dovecotPath = (env: Env = process.env) => env.DOVECOT_PATH ?? '/usr/sbin/dovecot';
export const chromiumPath = (env: Env = process.env) => env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Under CI every tier must be there. */
export const everyTierRequired = (env: Env = process.env) => env.CI === 'true';

export interface TierStatus {
  tier: Tier;
  available: boolean;
  /** Where it was looked for: a path or a database address. */
  where: string;
}

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Whether PostgreSQL answers a query at this address (within 2 s). */
export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function dovecotStatus(env: Env = process.env): TierStatus {
  const where = dovecotPath(env);
  return { tier: tiers.dovecot, available: executable(where), where };
}

export function chromiumStatus(env: Env = process.env): TierStatus {
  const where = chromiumPath(env);
  return { tier: tiers.chromium, available: executable(where), where };
}

export async function postgresStatus(env: Env = process.env): Promise<TierStatus> {
  const where = postgresUrl(env);
  return { tier: tiers.postgres, available: await postgresAnswers(where), where };
}

/** The one line said about a missing tier: what is skipped (or, under CI, fails) and what to install. */
export function missingLine(status: TierStatus, env: Env = process.env): string {
  const { tier, where } = status;
  const found = tier.id === 'postgres' ? `not reachable at ${where}` : `not found at ${where}`;
  return everyTierRequired(env)
    ? `FAILED: ${tier.tests} need ${tier.needs}, ${found} (CI runs every tier; ${tier.install})`
    : `Skipped: ${tier.tests}: ${tier.needs} ${found}; to run them, ${tier.install}`;
}

/** The skipped tiers, for the closing summary: "IMAP tests (no dovecot), browser tests (no Chromium)". */
export function skippedSummary(missing: TierStatus[]): string {
  return missing.map(({ tier }) => `${tier.tests} (no ${tier.needs})`).join(', ');
}

/**
 * Whether the IMAP tests are skipped here: dovecot is missing and this run may go without it.
 * Under CI they run, and fail on the missing dovecot with a message saying what to install.
 */
export function skipWithoutDovecot(env: Env = process.env): boolean {
  return !everyTierRequired(env) && !dovecotStatus(env).available;
}
