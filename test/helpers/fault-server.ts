/**
 * A small HTTP server on 127.0.0.1 (a free port) that fails in every way a geo service can, plus
 * valid answers in each protocol's format, for the source adapter tests. It counts requests per
 * path, so tests can check how often a client retried.
 *
 * Fault routes (any method):
 * - `/slow?ms=N`           answers valid JSON after N ms (default 2000)
 * - `/slow-body?ms=N`      sends headers and half a body, then stalls N ms (default 2000)
 * - `/500`                 HTTP 500 (an HTML error page)
 * - `/502`                 always HTTP 502
 * - `/503?fail=N`          HTTP 503 for the first N requests (default 2), then a FeatureCollection
 * - `/404`                 HTTP 404, text
 * - `/html`                HTTP 200, an HTML error page (text/html)
 * - `/ogc-exception`       HTTP 200, a WMS ServiceExceptionReport (text/xml)
 * - `/ows-exception`       HTTP 400, an OWS ExceptionReport (WFS 2.0 / OGC API style XML)
 * - `/malformed`           HTTP 200 application/json `{"type": "FeatureCo`
 * - `/truncated`           HTTP 200 application/json, the first half of a valid document
 * - `/dropped`             announces a long body, sends part of it and drops the connection
 * - `/wrong-type`          a valid JSON FeatureCollection labelled text/html
 * - `/wrong-type-text`     `OK` labelled text/plain
 * - `/image`               a PNG (what a WMS sends when it ignores INFO_FORMAT)
 * - `/empty`               an empty FeatureCollection
 * - `/redirect-loop`       302 to itself
 * - `/problem`             HTTP 404 application/problem+json
 * - `/arcgis-error`        HTTP 200 `{"error":{"code":400,...}}`
 * - `/file?path=…`         a file with Range support (206 / Content-Range)
 * - `/file-no-range?path=…` the same file without: always 200 with the whole file
 *
 * Hostile routes (issue #13; see `hostile.ts`):
 * - `/huge?mb=N`           HTTP 200 JSON streamed without Content-Length, N MB (default 300);
 *                          the bytes actually sent are in `hugeSent()`
 * - `/huge-declared`       Content-Length of 300 MB announced, a little sent
 * - `/redos`               HTTP 400, a 900 kB OWS report of unclosed `<ows:Exception` openings
 * - `/ansi`                HTTP 400, an OWS exception with terminal escapes, 100 kB of text
 * - `/formula`             a FeatureCollection whose values are spreadsheet formulas
 * - `/bomb.tif[?size=N]`   a DEFLATE GeoTIFF bomb (8192² Float32 in one strip, or N²), with Range support
 *
 * Tests add their own routes with `route(path, handler)`.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { FORMULA_COLLECTION, ansiException, bombTiff, redosBody, streamHuge } from './hostile.js';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

export interface FaultServer {
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** Absolute URL of a path on this server. */
  url(path: string): string;
  /** Requests per path (without query). */
  count(path: string): number;
  /** Every request so far (path + query). */
  readonly requests: URL[];
  /** Adds or replaces a route. */
  route(path: string, handler: Handler): void;
  /** Bytes the last `/huge` answer actually sent before the client stopped reading. */
  hugeSent(): Promise<number>;
  /** Forgets the counts and requests. */
  reset(): void;
  close(): Promise<void>;
}

export const FEATURE_COLLECTION = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 1,
      properties: { code: 'Dz1', first_soilcode: 'Hn21', value_list: '3.25' },
      geometry: null,
    },
  ],
};

const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Er ging iets mis</h1><script>alert(1)</script></body></html>';

export const SERVICE_EXCEPTION = `<?xml version="1.0" encoding="UTF-8"?>
<ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc">
  <ServiceException code="LayerNotDefined">
    Layer 'soilarea2' is not defined &amp; cannot be queried &lt;here&gt;
  </ServiceException>
</ServiceExceptionReport>`;

export const OWS_EXCEPTION = `<?xml version="1.0" encoding="UTF-8"?>
<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" version="2.0.0">
  <ows:Exception exceptionCode="InvalidParameterValue" locator="typeNames">
    <ows:ExceptionText><![CDATA[Unknown feature type 'foo:bar']]></ows:ExceptionText>
  </ows:Exception>
</ows:ExceptionReport>`;

function json(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Sends `body` as JSON (status 200 unless given). */
export function sendJson(
  res: ServerResponse,
  body: unknown,
  status = 200,
  type = 'application/json',
): void {
  json(res, status, body, type);
}

/** Starts the server; close it in `afterAll`. */
export async function startFaultServer(): Promise<FaultServer> {
  const counts = new Map<string, number>();
  const requests: URL[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const routes = new Map<string, Handler>();

  const later = (res: ServerResponse, ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!res.destroyed) fn();
    }, ms);
    timers.add(t);
    res.on('close', () => {
      clearTimeout(t);
      timers.delete(t);
    });
  };

  routes.set('/slow', (_req, res, url) => {
    const ms = Number(url.searchParams.get('ms') ?? 2000);
    later(res, ms, () => json(res, 200, FEATURE_COLLECTION));
  });
  routes.set('/slow-body', (_req, res, url) => {
    const ms = Number(url.searchParams.get('ms') ?? 2000);
    const text = JSON.stringify(FEATURE_COLLECTION);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': text.length });
    res.write(text.slice(0, 10));
    later(res, ms, () => res.end(text.slice(10)));
  });
  routes.set('/500', (_req, res) => send(res, 500, 'text/html', HTML_PAGE));
  routes.set('/502', (_req, res) => send(res, 502, 'text/html', HTML_PAGE));
  routes.set('/503', (_req, res, url) => {
    const fail = Number(url.searchParams.get('fail') ?? 2);
    const n = counts.get('/503') ?? 0;
    if (n <= fail) send(res, 503, 'text/plain', 'Service Unavailable');
    else json(res, 200, FEATURE_COLLECTION);
  });
  routes.set('/404', (_req, res) => send(res, 404, 'text/plain', 'Not Found'));
  routes.set('/html', (_req, res) => send(res, 200, 'text/html; charset=utf-8', HTML_PAGE));
  routes.set('/ogc-exception', (_req, res) =>
    send(res, 200, 'text/xml; charset=utf-8', SERVICE_EXCEPTION),
  );
  routes.set('/ows-exception', (_req, res) => send(res, 400, 'application/xml', OWS_EXCEPTION));
  routes.set('/malformed', (_req, res) => json(res, 200, '{"type": "FeatureCo'));
  routes.set('/truncated', (_req, res) => {
    const text = JSON.stringify({ ...FEATURE_COLLECTION, padding: 'x'.repeat(200) });
    json(res, 200, text.slice(0, Math.floor(text.length / 2)));
  });
  routes.set('/dropped', (_req, res) => {
    const text = JSON.stringify(FEATURE_COLLECTION);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': text.length * 2 });
    res.write(text.slice(0, 20));
    later(res, 20, () => res.destroy());
  });
  routes.set('/wrong-type', (_req, res) => json(res, 200, FEATURE_COLLECTION, 'text/html'));
  routes.set('/wrong-type-text', (_req, res) => send(res, 200, 'text/plain', 'OK'));
  routes.set('/image', (_req, res) =>
    send(res, 200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  );
  routes.set('/empty', (_req, res) =>
    json(res, 200, { type: 'FeatureCollection', features: [] }, 'application/geo+json'),
  );
  routes.set('/redirect-loop', (_req, res) => {
    res.writeHead(302, { Location: '/redirect-loop' });
    res.end();
  });
  routes.set('/problem', (_req, res) =>
    json(
      res,
      404,
      { title: 'Not Found', status: 404, detail: "collection 'bodem' does not exist" },
      'application/problem+json',
    ),
  );
  routes.set('/arcgis-error', (_req, res) =>
    json(res, 200, {
      error: { code: 400, message: 'Unable to complete operation.', details: ['Invalid query'] },
    }),
  );
  let hugeSent: Promise<number> = Promise.resolve(0);
  routes.set('/huge', (_req, res, url) => {
    hugeSent = streamHuge(res, Number(url.searchParams.get('mb') ?? 300) * 1024 * 1024);
  });
  routes.set('/huge-declared', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 300 * 1024 * 1024 });
    res.write('[0,0,0');
  });
  routes.set('/redos', (_req, res) => send(res, 400, 'application/xml', redosBody()));
  routes.set('/ansi', (_req, res) => send(res, 400, 'application/xml', ansiException()));
  routes.set('/formula', (_req, res) => json(res, 200, FORMULA_COLLECTION));
  let bomb: Promise<Buffer> | undefined;
  const ranged = (req: IncomingMessage, res: ServerResponse, data: Buffer): void => {
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (range === null) {
      send(res, 200, 'image/tiff', data);
      return;
    }
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), data.length - 1);
    const part = data.subarray(start, end + 1);
    res.writeHead(206, {
      'Content-Type': 'image/tiff',
      'Content-Length': part.length,
      'Content-Range': `bytes ${start}-${end}/${data.length}`,
      'Accept-Ranges': 'bytes',
    });
    res.end(part);
  };
  // `?size=N` (16…8192): a smaller one-strip raster, e.g. one under the decode limit.
  const bombs = new Map<number, Promise<Buffer>>();
  routes.set('/bomb.tif', (req, res, url) => {
    const size = Math.min(8192, Math.max(16, Number(url.searchParams.get('size') ?? 8192) || 8192));
    if (size === 8192) bomb ??= bombTiff();
    else if (!bombs.has(size)) bombs.set(size, bombTiff(size));
    void (size === 8192 ? bomb : bombs.get(size))?.then((data) => ranged(req, res, data));
  });
  routes.set('/file', (req, res, url) => {
    ranged(req, res, readFileSync(url.searchParams.get('path') ?? ''));
  });
  routes.set('/file-no-range', (_req, res, url) => {
    send(res, 200, 'application/octet-stream', readFileSync(url.searchParams.get('path') ?? ''));
  });

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
    requests.push(url);
    const handler =
      routes.get(url.pathname) ??
      [...routes.entries()].find(
        ([p]) => p.endsWith('*') && url.pathname.startsWith(p.slice(0, -1)),
      )?.[1];
    if (handler === undefined) {
      send(res, 404, 'text/plain', `no route ${url.pathname}`);
      return;
    }
    try {
      handler(req, res, url);
    } catch (e) {
      send(res, 500, 'text/plain', e instanceof Error ? e.message : String(e));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    url: (path) => `${base}${path}`,
    count: (path) => counts.get(path) ?? 0,
    requests,
    route: (path, handler) => {
      routes.set(path, handler);
    },
    hugeSent: () => hugeSent,
    reset: () => {
      counts.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
