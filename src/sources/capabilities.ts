/**
 * OGC GetCapabilities documents (WMS 1.1.1/1.3.0, WFS 1.1.0/2.0.0): the few things this library
 * needs from them, read without a DOM (sources run in Node and in browsers alike):
 * - the names of the layers / feature types, to check a configured layer and to find a layer by
 *   prefix (the Klimaateffectatlas flood-depth layers carry a release date that keeps changing);
 * - the CRSs each layer / feature type offers (WMS `CRS`/`SRS`, inherited from parent layers;
 *   WFS `DefaultCRS`/`OtherCRS`/`DefaultSRS`/`OtherSRS`, URN or EPSG form).
 *
 * The readers scan the text once with simple patterns (no backtracking over nested groups).
 */
import type { SupportedCrs } from '../core/types.js';
import { fetchWithPolicy, readText } from './http.js';
import type { RequestPolicy } from './http.js';
import { joinUrl } from './remote.js';
import { defined } from '../core/defined.js';

/** One layer (WMS) or feature type (WFS) of a capabilities document. */
export interface CapabilitiesLayer {
  name: string;
  /** CRS codes as written, upper-cased (`EPSG:28992`, `URN:OGC:DEF:CRS:EPSG::28992`, …). */
  crs: string[];
}

const NS = '(?:[A-Za-z_][\\w.-]*:)?';

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/**
 * The named layers of a WMS capabilities document, each with the CRSs it offers (its own and
 * those of its parent layers: WMS layers inherit CRS).
 */
export function wmsCapabilitiesLayers(xml: string): CapabilitiesLayer[] {
  const token = new RegExp(
    `<(/?)${NS}(Layer|Name|CRS|SRS)\\b[^>]*?(/?)>(?:([^<]*)<\\/${NS}(?:Name|CRS|SRS)\\s*>)?`,
    'g',
  );
  interface Open {
    name?: string;
    crs: string[];
    nameSeen: boolean;
  }
  const stack: Open[] = [];
  const out: CapabilitiesLayer[] = [];
  for (let m = token.exec(xml); m !== null; m = token.exec(xml)) {
    const [, close, tag, selfClose, text] = m;
    if (tag === 'Layer') {
      if (close === '/') {
        const done = stack.pop();
        if (done?.name !== undefined) {
          const inherited = stack.flatMap((l) => l.crs);
          out.push({ name: done.name, crs: [...new Set([...done.crs, ...inherited])] });
        }
      } else if (selfClose !== '/') {
        stack.push({ crs: [], nameSeen: false });
      }
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined || text === undefined) continue;
    if (tag === 'Name') {
      // The first Name of a Layer is its own; later ones belong to its styles.
      if (!top.nameSeen) {
        top.nameSeen = true;
        top.name = decodeXml(text);
      }
    } else {
      top.crs.push(decodeXml(text).toUpperCase());
    }
  }
  return out;
}

/** The feature types of a WFS capabilities document with their CRSs. */
export function wfsCapabilitiesLayers(xml: string): CapabilitiesLayer[] {
  const out: CapabilitiesLayer[] = [];
  const block = new RegExp(`<${NS}FeatureType\\b[^>]*>([\\s\\S]*?)<\\/${NS}FeatureType\\s*>`, 'g');
  const nameRe = new RegExp(`<${NS}Name\\b[^>]*>([^<]*)<\\/${NS}Name\\s*>`);
  const crsRe = new RegExp(
    `<${NS}(?:DefaultCRS|OtherCRS|DefaultSRS|OtherSRS|SRS)\\b[^>]*>([^<]*)<\\/`,
    'g',
  );
  for (let m = block.exec(xml); m !== null; m = block.exec(xml)) {
    const inner = m[1] ?? '';
    const name = nameRe.exec(inner)?.[1];
    if (name === undefined) continue;
    const crs: string[] = [];
    for (let c = crsRe.exec(inner); c !== null; c = crsRe.exec(inner)) {
      crs.push(decodeXml(c[1] ?? '').toUpperCase());
    }
    out.push({ name: decodeXml(name), crs });
  }
  return out;
}

/** Whether a list of CRS codes (any of the usual spellings) includes `crs`. */
export function offersCrs(codes: readonly string[], crs: SupportedCrs): boolean {
  const n = crs.split(':')[1] ?? '';
  const re = new RegExp(`(?:^|[^0-9])EPSG(?::|::|/[^/]*/|/)${n}$`);
  return codes.some((c) => re.test(c.toUpperCase()) || (crs === 'EPSG:4326' && /CRS:?84$/.test(c)));
}

/**
 * The name that matches a layer pattern: the name itself, or, for a pattern ending in `*`, the
 * last (in text order: for date suffixes `…_20260128` the newest) name that starts with the rest.
 */
export function matchLayer(names: readonly string[], pattern: string): string | undefined {
  if (!pattern.endsWith('*')) return names.includes(pattern) ? pattern : undefined;
  const prefix = pattern.slice(0, -1);
  const hits = names.filter((n) => n.startsWith(prefix)).sort();
  return hits[hits.length - 1];
}

/** The GetCapabilities URL of an OGC service (the base's own parameters kept). */
export function capabilitiesUrl(base: string, service: 'WMS' | 'WFS', version?: string): string {
  return joinUrl(
    base,
    '',
    {
      SERVICE: service,
      REQUEST: 'GetCapabilities',
      ...defined({ VERSION: version }),
    },
    { caseInsensitive: true },
  );
}

/** Fetches a capabilities document as text under a request policy. */
export async function fetchCapabilities(url: string, policy: RequestPolicy): Promise<string> {
  const response = await fetchWithPolicy(url, {
    ...policy,
    accept: 'application/xml, text/xml;q=0.9, */*;q=0.1',
  });
  return readText(response);
}
