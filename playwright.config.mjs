// End-to-end tests of the demo (test/e2e/*.spec.mjs) with @playwright/test, in Debian's Chromium
// (no downloaded browsers) with the same flags as the browser tests (web-test-runner.config.mjs).
// The demo server is built and started once by test/e2e/global-setup.mjs. The JSON report
// (.cache/e2e/results.json, or $NA_E2E_JSON) gives scripts/test-all.mjs its pass/fail counts.
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/helpers/chromium.mjs';
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const executablePath = CHROMIUM_PATH;
if (!existsSync(executablePath)) {
  throw new Error(
    `${executablePath} not found: run \`node scripts/ensure-setup.mjs --browser\` (as root).`,
  );
}

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.mjs',
  globalSetup: './test/e2e/global-setup.mjs',
  // One browser, the tests in file order (the last test checks the whole run for CSP violations).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  // Slow, shared CI machines: a test visits up to six pages, each building its maps.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  outputDir: '.cache/e2e/output',
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.NA_E2E_JSON ?? '.cache/e2e/results.json' }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
});
