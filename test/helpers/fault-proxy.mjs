// The fault server (test/helpers/fault-server.ts: hostile and failing answers of geo services) for
// the browser tests: started once with the test runner and reached through the dev server under
// `/fault/…` (same origin, so no CORS), e.g. `/fault/redos`, `/fault/bomb.tif`,
// `/fault/huge?mb=40`, `/fault/slow?ms=3000`. `/fault/fixture/<path under test/fixtures>` serves a
// fixture with HTTP range support (the fault server's `/file` route), `/fault/fixture-no-range/…`
// the same without (a server that always sends the whole file, `/file-no-range`).
import { request } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const PREFIX = '/fault/';
/** Fixture paths and the fault server's route that serves them: with and without HTTP Range. */
const FIXTURE_ROUTES = {
  [`${PREFIX}fixture/`]: 'file',
  [`${PREFIX}fixture-no-range/`]: 'file-no-range',
};

/** Compiles the TypeScript fault server with esbuild (Node 20 cannot import .ts) and starts it. */
async function start() {
  const dir = join(process.cwd(), '.cache', 'fault-proxy');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `fault-server-${process.pid}.mjs`);
  await build({
    entryPoints: [join(process.cwd(), 'test/helpers/fault-server.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  const { startFaultServer } = await import(pathToFileURL(outfile).href);
  return startFaultServer();
}

export function faultProxy() {
  let server;
  const fixtures = resolve(process.cwd(), 'test/fixtures');
  return async function faultProxyMiddleware(context, next) {
    if (!context.path.startsWith(PREFIX)) return next();
    server ??= start();
    const { base } = await server;
    let target = `${base}/${context.url.slice(PREFIX.length)}`;
    const fixture = Object.keys(FIXTURE_ROUTES).find((p) => context.path.startsWith(p));
    if (fixture !== undefined) {
      const file = resolve(fixtures, decodeURIComponent(context.path.slice(fixture.length)));
      if (!file.startsWith(fixtures + sep)) {
        context.status = 403;
        return undefined;
      }
      target = `${base}/${FIXTURE_ROUTES[fixture]}?path=${encodeURIComponent(file)}`;
    }
    context.respond = false;
    await new Promise((done) => {
      const headers = { ...context.req.headers };
      delete headers.host;
      const upstream = request(target, { method: context.method, headers }, (res) => {
        context.res.writeHead(res.statusCode ?? 502, res.headers);
        res.pipe(context.res);
        res.on('end', done);
        res.on('error', done);
      });
      upstream.on('error', (e) => {
        if (!context.res.headersSent) context.res.writeHead(502, { 'Content-Type': 'text/plain' });
        context.res.end(String(e));
        done();
      });
      // A page that stops reading (an aborted check) closes the upstream answer too.
      context.res.on('close', () => {
        upstream.destroy();
        done();
      });
      context.req.pipe(upstream);
    });
    return undefined;
  };
}
