import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspaceRoot = join(import.meta.dirname, '..', '..');
const port = Number(process.env['E2E_PORT'] ?? 3100);
const baseURL = process.env['BASE_URL'] ?? `http://localhost:${port}`;
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The browser tests run against the production build served by the API, exactly as `npm start` serves it,
 * on its own port and its own embedded PostgreSQL in a throw-away data directory.
 * Playwright cannot download its browser here, so Debian's Chromium is used.
 */
export default defineConfig({
  testDir: './src',
  outputDir: join(workspaceRoot, 'dist', '.playwright', 'apps', 'web-e2e', 'test-output'),
  fullyParallel: true,
  forbidOnly: true,
  retries: process.env['CI'] ? 1 : 0,
  workers: 2,
  reporter: [['list']],
  timeout: 30_000,
  // pages load in well under a second alone, but the suite runs two browsers and the API on two cores
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    // The production build registers a service worker; its cache would let one test's pages answer
    // another's, and Playwright's offline mode does not reach a worker's own requests. The tests prove
    // the app's own behaviour (its offline queue and copies); the worker is configured in ngsw-config.json.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: process.env['BASE_URL']
    ? undefined
    : {
        command: 'node dist/apps/api/main.js',
        cwd: workspaceRoot,
        url: `http://localhost:${port}/api/health`,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: 'ignore',
        stderr: 'pipe',
        env: {
          PORT: String(port),
          NODE_ENV: 'test',
          DATABASE_URL: '',
          // Only the main process starts the server; workers load this file too and need no data directory.
          DATA_DIR:
            process.env['TEST_WORKER_INDEX'] === undefined
              ? mkdtempSync(join(tmpdir(), 'border-academy-e2e-'))
              : '',
          EMBEDDED_PG_PORT: process.env['E2E_PG_PORT'] ?? '54349',
          WEB_DIST_DIR: join(workspaceRoot, 'dist', 'apps', 'web', 'browser'),
          LOG_LEVEL: 'warn',
          // every test signs in from the same address; the per-address limit has its own API test
          SIGN_IN_ATTEMPTS_PER_MINUTE: '1000',
        },
      },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'] }, testIgnore: /bench-smoke/ },
    // A phone has no keyboard to tab with: the keyboard tests run on the desktop.
    {
      name: 'phone',
      use: { ...devices['Pixel 7'] },
      grepInvert: /@keyboard/,
      testIgnore: /bench-smoke/,
    },
    // The benchmark runner's smoke needs no browser and loads both cores: it runs after the browser tests.
    { name: 'bench', testMatch: /bench-smoke\.spec\.ts/, dependencies: ['desktop', 'phone'] },
  ],
});
