import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One cap for every project: the machine runs the server and web tests side by side.
    maxWorkers: 2,
    projects: [
      {
        // Unit and API tests: Node, one database per file, PostgreSQL when reachable.
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          globalSetup: ['test/helpers/global-setup.ts'],
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Web component tests: jsdom, the network stubbed at fetch; no database, no browser.
        test: {
          name: 'web',
          include: ['web/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['web/test/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
