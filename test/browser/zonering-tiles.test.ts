/**
 * The zonering from vector tiles (issue #11): `<na-zonering-layer tiles="…/tiles.json">` draws
 * the same colours as the vector layer (the demo zonering loaded whole), names the hovered zone,
 * answers the legend's questions, and leaves the map as it was. The tiles are the demo zonering
 * written by `scripts/tiles.mjs` (test/fixtures/tiles/voorbeeldstad), served by the test server.
 */
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type OlMap from 'ol/Map.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { createZoneringLayer, zonesInView } from '../../src/map/zonering-layer.js';
import { zoneringColour } from '../../src/map/zonering-style.js';
import {
  createZoneringTileLayer,
  parseZoneringTiles,
  ZoneringTileLayer,
} from '../../src/map/zonering-tiles.js';
import '../../widgets/zonering-layer/define.js';
import type { ZoneHoverDetail } from '../../widgets/zonering-layer/events.js';
import type { NaZoneringLayer } from '../../widgets/zonering-layer/zonering-layer.js';
import { centreOn, listenerSnapshot, makeMap, until, type TestMap } from './helpers/map.js';
import {
  closeRgb,
  demoSource,
  rgb,
  layerCanvas,
  pixelOf,
  PLACES,
  rendered,
} from './zonering-helpers.js';

const TILES = '/test/fixtures/tiles/voorbeeldstad/tiles.json';
const kb = defaultKnowledgeBase();

/**
 * The fill the zonering layer drew around an RD location: the most frequent RGBA in a 15×15 block
 * of canvas pixels. Labels are placed per tile in the tile layer and per polygon in the vector
 * layer, so a label may cover the point in one and not the other; the fill still dominates.
 */
function fillAt(map: OlMap, rd: [number, number]): [number, number, number, number] {
  const canvas = layerCanvas(map);
  const ratio = canvas.width / (map.getSize() as [number, number])[0];
  const [px, py] = pixelOf(map, rd);
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const data = ctx.getImageData(
    Math.round(px * ratio) - 7,
    Math.round(py * ratio) - 7,
    15,
    15,
  ).data;
  const counts = new Map<string, number>();
  for (let i = 0; i < data.length; i += 4) {
    const key = `${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '0,0,0,0';
  return best.split(',').map(Number) as [number, number, number, number];
}

describe('<na-zonering-layer tiles>', () => {
  const maps: TestMap[] = [];
  const elements: Element[] = [];
  afterEach(async () => {
    for (const el of elements.splice(0)) el.remove();
    for (const t of maps.splice(0)) t.dispose();
    await resetMouse();
  });
  function map(crs: 'EPSG:28992' | 'EPSG:3857' = 'EPSG:28992'): OlMap {
    const t = makeMap({ width: 400, height: 400, center: [192000, 445000], crs });
    maps.push(t);
    return t.map;
  }
  async function element(
    m: OlMap,
    setup: (el: NaZoneringLayer) => unknown,
  ): Promise<NaZoneringLayer> {
    const el = document.createElement('na-zonering-layer');
    await setup(el);
    el.map = m;
    document.body.append(el);
    elements.push(el);
    await el.updateComplete;
    return el;
  }
  /** Waits until every tile in view is loaded and drawn. */
  async function tilesDrawn(m: OlMap): Promise<void> {
    await rendered(m);
    // The first render may request tiles; the render after they arrive is complete.
    await rendered(m);
  }

  it('draws the same colours as the vector layer, at regio scale and closer in', async () => {
    // Without labels: they are placed per tile in one and per polygon in the other.
    const vectorMap = map();
    const tileMap = map();
    const vector = createZoneringLayer(await demoSource(), kb, { labels: false });
    const text = await (await fetch(TILES)).text();
    const tileLayer = createZoneringTileLayer(parseZoneringTiles(text, TILES), kb, {
      labels: false,
    });
    vectorMap.addLayer(vector);
    tileMap.addLayer(tileLayer);
    await vector.load(vectorMap.getView().getProjection());
    for (const [resolution, scale] of [
      [20, 'regio/stad'],
      [2, 'wijk/dorp'],
    ] as const) {
      for (const place of Object.values(PLACES)) {
        for (const m of [vectorMap, tileMap]) {
          m.getView().setResolution(resolution);
          centreOn(m, place.rd);
        }
        await rendered(vectorMap);
        await tilesDrawn(tileMap);
        expect(tileLayer.scaleAt(resolution)).to.equal(scale);
        const want = fillAt(vectorMap, place.rd);
        const got = fillAt(tileMap, place.rd);
        expect(
          closeRgb(got, want),
          `${place.zone} at ${resolution} m/px: ${got} vs ${want}`,
        ).to.equal(true);
        expect(got[3]).to.be.closeTo(want[3], 3);
        expect(
          closeRgb(got, rgb(zoneringColour(kb, place.zone, scale))),
          'the zonering colour',
        ).to.equal(true);
      }
    }
    vectorMap.removeLayer(vector);
    vector.dispose();
    tileMap.removeLayer(tileLayer);
    tileLayer.dispose();
  });

  it('loads tiles.json and the tile code in the element, on a map in RD', async () => {
    const m = map();
    m.getView().setResolution(20);
    const el = await element(m, (e) => e.setAttribute('tiles', TILES));
    expect(await el.whenLoaded(), 'feature count from tiles.json').to.equal(152);
    expect(el.mapLayer).to.be.instanceOf(ZoneringTileLayer);
    expect(el.zoneringLayer, 'no vector layer').to.equal(undefined);
    centreOn(m, PLACES.stuwwalTop.rd);
    await tilesDrawn(m);
    const got = fillAt(m, PLACES.stuwwalTop.rd);
    expect(closeRgb(got, rgb(zoneringColour(kb, 'Sw1', 'regio/stad'))), `${got}`).to.equal(true);
  });

  it('names the hovered zone and finds the zones in view for the legend', async () => {
    const m = map();
    m.getView().setResolution(2);
    centreOn(m, PLACES.stuwwalTop.rd);
    const el = await element(m, (e) => e.setAttribute('tiles', TILES));
    await el.whenLoaded();
    await tilesDrawn(m);
    const events: ZoneHoverDetail[] = [];
    const listen = new AbortController();
    document.addEventListener('na-zone-hover', (e) => events.push(e.detail), {
      signal: listen.signal,
    });
    const [px, py] = pixelOf(m, PLACES.stuwwalTop.rd);
    const rect = (m.getViewport() as HTMLElement).getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(rect.left + px), Math.round(rect.top + py)],
    });
    await until(() => events.at(-1)?.code === 'Sw1', 'the hover event');
    listen.abort();
    expect(events.at(-1)).to.deep.equal({ code: 'Sw1', name: 'Stuwwal', via: 'pointer' });
    const layer = el.mapLayer as ZoneringTileLayer;
    expect(zonesInView(layer, m).codes).to.include('Sw1');
    expect(
      layer.featuresAtCoordinate([...PLACES.stuwwalTop.rd]).map((f) => layer.codeOf(f)),
    ).to.deep.equal(['Sw1']);
    // Outside every polygon of the tiles in view: nothing.
    expect(layer.featuresAtCoordinate([100000, 400000])).to.deep.equal([]);
  });

  it('uses src on a map that is not in RD, and says what is missing without it', async () => {
    const m = map('EPSG:3857');
    const el = await element(m, (e) => e.setAttribute('tiles', TILES));
    expect(el.state).to.equal('no-source');
    el.src = '/demo/data/zonering.geojson';
    el.crs = 'EPSG:28992';
    await el.updateComplete;
    expect(await el.whenLoaded()).to.be.greaterThan(100);
    expect(el.zoneringLayer, 'the vector layer').not.to.equal(undefined);
  });

  it('switches from tiles to src when the tiles attribute is removed (and back)', async () => {
    const m = map();
    m.getView().setResolution(20);
    const el = await element(m, (e) => e.setAttribute('tiles', TILES));
    expect(await el.whenLoaded()).to.equal(152);
    el.removeAttribute('tiles');
    el.setAttribute('crs', 'EPSG:28992');
    el.setAttribute('src', '/demo/data/zonering.geojson');
    await el.updateComplete;
    expect(await el.whenLoaded()).to.be.greaterThan(100);
    expect(el.state).to.equal('ready');
    expect(el.zoneringLayer, 'the vector layer').not.to.equal(undefined);
    expect(el.mapLayer).not.to.be.instanceOf(ZoneringTileLayer);
    el.removeAttribute('src');
    await el.updateComplete;
    expect(el.state).to.equal('no-source');
    el.setAttribute('tiles', TILES);
    await el.updateComplete;
    expect(await el.whenLoaded()).to.equal(152);
    expect(el.mapLayer).to.be.instanceOf(ZoneringTileLayer);
  });

  it('reports a tiles.json that is not one, and removes everything it added on disconnect', async () => {
    const m = map();
    await rendered(m);
    const before = listenerSnapshot(m);
    const layersBefore = m.getLayers().getLength();
    const bad = await element(m, (e) => e.setAttribute('tiles', '/demo/data/sources.json'));
    const failed = await bad.whenLoaded().then(
      () => 'loaded',
      (e: unknown) => String(e),
    );
    expect(failed).to.match(/invalid-data|format must be/);
    bad.remove();
    const el = await element(m, (e) => e.setAttribute('tiles', TILES));
    await el.whenLoaded();
    await tilesDrawn(m);
    expect(m.getLayers().getLength()).to.equal(layersBefore + 1);
    el.remove();
    m.renderSync();
    expect(m.getLayers().getLength()).to.equal(layersBefore);
    expect(listenerSnapshot(m)).to.deep.equal(before);
  });
});
