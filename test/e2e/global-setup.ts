import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const e2eDataDir = resolve(repoRoot, '.tmp/e2e-data');
export const e2ePort = Number(process.env.E2E_PORT ?? 3210);
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;
export const e2eAdmin = { email: 'admin@example.test', password: 'correct-horse-battery', name: 'Ada Admin' };

/**
 * A fresh data directory with one admin. Runs synchronously while the config loads, because
 * Playwright starts `webServer` before `globalSetup`, and the server must find the database ready.
 */
export function prepareE2eData(): void {
  if (!existsSync(resolve(repoRoot, 'dist/web/index.html'))) {
    throw new Error('dist/web is missing: run `npm run build` before the browser tests.');
  }
  rmSync(e2eDataDir, { recursive: true, force: true });
  mkdirSync(e2eDataDir, { recursive: true });
  execFileSync(
    process.execPath,
    [
      'bin/steward.mjs',
      'create-admin',
      '--email',
      e2eAdmin.email,
      '--password',
      e2eAdmin.password,
      '--name',
      e2eAdmin.name,
    ],
    { cwd: repoRoot, env: { ...process.env, DATA_DIR: e2eDataDir, LOG_LEVEL: 'warn' }, stdio: 'pipe' },
  );
}

/** Runs once the server is up: fails fast, with a clear message, if the admin can't sign in. */
export default async function globalSetup(): Promise<void> {
  const response = await fetch(`${e2eBaseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: e2eAdmin.email, password: e2eAdmin.password }),
  });
  if (!response.ok) {
    throw new Error(`The e2e admin cannot sign in (${response.status}): ${await response.text()}`);
  }
}
