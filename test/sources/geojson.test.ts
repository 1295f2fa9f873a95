import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toCrs } from '../../src/core/crs.js';
import { NaError } from '../../src/core/types.js';
import type { Fact, FactName, Location, SourceResult, SupportedCrs } from '../../src/core/types.js';
import { GeoJsonSource } from '../../src/sources/geojson.js';
import type { GeoJsonSourceOptions } from '../../src/sources/geojson.js';
import { projectRoot } from '../helpers/shared.js';

const dir = resolve(projectRoot, 'test/fixtures/geojson');
const text = (name: string): string => readFileSync(resolve(dir, name), 'utf8');
const json = (name: string): Record<string, unknown> =>
  JSON.parse(text(name)) as Record<string, unknown>;

const PROPS: Partial<Record<FactName, string>> = {
  zone: 'zone',
  soilCode: 'bodem',
  elevation: 'hoogte',
  heat: 'hitte',
  floodDepth: 'inundatie',
  landscapeType: 'landschap',
  gt: 'gt',
};

const BASE: Omit<GeoJsonSourceOptions, 'data'> = {
  id: 'lagen',
  title: 'Testlagen',
  properties: PROPS,
  version: '2024-01',
  scale: '1:25.000',
  licence: 'CC0',
  documentation: 'https://example.org/lagen',
  illustrative: true,
};

function source(data: unknown, extra: Partial<GeoJsonSourceOptions> = {}): GeoJsonSource {
  return new GeoJsonSource({ ...BASE, data, ...extra });
}

/** Deep-copies a GeoJSON object, transforming every position from RD to `to`. */
function reprojectData(data: unknown, to: SupportedCrs): unknown {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      if (typeof v[0] === 'number') return toCrs([v[0], v[1] as number], 'EPSG:28992', to);
      return v.map(walk);
    }
    return v;
  };
  const copy = JSON.parse(JSON.stringify(data)) as {
    crs?: unknown;
    features: Array<{ geometry: { coordinates: unknown } }>;
  };
  delete copy.crs; // RFC 7946: lon/lat
  for (const f of copy.features) f.geometry.coordinates = walk(f.geometry.coordinates);
  return copy;
}

const rd = (x: number, y: number): Location => ({ x, y, crs: 'EPSG:28992' });
const inCrs = (x: number, y: number, crs: SupportedCrs): Location => {
  const [a, b] = toCrs([x, y], 'EPSG:28992', crs);
  return { x: a, y: b, crs };
};

function fact(r: SourceResult, name: FactName): Fact {
  const f = r.facts.find((x) => x.name === name);
  if (f === undefined) throw new Error(`no fact ${name}`);
  return f;
}
const zone = (r: SourceResult): unknown => fact(r, 'zone').value;

function naError(fn: () => unknown): NaError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NaError) return e;
    throw e;
  }
  throw new Error('expected an NaError');
}

describe('GeoJsonSource: construction', () => {
  it('reads the QGIS-style crs member, indexes polygons and counts skipped geometries', () => {
    const s = source(json('layers-rd.geojson'));
    expect(s.dataCrs).toBe('EPSG:28992');
    expect(s.size).toBe(4);
    expect(s.skippedFeatures).toBe(2);
    expect(s.warnings.join(' ')).toMatch(/skipped 2 .*Point: 1, LineString: 1/);
    expect(s.provides).toEqual([
      'landscapeType',
      'zone',
      'soilCode',
      'gt',
      'elevation',
      'floodDepth',
      'heat',
    ]);
  });

  it('the crs option overrides the crs member', () => {
    const data = reprojectData(json('layers-rd.geojson'), 'EPSG:3857') as Record<string, unknown>;
    data.crs = { type: 'name', properties: { name: 'EPSG:28992' } };
    expect(source(data, { crs: 'EPSG:3857' }).dataCrs).toBe('EPSG:3857');
  });

  it('defaults to lon/lat (RFC 7946) without a crs', () => {
    expect(source(reprojectData(json('layers-rd.geojson'), 'EPSG:4326')).dataCrs).toBe('EPSG:4326');
  });

  it.each([
    ['not-collection.geojson', 'invalid-geojson', /FeatureCollection/],
    ['no-geometry.geojson', 'invalid-geojson', /features\[1\] has no geometry/],
    [
      'ring-not-closed.geojson',
      'invalid-geojson',
      /features\[0\]\.geometry\.coordinates\[0\].*not closed/,
    ],
    [
      'non-numeric.geojson',
      'invalid-geojson',
      /features\[0\]\.geometry\.coordinates\[0\]\[2\]\[0\] is not a finite number: "151000"/,
    ],
    ['short-ring.geojson', 'invalid-geojson', /features\[0\].*has 3 position\(s\); at least 4/],
    [
      'lonlat-declared-rd.geojson',
      'implausible-coordinates',
      /features\[0\].*do not fit EPSG:28992.*look like longitude\/latitude.*EPSG:4326/,
    ],
    ['unsupported-crs.geojson', 'unsupported-crs', /EPSG::4258/],
  ])('rejects invalid/%s with %s', (file, code, message) => {
    const e = naError(() => source(json(`invalid/${file}`)));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  it('rejects lon/lat data declared as RD through the crs option', () => {
    const data = reprojectData(json('layers-rd.geojson'), 'EPSG:4326');
    const e = naError(() => source(data, { crs: 'EPSG:28992' }));
    expect(e.code).toBe('implausible-coordinates');
    expect(e.details.suggestedCrs).toBe('EPSG:4326');
  });

  it('rejects RD data without a crs member (read as lon/lat)', () => {
    const data = json('layers-rd.geojson');
    delete data.crs;
    const e = naError(() => source(data));
    expect(e.code).toBe('implausible-coordinates');
    expect(e.message).toContain('RD coordinates');
  });

  it('rejects an unknown geometry type and a non-Feature', () => {
    const bad = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Polygonn', coordinates: [] } },
      ],
    };
    expect(naError(() => source(bad)).message).toMatch(/features\[0\].*unknown type "Polygonn"/);
    expect(naError(() => source({ type: 'FeatureCollection', features: [42] })).message).toMatch(
      /features\[0\] is not a GeoJSON Feature/,
    );
  });

  it('fromText reports a JSON syntax error with line and column', () => {
    const e = naError(() =>
      GeoJsonSource.fromText(
        text('invalid/syntax-error.geojson.txt'),
        BASE,
        'syntax-error.geojson',
      ),
    );
    expect(e.code).toBe('invalid-json');
    expect(e.message).toBe(
      'syntax-error.geojson:4:25: JSON syntax error: expected a comma "," between items',
    );
    expect(e.details).toMatchObject({ line: 4, column: 25 });
  });

  it('fromText accepts a byte-order mark', async () => {
    const s = GeoJsonSource.fromText('\uFEFF' + text('layers-rd.geojson'), BASE);
    expect(zone(await s.query(rd(150200, 460200)))).toBe('Dz1');
  });
});

describe('GeoJsonSource: query', () => {
  const s = source(json('layers-rd.geojson'));

  it('returns all configured facts with coerced values and provenance', async () => {
    const r = await s.query(rd(150200, 460200));
    expect(r.status).toBe('ok');
    expect(r.sourceId).toBe('lagen');
    const byName = Object.fromEntries(r.facts.map((f) => [f.name, f]));
    expect(byName.zone).toMatchObject({ status: 'ok', value: 'Dz1' });
    expect(byName.soilCode).toMatchObject({ status: 'ok', value: 'Hn21' });
    expect(byName.elevation).toMatchObject({ status: 'ok', value: 12.5 });
    expect(byName.heat).toMatchObject({ status: 'ok', value: 31.2 });
    expect(byName.floodDepth).toMatchObject({ status: 'ok', value: 0 });
    expect(byName.landscapeType).toMatchObject({ status: 'ok', value: 'dekzand' });
    expect(byName.gt).toMatchObject({ status: 'ok', value: 'VI' });
    expect(byName.zone?.provenance).toEqual({
      sourceId: 'lagen',
      title: 'Testlagen',
      version: '2024-01',
      scale: '1:25.000',
      licence: 'CC0',
      url: 'https://example.org/lagen',
      illustrative: true,
    });
  });

  it('point in a hole → no-feature', async () => {
    const r = await s.query(rd(150500, 460500));
    expect(r.status).toBe('no-data');
    expect(r.reason).toBe('no-feature');
    expect(r.facts.every((f) => f.status === 'no-data' && f.reason === 'no-feature')).toBe(true);
    expect(r.facts).toHaveLength(7);
  });

  it('point on the boundary of a hole counts as inside the polygon', async () => {
    expect(zone(await s.query(rd(150400, 460500)))).toBe('Dz1');
  });

  it('point in the second part of a MultiPolygon', async () => {
    const r = await s.query(rd(153250, 460250));
    expect(r.status).toBe('ok');
    expect(zone(r)).toBe('Ri2');
  });

  it('special soil codes: |h BEBOUW → built-up-not-mapped, |g WATER → water-not-mapped', async () => {
    const built = fact(await s.query(rd(152250, 460250)), 'soilCode');
    expect(built).toMatchObject({
      status: 'no-data',
      reason: 'built-up-not-mapped',
      message: '|h BEBOUW',
    });
    expect(built.value).toBeUndefined();
    const water = fact(await s.query(rd(154500, 460500)), 'soilCode');
    expect(water).toMatchObject({ status: 'no-data', reason: 'water-not-mapped' });
  });

  it('numeric coercion: non-numeric → error fact, null/empty/missing → no-value, "-1.25" → -1.25', async () => {
    const r = await s.query(rd(152250, 460250));
    expect(fact(r, 'elevation')).toMatchObject({ status: 'error' });
    expect(fact(r, 'elevation').message).toContain('"abc"');
    expect(fact(r, 'heat')).toMatchObject({ status: 'no-data', reason: 'no-value' });
    expect(fact(r, 'floodDepth')).toMatchObject({ status: 'no-data', reason: 'no-value' });
    const d = await s.query(rd(155800, 460500));
    expect(fact(d, 'elevation')).toMatchObject({ status: 'ok', value: -1.25 });
    expect(fact(d, 'gt')).toMatchObject({ status: 'no-data', reason: 'no-value' });
    expect(fact(d, 'landscapeType')).toMatchObject({ status: 'ok', value: 'veenkolonien' });
  });

  it('inside coverage but in no polygon → no-feature; outside coverage → outside-coverage', async () => {
    // (151500, 460500) is where the skipped Point feature lies: still no polygon.
    const between = await s.query(rd(151500, 460500));
    expect(between).toMatchObject({ status: 'no-data', reason: 'no-feature' });
    for (const p of [rd(140000, 460000), rd(155000, 470000), rd(156000.5, 460500)]) {
      const r = await s.query(p);
      expect(r).toMatchObject({ status: 'no-data', reason: 'outside-coverage' });
      expect(r.facts.every((f) => f.reason === 'outside-coverage')).toBe(true);
    }
  });

  it('an explicit coverage bbox narrows the area with data', async () => {
    const narrow = source(json('layers-rd.geojson'), {
      coverage: [150000, 460000, 151000, 461000],
    });
    expect((await narrow.query(rd(150200, 460200))).status).toBe('ok');
    expect((await narrow.query(rd(153250, 460250))).reason).toBe('outside-coverage');
    const wide = source(json('layers-rd.geojson'), { coverage: [100000, 400000, 200000, 500000] });
    expect((await wide.query(rd(140000, 460000))).reason).toBe('no-feature');
  });

  it('a polygon coverage (lon/lat data) is reprojected', async () => {
    const ll = reprojectData(json('layers-rd.geojson'), 'EPSG:4326');
    const ring = [
      [150000, 460000],
      [151000, 460000],
      [151000, 461000],
      [150000, 461000],
      [150000, 460000],
    ].map(([x, y]) => toCrs([x as number, y as number], 'EPSG:28992', 'EPSG:4326'));
    const c = source(ll, { coverage: { type: 'Polygon', coordinates: [ring] } });
    expect(zone(await c.query(rd(150200, 460200)))).toBe('Dz1');
    expect((await c.query(rd(153250, 460250))).reason).toBe('outside-coverage');
  });

  it('a point exactly on an outer vertex is inside', async () => {
    expect(zone(await s.query(rd(150000, 460000)))).toBe('Dz1');
    expect(zone(await s.query(rd(156000, 461000)))).toBe('Dz3');
  });

  it('a point on a shared edge gives the lowest feature index, every time, in every query CRS', async () => {
    const onEdge: Array<[number, number]> = [
      [155150, 460500], // middle of the slanted shared edge
      [155100, 460000 + 1000 / 3], // not exactly representable
      [155000, 460000], // shared vertex
      [155300, 461000], // shared vertex
    ];
    for (const [x, y] of onEdge) {
      for (const crs of ['EPSG:28992', 'EPSG:4326', 'EPSG:3857'] as const) {
        for (let i = 0; i < 3; i++) {
          expect(zone(await s.query(inCrs(x, y, crs))), `${x},${y} ${crs}`).toBe('Dz2');
        }
      }
    }
    // Just off the edge, each side answers for itself.
    expect(zone(await s.query(rd(155149, 460500)))).toBe('Dz2');
    expect(zone(await s.query(rd(155151, 460500)))).toBe('Dz3');
  });

  it('the tie-break follows the data order, not the geometry', async () => {
    const data = json('layers-rd.geojson') as { features: unknown[] };
    data.features = [...data.features].reverse();
    const rev = source(data);
    for (const crs of ['EPSG:28992', 'EPSG:4326', 'EPSG:3857'] as const) {
      expect(zone(await rev.query(inCrs(155150, 460500, crs)))).toBe('Dz3');
    }
    expect(rev.featureIndexAt(155150, 460500)).toBe(2);
    expect(s.featureIndexAt(155150, 460500)).toBe(2);
  });

  it('RD data and the same data in lon/lat give the same answers', async () => {
    const ll = source(reprojectData(json('layers-rd.geojson'), 'EPSG:4326'));
    const m = source(reprojectData(json('layers-rd.geojson'), 'EPSG:3857'), { crs: 'EPSG:3857' });
    let compared = 0;
    let withData = 0;
    for (let x = 149900.5; x <= 156100; x += 97) {
      for (let y = 459900.5; y <= 461100; y += 61) {
        const q = rd(x, y);
        const a = await s.query(q);
        const b = await ll.query(q);
        const c = await m.query(inCrs(x, y, 'EPSG:4326'));
        expect(b.status, `${x},${y}`).toBe(a.status);
        expect(b.reason).toBe(a.reason);
        expect(c.status).toBe(a.status);
        if (a.status === 'ok') {
          withData++;
          expect(zone(b)).toBe(zone(a));
          expect(zone(c)).toBe(zone(a));
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
    expect(withData).toBeGreaterThan(100);
  });

  it('an implausible location gives an error result (it does not reject)', async () => {
    const r = await s.query({ x: 155000, y: 463000, crs: 'EPSG:4326' });
    expect(r.status).toBe('error');
    expect(r.message).toContain('these look like RD coordinates');
    expect(r.facts.every((f) => f.status === 'error')).toBe(true);
  });

  it('rejects with the signal reason when already aborted', async () => {
    const c = new AbortController();
    const reason = new Error('superseded by a newer click');
    c.abort(reason);
    await expect(s.query(rd(150200, 460200), { signal: c.signal })).rejects.toBe(reason);
    await expect(s.polygons('EPSG:28992', { signal: c.signal })).rejects.toBe(reason);
  });

  it('an empty collection has no coverage', async () => {
    const e = source({ type: 'FeatureCollection', features: [] }, { crs: 'EPSG:28992' });
    expect(e.size).toBe(0);
    expect((await e.query(rd(155000, 463000))).reason).toBe('outside-coverage');
  });
});

describe('GeoJsonSource: polygons', () => {
  const s = source(json('layers-rd.geojson'));

  it('returns the polygon features with their ids and properties in the data CRS', async () => {
    const fc = await s.polygons('EPSG:28992');
    expect(fc.crs).toBe('EPSG:28992');
    expect(fc.features.map((f) => f.id)).toEqual(['a', 'b', 'c', 'd']);
    const a = fc.features[0];
    expect(a?.properties.note).toBe('square with a hole');
    expect(a?.properties.zone).toBe('Dz1');
    expect(a?.properties.elevation).toBe(12.5); // coerced fact value under the fact name
    expect(a?.properties.hoogte).toBe('12.5'); // original property kept
    expect(a?.geometry.type).toBe('Polygon');
    expect((a?.geometry.coordinates as number[][][])[1]).toHaveLength(5); // the hole
  });

  it('reprojects to other CRSs and caches per CRS', async () => {
    const ll = await s.polygons('EPSG:4326');
    expect(ll.crs).toBe('EPSG:4326');
    const first = (ll.features[0]?.geometry.coordinates as number[][][])[0]?.[0] as number[];
    const [x, y] = toCrs([first[0] as number, first[1] as number], 'EPSG:4326', 'EPSG:28992');
    expect(Math.abs(x - 150000)).toBeLessThan(0.001);
    expect(Math.abs(y - 460000)).toBeLessThan(0.001);
    expect(await s.polygons('EPSG:4326')).toBe(ll);
    const m = await s.polygons('EPSG:3857');
    expect(m.features[1]?.geometry.type).toBe('MultiPolygon');
    expect(m.features.map((f) => f.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('uses the data index as id when ids are missing or not unique', async () => {
    const data = json('layers-rd.geojson') as { features: Array<{ id?: unknown }> };
    for (const f of data.features) delete f.id;
    const fc = await source(data).polygons('EPSG:28992');
    expect(fc.features.map((f) => f.id)).toEqual([0, 1, 2, 3]);
  });
});
