/**
 * The zonering from a FlatGeobuf file read per view extent (issue #11): `<na-zonering-layer
 * fgb="…">` reads only the features in view by HTTP range requests (counted: requests, bytes,
 * features against the file), draws them in the zonering colours, names the hovered zone, says
 * clearly when the server has no Range support, asks to zoom in above its resolution limit or
 * over its budget, and aborts the read of an extent the view has left.
 *
 * The file is a small synthetic national zonering (test/fixtures/flatgeobuf/zonering-nl-small.fgb,
 * 1,280 hexagons with BKNSN codes, written by GDAL), served by the fault server with Range
 * support (`/fault/fixture/…`) and without (`/fault/fixture-no-range/…`).
 */
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { intersects, buffer, type Extent } from 'ol/extent.js';
import type Feature from 'ol/Feature.js';
import type Polygon from 'ol/geom/Polygon.js';
import type OlMap from 'ol/Map.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import {
  createZoneringFgbLayer,
  isOverBudget,
  openZoneringFgb,
  ZoneringFgbLayer,
  ZoneringFgbTileLayers,
} from '../../src/map/zonering-fgb.js';
import { zonesInView } from '../../src/map/zones-in-view.js';
import { zoneName, zoneringColour } from '../../src/map/zonering-style.js';
import {
  FlatGeobufSource,
  httpRangeReader,
  type RangeReader,
} from '../../src/sources/flatgeobuf.js';
import '../../widgets/zonering-layer/define.js';
import '../../widgets/zonering-legend/define.js';
import type { ZoneHoverDetail } from '../../widgets/zonering-layer/events.js';
import type { NaZoneringLayer } from '../../widgets/zonering-layer/zonering-layer.js';
import type { NaZoneringLegend } from '../../widgets/zonering-legend/zonering-legend.js';
import { centreOn, makeMap, until, type TestMap } from './helpers/map.js';
import { closeRgb, colourAt, rendered, rgb } from './zonering-helpers.js';

const FILE = 'flatgeobuf/zonering-nl-small.fgb';
/** With HTTP Range support (the fault server's file route). */
const RANGE = `/fault/fixture/${FILE}`;
/** Without: a server that always sends the whole file (status 200). */
const NO_RANGE = `/fault/fixture-no-range/${FILE}`;
const TOTAL = 1280;
const kb = defaultKnowledgeBase();
/** OpenLayers loads the view extent buffered by the layer's render buffer (100 px). */
const RENDER_BUFFER_PX = 100;

describe('<na-zonering-layer fgb>', () => {
  const maps: TestMap[] = [];
  const elements: Element[] = [];
  let fileBytes = 0;
  before(async () => {
    fileBytes = (await (await fetch(NO_RANGE)).arrayBuffer()).byteLength;
  });
  afterEach(async () => {
    for (const el of elements.splice(0)) el.remove();
    for (const t of maps.splice(0)) t.dispose();
    await resetMouse();
  });
  function map(resolution: number, center: [number, number] = [155000, 463000]): OlMap {
    const t = makeMap({ width: 400, height: 400, center });
    t.map.getView().setResolution(resolution);
    t.map.renderSync();
    maps.push(t);
    return t.map;
  }
  async function element(m: OlMap, attributes: Record<string, string>): Promise<NaZoneringLayer> {
    const el = document.createElement('na-zonering-layer');
    for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
    el.map = m;
    document.body.append(el);
    elements.push(el);
    await el.updateComplete;
    return el;
  }
  async function legendOf(el: NaZoneringLayer): Promise<NaZoneringLegend> {
    const legend = document.createElement('na-zonering-legend');
    legend.layer = el;
    document.body.append(legend);
    elements.push(legend);
    await legend.updateComplete;
    return legend;
  }
  const messagesOf = (legend: NaZoneringLegend): string[] =>
    [...(legend.shadowRoot?.querySelectorAll('[part~="message"]') ?? [])].map(
      (p) => p.textContent?.trim() ?? '',
    );
  /** The view extent as OpenLayers loads it (buffered by the render buffer). */
  function loadExtent(m: OlMap): Extent {
    const view = m.getView();
    const extent = view.calculateExtent(m.getSize());
    return buffer(extent, RENDER_BUFFER_PX * (view.getResolution() as number));
  }
  async function extentRead(layer: ZoneringFgbLayer, m: OlMap): Promise<void> {
    await until(() => layer.lastRead !== undefined || layer.lastError !== undefined, 'a read');
    await rendered(m);
  }

  it('reads only the features in view, by range, and draws them in the zonering colours', async () => {
    const m = map(20);
    const el = await element(m, { fgb: RANGE });
    expect(await el.whenLoaded(), 'the file total, from the header').to.equal(TOTAL);
    const layer = el.mapLayer as ZoneringFgbLayer;
    expect(layer).to.be.instanceOf(ZoneringFgbLayer);
    await extentRead(layer, m);
    const features = layer.getSource()?.getFeatures() ?? [];
    const { requests, bytes } = layer.fgbSource.stats;
    // 8 km across plus the buffer, of a country 280 km wide: a handful of 9 km hexagons.
    expect(features.length, 'features loaded').to.be.within(1, TOTAL / 50);
    expect(layer.lastRead?.features).to.equal(features.length);
    expect(bytes, `${bytes} of ${fileBytes} bytes`).to.be.below(fileBytes / 4);
    expect(requests, 'header, tree levels, features').to.be.within(2, 6);
    const extent = loadExtent(m);
    for (const f of features) {
      const box = f.getGeometry()?.getExtent() as Extent;
      expect(intersects(box, extent), `feature ${f.getId()}`).to.equal(true);
    }
    // The colour of the zone under a point inside the feature at the centre (labels off there).
    const centre = m.getView().getCenter() as [number, number];
    const [atCentre] = layer.featuresAtCoordinate(centre) as Feature[];
    expect(atCentre, 'a feature at the centre').not.to.equal(undefined);
    const code = layer.codeOf(atCentre as Feature) as string;
    const plain = createZoneringFgbLayer(layer.fgbSource, kb, { labels: false });
    m.removeLayer(layer);
    m.addLayer(plain);
    await extentRead(plain, m);
    const inner = (atCentre?.getGeometry() as Polygon).getInteriorPoint().getCoordinates();
    const got = colourAt(m, [inner[0] as number, inner[1] as number]);
    expect(closeRgb(got, rgb(zoneringColour(kb, code, 'regio/stad'))), `${code}: ${got}`).to.equal(
      true,
    );
    m.removeLayer(plain);
    plain.dispose();
  });

  it('names the hovered zone as with GeoJSON, and the legend lists the zones in view', async () => {
    const m = map(10);
    const el = await element(m, { fgb: RANGE });
    await el.whenLoaded();
    const layer = el.mapLayer as ZoneringFgbLayer;
    await extentRead(layer, m);
    const legend = await legendOf(el);
    const centre = m.getView().getCenter() as [number, number];
    const code = layer.codeOf(layer.featuresAtCoordinate(centre)[0] as Feature) as string;
    const events: ZoneHoverDetail[] = [];
    const listen = new AbortController();
    document.addEventListener('na-zone-hover', (e) => events.push(e.detail), {
      signal: listen.signal,
    });
    const rect = (m.getViewport() as HTMLElement).getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(rect.left + 200), Math.round(rect.top + 200)],
    });
    await until(() => events.at(-1)?.code === code, 'the hover event');
    listen.abort();
    expect(events.at(-1)).to.deep.equal({
      code,
      name: zoneName(kb, code, 'nl'),
      via: 'pointer',
    });
    expect(zonesInView(layer, m).codes).to.include(code);
    expect(zonesInView(layer, m).zoomIn).to.equal(false);
    await until(() => legend.legend !== undefined, 'the legend');
    expect(legend.legend?.entries.length).to.be.greaterThan(0);
    expect(messagesOf(legend).join(' ')).not.to.match(/Zoom in/i);
  });

  it('says in words, translated, that the server does not support HTTP Range', async () => {
    const m = map(20);
    const el = await element(m, { fgb: NO_RANGE });
    const loading = el.whenLoaded();
    const legend = await legendOf(el);
    const failed = await loading.then(
      () => 'loaded',
      (e: unknown) => (e as { code?: string }).code,
    );
    expect(failed, 'the error code of the event').to.equal('fetch-failed');
    expect(el.state).to.equal('error');
    await el.updateComplete;
    await legend.updateComplete;
    const status = () => el.shadowRoot?.querySelector('[part="status"]')?.textContent ?? '';
    expect(el.errorMessage).to.include('zonering-nl-small.fgb');
    expect(el.errorMessage).to.include('deelverzoeken (HTTP Range)');
    expect(status()).to.equal(el.errorMessage);
    expect(messagesOf(legend)).to.deep.equal([el.errorMessage]);
    el.lang = 'en';
    legend.lang = 'en';
    await el.updateComplete;
    await legend.updateComplete;
    expect(status()).to.include('does not support partial requests (HTTP Range)');
    expect(messagesOf(legend)[0]).to.include('does not support partial requests');
    expect(el.mapLayer, 'no layer on the map').to.equal(undefined);
  });

  it('reads nothing above its resolution limit, and the legend says to zoom in', async () => {
    const m = map(200);
    const el = await element(m, { fgb: RANGE });
    await el.whenLoaded();
    const layer = el.mapLayer as ZoneringFgbLayer;
    const legend = await legendOf(el);
    await rendered(m);
    await rendered(m);
    expect(layer.fgbSource.stats.requests, 'the header only').to.equal(1);
    expect(layer.getSource()?.getFeatures().length).to.equal(0);
    await until(() => messagesOf(legend).length > 0, 'the legend message');
    expect(messagesOf(legend)).to.deep.equal(['Zoom in om de zonering te zien.']);
    // Zoomed in: the zonering is read and the hint goes.
    m.getView().setResolution(20);
    await extentRead(layer, m);
    await until(() => legend.legend !== undefined && legend.legend.entries.length > 0, 'entries');
    expect(messagesOf(legend).join(' ')).not.to.include('Zoom in');
  });

  it('with tiles: the tiles when zoomed out, the .fgb when zoomed in', async () => {
    const m = map(200, [192000, 445000]);
    const el = await element(m, {
      fgb: RANGE,
      tiles: '/test/fixtures/tiles/voorbeeldstad/tiles.json',
    });
    expect(await el.whenLoaded()).to.equal(TOTAL);
    const group = el.mapLayer as ZoneringFgbTileLayers;
    expect(group).to.be.instanceOf(ZoneringFgbTileLayers);
    expect(group.tileLayer.getMinResolution()).to.equal(group.fgbLayer.getMaxResolution());
    expect(group.zoomInAt(200), 'the tiles draw: no hint').to.equal(false);
    await rendered(m);
    await rendered(m);
    expect(group.fgbLayer.fgbSource.stats.requests, 'the header only').to.equal(1);
    m.getView().setResolution(20);
    await extentRead(group.fgbLayer, m);
    expect(group.fgbLayer.getSource()?.getFeatures().length).to.be.greaterThan(0);
    const centre = m.getView().getCenter() as [number, number];
    expect(group.featuresAtCoordinate(centre)).to.deep.equal(
      group.fgbLayer.featuresAtCoordinate(centre),
    );
  });

  it('aborts the read of an extent the view has left', async () => {
    const m = map(20);
    // A reader that holds every feature read until it is let go, and keeps their signals.
    const http = httpRangeReader(RANGE);
    let hold = false;
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const signals: AbortSignal[] = [];
    const reader: RangeReader = {
      async read(offset, length, signal) {
        if (hold && signal !== undefined) {
          signals.push(signal);
          await held;
        }
        return http.read(offset, length, signal);
      },
    };
    const source = new FlatGeobufSource({
      id: 'zonering',
      title: 'zonering',
      reader,
      properties: { zone: 'BKNSN_code' },
    });
    await source.header();
    hold = true;
    const layer = createZoneringFgbLayer(source, kb);
    m.addLayer(layer);
    m.renderSync();
    await until(() => signals.length === 1, 'the read of the first extent');
    const first = loadExtent(m);
    // 100 km east: an extent that does not meet the first.
    centreOn(m, [255000, 463000]);
    await until(() => signals.length === 2, 'the read of the second extent');
    expect(signals[0]?.aborted, 'the first read is aborted').to.equal(true);
    expect(signals[1]?.aborted).to.equal(false);
    expect(layer.aborted).to.equal(1);
    hold = false;
    release();
    await until(() => layer.lastRead !== undefined, 'the second extent read');
    const features = layer.getSource()?.getFeatures() ?? [];
    expect(features.length).to.be.greaterThan(0);
    const second = loadExtent(m);
    for (const f of features) {
      expect(intersects(f.getGeometry()?.getExtent() as Extent, second)).to.equal(true);
    }
    expect(intersects(first, second), 'the extents are apart').to.equal(false);
    expect(layer.lastError, 'an abort is no error').to.equal(undefined);
    m.removeLayer(layer);
    layer.dispose();
  });

  const featuresRead = (layer: ZoneringFgbLayer): number => layer.lastRead?.features ?? 0;

  it('keeps at most maxLoadedFeatures while the view pans: those outside the view go, those in view stay', async () => {
    const m = map(20, [120000, 400000]);
    const { source } = await openZoneringFgb(RANGE);
    const cap = 10;
    let totalRead = 0;
    const layer = createZoneringFgbLayer(source, kb, { maxLoadedFeatures: cap });
    m.addLayer(layer);
    const vector = layer.getSource()!;
    let most = 0;
    // Pan east in steps of one view (8 km) over 60 km: far more features than the cap are read.
    for (let step = 0; step < 8; step++) {
      layer.lastRead = undefined;
      m.getView().setCenter([120000 + step * 8000, 400000]);
      m.renderSync();
      await extentRead(layer, m);
      // (read through a function: TypeScript keeps the `undefined` set above as its type)
      totalRead += featuresRead(layer);
      most = Math.max(most, vector.getFeatures().length);
      const extent = loadExtent(m);
      const inView = vector.getFeatures().filter((f) => f.getGeometry()?.intersectsExtent(extent));
      expect(inView.length, `features in view at step ${step}`).to.be.greaterThan(0);
    }
    expect(totalRead, 'features read over the pan').to.be.greaterThan(cap + 15);
    expect(layer.evictions, `evictions (most held ${most})`).to.be.greaterThan(0);
    // At most the cap plus one view's features (the view read after the last eviction).
    expect(most, `most features held (${totalRead} read)`).to.be.at.most(cap + 15);
    m.removeLayer(layer);
    layer.dispose();
  });

  it('reads nothing for an extent over its budget, and asks to zoom in', async () => {
    const m = map(20);
    const { source } = await openZoneringFgb(RANGE);
    const layer = createZoneringFgbLayer(source, kb, { maxFeatures: 1 });
    m.addLayer(layer);
    m.renderSync();
    await until(() => layer.lastError !== undefined, 'the budget error');
    expect(isOverBudget(layer.lastError), String(layer.lastError)).to.equal(true);
    expect(layer.getSource()?.getFeatures().length).to.equal(0);
    expect(zonesInView(layer, m).zoomIn).to.equal(true);
    // Not read again every frame while the view stays (the map settles).
    const requests = source.stats.requests;
    await rendered(m);
    await rendered(m);
    expect(source.stats.requests).to.equal(requests);
    const bytes = createZoneringFgbLayer(source, kb, { maxBytes: 100 });
    m.removeLayer(layer);
    layer.dispose();
    m.addLayer(bytes);
    m.renderSync();
    await until(() => bytes.lastError !== undefined, 'the byte budget error');
    expect(String(bytes.lastError)).to.include('maxBytes');
    m.removeLayer(bytes);
    bytes.dispose();
  });
});
