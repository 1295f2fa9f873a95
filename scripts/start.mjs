#!/usr/bin/env node
/**
 * `npm start`: builds the demo geoportal and serves the production build (with the strict
 * Content-Security-Policy header) on 127.0.0.1, port 5173 or $PORT, and prints the URL.
 *
 * Usage: node scripts/start.mjs [--port N] [--host H] [--no-build]
 *   --port 0 picks a free port; the line `NA_DEMO_URL=<url>` on stdout gives the one taken.
 */
import { parseArgs } from 'node:util';
import { startDemoServer } from './demo-server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    'no-build': { type: 'boolean', default: false },
  },
});

const portText = values.port ?? process.env.PORT ?? '5173';
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${portText}`);
  process.exit(2);
}

const server = await startDemoServer({
  port,
  host: values.host,
  build: !values['no-build'],
  quiet: true,
});
console.log(`\nGeoportaal Voorbeeldstad (demo, production build): ${server.url}`);
console.log(`  ${server.url}embed.html      the components added to an existing map`);
console.log(`  ${server.url}two-maps.html   two maps on one page`);
console.log(`NA_DEMO_URL=${server.url}`);
console.log('Press Ctrl+C to stop.');

function stop() {
  server.close().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
