import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { dovecotStatus, everyTierRequired, missingLine, postgresStatus } from './tiers';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

/**
 * Finds out once whether PostgreSQL is reachable. Database tests then run on SQLite and,
 * when it is, on PostgreSQL too. In CI (CI=true) PostgreSQL must be there. Says in one line
 * what is skipped for a missing tier, unless `npm test` already did (STEWARD_TIERS_ANNOUNCED).
 */
export default async function setup(project: TestProject) {
  const wanted = process.env.TEST_DATABASES ?? 'auto';
  const postgres = wanted === 'sqlite' ? null : await postgresStatus();
  const url = postgres?.where ?? null;
  // In CI PostgreSQL must be there, unless a run asked for SQLite alone (TEST_DATABASES=sqlite).
  if (postgres && !postgres.available && (everyTierRequired() || wanted === 'postgres')) {
    throw new Error(`PostgreSQL is required here but not reachable at ${postgres.where}`);
  }
  if (process.env.STEWARD_TIERS_ANNOUNCED !== '1') {
    const dovecot = dovecotStatus();
    for (const status of [postgres, dovecot]) {
      if (status && !status.available) console.warn(missingLine(status));
    }
  }
  const reachable = postgres?.available === true;
  project.provide('postgresUrl', reachable ? url : null);
  if (!reachable || !url) return;
  await dropTestSchemas(url);
  return () => dropTestSchemas(url);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Each test file works in its own t_<pid>_* schema. Before and after the run, schemas whose
 * process is gone are removed; those of a test run still going on next door are left alone.
 */
async function dropTestSchemas(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "select nspname as name from pg_namespace where nspname like 't\\_%'",
    );
    for (const { name } of rows) {
      const pid = Number(/^t_(\d+)_/.exec(name)?.[1]);
      if (Number.isInteger(pid) && alive(pid)) continue;
      await client.query(`drop schema if exists "${name}" cascade`);
    }
  } finally {
    await client.end();
  }
}
