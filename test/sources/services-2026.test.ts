/**
 * The national services as they answer in 2026 (issue #10): the `pdok` and `klimaateffectatlas`
 * presets, served over real HTTP by the fault server with the answers reconstructed in
 * test/fixtures/services/ (see its README for where each shape is documented). The presets are used
 * as shipped, only their host is replaced by the local server.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gtInfo } from '../../src/core/groundwater.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { Report } from '../../src/core/report.js';
import { deriveSoil } from '../../src/core/soil.js';
import type { Fact, FactSource, Location } from '../../src/core/types.js';
import { localizeReport } from '../../src/core/localize.js';
import { checkLocation } from '../../src/sources/check.js';
import { createSources, parseSourcesConfig } from '../../src/sources/config.js';
import { makeFact, noDataMarkerOf } from '../../src/sources/facts.js';
import { PRESET_NAMES, presetData } from '../../src/sources/presets.js';
import type { PresetName } from '../../src/sources/presets.js';
import { wmsCapabilitiesLayers, matchLayer } from '../../src/sources/capabilities.js';
import { wmsGetFeatureInfoUrl } from '../../src/sources/wms.js';
import { toCrs } from '../../src/core/crs.js';
import { send } from '../helpers/fault-server.js';
import { projectRoot } from '../helpers/shared.js';
import { useFaultServer } from '../helpers/use-fault-server.js';

const fixtures = resolve(projectRoot, 'test/fixtures/services');
const fixture = (name: string): string => readFileSync(resolve(fixtures, name), 'utf8');
const AT: Location = { x: 150375, y: 482925, crs: 'EPSG:28992' };
const kb = defaultKnowledgeBase();

const server = useFaultServer();

/** Serves `file` (JSON) at the path of `url`. */
function serve(url: string, file: string | ((u: URL) => string)): void {
  server.route(new URL(url).pathname, (_req, res, u) => {
    const name = typeof file === 'string' ? file : file(u);
    const type = name.endsWith('.xml') ? 'text/xml' : 'application/json';
    send(res, 200, type, fixture(name));
  });
}

/** A preset as shipped, with every address moved to the local server (same path). */
function localPreset(name: PresetName, only?: readonly string[]): Record<string, unknown>[] {
  const list = (presetData(name).sources ?? []).filter(
    (s) => only === undefined || only.includes(s.id as string),
  );
  return list.map((s) => {
    const u = new URL(s.url as string);
    return { ...s, url: server.url(u.pathname) };
  });
}

async function sourcesOf(entries: Record<string, unknown>[]): Promise<FactSource[]> {
  const config = parseSourcesConfig(JSON.stringify({ sources: entries }), 'local.json');
  return createSources(config, { load: () => Promise.reject(new Error('no files')) });
}

const factOf = (r: Report, name: string, sourceId?: string): Fact | undefined =>
  r.facts.find(
    (f) => f.name === name && (sourceId === undefined || f.provenance.sourceId === sourceId),
  );

describe('the presets as shipped', () => {
  it.each(PRESET_NAMES.map((n) => [n]))(
    '%s: canonical addresses only, every entry with evidence, date and a sample point',
    (name) => {
      const entries = presetData(name).sources ?? [];
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) {
        const url = e.url as string;
        // No address from before the 2024–2026 moves.
        expect(url).not.toMatch(/service\.pdok\.nl\/(?:bzk|ez)\//);
        expect(url).not.toMatch(/service\.pdok\.nl\/rws\/ahn\//);
        expect(url).not.toMatch(/apps\.geodan\.nl/);
        expect(new URL(url).protocol).toBe('https:');
        expect(typeof e.comment).toBe('string');
        expect((e.comment as string).length).toBeGreaterThan(40);
        expect(e.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number.isNaN(Date.parse(e.checked as string))).toBe(false);
        expect(e.samplePoint).toHaveLength(2);
      }
      // The whole preset is a valid sources file.
      expect(() => parseSourcesConfig(JSON.stringify({ extends: [name] }), 'x.json')).not.toThrow();
    },
  );

  it('the Gt value map covers class numbers 1–19, each a BRO Gt class the core knows', () => {
    const gt = presetData('pdok').sources?.find((s) => s.id === 'pdok-grondwatertrap') as {
      valueMap: { gt: Record<string, string> };
      properties: { gt: string };
    };
    expect(gt.properties.gt).toBe('value_list');
    expect(Object.keys(gt.valueMap.gt)).toEqual(
      Array.from({ length: 19 }, (_, i) => String(i + 1)),
    );
    const classes = Object.values(gt.valueMap.gt);
    expect(new Set(classes).size).toBe(19);
    for (const c of classes) expect(() => gtInfo(c)).not.toThrow();
    // Wettest first: the main class never decreases with the number.
    const mains = classes.map((c) => gtInfo(c).main);
    const order = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
    for (let i = 1; i < mains.length; i++) {
      expect(order.indexOf(mains[i] as string)).toBeGreaterThanOrEqual(
        order.indexOf(mains[i - 1] as string),
      );
    }
  });
});

describe('pdok preset against the 2026 answer shapes', () => {
  const pdok = (presetData('pdok').sources ?? []).map((s) => s.url as string);
  const urlOf = (id: string): string =>
    (presetData('pdok').sources?.find((s) => s.id === id)?.url as string) ?? '';

  async function check(files: Record<string, string>): Promise<Report> {
    for (const [id, file] of Object.entries(files)) serve(urlOf(id), file);
    const sources = await sourcesOf(localPreset('pdok', Object.keys(files)));
    return checkLocation(sources, AT, kb);
  }

  it('Gt class number 14 in value_list → VIo; AHN value; soilcode with prefix; all ok', async () => {
    expect(pdok.length).toBe(5);
    const r = await check({
      'pdok-grondwatertrap': 'pdok-gt-value-list.json',
      'pdok-ahn': 'pdok-ahn-value.json',
      'pdok-bodemkaart': 'pdok-bodemkaart-prefix.json',
    });
    expect(r.sources.map((s) => [s.id, s.status])).toEqual([
      ['pdok-bodemkaart', 'ok'],
      ['pdok-grondwatertrap', 'ok'],
      ['pdok-ahn', 'ok'],
    ]);
    expect(factOf(r, 'gt')).toMatchObject({ status: 'ok', value: 'VIo' });
    expect(factOf(r, 'elevation')).toMatchObject({ status: 'ok', value: -1.21 });
    // soilcode (the full map unit) first, not first_soilcode.
    expect(factOf(r, 'soilCode')).toMatchObject({ status: 'ok', value: 'kHn21' });
    expect(deriveSoil('kHn21').texture).toBe(r.derived.texture);
    expect(r.derived.gtMain).toBe('VI');
    // The GetFeatureInfo went to the layer as configured, in RD.
    const gfi = server.requests.find((u) => u.pathname.includes('grondwaterspiegeldiepte'));
    expect(gfi?.searchParams.get('QUERY_LAYERS')).toBe('bro-grondwaterspiegeldieptemetingen-GT');
    expect(gfi?.searchParams.get('CRS')).toBe('EPSG:28992');
  });

  it('a Bodemkaart complex gives its first unit and says so', async () => {
    const r = await check({ 'pdok-bodemkaart': 'pdok-bodemkaart-complex.json' });
    const f = factOf(r, 'soilCode');
    expect(f).toMatchObject({ status: 'ok', value: 'Hn21' });
    expect(f?.message).toMatch(/complex of Hn21, Hd21; the first unit, Hn21, is used/);
    expect(f?.complexUnits).toEqual(['Hn21', 'Hd21']);
    const soil = (lang: string) =>
      localizeReport(r, kb, lang).facts.find((x) => x.name === 'soilCode')?.valueLabel;
    expect(soil('nl')).toBe('Hn21 (eerste eenheid van het complex Hn21/Hd21)');
    expect(soil('en')).toBe('Hn21 (first unit of the complex Hn21/Hd21)');
  });

  it('AHN "nodata" is no data with a reason, never an error', async () => {
    const r = await check({ 'pdok-ahn': 'pdok-ahn-nodata.json' });
    const f = factOf(r, 'elevation');
    expect(f).toMatchObject({ status: 'no-data', reason: 'no-value' });
    expect(f?.message).toMatch(/no-data marker \("nodata"\)/);
    expect(r.errors).toEqual([]);
    expect(r.missing).toContainEqual(
      expect.objectContaining({ kind: 'fact', fact: 'elevation', reason: 'no-value' }),
    );
  });

  it('FGR Noordzee is no data, not "not a landscape type"', async () => {
    serve(urlOf('pdok-fgr'), 'pdok-fgr-noordzee.json');
    const sources = await sourcesOf(localPreset('pdok', ['pdok-fgr']));
    const r = await checkLocation(sources, { x: 60000, y: 480000, crs: 'EPSG:28992' }, kb);
    expect(factOf(r, 'landscapeType')).toMatchObject({ status: 'no-data', reason: 'no-value' });
    expect(r.errors).toEqual([]);
    expect(r.sources.find((s) => s.id === 'pdok-fgr')?.detail).toEqual({ fgr: 'Noordzee' });
  });
});

describe('no-data markers over the input space', () => {
  const prov = { sourceId: 's', title: 'S' };
  const markers = ['nodata', -9999, 2147483647, 55537];
  it('every spelling of a marker is no-data; every other number is a value', () => {
    const spellings = (m: string | number): unknown[] =>
      typeof m === 'number'
        ? [m, String(m), `${m}.0`, ` ${m} `, `${m}e0`]
        : [m, m.toUpperCase(), ` ${m} `, 'NoData'];
    for (const m of markers) {
      for (const raw of spellings(m)) {
        for (const name of ['elevation', 'floodDepth', 'heat'] as const) {
          const f = makeFact(name, raw, 'p', prov, { noData: markers });
          expect({ raw, status: f.status, reason: f.reason }).toEqual({
            raw,
            status: 'no-data',
            reason: 'no-value',
          });
        }
      }
    }
    // A deterministic sweep of other values: never taken for a marker.
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      // elevations in the plausible range (−100 … 1000 m), negative ones included
      const v = Math.round((seed / 2147483648) * 110000 - 10000) / 100;
      if (markers.includes(v)) continue;
      expect(noDataMarkerOf(v, markers)).toBeUndefined();
      const f = makeFact('elevation', String(v), 'p', prov, { noData: markers });
      expect(f).toMatchObject({ status: 'ok', value: v });
    }
    // Without markers, -9999 is not silently no data: it is read as a number, and as a flood depth it
    // is outside the plausible range, so an error naming the field (strict input), never a value.
    expect(makeFact('floodDepth', -9999, 'p', prov)).toMatchObject({ status: 'error' });
    expect(makeFact('elevation', -99, 'p', prov)).toMatchObject({ status: 'ok', value: -99 });
  });
});

describe('GetCapabilities reading', () => {
  it('layer names, not style names; a prefix picks the newest dated layer', () => {
    const layers = wmsCapabilitiesLayers(fixture('kea-capabilities.xml'));
    const names = layers.map((l) => l.name);
    expect(names).toContain('maximale_waterdiepte_nederland_kleine_kans_20260128');
    expect(names).not.toContain('raster');
    expect(names).not.toContain('maximale_waterdiepte_nederland_kleine_kans_2099');
    expect(matchLayer(names, 'maximale_waterdiepte_nederland_kleine_kans_*')).toBe(
      'maximale_waterdiepte_nederland_kleine_kans_20260128',
    );
    expect(matchLayer(names, 'maximale_waterdiepte_nederland_extreem_*')).toBeUndefined();
    // CRS is inherited from the parent layer.
    expect(layers.find((l) => l.name === 'hitteeiland')?.crs).toContain('EPSG:4326');
  });

  it('WMS 1.3.0 in EPSG:4326 puts latitude first in BBOX', () => {
    const url = new URL(
      wmsGetFeatureInfoUrl('https://example.org/wms', {
        layers: 'x',
        x: 5.1,
        y: 52.1,
        crs: 'EPSG:4326',
      }),
    );
    const [minA, minB, maxA, maxB] = (url.searchParams.get('BBOX') ?? '').split(',').map(Number);
    expect(url.searchParams.get('CRS')).toBe('EPSG:4326');
    expect(((minA as number) + (maxA as number)) / 2).toBeCloseTo(52.1, 9);
    expect(((minB as number) + (maxB as number)) / 2).toBeCloseTo(5.1, 9);
    expect((maxA as number) - (minA as number)).toBeCloseTo(101e-5, 12);
  });
});

describe('klimaateffectatlas preset against the 2026 answer shapes', () => {
  const kea = presetData('klimaateffectatlas').sources ?? [];
  const wmsPath = new URL(kea[0]?.url as string).pathname;

  /** Serves the KEA WMS: capabilities, and per layer the given fixture. */
  function serveKea(byLayer: Record<string, string>): void {
    serve(kea[0]?.url as string, (u) => {
      if (u.searchParams.get('REQUEST') === 'GetCapabilities') return 'kea-capabilities.xml';
      const layer = u.searchParams.get('QUERY_LAYERS') ?? '';
      const file = byLayer[layer];
      if (file === undefined) throw new Error(`unexpected layer ${layer}`);
      return file;
    });
  }

  it('flood depth: newest layer by prefix (capabilities asked once), EPSG:4326 click, metres, kind doorbraak', async () => {
    serveKea({ maximale_waterdiepte_nederland_kleine_kans_20260128: 'kea-flood-depth.json' });
    const sources = await sourcesOf(localPreset('klimaateffectatlas', ['kea-overstroming']));
    const r1 = await checkLocation(sources, AT, kb);
    const r2 = await checkLocation(sources, { x: 150400, y: 482900, crs: 'EPSG:28992' }, kb);
    for (const r of [r1, r2]) {
      expect(factOf(r, 'floodDepth')).toMatchObject({
        status: 'ok',
        value: 1.37,
        floodKind: 'doorbraak',
      });
    }
    const flood = (lang: string) =>
      localizeReport(r1, kb, lang).facts.find((x) => x.name === 'floodDepth');
    expect(flood('nl')).toMatchObject({
      valueLabel: '1,37 m (overstroming na een doorbraak)',
      floodKind: 'doorbraak',
    });
    expect(flood('en')?.valueLabel).toBe('1.37 m (flood after a breach)');
    const caps = server.requests.filter((u) => u.searchParams.get('REQUEST') === 'GetCapabilities');
    expect(caps).toHaveLength(1);
    const gfi = server.requests.find((u) => u.searchParams.get('REQUEST') === 'GetFeatureInfo');
    expect(gfi?.pathname).toBe(wmsPath);
    expect(gfi?.searchParams.get('CRS')).toBe('EPSG:4326');
    const [lon, lat] = toCrs([AT.x, AT.y], 'EPSG:28992', 'EPSG:4326');
    const b = (gfi?.searchParams.get('BBOX') ?? '').split(',').map(Number) as number[];
    expect(((b[0] as number) + (b[2] as number)) / 2).toBeCloseTo(lat, 7);
    expect(((b[1] as number) + (b[3] as number)) / 2).toBeCloseTo(lon, 7);
  });

  it('one caller aborting during the capabilities look-up does not break the others', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    server.route(wmsPath, (_req, res, u) => {
      if (u.searchParams.get('REQUEST') === 'GetCapabilities') {
        void gate.then(() => send(res, 200, 'text/xml', fixture('kea-capabilities.xml')));
      } else send(res, 200, 'application/json', fixture('kea-flood-depth.json'));
    });
    const [source] = await sourcesOf(localPreset('klimaateffectatlas', ['kea-overstroming']));
    const controller = new AbortController();
    const aborted = source?.query(AT, { signal: controller.signal });
    const other = source?.query(AT);
    const reason = new Error('user moved on');
    controller.abort(reason);
    await expect(aborted).rejects.toBe(reason);
    release();
    const r = await other;
    expect(r?.status).toBe('ok');
    expect(r?.facts[0]).toMatchObject({ name: 'floodDepth', value: 1.37 });
    expect(
      server.requests.filter((u) => u.searchParams.get('REQUEST') === 'GetCapabilities'),
    ).toHaveLength(1);
  });

  it.each([
    ['kea-flood-9999.json', '-9999'],
    ['kea-flood-outside-raster.json', '2147483647'],
  ])('flood depth marker %s → no data, not %s m', async (file, marker) => {
    serveKea({ maximale_waterdiepte_nederland_kleine_kans_20260128: file });
    const sources = await sourcesOf(localPreset('klimaateffectatlas', ['kea-overstroming']));
    const r = await checkLocation(sources, AT, kb);
    const f = factOf(r, 'floodDepth');
    expect(f).toMatchObject({ status: 'no-data', reason: 'no-value', floodKind: 'doorbraak' });
    expect(f?.message).toContain(marker);
    expect(f?.value).toBeUndefined();
    expect(r.errors).toEqual([]);
  });

  it('rain flooding after 70 mm/2 h is a floodDepth of kind regen', async () => {
    serveKea({ waterdiepte_neerslag_70mm_2uur: 'kea-rain-depth.json' });
    const sources = await sourcesOf(localPreset('klimaateffectatlas', ['kea-wateroverlast']));
    const r = await checkLocation(sources, AT, kb);
    expect(factOf(r, 'floodDepth')).toMatchObject({
      status: 'ok',
      value: 0.15,
      floodKind: 'regen',
    });
    expect(localizeReport(r, kb, 'nl').facts.find((x) => x.name === 'floodDepth')?.valueLabel).toBe(
      '0,15 m (regenwater op straat)',
    );
  });

  it('heat: a legend colour is read as its PET class, reported as a range; 55537 is no data', async () => {
    serveKea({ gevoelstemperatuur_2022: 'kea-heat-colour.json' });
    const sources = await sourcesOf(localPreset('klimaateffectatlas', ['kea-hitte']));
    const r = await checkLocation(sources, AT, kb);
    const f = factOf(r, 'heat');
    expect(f).toMatchObject({ status: 'ok', value: 39, range: { min: 38, max: 40 } });
    expect(f?.message).toMatch(/legend class: 38–40/);
    const label = (lang: string) =>
      localizeReport(r, kb, lang).facts.find((x) => x.name === 'heat');
    expect(label('nl')).toMatchObject({
      valueLabel: '38–40 °C PET (klasse van de legenda)',
      range: { min: 38, max: 40 },
    });
    expect(label('en')?.valueLabel).toBe('38–40 °C PET (legend class)');

    serveKea({ gevoelstemperatuur_2022: 'kea-heat-nodata.json' });
    const r2 = await checkLocation(sources, AT, kb);
    expect(factOf(r2, 'heat')).toMatchObject({ status: 'no-data', reason: 'no-value' });
    expect(r2.errors).toEqual([]);
  });

  it('heat: every legend class gives its range; a colour outside the legend is an error naming it', () => {
    const heat = kea.find((s) => s.id === 'kea-hitte') as {
      classes: { heat: Record<string, { min: number | null; max: number | null }> };
    };
    const classes = heat.classes.heat;
    expect(Object.keys(classes)).toHaveLength(9);
    const prov = { sourceId: 'kea-hitte', title: 'KEA' };
    const values: number[] = [];
    for (const [colour, range] of Object.entries(classes)) {
      const f = makeFact('heat', Number(colour), 'RED_BAND', prov, { classes: { heat: classes } });
      expect(f).toMatchObject({ status: 'ok', range });
      const v = f.value as number;
      if (range.min !== null) expect(v).toBeGreaterThanOrEqual(range.min);
      if (range.max !== null) expect(v).toBeLessThanOrEqual(range.max);
      values.push(v);
    }
    // The classes do not overlap: sorted by value, each ends before the next begins.
    const ranges = Object.values(classes).sort(
      (a, b) => (a.min ?? -Infinity) - (b.min ?? -Infinity),
    );
    for (let i = 1; i < ranges.length; i++) {
      expect(ranges[i - 1]?.max ?? Infinity).toBeLessThanOrEqual(ranges[i]?.min ?? -Infinity);
    }
    expect(new Set(values).size).toBe(9);
    // A layer that answers °C itself (GRAY_INDEX) is read as it is, without a class.
    const direct = makeFact('heat', '41.6', 'GRAY_INDEX', prov, { noData: [-9999] });
    expect(direct).toEqual({ name: 'heat', status: 'ok', value: 41.6, provenance: prov });
    const off = makeFact('heat', 100, 'RED_BAND', prov, { classes: { heat: classes } });
    expect(off).toMatchObject({ status: 'error', reason: 'source-error' });
    expect(off.message).toMatch(/not a class of the legend/);
  });

  it('BKNSN main type: a landscape type, its principles, and missing for those that need the zone', async () => {
    const entry = kea.find((s) => s.id === 'kea-bknsn-hoofdtypen') as Record<string, unknown>;
    server.route(`${new URL(entry.url as string).pathname}/0/query`, (_req, res) =>
      send(res, 200, 'application/json', fixture('bknsn-hoofdtypen-arcgis.json')),
    );
    const sources = await sourcesOf(localPreset('klimaateffectatlas', ['kea-bknsn-hoofdtypen']));
    const r = await checkLocation(sources, AT, kb);
    expect(factOf(r, 'landscapeType')).toMatchObject({ status: 'ok', value: 'dekzand' });
    expect(r.landscape.type?.id).toBe('dekzand');
    expect(r.landscape.zone).toBeUndefined();
    expect(r.sources.find((s) => s.id === 'kea-bknsn-hoofdtypen')?.detail).toEqual({
      gridcode: 8000,
    });
    expect(r.principles.length).toBeGreaterThan(0);
    const needZone = r.missing.filter(
      (m) => m.kind === 'principle' && (m as { needs?: string[] }).needs?.includes('zone'),
    );
    expect(needZone.length).toBeGreaterThan(0);
    // The same check with the zone known lists none of them as missing.
    const withZone = await checkLocation(
      [
        ...sources,
        {
          id: 'zone',
          title: 'zone',
          provides: ['zone'],
          query: () =>
            Promise.resolve({
              sourceId: 'zone',
              title: 'zone',
              status: 'ok',
              facts: [
                {
                  name: 'zone',
                  status: 'ok',
                  value: 'Dz1',
                  provenance: { sourceId: 'zone', title: 'zone' },
                },
              ],
            }),
        },
      ],
      AT,
      kb,
    );
    expect(
      withZone.missing.filter(
        (m) => m.kind === 'principle' && (m as { needs?: string[] }).needs?.includes('zone'),
      ),
    ).toEqual([]);
  });
});
