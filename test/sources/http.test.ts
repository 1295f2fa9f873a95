import { describe, expect, it } from 'vitest';
import { NaError } from '../../src/core/types.js';
import {
  SourceRequestError,
  classifyText,
  exceptionText,
  fetchWithPolicy,
  isJsonType,
  problemText,
  readBytes,
  readJson,
  readText,
  userMessageFor,
} from '../../src/sources/http.js';

function response(body: string, type: string, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': type } });
}

async function failure(p: Promise<unknown>): Promise<SourceRequestError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SourceRequestError) return e;
    throw e;
  }
  throw new Error('expected a SourceRequestError');
}

describe('readJson: the body decides, the label helps', () => {
  const fc = '{"type":"FeatureCollection","features":[]}';
  for (const type of [
    'application/json',
    'application/json; charset=utf-8',
    'application/geo+json',
    'application/vnd.ogc.fg+json',
    'application/vnd.geo+json',
    'application/json;subtype=geojson',
    'text/plain',
    'text/html',
    '',
  ]) {
    it(`accepts a JSON body labelled "${type}"`, async () => {
      expect(await readJson(response(fc, type))).toEqual({
        type: 'FeatureCollection',
        features: [],
      });
    });
  }

  it('a byte-order mark is fine', async () => {
    expect(await readJson(response(`\ufeff${fc}`, 'application/json'))).toMatchObject({
      type: 'FeatureCollection',
    });
  });

  it('an HTML page is html-response, also with a JSON label', async () => {
    for (const type of ['text/html', 'application/json']) {
      const e = await failure(
        readJson(response('<!DOCTYPE html><html><body>x</body></html>', type)),
      );
      expect(e.code).toBe('html-response');
      expect(e).toBeInstanceOf(NaError);
    }
  });

  it('malformed and truncated JSON with a JSON label: invalid-json', async () => {
    const m = await failure(readJson(response('{"type": "FeatureCo', 'application/json')));
    expect(m.code).toBe('invalid-json');
    const empty = await failure(readJson(response('', 'application/geo+json')));
    expect(empty.code).toBe('invalid-json');
    expect(empty.message).toMatch(/empty body/);
  });

  it('non-JSON text with a non-JSON label: wrong-content-type', async () => {
    const e = await failure(readJson(response('hello', 'text/plain')));
    expect(e.code).toBe('wrong-content-type');
    expect(e.userMessage.en).toMatch(/sent text\/plain instead of JSON/);
  });

  it('problem+json: problem with title and detail, whatever the status', async () => {
    const body = '{"title":"Not Found","detail":"no such collection","status":404}';
    const e404 = await failure(readJson(response(body, 'application/problem+json', 404)));
    expect(e404.code).toBe('problem');
    expect(e404.details.serviceMessage).toBe('Not Found — no such collection');
    const e200 = await failure(readJson(response(body, 'application/problem+json', 200)));
    expect(e200.code).toBe('problem');
  });

  it('a non-2xx JSON without problem fields: http-status', async () => {
    const e = await failure(readJson(response('{"a":1}', 'application/json', 500)));
    expect(e.code).toBe('http-status');
    expect(e.details.status).toBe(500);
  });

  it('a service error JSON recognized by errorOf is a problem (HTTP 200 too)', async () => {
    const e = await failure(
      readJson(response('{"error":{"msg":"kapot"}}', 'application/json'), {
        errorOf: (j) => (j as { error?: { msg?: string } }).error?.msg ?? undefined,
      }),
    );
    expect(e.code).toBe('problem');
    expect(e.userMessage.nl).toMatch(/meldt een fout: kapot/);
  });

  it('readText and readBytes refuse HTML and exception reports', async () => {
    expect((await failure(readText(response('<html><body/></html>', 'text/html')))).code).toBe(
      'html-response',
    );
    expect(
      (
        await failure(
          readBytes(
            response(
              '<ServiceExceptionReport><ServiceException>x</ServiceException></ServiceExceptionReport>',
              'text/xml',
            ),
          ),
        )
      ).code,
    ).toBe('ogc-exception');
    expect((await failure(readBytes(response('x', 'image/tiff', 404)))).code).toBe('http-status');
    const ok = await readBytes(new Response(new Uint8Array([1, 2, 3]), { status: 206 }));
    expect(new Uint8Array(ok)).toEqual(new Uint8Array([1, 2, 3]));
  });
});

describe('classification helpers (pure)', () => {
  it('classifyText', () => {
    expect(classifyText('  <!doctype html><p>x')).toEqual({ kind: 'html' });
    expect(classifyText('<html lang="nl">')).toEqual({ kind: 'html' });
    expect(classifyText('<?xml version="1.0"?><html><body></body></html>').kind).toBe('html');
    expect(classifyText('<?xml version="1.0"?><wfs:FeatureCollection/>')).toEqual({ kind: 'xml' });
    expect(classifyText('plain')).toEqual({ kind: 'other' });
    const ogc = classifyText(
      '<?xml version="1.0"?><ServiceExceptionReport><ServiceException code="InvalidFormat">Bad &lt;format&gt;</ServiceException></ServiceExceptionReport>',
    );
    expect(ogc).toEqual({ kind: 'ogc-exception', text: 'InvalidFormat: Bad <format>' });
  });

  it('exceptionText: WMS and OWS reports, CDATA, several exceptions, markup removed', () => {
    expect(
      exceptionText(
        '<ows:ExceptionReport><ows:Exception exceptionCode="NoApplicableCode"><ows:ExceptionText><![CDATA[a <b>bold</b> move]]></ows:ExceptionText></ows:Exception><ows:Exception exceptionCode="X"/></ows:ExceptionReport>',
      ),
    ).toBe('NoApplicableCode: a bold move');
    expect(
      exceptionText(
        '<ServiceExceptionReport><ServiceException>one</ServiceException><ServiceException code="B">two &amp; three</ServiceException></ServiceExceptionReport>',
      ),
    ).toBe('one; B: two & three');
    expect(exceptionText('<ServiceExceptionReport/>')).toBe('exception report without text');
  });

  it('problemText and isJsonType', () => {
    expect(problemText({ title: 'T', detail: 'D' })).toBe('T — D');
    expect(problemText({ title: 'T' })).toBe('T');
    expect(problemText({ detail: 'D' })).toBe('D');
    expect(problemText({ type: 'FeatureCollection' })).toBeUndefined();
    expect(isJsonType('application/geo+json')).toBe(true);
    expect(isJsonType('application/problem+json')).toBe(true);
    expect(isJsonType('application/json')).toBe(true);
    expect(isJsonType('text/html')).toBe(false);
  });

  it('user messages name the source, in Dutch and English', () => {
    const m = userMessageFor('timeout', 'de bodemkaart', { timeoutMs: 8000 });
    expect(m.nl).toBe(
      'De bron "de bodemkaart" reageert niet binnen 8 seconden. Probeer het later opnieuw.',
    );
    expect(m.en).toBe(
      'The source "de bodemkaart" did not respond within 8 seconds. Please try again later.',
    );
    expect(userMessageFor('html-response', 'X').en).toContain(
      'answered with an error page (HTML) instead of data',
    );
  });
});

describe('fetchWithPolicy with an injected fetch', () => {
  it('passes the Accept header and returns the response of any status', async () => {
    let seen: RequestInit | undefined;
    const res = await fetchWithPolicy('http://example.test/x', {
      accept: 'application/json',
      fetchImpl: (_u, init) => {
        seen = init;
        return Promise.resolve(new Response('nope', { status: 404 }));
      },
    });
    expect(res.status).toBe(404);
    expect((seen?.headers as Record<string, string>).Accept).toBe('application/json');
  });

  it('retries a thrown network error, then reports network with the number of attempts', async () => {
    let n = 0;
    const e = await failure(
      fetchWithPolicy('http://example.test/x', {
        retries: 3,
        backoffMs: 1,
        sourceTitle: 'Test',
        fetchImpl: () => {
          n++;
          return Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNRESET') }));
        },
      }),
    );
    expect(n).toBe(4);
    expect(e.code).toBe('network');
    expect(e.details.attempts).toBe(4);
    expect(e.message).toMatch(/ECONNRESET/);
  });

  it('does not retry a redirect loop', async () => {
    let n = 0;
    const e = await failure(
      fetchWithPolicy('http://example.test/x', {
        backoffMs: 1,
        fetchImpl: () => {
          n++;
          return Promise.reject(
            new TypeError('fetch failed', { cause: new Error('redirect count exceeded') }),
          );
        },
      }),
    );
    expect(n).toBe(1);
    expect(e.details.redirectLoop).toBe(true);
  });

  it('the budget covers all attempts: a timeout is reported, not retried', async () => {
    let n = 0;
    const hang = (_u: string, init?: RequestInit): Promise<Response> => {
      n++;
      return new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    };
    const t0 = Date.now();
    const e = await failure(
      fetchWithPolicy('http://example.test/x', { timeoutMs: 50, fetchImpl: hang }),
    );
    expect(e.code).toBe('timeout');
    expect(n).toBe(1);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
