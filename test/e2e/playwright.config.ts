import { defineConfig, type ReporterDescription } from '@playwright/test';
import { SERVER_NODE_FLAGS } from '../../scripts/server-flags.mjs';
import { chromiumPath } from '../helpers/tiers';
import { e2eBaseUrl, e2eDataDir, e2ePort, prepareE2eData, repoRoot } from './global-setup';

// The config is loaded again in each worker; only the runner prepares the data (before the server starts).
if (!process.env.TEST_WORKER_INDEX) prepareE2eData();

const reporter: ReporterDescription[] = (process.env.PLAYWRIGHT_REPORTER ?? (process.env.CI ? 'dot' : 'list'))
  .split(',')
  .map((name) => [name.trim()] as ReporterDescription);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: `${repoRoot}/.tmp/e2e-results`,
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter,
  use: {
    baseURL: e2eBaseUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: ['node', ...SERVER_NODE_FLAGS, 'scripts/serve.mjs'].join(' '),
    cwd: repoRoot,
    url: `${e2eBaseUrl}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(e2ePort),
      DATA_DIR: e2eDataDir,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      // Every spec signs people in from this one address; the limit itself has its API tests.
      LOGIN_RATE_LIMIT_PER_MINUTE: '600',
    },
  },
});
