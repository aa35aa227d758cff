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
  if (!reachable && (process.env.CI === 'true' || wanted === 'postgres')) {
    throw new Error(`PostgreSQL is required here but not reachable at ${url}`);
  }
  if (!reachable && wanted !== 'sqlite') {
    console.warn(`PostgreSQL not reachable at ${url}: database tests run on SQLite only.`);
  }
  project.provide('postgresUrl', reachable ? url : null);
}
