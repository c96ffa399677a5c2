// Browser tests (@playwright/test) against one real server in demo mode (e2e/support/global-setup.ts) on
// Debian's Chromium: no browser download. `npm run build` first (the server serves dist/web).
import { defineConfig } from '@playwright/test';
import { BASE_URL_ENV, CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/server.js';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  globalSetup: './e2e/support/global-setup.ts',
  globalTeardown: './e2e/support/global-teardown.ts',
  // Two cores: two workers. Files run in parallel, the tests of one file in order, none relies on another.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? '.tmp/e2e.json' }]],
  use: {
    // Set by global setup before the workers start (each worker loads this file again).
    baseURL: process.env[BASE_URL_ENV],
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
