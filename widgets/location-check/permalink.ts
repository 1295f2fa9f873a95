/**
 * The permalink of `<na-location-check>`: the checked location in the page URL.
 *
 * Format: a query parameter `na-check=x,y,CRS` (the name is configurable with the
 * `permalink-key` attribute), e.g. `?na-check=155000,463000,EPSG:28992`. The widget writes it with
 * `history.replaceState`, keeping every other query parameter and the hash exactly as they were.
 * When reading, the same `key=x,y,CRS` is also accepted in the hash (`#na-check=…`, or as one
 * `&`-separated part of it), for links written by hand.
 */
import { isSupportedCrs, type Location } from '../../src/core/types.js';

/** Default name of the URL parameter. */
export const DEFAULT_PERMALINK_KEY = 'na-check';

/** Parses `x,y,CRS` (CRS optional: EPSG:28992). Returns undefined when it is not a location. */
export function parseLocationParam(value: string | null | undefined): Location | undefined {
  if (value === null || value === undefined) return undefined;
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [xs, ys, crsText] = parts;
  if (xs === undefined || ys === undefined || xs === '' || ys === '') return undefined;
  const x = Number(xs);
  const y = Number(ys);
  const crs = (crsText ?? 'EPSG:28992').toUpperCase();
  if (!Number.isFinite(x) || !Number.isFinite(y) || !isSupportedCrs(crs)) return undefined;
  return { x, y, crs };
}

/** Writes a location as `x,y,CRS`, rounded to 0.01 m (6 decimals for EPSG:4326). */
export function formatLocationParam(location: Location): string {
  const digits = location.crs === 'EPSG:4326' ? 6 : 2;
  const f = 10 ** digits;
  const r = (v: number): string => String(Math.round(v * f) / f);
  return `${r(location.x)},${r(location.y)},${location.crs}`;
}

/** Reads the location of `key` from a URL (query first, then the hash). */
export function readPermalink(
  href: string,
  key: string = DEFAULT_PERMALINK_KEY,
): Location | undefined {
  const url = new URL(href);
  const fromQuery = parseLocationParam(url.searchParams.get(key));
  if (fromQuery) return fromQuery;
  const hash = url.hash.replace(/^#/, '');
  if (!hash.includes(`${key}=`)) return undefined;
  for (const part of hash.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && safeDecode(part.slice(0, eq)) === key) {
      return parseLocationParam(safeDecode(part.slice(eq + 1)));
    }
  }
  return undefined;
}

/**
 * The URL with `key` set to the location (or removed when `location` is null). Other query
 * parameters keep their order and encoding; the hash is untouched.
 */
export function writePermalink(
  href: string,
  location: Location | null,
  key: string = DEFAULT_PERMALINK_KEY,
): string {
  const url = new URL(href);
  const kept = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => {
      if (part === '') return false;
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      return safeDecode(name) !== key;
    });
  if (location !== null) kept.push(`${encodeURIComponent(key)}=${formatLocationParam(location)}`);
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return url.href;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch (e) {
    if (e instanceof URIError) return s;
    throw e;
  }
}
