import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Finds out once whether PostgreSQL is reachable. Database tests then run on SQLite and,
 * when it is, on PostgreSQL too. In CI (CI=true) PostgreSQL must be there.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_POSTGRES_URL ?? DEFAULT_URL;
  const wanted = process.env.TEST_DATABASES ?? 'auto';
  let reachable = false;
  if (wanted !== 'sqlite') {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      reachable = true;
    } catch {
      reachable = false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  // In CI PostgreSQL must be there, unless a run asked for SQLite alone (TEST_DATABASES=sqlite).
  if (!reachable && wanted !== 'sqlite' && (process.env.CI === 'true' || wanted === 'postgres')) {
    throw new Error(`PostgreSQL is required here but not reachable at ${url}`);
  }
  if (!reachable && wanted !== 'sqlite') {
    console.warn(`PostgreSQL not reachable at ${url}: database tests run on SQLite only.`);
  }
  project.provide('postgresUrl', reachable ? url : null);
  if (!reachable) return;
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
