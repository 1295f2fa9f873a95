/**
 * Checks a live setup of sources, the way `natuurlijke-alliantie doctor` prints it and a GIS team's
 * admin page shows it: for each configured source, live,
 * 1. `reachable`: GetCapabilities (WMS, WFS), the collection document (OGC API Features), the
 *    layer description (ArcGIS REST) or the data file (GeoJSON, GeoTIFF) answers;
 * 2. `layer`: the layer / feature type / collection exists (a `name*` prefix finds one);
 * 3. `crs`: it offers the CRS the source asks in (EPSG:28992, or the WMS `queryCrs`);
 * 4. `sample`: one query at a point inside its coverage (`samplePoint` of the entry, a default per
 *    preset; else the centre of its `coverage`) answers with data;
 * 5. `properties`: the configured properties are in that answer (when not: what is there);
 * 6. `cors`: with `origin`, the service allows that page origin (`Access-Control-Allow-Origin`).
 *
 * Every line is ok / warning / error with a message and a hint (Dutch and English). Nothing here
 * throws for a failing service; only the caller's abort rejects.
 */
import { toCrs } from '../core/crs.js';
import { NaError } from '../core/types.js';
import type { Fact, LocalizedText, SourceResult, SupportedCrs } from '../core/types.js';
import {
  capabilitiesUrl,
  matchLayer,
  offersCrs,
  wfsCapabilitiesLayers,
  wmsCapabilitiesLayers,
} from './capabilities.js';
import type { CapabilitiesLayer } from './capabilities.js';
import { createSources } from './config.js';
import type { CreateSourcesOptions, SourceEntry, SourcesConfig } from './config.js';
import { SourceRequestError, fetchWithPolicy, readJson, readText } from './http.js';
import type { FetchLike, RequestPolicy } from './http.js';
import { ogcCollectionUrl } from './ogc-api-features.js';
import { joinUrl } from './remote.js';
import { defined } from '../core/defined.js';
import { localizedMessage, registerMessages, type MessageParams } from '../core/messages.js';

/** What one line checks. */
export type DiagnosisCheck = 'reachable' | 'layer' | 'crs' | 'sample' | 'properties' | 'cors';
export type DiagnosisStatus = 'ok' | 'warning' | 'error';

/** One line of the diagnosis. */
export interface DiagnosisLine {
  sourceId: string;
  check: DiagnosisCheck;
  status: DiagnosisStatus;
  /** What was found (technical detail: addresses, names). */
  message: LocalizedText;
  /** What to do about it (empty for ok lines). */
  hint: LocalizedText;
}

/** The result of {@link diagnose}. */
export interface Diagnosis {
  lines: DiagnosisLine[];
  /** True when every line is ok. */
  ok: boolean;
}

/** Options of {@link diagnose}. */
export interface DiagnoseOptions {
  /**
   * The page origin to check CORS for (e.g. `https://kaart.gemeente.nl`); none: no CORS check.
   * Node only: a browser hides `Access-Control-Allow-Origin` from scripts and blocks a service that
   * does not allow the page itself (the `reachable` line then fails).
   */
  origin?: string;
  /** The fetch implementation (default: the global `fetch`). */
  fetch?: FetchLike;
  /** Budget per request in ms (default 10000). */
  timeoutMs?: number;
  /** Loads local data files (GeoJSON; Node: read the file). Default: none (a load error). */
  load?: CreateSourcesOptions['load'];
  loadBytes?: CreateSourcesOptions['loadBytes'];
  /** URL of the sources file, for relative paths. */
  baseUrl?: string;
  /** Sample point `[x, y]` in EPSG:28992 for entries without their own `samplePoint`. */
  samplePoint?: readonly [number, number];
  signal?: AbortSignal;
}

/**
 * The lines and hints of the diagnosis (`diagnose` in a texts file): ICU texts. `{what}` is
 * `capabilities`, `collection` or `layer` (what the service was asked for).
 */
export const diagnoseMessages = {
  reachableHint: {
    nl: 'Controleer het adres ("url") en of de dienst vanaf deze machine bereikbaar is.',
    en: 'Check the address ("url") and whether the service can be reached from this machine.',
  },
  reachableOk: {
    nl: '{what, select, collection {Het collectiedocument} layer {De laagbeschrijving} other {GetCapabilities}} antwoordt ({url}).',
    en: '{what, select, collection {The collection document} layer {The layer description} other {GetCapabilities}} answers ({url}).',
  },
  corsOk: {
    nl: 'Staat {origin} toe (Access-Control-Allow-Origin: {header}).',
    en: 'Allows {origin} (Access-Control-Allow-Origin: {header}).',
  },
  corsBlocked: {
    nl: 'Staat de pagina-origin {origin} niet toe (Access-Control-Allow-Origin: {hasHeader, select, yes {"{header}"} other {geen}}); een browser blokkeert de antwoorden.',
    en: 'Does not allow the page origin {origin} (Access-Control-Allow-Origin: {hasHeader, select, yes {"{header}"} other {none}}); a browser will block the answers.',
  },
  corsHint: {
    nl: 'Vraag de beheerder van de dienst om CORS voor deze origin aan te zetten, of laat de aanvragen via een eigen proxy lopen.',
    en: 'Ask the service to allow CORS for this origin, or send the requests through your own proxy.',
  },
  layerMissing: {
    nl: 'Laag "{pattern}" staat niet in GetCapabilities ({count, plural, one {# laag} other {# lagen}}{hasSimilar, select, yes {; lijkt op: {similar}} other {}}).',
    en: 'Layer "{pattern}" is not in GetCapabilities ({count, plural, one {# layer} other {# layers}}{hasSimilar, select, yes {; similar: {similar}} other {}}).',
  },
  layerMissingHint: {
    nl: 'Zet de juiste laagnaam in "layer" (een naam die op * eindigt zoekt de nieuwste laag met dat begin).',
    en: 'Put the right layer name in "layer" (a name ending in * finds the newest layer that starts with it).',
  },
  layerOk: { nl: 'Laag "{name}" bestaat.', en: 'Layer "{name}" exists.' },
  crsOk: { nl: '"{name}" biedt {crs}.', en: '"{name}" offers {crs}.' },
  crsMissing: {
    nl: '"{name}" noemt {crs} niet (wel: {hasOffered, select, yes {{offered}} other {geen}}).',
    en: '"{name}" does not list {crs} (it lists {hasOffered, select, yes {{offered}} other {none}}).',
  },
  crsHintWms: {
    nl: 'Zet "queryCrs" op een CRS die de laag biedt (EPSG:28992, EPSG:4326 of EPSG:3857).',
    en: 'Set "queryCrs" to a CRS the layer offers (EPSG:28992, EPSG:4326 or EPSG:3857).',
  },
  crsHintWfs: {
    nl: 'Controleer of de dienst in EPSG:28992 kan antwoorden; de proefvraag hieronder laat het zien.',
    en: 'Check that the service can answer in EPSG:28992; the sample query below shows it.',
  },
  collectionOk: { nl: 'Collectie "{name}" bestaat.', en: 'Collection "{name}" exists.' },
  collectionCrsOk: { nl: 'De collectie biedt {crs}.', en: 'The collection offers {crs}.' },
  collectionCrsMissing: {
    nl: 'De collectie noemt {crs} niet (wel: {hasOffered, select, yes {{offered}} other {geen}}).',
    en: 'The collection does not list {crs} (it lists {hasOffered, select, yes {{offered}} other {none}}).',
  },
  collectionCrsHint: {
    nl: 'Geef in "crsUri" de URI die de server voor EPSG:28992 gebruikt.',
    en: 'Give the URI the server uses for EPSG:28992 in "crsUri".',
  },
  arcgisLayerOk: {
    nl: 'De ArcGIS-laag bestaat ({count, plural, one {# veld} other {# velden}}).',
    en: 'The ArcGIS layer exists ({count, plural, one {# field} other {# fields}}).',
  },
  arcgisCrsOk: {
    nl: 'ArcGIS rekent het punt om (inSR=28992).',
    en: 'ArcGIS reprojects the point (inSR=28992).',
  },
  noSamplePoint: {
    nl: 'Geen proefpunt: het antwoord en de eigenschappen zijn niet gecontroleerd.',
    en: 'No sample point: the answer and its properties were not checked.',
  },
  noSamplePointHint: {
    nl: 'Geef "samplePoint": [x, y] in EPSG:28992, een punt binnen de gegevens van deze bron.',
    en: 'Give "samplePoint": [x, y] in EPSG:28992, a point inside the data of this source.',
  },
  sourceFailedHint: {
    nl: 'De bron kon niet worden aangemaakt of gelezen; zie de melding.',
    en: 'The source could not be created or read; see the message.',
  },
  sampleError: {
    nl: 'Vraag op {at}: {hasMessage, select, yes {{message}} other {fout}}',
    en: 'Query at {at}: {hasMessage, select, yes {{message}} other {error}}',
  },
  sampleErrorHint: {
    nl: 'Controleer laag, versie en formaat van deze bron.',
    en: 'Check the layer, version and format of this source.',
  },
  sampleNoData: {
    nl: 'Geen gegevens op {at} ({reason}).',
    en: 'No data at {at} ({reason}){hasMessage, select, yes {: {message}} other {}}',
  },
  sampleNoDataHint: {
    nl: 'Kies een "samplePoint" binnen de gegevens van deze bron, dan worden ook de eigenschappen gecontroleerd.',
    en: 'Choose a "samplePoint" inside the data of this source, so the properties are checked too.',
  },
  sampleOk: {
    nl: 'Vraag op {at}: {hasFacts, select, yes {{facts}} other {beantwoord}}.',
    en: 'Query at {at}: {hasFacts, select, yes {{facts}} other {answered}}.',
  },
  propertiesErrorHint: {
    nl: 'Zet in "properties" de namen die het antwoord heeft (zie de lijst in de melding), of een "valueMap"/"noData" voor deze waarden.',
    en: 'Put the names the answer has in "properties" (see the list in the message), or a "valueMap"/"noData" for these values.',
  },
  detailMissing: {
    nl: 'Detail {names} staat niet in het antwoord.',
    en: 'Detail {names} not in the answer.',
  },
  detailMissingHint: {
    nl: 'Pas "detail" aan aan de namen in het antwoord.',
    en: 'Change "detail" to the names in the answer.',
  },
  propertiesOk: {
    nl: 'Gevonden: {hasNames, select, yes {{names}} other {(geen ingesteld)}}.',
    en: 'Found: {hasNames, select, yes {{names}} other {(none configured)}}.',
  },
} as const;

registerMessages('diagnose', diagnoseMessages);

/** A diagnosis message in every language. */
function msg(key: keyof typeof diagnoseMessages, params: MessageParams = {}): LocalizedText {
  return localizedMessage(diagnoseMessages, key, params);
}

/** `yes` when a text is not empty, for an ICU `select` that leaves out an empty part. */
function has(text: string): 'yes' | 'no' {
  return text === '' ? 'no' : 'yes';
}

const EMPTY: LocalizedText = { nl: '', en: '' };
const REMOTE = new Set(['wms', 'wfs', 'ogc-api-features', 'arcgis-rest']);

/**
 * Checks every source of a parsed sources file, live (see the module comment). Sources are checked
 * in parallel; the lines keep the order of the sources and of the checks.
 */
export async function diagnose(
  config: SourcesConfig,
  options: DiagnoseOptions = {},
): Promise<Diagnosis> {
  options.signal?.throwIfAborted();
  const perSource = await Promise.all(config.sources.map((e) => diagnoseEntry(e, config, options)));
  const lines = perSource.flat();
  return { lines, ok: lines.every((l) => l.status === 'ok') };
}

async function diagnoseEntry(
  entry: SourceEntry,
  config: SourcesConfig,
  options: DiagnoseOptions,
): Promise<DiagnosisLine[]> {
  const lines: DiagnosisLine[] = [];
  const line = (
    check: DiagnosisCheck,
    status: DiagnosisStatus,
    message: LocalizedText,
    hint: LocalizedText = EMPTY,
  ): void => {
    lines.push({ sourceId: entry.id, check, status, message, hint });
  };
  const policy: RequestPolicy = {
    sourceId: entry.id,
    sourceTitle: entry.title ?? entry.id,
    timeoutMs: options.timeoutMs ?? 10000,
    retries: 0,
    ...defined({
      fetchImpl: options.fetch,
      signal: options.signal,
      headers: options.origin === undefined ? undefined : { Origin: options.origin },
    }),
  };

  let corsHeader: string | null | undefined;
  if (REMOTE.has(entry.type) && entry.url !== undefined) {
    const service = await describeService(entry, policy);
    if (service.error !== undefined) {
      rethrowAbort(service.error, options.signal);
      line('reachable', 'error', errorText(service.error), msg('reachableHint'));
      return lines;
    }
    corsHeader = service.cors;
    line('reachable', 'ok', msg('reachableOk', { what: service.what, url: service.url }));
    layerAndCrs(entry, service, line);
  }

  await sample(entry, config, options, line);

  if (options.origin !== undefined && REMOTE.has(entry.type)) {
    const origin = options.origin;
    if (corsHeader === '*' || corsHeader === origin) {
      line('cors', 'ok', msg('corsOk', { origin, header: corsHeader }));
    } else {
      const header = corsHeader ?? '';
      line(
        'cors',
        'error',
        msg('corsBlocked', {
          origin,
          header,
          hasHeader: corsHeader === null || corsHeader === undefined ? 'no' : 'yes',
        }),
        msg('corsHint'),
      );
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Step 1–3: the service description

interface ServiceInfo {
  /** What was asked: GetCapabilities, the collection document, the layer description. */
  what: 'capabilities' | 'collection' | 'layer';
  url: string;
  cors: string | null;
  /** Layers (WMS, WFS) with their CRSs. */
  layers?: CapabilitiesLayer[];
  /** OGC API Features collection: its CRS list. */
  collectionCrs?: string[];
  /** ArcGIS layer: field names. */
  fields?: string[];
  error?: unknown;
}

async function describeService(entry: SourceEntry, policy: RequestPolicy): Promise<ServiceInfo> {
  const url = entry.url as string;
  let what: ServiceInfo['what'] = 'capabilities';
  let target = url;
  try {
    switch (entry.type) {
      case 'wms': {
        target = capabilitiesUrl(url, 'WMS', entry.serviceVersion ?? '1.3.0');
        const { text, cors } = await getText(target, policy);
        return { what, url: target, cors, layers: wmsCapabilitiesLayers(text) };
      }
      case 'wfs': {
        target = capabilitiesUrl(url, 'WFS', entry.serviceVersion ?? '2.0.0');
        const { text, cors } = await getText(target, policy);
        return { what, url: target, cors, layers: wfsCapabilitiesLayers(text) };
      }
      case 'ogc-api-features': {
        what = 'collection';
        target = ogcCollectionUrl(url, {
          collection: entry.layer ?? '',
          ...defined({ itemsPath: entry.itemsPath, collectionPath: entry.collectionPath }),
        });
        const { json, cors } = await getJson(target, policy);
        const crs = (json as { crs?: unknown }).crs;
        return {
          what,
          url: target,
          cors,
          collectionCrs: Array.isArray(crs) ? crs.filter((c) => typeof c === 'string') : [],
        };
      }
      default: {
        what = 'layer';
        const layerInUrl = /\/(?:FeatureServer|MapServer)\/\d+\/?$/i.test(url);
        target = joinUrl(url, layerInUrl ? '' : encodeURIComponent(entry.layer ?? ''), {
          f: 'json',
        });
        const { json, cors } = await getJson(target, policy, arcgisError);
        const fields = (json as { fields?: unknown }).fields;
        return {
          what,
          url: target,
          cors,
          fields: Array.isArray(fields)
            ? fields
                .map((f) => (f as { name?: unknown } | null)?.name)
                .filter((n): n is string => typeof n === 'string')
            : [],
        };
      }
    }
  } catch (e) {
    return { what, url: target, cors: null, error: e };
  }
}

function arcgisError(json: unknown): string | undefined {
  const err = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (err === undefined || err === null || typeof err !== 'object') return undefined;
  return `${String(err.code ?? '')} ${String(err.message ?? 'error')}`.trim();
}

async function getText(
  url: string,
  policy: RequestPolicy,
): Promise<{ text: string; cors: string | null }> {
  const response = await fetchWithPolicy(url, {
    ...policy,
    accept: 'application/xml, text/xml;q=0.9, */*;q=0.1',
  });
  const cors = response.headers.get('access-control-allow-origin');
  return { text: await readText(response), cors };
}

async function getJson(
  url: string,
  policy: RequestPolicy,
  errorOf?: (json: unknown) => string | undefined,
): Promise<{ json: unknown; cors: string | null }> {
  const response = await fetchWithPolicy(url, { ...policy, accept: 'application/json' });
  const cors = response.headers.get('access-control-allow-origin');
  return { json: await readJson(response, defined({ errorOf })), cors };
}

type Line = (
  check: DiagnosisCheck,
  status: DiagnosisStatus,
  message: LocalizedText,
  hint?: LocalizedText,
) => void;

function layerAndCrs(entry: SourceEntry, service: ServiceInfo, line: Line): void {
  const wanted: SupportedCrs =
    entry.type === 'wms' ? (entry.queryCrs ?? 'EPSG:28992') : 'EPSG:28992';
  if (service.layers !== undefined) {
    const names = service.layers.map((l) => l.name);
    const patterns = (entry.layer ?? '').split(',').map((p) => p.trim());
    for (const pattern of patterns) {
      const name = matchLayer(names, pattern);
      if (name === undefined) {
        const near = similar(names, pattern);
        line(
          'layer',
          'error',
          msg('layerMissing', {
            pattern,
            count: names.length,
            similar: near.join(', '),
            hasSimilar: near.length > 0 ? 'yes' : 'no',
          }),
          msg('layerMissingHint'),
        );
        continue;
      }
      line('layer', 'ok', msg('layerOk', { name }));
      const layer = service.layers.find((l) => l.name === name) as CapabilitiesLayer;
      if (offersCrs(layer.crs, wanted)) {
        line('crs', 'ok', msg('crsOk', { name, crs: wanted }));
      } else {
        const offered = layer.crs.slice(0, 8).join(', ');
        // A WFS reprojects on request even when a CRS is not listed: a warning, not an error.
        line(
          'crs',
          entry.type === 'wfs' ? 'warning' : 'error',
          msg('crsMissing', { name, crs: wanted, offered, hasOffered: has(offered) }),
          msg(entry.type === 'wms' ? 'crsHintWms' : 'crsHintWfs'),
        );
      }
    }
    return;
  }
  if (service.collectionCrs !== undefined) {
    line('layer', 'ok', msg('collectionOk', { name: entry.layer ?? '' }));
    const crs = service.collectionCrs;
    if (entry.crsUri !== undefined ? crs.includes(entry.crsUri) : offersCrs(crs, wanted)) {
      line('crs', 'ok', msg('collectionCrsOk', { crs: entry.crsUri ?? wanted }));
    } else {
      const offered = crs.slice(0, 6).join(', ');
      line(
        'crs',
        'error',
        msg('collectionCrsMissing', {
          crs: entry.crsUri ?? wanted,
          offered,
          hasOffered: has(offered),
        }),
        msg('collectionCrsHint'),
      );
    }
    return;
  }
  if (service.fields !== undefined) {
    line('layer', 'ok', msg('arcgisLayerOk', { count: service.fields.length }));
    line('crs', 'ok', msg('arcgisCrsOk'));
  }
}

/** Up to five names that share the longest start with `pattern` (or contain its last word). */
function similar(names: readonly string[], pattern: string): string[] {
  const p = pattern.replace(/\*$/, '').toLowerCase();
  const common = (n: string): number => {
    const a = n.toLowerCase();
    let i = 0;
    while (i < a.length && i < p.length && a[i] === p[i]) i++;
    return i;
  };
  return [...names]
    .map((n) => ({ n, c: common(n) }))
    .filter((x) => x.c >= Math.min(4, p.length))
    .sort((a, b) => b.c - a.c || a.n.localeCompare(b.n))
    .slice(0, 5)
    .map((x) => x.n);
}

// ---------------------------------------------------------------------------------------------
// Step 4–5: the sample query

async function sample(
  entry: SourceEntry,
  config: SourcesConfig,
  options: DiagnoseOptions,
  line: Line,
): Promise<void> {
  const point = entry.samplePoint ?? options.samplePoint ?? coverageCentre(entry);
  if (point === undefined) {
    line('sample', 'warning', msg('noSamplePoint'), msg('noSamplePointHint'));
    return;
  }
  let result: SourceResult;
  try {
    const [source] = await createSources(
      { fileName: config.fileName, sources: [entry] },
      {
        load: options.load ?? ((p) => Promise.reject(new Error(`no file loader for ${p}`))),
        ...defined({
          loadBytes: options.loadBytes,
          baseUrl: options.baseUrl,
          fetch: options.fetch,
          signal: options.signal,
        }),
      },
    );
    if (source === undefined) return;
    result = await source.query(
      { x: point[0], y: point[1], crs: 'EPSG:28992' },
      defined({ signal: options.signal }),
    );
  } catch (e) {
    rethrowAbort(e, options.signal);
    line('sample', 'error', errorText(e), msg('sourceFailedHint'));
    return;
  }
  const at = `(${point[0]}, ${point[1]})`;
  if (result.status === 'error') {
    const hint = result.userMessage ?? msg('sampleErrorHint');
    const message = result.message ?? '';
    line('sample', 'error', msg('sampleError', { at, message, hasMessage: has(message) }), hint);
    return;
  }
  if (result.status === 'no-data') {
    const message = (result.message ?? '').trim();
    line(
      'sample',
      'warning',
      msg('sampleNoData', {
        at,
        reason: result.reason ?? 'no-data',
        message,
        hasMessage: has(message),
      }),
      msg('sampleNoDataHint'),
    );
    return;
  }
  const facts = summary(result.facts);
  line('sample', 'ok', msg('sampleOk', { at, facts, hasFacts: has(facts) }));
  const bad = result.facts.filter((f) => f.status === 'error');
  const missingDetail = (entry.detail ?? []).filter((d) => result.detail?.[d] === undefined);
  if (bad.length > 0) {
    const text = bad.map((f) => `${f.name}: ${f.message ?? f.reason ?? 'error'}`).join(' ');
    line('properties', 'error', sameText(text), msg('propertiesErrorHint'));
  } else if (missingDetail.length > 0) {
    line(
      'properties',
      'warning',
      msg('detailMissing', { names: missingDetail.join(', ') }),
      msg('detailMissingHint'),
    );
  } else {
    const names = Object.values(entry.propertyRefs ?? entry.properties)
      .flat()
      .concat(entry.detail ?? []);
    const list = names.join(', ');
    line('properties', 'ok', msg('propertiesOk', { names: list, hasNames: has(list) }));
  }
}

/** The centre of the entry's `coverage`, in EPSG:28992, when it has one. */
function coverageCentre(entry: SourceEntry): [number, number] | undefined {
  const c = entry.coverage;
  if (c === undefined) return undefined;
  const centre: [number, number] = [(c[0] + c[2]) / 2, (c[1] + c[3]) / 2];
  const crs = entry.crs ?? 'EPSG:28992';
  return crs === 'EPSG:28992' ? centre : toCrs(centre, crs, 'EPSG:28992');
}

function summary(facts: readonly Fact[]): string {
  return facts
    .map((f) => {
      if (f.status === 'ok') return `${f.name} = ${JSON.stringify(f.value)}`;
      return `${f.name}: ${f.status} (${f.reason ?? ''})`;
    })
    .join(', ');
}

// ---------------------------------------------------------------------------------------------

/** A technical text (names, service messages) that is the same in every language. */
function sameText(text: string): LocalizedText {
  const out: Record<string, string> = {};
  for (const lang of ['nl', 'en']) out[lang] = text;
  return out as LocalizedText;
}

function errorText(e: unknown): LocalizedText {
  if (e instanceof SourceRequestError) return { ...e.userMessage, en: e.message };
  return sameText(e instanceof Error ? e.message : String(e));
}

function rethrowAbort(e: unknown, signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw signal.reason;
  if (e instanceof NaError && e.code === 'aborted') throw e;
}
