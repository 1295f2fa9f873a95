import { defineConfig } from 'vitest/config';

/**
 * Integration tests against real OGC servers on 127.0.0.1 (QGIS Server 3.22 from Debian).
 * The global setup installs QGIS Server when it is missing (apt-get, as root), builds the project
 * from demo/data and starts the server; the tests read its URL with `inject('qgisUrl')`.
 * Run: npm run test:integration
 */
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30000,
    hookTimeout: 60000,
    globalSetup: ['test/integration/qgis-setup.ts'],
  },
});
