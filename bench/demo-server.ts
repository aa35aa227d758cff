import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs';
import { DEMO_PASSWORD } from '../server/seed/demo';

const root = path.resolve(import.meta.dirname, '..');

export interface DemoServer {
  baseUrl: string;
  /** Signs a browser context in as this staff member, through the API, as the sign-in page does. */
  signIn(context: BrowserContext, email: string): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the web app (production build, as `npm start` serves it) unless it is there already. */
export function ensureWebBuild(): void {
  if (fs.existsSync(path.join(root, 'dist/web/index.html'))) return;
  console.log('Building the web app…');
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * A production server on a fresh data directory holding the demo department (`steward
 * seed-demo`), on `port`. The directory is removed on stop.
 */
export async function startDemoServer(port: number): Promise<DemoServer> {
  ensureWebBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steward-demo-'));
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' as const };
  console.log('Seeding the demo department…');
  execFileSync(process.execPath, ['bin/steward.mjs', 'seed-demo'], { cwd: root, env, stdio: 'ignore' });
  const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'scripts/serve.mjs'], {
    cwd: root,
    env: { ...env, PORT: String(port), BACKGROUND_JOBS: 'false' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(`${baseUrl}/healthz`, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    stop,
    async signIn(context, email) {
      const response = await context.request.post(`${baseUrl}/api/v1/auth/login`, {
        data: { email, password: DEMO_PASSWORD },
      });
      if (!response.ok()) throw new Error(`${email} could not sign in: ${response.status()}`);
    },
  };
}
