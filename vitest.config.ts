import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'test/e2e/**', 'test/integration/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20000,
    globalSetup: ['test/global-setup.ts'],
  },
});
