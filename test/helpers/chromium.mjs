/**
 * Debian's Chromium and the flags every suite launches it with (web-test-runner, Playwright e2e,
 * the pack test's host apps): headless, no sandbox (root in CI), no GPU, nothing that phones home.
 * See ../shared/TOOLCHAIN.md (measured on this machine).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
];
