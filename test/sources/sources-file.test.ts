/**
 * Files fetched whole (src/sources/sources-file.ts): a sources.json and its data files through the
 * request layer of http.ts, against the fault server on 127.0.0.1: typed errors for a 404 and an
 * HTML page, the size limit, and an abort that rejects with the caller's reason.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SourceRequestError } from '../../src/sources/http.js';
import {
  fileNameOf,
  isAbortError,
  loadSourcesFile,
  loadTextFile,
} from '../../src/sources/sources-file.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';

const DEMO = new URL('../../demo/data/', import.meta.url);
let server: FaultServer;
let demoIds: string[] = [];

beforeAll(async () => {
  server = await startFaultServer();
  // The demo sources.json and every data file it names (read from the file, not listed here).
  const demo = JSON.parse(readFileSync(new URL('sources.json', DEMO), 'utf8')) as {
    sources: Array<{ id: string; path?: string }>;
  };
  demoIds = demo.sources.map((s) => s.id);
  const files = demo.sources.flatMap((s) => (s.path === undefined ? [] : [s.path]));
  for (const name of ['sources.json', ...files]) {
    const body = readFileSync(new URL(name, DEMO));
    server.route(`/data/${name}`, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    });
  }
  server.route('/bad/sources.json', (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      '{"sources": [{"id": "zonering", "type": "geojson", "path": "missing.geojson", "properties": {"zone": "BKNSN_code"}}]}',
    );
  });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

describe('loadSourcesFile', () => {
  it('loads the demo sources.json and the data files it names, relative to its URL', async () => {
    const sources = await loadSourcesFile(server.url('/data/sources.json'));
    expect(sources.map((s) => s.id)).to.deep.equal(demoIds);
    expect(demoIds).to.include.members(['zonering', 'bodem', 'grondwater', 'grondgebruik']);
    expect(server.count('/data/zonering.geojson')).to.equal(1);
    expect(server.count('/data/soil.geojson')).to.equal(1);
  });

  it('names the source and the data file when a data file is missing', async () => {
    const error = await loadSourcesFile(server.url('/bad/sources.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).to.contain('zonering');
    expect((error as Error).message).to.contain('missing.geojson');
    expect(server.count('/bad/missing.geojson')).to.be.greaterThan(0);
  });

  it('rejects with the caller’s reason when aborted, and fetches no data file', async () => {
    const controller = new AbortController();
    const reason = new DOMException('The element was removed.', 'AbortError');
    const promise = loadSourcesFile(server.url('/slow?ms=2000'), { signal: controller.signal });
    controller.abort(reason);
    const error = await promise.catch((e: unknown) => e);
    expect(error).to.equal(reason);
    expect(isAbortError(error, controller.signal)).to.equal(true);
    expect(server.count('/data/zonering.geojson')).to.equal(0);
  });
});

describe('loadTextFile', () => {
  it('turns a 404 into a typed http-status error with a Dutch and English message', async () => {
    const error = await loadTextFile(server.url('/404')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceRequestError);
    expect((error as SourceRequestError).code).to.equal('http-status');
    expect((error as SourceRequestError).userMessage.nl).not.to.equal('');
    expect((error as SourceRequestError).userMessage.en).not.to.equal('');
  });

  it('says it was a file, not a source with a layer name (a scenario URL that fails)', async () => {
    const error = (await loadTextFile(server.url('/404')).catch(
      (e: unknown) => e,
    )) as SourceRequestError;
    expect(error.userMessage.nl).to.equal(
      'De server weigert het bestand "404" (HTTP 404). Controleer het adres van het bestand.',
    );
    expect(error.userMessage.en).to.equal(
      'The server refused the file "404" (HTTP 404). Check the address of the file.',
    );
    const html = (await loadTextFile(server.url('/html')).catch(
      (e: unknown) => e,
    )) as SourceRequestError;
    expect(html.userMessage.nl).to.match(
      /^Op het adres van het bestand "html" stond een webpagina/,
    );
    expect(html.userMessage.nl).not.to.match(/laagnaam|bron/);
  });

  it('never takes an HTML error page for the file', async () => {
    const error = await loadTextFile(server.url('/html')).catch((e: unknown) => e);
    expect((error as SourceRequestError).code).to.equal('html-response');
  });

  it('stops reading at the size limit', async () => {
    const error = await loadTextFile(server.url('/huge?mb=4'), { maxBytes: 1024 * 1024 }).catch(
      (e: unknown) => e,
    );
    expect((error as SourceRequestError).code).to.equal('too-large');
  });

  it('keeps to its time budget', async () => {
    const error = await loadTextFile(server.url('/slow?ms=3000'), { timeoutMs: 200 }).catch(
      (e: unknown) => e,
    );
    expect((error as SourceRequestError).code).to.equal('timeout');
  });
});

describe('fileNameOf', () => {
  it('is the last path segment without query or hash', () => {
    expect(fileNameOf('https://example.org/a/sources.json?v=2#x')).to.equal('sources.json');
    expect(fileNameOf('https://example.org/')).to.equal('https://example.org/');
  });
});
