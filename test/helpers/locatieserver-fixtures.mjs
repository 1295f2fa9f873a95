/**
 * A stand-in for PDOK Locatieserver v3_1 in the browser tests: a web-test-runner (Koa) middleware
 * that answers `/locatieserver/{suggest,lookup,reverse,free}` from the fixtures in
 * `test/fixtures/locatieserver/` (see the README there), in the real response and error format.
 * Like the real service it rejects unknown parameters and a missing `q`/`id` with a 400 error body.
 *
 * Test controls (same origin, for the tests only; reset with `__reset`):
 * - `GET /locatieserver/__count`: `{ suggest, lookup, reverse, free, requests: [{ endpoint, query }] }`.
 * - `GET /locatieserver/__reset`: clears counts, delays and failures.
 * - `GET /locatieserver/__delay?q=dorp&ms=800`: delays suggest answers for that `q`;
 *   `__delay?endpoint=reverse&ms=500` delays every answer of an endpoint.
 * - `GET /locatieserver/__fail?endpoint=reverse&status=503&times=1`: the next `times` requests of an
 *   endpoint fail with that status and a plain-text body (as a proxy in front of the service does).
 * - A `delay=<ms>` parameter on any request delays that one answer.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/locatieserver');
const PREFIX = '/locatieserver/';

/** Parameters the real service accepts per endpoint (OpenAPI spec v3_1), plus the test's `delay`. */
const ALLOWED = {
  suggest: ['q', 'fl', 'sort', 'qf', 'bq', 'rows', 'start', 'wt', 'indent', 'lat', 'lon', 'fq'],
  lookup: ['id', 'fl', 'rows', 'start', 'wt', 'indent', 'lat', 'lon', 'fq'],
  free: ['q', 'fl', 'sort', 'df', 'rows', 'start', 'wt', 'indent', 'lat', 'lon', 'fq', 'bq'],
  reverse: [
    'lat',
    'lon',
    'X',
    'Y',
    'distance',
    'type',
    'fl',
    'rows',
    'start',
    'wt',
    'indent',
    'fq',
  ],
};

const EMPTY = {
  response: { numFound: 0, start: 0, maxScore: 0, numFoundExact: true, docs: [] },
  highlighting: {},
};

function freshState() {
  return {
    counts: { suggest: 0, lookup: 0, reverse: 0, free: 0 },
    requests: [],
    delayByQ: new Map(),
    delayByEndpoint: new Map(),
    failures: new Map(),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function solrError(msg, code = 400) {
  return {
    error: { metadata: ['error-class', 'org.apache.solr.common.SolrException'], msg, code },
  };
}

async function readFixture(...parts) {
  try {
    return JSON.parse(await readFile(join(FIXTURES, ...parts), 'utf8'));
  } catch (e) {
    if (e && e.code === 'ENOENT') return undefined;
    throw e;
  }
}

/** A safe fixture file name from a query value (anything else has no fixture). */
function fixtureName(value) {
  const name = value.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9-]*$/.test(name) ? `${name}.json` : undefined;
}

/** The middleware; state lives in the closure (web-test-runner runs the test files one by one). */
export function locatieserverFixtures() {
  let state = freshState();
  return async (ctx, next) => {
    if (!ctx.path.startsWith(PREFIX)) return next();
    const endpoint = ctx.path.slice(PREFIX.length).replace(/\/$/, '');
    const params = new URLSearchParams(ctx.querystring);
    const json = (status, body) => {
      ctx.status = status;
      ctx.type = 'application/json; charset=utf-8';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = JSON.stringify(body);
    };

    switch (endpoint) {
      case '__count':
        return json(200, { ...state.counts, requests: state.requests });
      case '__reset':
        state = freshState();
        return json(200, { ok: true });
      case '__delay': {
        const ms = Number(params.get('ms') ?? '0');
        if (params.has('q')) state.delayByQ.set(params.get('q'), ms);
        if (params.has('endpoint')) state.delayByEndpoint.set(params.get('endpoint'), ms);
        return json(200, { ok: true });
      }
      case '__fail':
        state.failures.set(params.get('endpoint') ?? 'suggest', {
          status: Number(params.get('status') ?? '503'),
          times: Number(params.get('times') ?? '1'),
        });
        return json(200, { ok: true });
      default:
        break;
    }

    const allowed = ALLOWED[endpoint];
    if (!allowed) return json(404, solrError(`Unknown endpoint ${endpoint}`, 404));
    state.counts[endpoint] += 1;
    state.requests.push({ endpoint, query: ctx.querystring });

    // Whether this request fails is decided when it arrives (not after its delay).
    const failure = state.failures.get(endpoint);
    let failStatus;
    if (failure && failure.times > 0) {
      failure.times -= 1;
      failStatus = failure.status;
    }
    const delay =
      Number(params.get('delay') ?? '0') +
      (state.delayByEndpoint.get(endpoint) ?? 0) +
      (endpoint === 'suggest' ? (state.delayByQ.get(params.get('q') ?? '') ?? 0) : 0);
    if (delay > 0) await sleep(delay);

    if (failStatus !== undefined) {
      ctx.status = failStatus;
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = 'Service Unavailable';
      return undefined;
    }

    const unknown = [...params.keys()].filter((k) => k !== 'delay' && !allowed.includes(k));
    if (unknown.length > 0) {
      return json(400, solrError(`Onbekende parameter(s): ${unknown.join(', ')}`));
    }

    if (endpoint === 'suggest' || endpoint === 'free') {
      const q = params.get('q');
      if (q === null || q.trim() === '') {
        return json(
          400,
          solrError("org.apache.solr.search.SyntaxError: Verplichte parameter 'q' ontbreekt"),
        );
      }
      const name = fixtureName(q);
      const body = (name && (await readFixture('suggest', name))) ?? EMPTY;
      const code = body.error?.code;
      return json(typeof code === 'number' ? code : 200, body);
    }
    if (endpoint === 'lookup') {
      const id = params.get('id');
      if (id === null || id === '') {
        return json(
          400,
          solrError("org.apache.solr.search.SyntaxError: Verplichte parameter 'id' ontbreekt"),
        );
      }
      const name = fixtureName(id);
      const body = (name && (await readFixture('lookup', name))) ?? {
        response: { numFound: 0, start: 0, maxScore: 0, numFoundExact: true, docs: [] },
      };
      return json(200, body);
    }
    // reverse
    const hasLatLon = params.has('lat') && params.has('lon');
    const hasXY = params.has('X') && params.has('Y');
    if (!hasLatLon && !hasXY) {
      return json(400, solrError('Geef lat en lon, of X en Y op.'));
    }
    return json(200, await readFixture('reverse.json'));
  };
}
