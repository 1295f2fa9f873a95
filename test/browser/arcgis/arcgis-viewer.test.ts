/**
 * The ArcGIS Maps SDK adapter (src/arcgis/) on a REAL `MapView` in Chromium, offline: a `Map`
 * without basemap in RD New, the SDK's assets served from node_modules, WebGL through SwiftShader
 * (the `arcgis` group of web-test-runner.config.mjs). Real mouse clicks (`sendMouse`), the zonering
 * layer's pixel colours against the legend, and `<na-location-check>` working through `.viewer`.
 */
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import esriConfig from '@arcgis/core/config.js';
import ArcgisMap from '@arcgis/core/Map.js';
import MapView from '@arcgis/core/views/MapView.js';
import Point from '@arcgis/core/geometry/Point.js';
import Graphic from '@arcgis/core/Graphic.js';
import * as reactiveUtils from '@arcgis/core/core/reactiveUtils.js';
import type SimpleMarkerSymbol from '@arcgis/core/symbols/SimpleMarkerSymbol.js';
import FeatureLayer from '@arcgis/core/layers/FeatureLayer.js';
import GroupLayer from '@arcgis/core/layers/GroupLayer.js';
import { createArcgisViewer, crsOfSpatialReference } from '../../../src/arcgis/viewer.js';
import { createArcgisZoneringLayer, geoJsonRings } from '../../../src/arcgis/zonering-layer.js';
import { regionScale, zoneringRendererSpec } from '../../../src/arcgis/renderer-spec.js';
import { toCrs } from '../../../src/core/crs.js';
import { defaultKnowledgeBase } from '../../../src/core/kb/load.js';
import type { Location } from '../../../src/core/types.js';
import { zoneringLegend } from '../../../src/core/zonering-style.js';
import type { Viewer } from '../../../src/map/viewer.js';
import '../../../widgets/location-check/define.js';
import type { NaReportReadyEvent } from '../../../widgets/location-check/events.js';
import { demoSource, PLACES } from '../zonering-helpers.js';

esriConfig.assetsPath = '/node_modules/@arcgis/core/assets';
// Nothing may leave the machine: no portal, no fonts or workers from a CDN.
esriConfig.request.useIdentity = false;

const kb = defaultKnowledgeBase();
const RD = { wkid: 28992 };

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15000,
): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

interface TestView {
  view: MapView;
  map: ArcgisMap;
  container: HTMLDivElement;
  dispose(): void;
}

/** A MapView over the demo town in RD New, without basemap (nothing to download). */
async function makeView(
  center: [number, number] = [192000, 445000],
  scale = 20000,
): Promise<TestView> {
  const container = document.createElement('div');
  Object.assign(container.style, { width: '400px', height: '300px', position: 'relative' });
  document.body.append(container);
  const map = new ArcgisMap();
  const view = new MapView({
    map,
    container,
    spatialReference: RD,
    center: rdPoint(center),
    scale,
    ui: { components: [] },
  });
  await Promise.race([
    view.when(),
    sleep(30000).then(() => {
      throw new Error('MapView did not become ready in 30 s (WebGL?)');
    }),
  ]);
  await until(() => !view.updating, 'view to settle');
  return {
    view,
    map,
    container,
    dispose() {
      view.destroy();
      map.destroy();
      container.remove();
    },
  };
}

/**
 * Waits until the view and every layer view have finished drawing. The SDK processes client-side
 * features in workers, so `updating` turns true only a moment after a change: wait, then poll.
 */
async function settled(tv: TestView): Promise<void> {
  for (let round = 0; round < 2; round++) {
    await sleep(250);
    await until(
      () => !tv.view.updating && tv.view.allLayerViews.every((lv) => !lv.updating),
      'view to finish drawing',
      20000,
    );
  }
}

/** An RD point for the SDK (an array would be read as longitude, latitude). */
function rdPoint(rd: [number, number]): Point {
  return new Point({ x: rd[0], y: rd[1], spatialReference: RD });
}

/** Page coordinates (CSS px) of an RD location in the view. */
function pagePoint(tv: TestView, rd: [number, number]): [number, number] {
  const screen = tv.view.toScreen({
    type: 'point',
    x: rd[0],
    y: rd[1],
    spatialReference: RD,
  } as never);
  if (!screen) throw new Error('not on screen');
  const rect = tv.container.getBoundingClientRect();
  return [Math.round(rect.left + screen.x), Math.round(rect.top + screen.y)];
}

/** A real mouse click (the browser's own input) at an RD location. */
async function realClick(tv: TestView, rd: [number, number]): Promise<void> {
  const [x, y] = pagePoint(tv, rd);
  await sendMouse({ type: 'move', position: [x, y] });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'up' });
}

/** RGBA of the rendered view at an RD location (screenshot of the view, marker included). */
async function colourAt(
  tv: TestView,
  rd: [number, number],
): Promise<[number, number, number, number]> {
  const shot = await tv.view.takeScreenshot({ format: 'png' });
  const screen = tv.view.toScreen({
    type: 'point',
    x: rd[0],
    y: rd[1],
    spatialReference: RD,
  } as never);
  if (!screen) throw new Error('not on screen');
  const { width, data } = shot.data;
  const scaleX = shot.data.width / tv.view.width;
  const scaleY = shot.data.height / tv.view.height;
  const i = (Math.round(screen.y * scaleY) * width + Math.round(screen.x * scaleX)) * 4;
  return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
}

/** Pixels of the magenta test ring within 16 CSS px of a screen point of the view. */
async function ringPixelsAtScreen(tv: TestView, screen: { x: number; y: number }): Promise<number> {
  const shot = await tv.view.takeScreenshot({ format: 'png' });
  const { width, height, data } = shot.data;
  const ratio = width / tv.view.width;
  const r = Math.ceil(16 * ratio);
  const cx = Math.round(screen.x * ratio);
  const cy = Math.round(screen.y * ratio);
  let count = 0;
  for (let y = Math.max(0, cy - r); y <= Math.min(height - 1, cy + r); y++) {
    for (let x = Math.max(0, cx - r); x <= Math.min(width - 1, cx + r); x++) {
      const i = (y * width + x) * 4;
      if (data[i]! > 200 && data[i + 1]! < 90 && data[i + 2]! > 200 && data[i + 3]! > 200) count++;
    }
  }
  return count;
}

/** Pixels of the magenta test ring around an RD location (screenshot of the view). */
function ringPixels(tv: TestView, rd: [number, number]): Promise<number> {
  const screen = tv.view.toScreen(rdPoint(rd));
  if (!screen) throw new Error('not on screen');
  return ringPixelsAtScreen(tv, screen);
}

/**
 * The colour at an RD location once something opaque is drawn there (the SDK draws feature tiles
 * asynchronously; with software WebGL that can take a few seconds).
 */
async function drawnColourAt(tv: TestView, rd: [number, number]): Promise<number[]> {
  const end = performance.now() + 20000;
  for (;;) {
    await settled(tv);
    const c = await colourAt(tv, rd);
    if (c[3] === 255 || performance.now() > end) return c;
  }
}

function hexRgb(hex: string): [number, number, number] {
  const m = /^#(..)(..)(..)$/.exec(hex);
  if (!m) throw new Error(hex);
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}

function expectColour(actual: number[], hex: string, what: string): void {
  const want = hexRgb(hex);
  for (let c = 0; c < 3; c++) {
    expect(
      Math.abs((actual[c] ?? 0) - (want[c] ?? 0)),
      `${what}: rgba(${actual.join(',')}) vs ${hex}`,
    ).to.be.at.most(4);
  }
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

describe('ArcGIS Maps SDK adapter (MapView, offline, SwiftShader WebGL)', function () {
  this.timeout(90000);

  it('reads the view CRS, centre and pans and centres through the seam', async () => {
    const tv = await makeView();
    cleanups.push(() => tv.dispose());
    const viewer = createArcgisViewer(tv.view);
    cleanups.push(() => viewer.destroy());
    expect(viewer.crs).to.equal('EPSG:28992');
    const c0 = viewer.getCenter();
    expect(c0.crs).to.equal('EPSG:28992');
    expect(c0.x).to.be.closeTo(192000, 0.01);
    expect(c0.y).to.be.closeTo(445000, 0.01);

    const resolution = tv.view.resolution;
    viewer.panBy(100, 0);
    const c1 = viewer.getCenter();
    expect(c1.x - c0.x).to.be.closeTo(100 * resolution, resolution);
    expect(c1.y).to.be.closeTo(c0.y, resolution);
    viewer.panBy(0, 50);
    expect(viewer.getCenter().y - c1.y).to.be.closeTo(-50 * resolution, resolution);

    // Centre on a WGS 84 location: transformed to RD by the adapter.
    const [lon, lat] = toCrs([195138, 445488], 'EPSG:28992', 'EPSG:4326');
    viewer.centerOn({ x: lon, y: lat, crs: 'EPSG:4326' });
    await until(() => Math.abs(viewer.getCenter().x - 195138) < 0.5, 'goTo');
    expect(viewer.getCenter().y).to.be.closeTo(445488, 0.5);
    expect(viewer.getTarget()).to.equal(tv.container);

    expect(crsOfSpatialReference({ wkid: 102100 })).to.equal('EPSG:3857');
    expect(() => crsOfSpatialReference({ wkid: 2154 })).to.throw(/2154|supported/i);
  });

  it('calls onClick with the map location of a real click, and stops after remove()', async () => {
    const tv = await makeView();
    cleanups.push(() => tv.dispose());
    const viewer = createArcgisViewer(tv.view);
    cleanups.push(() => viewer.destroy());
    const got: Location[] = [];
    const remove = viewer.onClick((l) => got.push(l));
    const target: [number, number] = [191500, 445300];
    // Under a software WebGL renderer on a loaded machine the view can take a moment before it
    // takes input: click again (a real click each time) until one arrives.
    for (let attempt = 0; attempt < 4 && got.length === 0; attempt++) {
      await realClick(tv, target);
      await until(() => got.length > 0, 'click', 5000).catch(() => undefined);
    }
    expect(got.length, 'a real click reached onClick').to.be.greaterThan(0);
    const clicks = got.length;
    expect(got[0]?.crs).to.equal('EPSG:28992');
    expect(got[0]?.x).to.be.closeTo(target[0], tv.view.resolution * 1.5);
    expect(got[0]?.y).to.be.closeTo(target[1], tv.view.resolution * 1.5);
    remove();
    remove(); // idempotent
    // A listener added now is the signal that the next click has been reported.
    const witness: Location[] = [];
    const removeWitness = viewer.onClick((l) => witness.push(l));
    await realClick(tv, target);
    await until(() => witness.length > 0, 'the witness listener');
    removeWitness();
    expect(got).to.have.length(clicks);
  });

  it('shows the marker as a graphic in view.graphics that moves with the map (no animation-frame loop), a crosshair and a snapshot; destroy() removes all it added', async () => {
    const tv = await makeView();
    cleanups.push(() => tv.dispose());
    const layersBefore = tv.map.layers.length;
    const graphicsBefore = tv.view.graphics.length;
    const viewer = createArcgisViewer(tv.view);
    const markers = (): Graphic[] =>
      tv.view.graphics.toArray().filter((g) => g.symbol?.type === 'simple-marker');

    // The ring colour comes from the container's CSS, through a custom property of its own.
    tv.container.style.setProperty('--brand', 'rgb(255, 0, 255)');
    tv.container.style.setProperty('--na-marker-color', 'var(--brand)');

    // Every animation frame asked for from here on, and those asked by the viewer's module (the
    // caller's stack names src/arcgis/viewer): none at all from showMarker itself, none from the
    // viewer while the map is idle or moves (the former marker element asked one every frame).
    const realRaf = window.requestAnimationFrame;
    let framesAsked = 0;
    let viewerFrames = 0;
    window.requestAnimationFrame = (cb: FrameRequestCallback): number => {
      framesAsked += 1;
      if (/\/src\/arcgis\/viewer\./.test(new Error().stack ?? '')) viewerFrames += 1;
      return realRaf.call(window, cb);
    };
    cleanups.push(() => {
      window.requestAnimationFrame = realRaf;
    });
    const spot: [number, number] = [192000, 445000];
    viewer.showMarker({ x: spot[0], y: spot[1], crs: 'EPSG:28992' });
    expect(framesAsked).to.equal(0);
    // One Graphic of the view's own SDK (autocast by view.graphics), at the spot, in RD New.
    expect(markers()).to.have.length(1);
    expect(tv.view.graphics.length).to.equal(graphicsBefore + 1);
    const marker = markers()[0]!;
    expect(marker).to.be.instanceOf(Graphic);
    const at = marker.geometry as Point;
    expect(at).to.be.instanceOf(Point);
    expect([at.x, at.y]).to.deep.equal(spot);
    expect(crsOfSpatialReference(at.spatialReference)).to.equal('EPSG:28992');
    const symbol = marker.symbol as SimpleMarkerSymbol;
    expect(symbol.outline?.color?.toRgb()).to.deep.equal([255, 0, 255]);

    // Drawn by the SDK: the ring is in the view's screenshot around the spot.
    await until(async () => (await ringPixels(tv, spot)) > 20, 'the ring drawn at its spot');
    // The map moves: the SDK draws the ring at the spot's new screen position, not the old one.
    const before = tv.view.toScreen(at)!;
    viewer.panBy(60, -40);
    const after = tv.view.toScreen(at)!;
    expect(Math.round(before.x - after.x)).to.equal(60);
    expect(Math.round(before.y - after.y)).to.equal(-40);
    await until(async () => (await ringPixels(tv, spot)) > 20, 'the ring drawn after the pan');
    expect(await ringPixelsAtScreen(tv, before)).to.equal(0);
    // A second location replaces the marker (one graphic, at the new spot).
    viewer.showMarker({ x: spot[0] + 100, y: spot[1], crs: 'EPSG:28992' });
    expect(markers()).to.have.length(1);
    expect((markers()[0]!.geometry as Point).x).to.equal(spot[0] + 100);
    await settled(tv);
    expect(viewerFrames, 'animation frames asked by the viewer').to.equal(0);
    window.requestAnimationFrame = realRaf;

    const removeCross = viewer.addCrosshair();
    expect(tv.container.querySelectorAll('.na-crosshair').length).to.equal(1);
    removeCross();
    expect(tv.container.querySelectorAll('.na-crosshair').length).to.equal(0);

    const png = await viewer.snapshot();
    expect(png).to.match(/^data:image\/png;base64,/);

    viewer.showMarker(null);
    expect(markers()).to.have.length(0);
    viewer.showMarker({ x: spot[0], y: spot[1], crs: 'EPSG:28992' });
    viewer.addCrosshair();
    viewer.destroy();
    viewer.destroy();
    expect(markers()).to.have.length(0);
    expect(tv.container.querySelectorAll('.na-crosshair').length).to.equal(0);
    expect(tv.map.layers.length).to.equal(layersBefore);
    expect(tv.view.graphics.length).to.equal(graphicsBefore);
    expect(await viewer.snapshot()).to.equal(null);
  });

  it('re-projects the marker when the view gets another spatial reference (with the host reactiveUtils); destroy() removes its watch', async () => {
    const tv = await makeView();
    cleanups.push(() => tv.dispose());
    // The host's reactiveUtils, counting the watch handles that are not removed.
    const live = new Set<object>();
    const counted = {
      watch: ((...args: Parameters<typeof reactiveUtils.watch>) => {
        const inner = reactiveUtils.watch(...args);
        const handle = {
          remove() {
            live.delete(handle);
            inner.remove();
          },
        };
        live.add(handle);
        return handle;
      }) as typeof reactiveUtils.watch,
    };
    const viewer = createArcgisViewer(tv.view, { reactiveUtils: counted });
    expect(live.size, 'watch handles').to.equal(1);
    const markers = (): Graphic[] =>
      tv.view.graphics.toArray().filter((g) => g.symbol?.type === 'simple-marker');
    const spot: [number, number] = [192000, 445000];
    viewer.showMarker({ x: spot[0], y: spot[1], crs: 'EPSG:28992' });
    const graphic = markers()[0]!;
    expect(crsOfSpatialReference((graphic.geometry as Point).spatialReference)).to.equal(
      'EPSG:28992',
    );

    // The host switches the view to Web Mercator (as a basemap in another spatial reference does).
    tv.view.spatialReference = { wkid: 3857 } as MapView['spatialReference'];
    await until(
      () => (markers()[0]?.geometry as Point | undefined)?.spatialReference?.wkid === 3857,
      'the marker in the new spatial reference',
    );
    expect(markers()).to.have.length(1);
    expect(markers()[0]).to.equal(graphic);
    const at = graphic.geometry as Point;
    const [x, y] = toCrs(spot, 'EPSG:28992', 'EPSG:3857');
    expect(at.x).to.be.closeTo(x, 0.01);
    expect(at.y).to.be.closeTo(y, 0.01);
    expect(viewer.crs).to.equal('EPSG:3857');

    // And back: the same location in RD New again (from the location given, not the 3857 point).
    tv.view.spatialReference = RD as MapView['spatialReference'];
    await until(
      () => (markers()[0]?.geometry as Point | undefined)?.spatialReference?.wkid === 28992,
      'the marker back in RD New',
    );
    const back = markers()[0]!.geometry as Point;
    expect([back.x, back.y]).to.deep.equal(spot);

    viewer.destroy();
    expect(live.size, 'watch handles after destroy').to.equal(0);
    expect(markers()).to.have.length(0);
  });

  it('draws the zonering layer in the legend colours (zones when zoomed in, types when out)', async () => {
    const source = await demoSource();
    const tv = await makeView(PLACES.dekzandrug.rd, 10000);
    cleanups.push(() => tv.dispose());
    const layer: GroupLayer = await createArcgisZoneringLayer(
      { FeatureLayer, GroupLayer, Graphic },
      source,
      kb,
      {
        crs: 'EPSG:28992',
        opacity: 1,
      },
    );
    tv.map.add(layer);
    cleanups.push(() => {
      tv.map.remove(layer);
      layer.destroy();
    });
    await Promise.all(layer.layers.toArray().map((l) => tv.view.whenLayerView(l)));
    for (const place of Object.values(PLACES)) {
      await tv.view.goTo({ center: rdPoint(place.rd), scale: 10000 }, { animate: false });
      await settled(tv);
      const zoneColour = zoneringLegend(kb, [place.zone], 'wijk/dorp', 'nl').entries[0]?.zones?.[0]
        ?.colour;
      expectColour(
        await drawnColourAt(tv, place.rd),
        zoneColour ?? 'missing',
        `zone ${place.zone}`,
      );
    }
    // Beyond the region scale (≈1:52,900 at 96 dpi): the landscape-type colour.
    const place = PLACES.stuwwalTop;
    await tv.view.goTo(
      { center: rdPoint(place.rd), scale: regionScale() * 1.2 },
      { animate: false },
    );
    await settled(tv);
    const typeColour = zoneringLegend(kb, [place.zone], 'regio/stad', 'nl').entries[0]?.colour;
    expectColour(
      await drawnColourAt(tv, place.rd),
      typeColour ?? 'missing',
      `type of ${place.zone}`,
    );
  });

  it('turns GeoJSON rings into SDK rings (outer clockwise, holes counter-clockwise)', () => {
    const ccw = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const hole = [
      [2, 2],
      [2, 4],
      [4, 4],
      [4, 2],
      [2, 2],
    ];
    const rings = geoJsonRings({ type: 'Polygon', coordinates: [ccw, hole] });
    const area = (r: number[][]) =>
      r
        .slice(0, -1)
        .reduce(
          (s, a, i) => s + (a[0] ?? 0) * (r[i + 1]?.[1] ?? 0) - (r[i + 1]?.[0] ?? 0) * (a[1] ?? 0),
          0,
        );
    expect(area(rings[0] ?? [])).to.be.lessThan(0);
    expect(area(rings[1] ?? [])).to.be.greaterThan(0);
    const spec = zoneringRendererSpec(kb, 'wijk/dorp');
    expect(spec.uniqueValueInfos.map((i) => i.value)).to.deep.equal(kb.zones.map((z) => z.code));
  });

  it('<na-location-check> works on the ArcGIS MapView through .viewer', async () => {
    const tv = await makeView(PLACES.dekzandrug.rd, 20000);
    cleanups.push(() => tv.dispose());
    const viewer: Viewer = createArcgisViewer(tv.view);
    cleanups.push(() => viewer.destroy());
    const layersBefore = tv.map.layers.length;
    const el = document.createElement('na-location-check');
    el.viewer = viewer;
    el.sources = [await demoSource()];
    document.body.append(el);
    cleanups.push(() => el.remove());
    await el.updateComplete;
    expect(el.activeViewer).to.equal(viewer);

    const ready = new Promise<NaReportReadyEvent>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no na-report-ready')), 35000);
      el.addEventListener(
        'na-report-ready',
        (e) => {
          clearTimeout(timer);
          resolve(e as NaReportReadyEvent);
        },
        { once: true },
      );
    });
    // As in the onClick test: a software-rendered view on a loaded machine may take a moment
    // before it takes input, so click again (a real click each time) until the viewer has one.
    const clicked: Location[] = [];
    const removeWitness = viewer.onClick((l) => clicked.push(l));
    for (let attempt = 0; attempt < 4 && clicked.length === 0; attempt++) {
      await realClick(tv, PLACES.dekzandrug.rd);
      await until(() => clicked.length > 0, 'click', 5000).catch(() => undefined);
    }
    removeWitness();
    expect(clicked.length, 'a real click reached the viewer').to.be.greaterThan(0);
    const report = (await ready).detail;
    expect(report.landscape.zone?.code).to.equal(PLACES.dekzandrug.zone);
    expect(report.landscape.type?.id).to.equal(PLACES.dekzandrug.type);
    await el.updateComplete;
    expect(el.shadowRoot?.textContent ?? '').to.contain(`(${PLACES.dekzandrug.zone})`);
    // The marker is on the ArcGIS map; nothing is left once the element and viewer are gone.
    const markerGraphics = (): number =>
      tv.view.graphics.filter((g) => g.symbol?.type === 'simple-marker').length;
    expect(markerGraphics()).to.equal(1);
    el.remove();
    await sleep(0);
    viewer.destroy();
    expect(markerGraphics()).to.equal(0);
    expect(tv.map.layers.length).to.equal(layersBefore);
  });
});
