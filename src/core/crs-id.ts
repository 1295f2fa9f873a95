/**
 * CRS identifiers: parsing the many ways a file or a map names one of the supported CRSs. Apart
 * from crs.ts (the transformations, on top of proj4) so that a map adapter or a widget can read a
 * CRS name without loading proj4.
 */
import { NaError, type SupportedCrs } from './types.js';

const EPSG_ALIASES: Readonly<Record<string, SupportedCrs>> = {
  '28992': 'EPSG:28992',
  '4326': 'EPSG:4326',
  '3857': 'EPSG:3857',
  '900913': 'EPSG:3857',
  '3785': 'EPSG:3857',
  '102100': 'EPSG:3857',
  '102113': 'EPSG:3857',
};

const SUPPORTED_FORMS =
  'EPSG:28992 (RD New), EPSG:4326 (WGS 84 lon/lat; also OGC:CRS84) and EPSG:3857 (Web Mercator; also EPSG:900913), ' +
  'written as EPSG:<code>, urn:ogc:def:crs:EPSG::<code> or http://www.opengis.net/def/crs/EPSG/0/<code>';

/**
 * Parses a CRS identifier to one of the supported codes.
 *
 * Accepts (case-insensitive): `EPSG:28992`, a bare code `28992`, `urn:ogc:def:crs:EPSG::28992`
 * (with or without a version), `http(s)://www.opengis.net/def/crs/EPSG/<any version>/28992`;
 * `OGC:CRS84`, `CRS:84`, `urn:ogc:def:crs:OGC:1.3:CRS84`, `http://www.opengis.net/def/crs/OGC/1.3/CRS84`
 * (→ EPSG:4326, lon/lat order); EPSG:3857 and its aliases 900913, 3785, 102100, 102113.
 * Also accepts a GeoJSON (2008) named `crs` member, `{"type":"name","properties":{"name":"…"}}`,
 * as QGIS and GDAL write it.
 *
 * EPSG:4326 is always read in lon/lat order, as in GeoJSON, even for the URN form whose official
 * axis order is lat/lon.
 *
 * @throws NaError `unsupported-crs` (details `{ crs }`) for anything else.
 */
export function normalizeCrs(input: string | unknown): SupportedCrs {
  let text: string | undefined;
  if (typeof input === 'string') {
    text = input;
  } else if (typeof input === 'object' && input !== null) {
    const props = (input as { properties?: unknown }).properties;
    const name =
      typeof props === 'object' && props !== null ? (props as { name?: unknown }).name : undefined;
    if (typeof name === 'string') text = name;
  }
  if (text !== undefined) {
    const found = parseCrsText(text.trim());
    if (found !== undefined) return found;
  }
  const shown = text ?? safeJson(input);
  throw new NaError(
    'unsupported-crs',
    `Unsupported CRS "${shown}". Supported: ${SUPPORTED_FORMS}.`,
    {
      crs: input,
    },
  );
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch (e) {
    return e instanceof Error ? `(unprintable: ${e.message})` : '(unprintable)';
  }
}

function parseCrsText(s: string): SupportedCrs | undefined {
  if (
    /^(?:OGC:CRS84|CRS:84|CRS84)$/i.test(s) ||
    /^urn:ogc:def:crs:OGC:[\d.]*:CRS84$/i.test(s) ||
    /^https?:\/\/www\.opengis\.net\/def\/crs\/OGC\/[^/]+\/CRS84\/?$/i.test(s)
  ) {
    return 'EPSG:4326';
  }
  const m =
    /^(?:EPSG:)?(\d+)$/i.exec(s) ??
    /^urn:ogc:def:crs:EPSG:[\d.]*:(\d+)$/i.exec(s) ??
    /^urn:x-ogc:def:crs:EPSG:[\d.]*:(\d+)$/i.exec(s) ??
    /^https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[^/]+\/(\d+)\/?$/i.exec(s);
  const code = m?.[1];
  return code === undefined ? undefined : EPSG_ALIASES[code];
}
