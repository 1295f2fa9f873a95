/** The OpenLayers adapter of the viewer seam (src/map/ol-viewer.ts) on a real map. */
import { expect } from '@open-wc/testing';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Fill from 'ol/style/Fill.js';
import Style from 'ol/style/Style.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import Feature from 'ol/Feature.js';
import Polygon from 'ol/geom/Polygon.js';
import { toCrs } from '../../src/core/crs.js';
import type { Location } from '../../src/core/types.js';
import { createOlViewer } from '../../src/map/ol-viewer.js';
import { listenerSnapshot, makeMap, realClick, type TestMap, until } from './helpers/map.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function mapIn(crs: 'EPSG:28992' | 'EPSG:3857'): TestMap {
  const tm = makeMap({ crs, center: [155000, 463000] });
  cleanups.push(() => tm.dispose());
  return tm;
}

describe('createOlViewer', () => {
  for (const crs of ['EPSG:28992', 'EPSG:3857'] as const) {
    it(`reports clicks in the map CRS and places the marker (${crs})`, async () => {
      const tm = mapIn(crs);
      const viewer = createOlViewer(tm.map);
      expect(viewer.crs).to.equal(crs);
      const got: Location[] = [];
      const off = viewer.onClick((l) => got.push(l));
      const target: Location = { x: 155100, y: 463050, crs: 'EPSG:28992' };
      realClick(tm.map, target);
      await until(() => got.length === 1, 'the click');
      expect(got[0]?.crs).to.equal(crs);
      const [x, y] = toCrs([got[0]?.x ?? 0, got[0]?.y ?? 0], crs, 'EPSG:28992');
      expect(Math.abs(x - target.x)).to.be.below(8);
      expect(Math.abs(y - target.y)).to.be.below(8);
      off();
      off();
      // A second listener is the signal that the next click has been reported.
      const witness: Location[] = [];
      const offWitness = viewer.onClick((l) => witness.push(l));
      realClick(tm.map, target);
      await until(() => witness.length === 1, 'the witness listener');
      expect(got.length).to.equal(1);
      offWitness();

      viewer.showMarker(target);
      const overlay = tm.map.getOverlays().item(0);
      const pos = overlay.getPosition() ?? [0, 0];
      const expected = toCrs([target.x, target.y], 'EPSG:28992', crs);
      expect(pos[0]).to.be.closeTo(expected[0], 1e-6);
      expect(pos[1]).to.be.closeTo(expected[1], 1e-6);
      viewer.showMarker(null);
      expect(overlay.getPosition()).to.equal(undefined);
      viewer.destroy();
    });
  }

  it('pans by screen pixels, also on a rotated map, and centres on any CRS', () => {
    const tm = mapIn('EPSG:28992');
    const view = tm.map.getView();
    view.setResolution(2);
    const viewer = createOlViewer(tm.map);
    const c0 = viewer.getCenter();
    viewer.panBy(10, 20);
    const c1 = viewer.getCenter();
    expect(c1.x - c0.x).to.be.closeTo(20, 1e-9);
    expect(c1.y - c0.y).to.be.closeTo(-40, 1e-9);
    view.setRotation(Math.PI / 2);
    viewer.panBy(10, 0);
    const c2 = viewer.getCenter();
    // Rotated a quarter turn: screen-right is map-north.
    expect(c2.x - c1.x).to.be.closeTo(0, 1e-9);
    expect(c2.y - c1.y).to.be.closeTo(20, 1e-9);
    viewer.centerOn({ x: 5.3872, y: 52.1552, crs: 'EPSG:4326' }, 10);
    const c3 = viewer.getCenter();
    expect(c3.x).to.be.closeTo(154999.76, 1);
    expect(c3.y).to.be.closeTo(463003.08, 1);
    expect(view.getZoom()).to.be.closeTo(10, 1e-9);
    viewer.destroy();
  });

  it('adds and removes crosshairs; destroy restores the map exactly and is idempotent', () => {
    const tm = mapIn('EPSG:28992');
    const before = listenerSnapshot(tm.map);
    const viewer = createOlViewer(tm.map);
    viewer.onClick(() => undefined);
    viewer.showMarker({ x: 155000, y: 463000, crs: 'EPSG:28992' });
    const remove = viewer.addCrosshair();
    viewer.addCrosshair();
    expect(tm.map.getViewport()?.querySelectorAll('.na-crosshair').length).to.equal(2);
    remove();
    remove();
    expect(tm.map.getViewport()?.querySelectorAll('.na-crosshair').length).to.equal(1);
    void viewer.snapshot();
    viewer.destroy();
    viewer.destroy();
    expect(listenerSnapshot(tm.map)).to.deep.equal(before);
    // After destroy, calls are harmless and add nothing.
    viewer.showMarker({ x: 155000, y: 463000, crs: 'EPSG:28992' });
    viewer.onClick(() => undefined)();
    viewer.addCrosshair()();
    expect(listenerSnapshot(tm.map)).to.deep.equal(before);
  });

  it('snapshots the rendered canvas with the marker as a PNG data URL', async () => {
    const tm = mapIn('EPSG:28992');
    tm.map.getView().setResolution(1);
    const square = new Polygon([
      [
        [154900, 462900],
        [155100, 462900],
        [155100, 463100],
        [154900, 463100],
        [154900, 462900],
      ],
    ]);
    // A host layer with its own class name (OpenLayers then drops the `ol-layer` class).
    const layer = new VectorLayer({
      className: 'host-own-layer',
      source: new VectorSource({ features: [new Feature(square)] }),
      style: new Style({ fill: new Fill({ color: 'rgb(200, 30, 40)' }) }),
    });
    tm.map.addLayer(layer);
    cleanups.push(() => tm.map.removeLayer(layer));
    const viewer = createOlViewer(tm.map);
    viewer.showMarker({ x: 155000, y: 463000, crs: 'EPSG:28992' });
    const url = await viewer.snapshot();
    expect(url).to.match(/^data:image\/png;base64,/);
    const img = new Image();
    img.src = url ?? '';
    await img.decode();
    expect(img.naturalWidth).to.equal(400);
    expect(img.naturalHeight).to.equal(300);
    // The layer is in the snapshot: 50 px right of the marker lies inside the red square.
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 300;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const [r, g, b] = ctx.getImageData(250, 150, 1, 1).data;
    expect([r, g, b]).to.deep.equal([200, 30, 40]);
    viewer.destroy();
    expect(await viewer.snapshot()).to.equal(null);
  });

  it('refuses a projection it cannot transform', () => {
    const target = document.createElement('div');
    document.body.append(target);
    const map = new OlMap({
      target,
      view: new View({ projection: 'EPSG:4326', center: [5, 52], zoom: 8 }),
    });
    cleanups.push(() => {
      map.setTarget(undefined);
      target.remove();
    });
    expect(createOlViewer(map).crs).to.equal('EPSG:4326');
    const odd = new OlMap({
      view: new View({ projection: 'EPSG:4269' as string, center: [0, 0], zoom: 1 }),
    });
    expect(() => createOlViewer(odd)).to.throw(/Unsupported CRS/);
  });
});
