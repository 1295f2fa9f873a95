/**
 * Global setup of the e2e suite (playwright.config.mjs): builds the demo (production build) and
 * serves it on a free port with the strict CSP header; the tests read the URL from
 * NA_E2E_BASE_URL. Returns the teardown that stops the server.
 */
import { startDemoServer } from '../../scripts/demo-server.mjs';

export default async function globalSetup() {
  const server = await startDemoServer({ port: 0, quiet: true });
  process.env.NA_E2E_BASE_URL = server.url;
  console.log(`e2e: demo at ${server.url} (production build, CSP header)`);
  return async () => {
    await server.close();
  };
}
