/**
 * A WFS 2.0 and an OGC API Features endpoint for the browser tests, answering from the demo
 * GeoJSON files (demo/data, EPSG:28992) in the services' own formats: `/features/wfs?…REQUEST=
 * GetFeature&TYPENAMES=<name>&BBOX=minX,minY,maxX,maxY[,crs]&COUNT&STARTINDEX` (a GeoJSON
 * FeatureCollection with `numberMatched`/`numberReturned`) and
 * `/features/ogc/collections/<name>` (collection document listing RD New) and
 * `/features/ogc/collections/<name>/items?bbox&bbox-crs&crs&limit&offset` (at most 100 per page
 * whatever `limit` asks, as servers cap it, with a `next` link). Features whose envelope meets the
 * box, in file order. Names: zonering, soil, groundwater, landuse.
 *
 * Variants under a prefix, as servers that cap pages: `/features/capped/…` answers at most 10
 * features per page whatever `COUNT` / `limit` asks (the WFS with `numberMatched`, the OGC API
 * with `next` links); `/features/nonext/…` caps at 10 too, but its OGC API gives no `next` link
 * (only `numberMatched` says there is more).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES = {
  zonering: 'zonering',
  soil: 'soil',
  groundwater: 'groundwater',
  landuse: 'landuse',
};
const RD_URI = 'http://www.opengis.net/def/crs/EPSG/0/28992';
const OGC_PAGE_MAX = 100;
const CAPPED_PAGE_MAX = 10;
const cache = new Map();

function features(name) {
  if (!cache.has(name)) {
    const fc = JSON.parse(
      readFileSync(join(process.cwd(), 'demo/data', `${FILES[name]}.geojson`), 'utf8'),
    );
    cache.set(
      name,
      fc.features.map((f, i) => {
        let box = [Infinity, Infinity, -Infinity, -Infinity];
        const walk = (c) => {
          if (typeof c[0] === 'number') {
            box = [
              Math.min(box[0], c[0]),
              Math.min(box[1], c[1]),
              Math.max(box[2], c[0]),
              Math.max(box[3], c[1]),
            ];
          } else c.forEach(walk);
        };
        walk(f.geometry.coordinates);
        return { feature: { ...f, id: `${name}.${i + 1}` }, box };
      }),
    );
  }
  return cache.get(name);
}

function inBox(name, bbox) {
  return features(name)
    .filter(
      ({ box }) => box[0] <= bbox[2] && box[2] >= bbox[0] && box[1] <= bbox[3] && box[3] >= bbox[1],
    )
    .map(({ feature }) => feature);
}

function send(context, status, body, type = 'application/geo+json') {
  context.status = status;
  context.type = type;
  context.body = typeof body === 'string' ? body : JSON.stringify(body);
}

export function featureServiceFixtures() {
  return async function featureServiceMiddleware(context, next) {
    if (!context.path.startsWith('/features/')) return next();
    const variant = /^\/features\/(capped|nonext)\//.exec(context.path)?.[1];
    const path = variant === undefined ? context.path : context.path.replace(`/${variant}`, '');
    const cap = variant === undefined ? Infinity : CAPPED_PAGE_MAX;
    const q = new URLSearchParams(context.querystring);
    const get = (k) => {
      for (const [key, v] of q) if (key.toLowerCase() === k.toLowerCase()) return v;
      return undefined;
    };
    if (path === '/features/wfs') {
      const name = get('TYPENAMES') ?? get('TYPENAME');
      if (get('REQUEST') !== 'GetFeature' || !(name in FILES)) {
        return send(
          context,
          400,
          '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Exception exceptionCode="InvalidParameterValue"><ows:ExceptionText>unknown request</ows:ExceptionText></ows:Exception></ows:ExceptionReport>',
          'application/xml',
        );
      }
      const bbox = (get('BBOX') ?? '').split(',').slice(0, 4).map(Number);
      const all = inBox(name, bbox);
      const start = Number(get('STARTINDEX') ?? 0);
      const count = Math.min(Number(get('COUNT') ?? get('MAXFEATURES') ?? all.length), cap);
      const page = all.slice(start, start + count);
      return send(context, 200, {
        type: 'FeatureCollection',
        numberMatched: all.length,
        numberReturned: page.length,
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
        features: page,
      });
    }
    const m = /^\/features\/ogc\/collections\/([a-z]+)(\/items)?$/.exec(path);
    if (!m || !(m[1] in FILES))
      return send(
        context,
        404,
        { code: 'NotFound', description: 'no such collection' },
        'application/json',
      );
    const name = m[1];
    if (!m[2]) {
      return send(
        context,
        200,
        {
          id: name,
          title: name,
          crs: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84', RD_URI],
          storageCrs: RD_URI,
          links: [],
        },
        'application/json',
      );
    }
    if (get('crs') !== RD_URI || get('bbox-crs') !== RD_URI)
      return send(
        context,
        400,
        { code: 'InvalidParameterValue', description: 'this fixture answers in RD New only' },
        'application/json',
      );
    const bbox = (get('bbox') ?? '').split(',').map(Number);
    const all = inBox(name, bbox);
    const offset = Number(get('offset') ?? 0);
    const limit = Math.min(Number(get('limit') ?? 10), OGC_PAGE_MAX, cap);
    const page = all.slice(offset, offset + limit);
    const links = [];
    if (offset + limit < all.length && variant !== 'nonext') {
      const nextQ = new URLSearchParams(context.querystring);
      nextQ.set('offset', String(offset + limit));
      nextQ.set('limit', String(limit));
      links.push({
        rel: 'next',
        type: 'application/geo+json',
        href: `${context.origin}${context.path}?${nextQ}`,
      });
    }
    context.set('Content-Crs', `<${RD_URI}>`);
    return send(context, 200, {
      type: 'FeatureCollection',
      numberMatched: all.length,
      numberReturned: page.length,
      links,
      features: page,
    });
  };
}
