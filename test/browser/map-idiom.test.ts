/**
 * The classes of src/map in the OpenLayers idiom (issue #12): nothing is added before `setMap`,
 * `setMap(null)` gives the map its layers, overlays, interactions and listener counts back, the
 * same map twice changes nothing, and a host that swaps its view for one in another projection
 * gets the features (the kansenkaart's units, the marker) moved into it, and the computed
 * kansenkaart image its hit tests, extent and scale levels in that projection. Real maps in Chromium.
 */
import { expect } from '@open-wc/testing';
import View from 'ol/View.js';
import type Polygon from 'ol/geom/Polygon.js';
import { transform, transformExtent } from 'ol/proj.js';
import type { Kansenkaart, KansenUnit } from '../../src/core/kansenkaart/compute.js';
import { STATE_COLOURS } from '../../src/core/kansenkaart/output.js';
import { unitGridOf, unitIdAt } from '../../src/core/kansenkaart/unit-grid.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { ACTIONS, type Action } from '../../src/core/types.js';
import { createScenarioDrawing } from '../../src/map/draw.js';
import { attachKansenkaart, fetchKansenkaart } from '../../src/map/kansenkaart-layer.js';
import { attachKansenkaartRaster } from '../../src/map/kansenkaart-raster.js';
import { MapFocusRing } from '../../src/map/map-focus-ring.js';
import { createOlViewer } from '../../src/map/ol-viewer.js';
import { attachZonering } from '../../src/map/zonering-attachment.js';
import { ZoneTooltip } from '../../src/map/zone-tooltip.js';
import '../../widgets/kansenkaart-layer/define.js';
import { computingLayer, kansenPixel, shows } from './helpers/kansenkaart.js';
import { listenerSnapshot, makeMap, until, type TestMap } from './helpers/map.js';
import { demoSource } from './zonering-helpers.js';

const kb = defaultKnowledgeBase();
const maps: TestMap[] = [];
function map(crs: 'EPSG:28992' | 'EPSG:3857' = 'EPSG:28992'): TestMap {
  const tm = makeMap({ crs, center: [192000, 445000] });
  maps.push(tm);
  return tm;
}
afterEach(() => {
  for (const tm of maps.splice(0)) tm.dispose();
});

const mercatorView = (): View => new View({ projection: 'EPSG:3857', center: [0, 0], zoom: 2 });
const rdView = (): View =>
  new View({ projection: 'EPSG:28992', center: [192000, 445000], resolution: 4 });

/** The kansenkaart `<na-kansenkaart-layer>` computes from the demo data for a 3 km box. */
async function computedKansenkaart(): Promise<Kansenkaart> {
  const { map: host } = map();
  const el = computingLayer(host, {
    sources: '/demo/data/sources.json',
    bbox: '191500,443500,194500,446500',
  });
  try {
    await until(() => el.state === 'ready', 'the computation', 30000);
    return el.kansenkaart!;
  } finally {
    el.remove();
  }
}

describe('src/map in the OpenLayers idiom', () => {
  it('ZoneTooltip: nothing before setMap, all back after setMap(null), hidden on a new view', () => {
    const { map: m } = map();
    const before = listenerSnapshot(m);
    const tooltip = new ZoneTooltip();
    expect(listenerSnapshot(m)).to.deep.equal(before);
    tooltip.setMap(m);
    tooltip.setMap(m);
    const attached = listenerSnapshot(m);
    expect(attached.overlays).to.equal(before.overlays! + 1);
    expect(attached['map:change:view']).to.equal(before['map:change:view']! + 1);
    tooltip.show([192000, 445000], 'Stuwwal');
    expect(tooltip.element.textContent).to.equal('Stuwwal');
    expect(
      m
        .getOverlays()
        .item(m.getOverlays().getLength() - 1)
        .getPosition(),
    ).to.deep.equal([192000, 445000]);
    m.setView(mercatorView());
    expect(
      m
        .getOverlays()
        .item(m.getOverlays().getLength() - 1)
        .getPosition(),
    ).to.equal(undefined);
    tooltip.setMap(null);
    expect(listenerSnapshot(m)).to.deep.equal(before);
    tooltip.setMap(m);
    tooltip.dispose();
    tooltip.dispose();
    expect(listenerSnapshot(m)).to.deep.equal(before);
    tooltip.setMap(m);
    expect(listenerSnapshot(m)).to.deep.equal(before);
  });

  it('MapFocusRing: one ring per map, removed with the last user', () => {
    const { map: m } = map();
    const ringCount = () => m.getViewport()!.querySelectorAll('.na-map-focus-ring').length;
    const a = new MapFocusRing();
    const b = new MapFocusRing();
    expect(ringCount()).to.equal(0);
    a.setMap(m);
    b.setMap(m);
    a.setMap(m);
    expect(ringCount()).to.equal(1);
    a.setMap(null);
    expect(ringCount()).to.equal(1);
    b.dispose();
    expect(ringCount()).to.equal(0);
    b.setMap(m);
    expect(ringCount()).to.equal(0);
  });

  it('ScenarioDrawing: setMap attaches and detaches, and drawn polygons follow a new view', () => {
    const { map: m } = map();
    const before = listenerSnapshot(m);
    const drawing = createScenarioDrawing(null);
    expect(listenerSnapshot(m)).to.deep.equal(before);
    drawing.start(); // no map: nothing on a map yet; the interactions come with it
    expect(drawing.active).to.equal(false);
    expect(listenerSnapshot(m)).to.deep.equal(before);
    drawing.setMap(m);
    expect(drawing.active).to.equal(true);
    const withInteractions = listenerSnapshot(m);
    expect(withInteractions.layers).to.equal(before.layers! + 1);
    expect(withInteractions.interactions).to.be.greaterThan(before.interactions!);
    drawing.setMap(m);
    expect(listenerSnapshot(m)).to.deep.equal(withInteractions);

    // Draw a triangle with the keyboard path (the map centre as vertex).
    for (const c of [
      [192000, 445000],
      [192100, 445000],
      [192100, 445100],
    ]) {
      m.getView().setCenter(c);
      drawing.appendCentre();
    }
    drawing.finishSketch();
    expect(drawing.count()).to.equal(1);
    const first = () =>
      (
        drawing.layer.getSource()!.getFeatures()[0]!.getGeometry() as Polygon
      ).getCoordinates()[0]![0]!;
    expect(first()).to.deep.equal([192000, 445000]);

    m.setView(mercatorView());
    const expected = transform([192000, 445000], 'EPSG:28992', 'EPSG:3857');
    expect(first()[0]).to.be.closeTo(expected[0]!, 1e-3);
    expect(first()[1]).to.be.closeTo(expected[1]!, 1e-3);
    // The export is still in RD New.
    const written = drawing.toGeoJson('x') as {
      features: Array<{ geometry: { coordinates: number[][][] } }>;
    };
    expect(written.features[0]!.geometry.coordinates[0]![0]![0]).to.be.closeTo(192000, 0.01);

    // Off the map: the map is as it was; back on it: the interactions come back.
    drawing.setMap(null);
    const detached = listenerSnapshot(m);
    expect(detached).to.deep.equal({ ...before, 'map:change:view': detached['map:change:view'] });
    drawing.setMap(m);
    expect(drawing.active).to.equal(true);
    m.setView(rdView());
    expect(first()[0]).to.be.closeTo(192000, 1e-3);
    drawing.dispose();
    drawing.dispose();
    expect(drawing.getMap()).to.equal(null);
    expect(listenerSnapshot(m).layers).to.equal(before.layers);
    expect(listenerSnapshot(m).interactions).to.equal(before.interactions);
    expect(listenerSnapshot(m)['map:change:view']).to.equal(detached['map:change:view']);
  });

  it('attachZonering: setMap(null) restores the map, setMap moves it, a new view reloads the polygons in its projection', async () => {
    const { map: m } = map();
    const { map: other } = map();
    const before = listenerSnapshot(m);
    const otherBefore = listenerSnapshot(other);
    const att = attachZonering(m, await demoSource(), kb, { labels: false });
    const total = await att.loaded;
    expect(total).to.be.greaterThan(0);
    const firstX = () => {
      const f = att.layer.getSource()!.getFeatures()[0]!;
      return f.getGeometry()!.getExtent()[0] ?? Number.NaN;
    };
    const rdX = firstX();
    expect(rdX).to.be.within(0, 300000);

    m.setView(mercatorView());
    await until(() => firstX() < 1_000_000 && firstX() > 100_000, 'features in Web Mercator');
    await until(() => att.layer.getSource()!.getFeatures().length === total, 'all features');

    att.setMap(null);
    expect(att.getMap()).to.equal(null);
    m.renderSync();
    expect(listenerSnapshot(m)).to.deep.equal(before);
    expect(m.getLayers().getArray()).to.not.include(att.layer);

    // To a map in RD New: loaded again for it.
    att.setMap(other);
    att.setMap(other);
    expect(other.getLayers().getArray()).to.include(att.layer);
    await until(() => firstX() > 0 && firstX() < 300000, 'features back in RD New');
    att.dispose();
    att.dispose();
    other.renderSync();
    expect(listenerSnapshot(other)).to.deep.equal(otherBefore);
    expect(listenerSnapshot(m)).to.deep.equal(before);
  });

  it('attachKansenkaart: setMap(null) restores the map, setMap moves it, a new view gets the units in its projection', async () => {
    const { map: m } = map();
    const { map: other } = map();
    const before = listenerSnapshot(m);
    const otherBefore = listenerSnapshot(other);
    const data = await fetchKansenkaart('/test/fixtures/kansenkaart/voorbeeldstad-2km.geojson');
    const att = attachKansenkaart(m, data, { action: 'infiltreren' });
    expect(att.getMap()).to.equal(m);
    const attached = listenerSnapshot(m);
    expect(attached.layers).to.equal(before.layers! + 1);
    expect(attached['map:change:view']).to.equal(before['map:change:view']! + 1);
    expect(attached['map:pointermove']).to.equal(before['map:pointermove']! + 1);
    att.setMap(m);
    expect(listenerSnapshot(m)).to.deep.equal(attached);
    const count = att.layer.getSource()!.getFeatures().length;
    expect(count).to.be.greaterThan(10);
    const firstX = () => att.layer.getSource()!.getFeatures()[0]!.getGeometry()!.getExtent()[0]!;
    expect(firstX()).to.be.within(0, 300000);
    const spot = [193010, 445010];
    m.getView().setCenter(spot);
    m.renderSync();
    const unit = att.unitAt(spot);
    expect(unit).to.not.equal(null);

    // The host swaps its view for one in Web Mercator: the units are read again in it; a unit is
    // found at the spot's Web Mercator coordinate and reported in RD New; the export stays RD New.
    const mercator = transform(spot, 'EPSG:28992', 'EPSG:3857');
    m.setView(new View({ projection: 'EPSG:3857', center: mercator, resolution: 4 }));
    expect(firstX()).to.be.within(100_000, 1_000_000);
    expect(att.layer.getSource()!.getFeatures().length).to.equal(count);
    m.renderSync();
    const there = att.unitAt(mercator);
    expect(there?.properties.unit).to.equal(unit!.properties.unit);
    expect(there!.rd[0]).to.be.closeTo(spot[0]!, 0.01);
    expect(there!.rd[1]).to.be.closeTo(spot[1]!, 0.01);
    const written = JSON.parse(att.geoJsonInView()) as {
      features: Array<{ geometry: { coordinates: number[][][] } }>;
    };
    expect(written.features.length).to.be.greaterThan(0);
    expect(written.features[0]!.geometry.coordinates[0]![0]![0]).to.be.within(0, 300000);

    // Off the map: the map is as it was, nothing is found.
    att.setMap(null);
    expect(att.getMap()).to.equal(null);
    m.renderSync();
    expect(listenerSnapshot(m)).to.deep.equal(before);
    expect(m.getLayers().getArray()).to.not.include(att.layer);
    expect(att.unitAt(mercator)).to.equal(null);
    expect(att.unitsInView()).to.deep.equal([]);

    // To a map in RD New: the units come back in RD New, with their listeners.
    att.setMap(other);
    att.setMap(other);
    expect(other.getLayers().getArray()).to.include(att.layer);
    expect(firstX()).to.be.within(0, 300000);
    expect(listenerSnapshot(other)['map:pointermove']).to.equal(
      otherBefore['map:pointermove']! + 1,
    );
    other.getView().setCenter(spot);
    other.renderSync();
    expect(att.unitAt(spot)?.properties.unit).to.equal(unit!.properties.unit);
    att.dispose();
    att.dispose();
    att.setMap(m);
    other.renderSync();
    m.renderSync();
    expect(att.getMap()).to.equal(null);
    expect(listenerSnapshot(other)).to.deep.equal(otherBefore);
    expect(listenerSnapshot(m)).to.deep.equal(before);
  });

  it('attachKansenkaartRaster: setMap(null) restores the map, setMap moves it, a new view gets hits, extent and scale levels in its projection', async () => {
    const km = await computedKansenkaart();
    const centre: [number, number] = [193000, 445000];
    const { map: m } = map();
    const { map: other } = map();
    m.getView().setCenter(centre);
    other.getView().setCenter(centre);
    const before = listenerSnapshot(m);
    const otherBefore = listenerSnapshot(other);
    // Two spots in view, each the centre of a cell inside a unit (most units are strips one cell
    // high: the cells left and right are the same unit), drawn in different colours for some action.
    const unitGrid = unitGridOf(km);
    const g = km.grid;
    const spots: Array<{ at: [number, number]; unit: KansenUnit }> = [];
    for (let x = centre[0] - 600; x < centre[0] + 600; x += g.cellSize)
      for (let y = centre[1] - 400; y < centre[1] + 400; y += g.cellSize) {
        const col = Math.floor((x - g.x0) / g.cellSize);
        const row = Math.floor((y - g.y0) / g.cellSize);
        const at: [number, number] = [
          g.x0 + (col + 0.5) * g.cellSize,
          g.y0 + (row + 0.5) * g.cellSize,
        ];
        const id = unitIdAt(km, unitGrid, at[0], at[1]);
        const inside = [-1, 1].every(
          (dx) => unitIdAt(km, unitGrid, at[0] + dx * g.cellSize, at[1]) === id,
        );
        if (id >= 0 && inside) spots.push({ at, unit: km.units[id]! });
      }
    const colourFor = (u: KansenUnit, act: Action): string =>
      STATE_COLOURS[km.tuples[u.tuple]!.states[act]];
    const action = ACTIONS.find((act) =>
      spots.some((p) => colourFor(p.unit, act) !== colourFor(spots[0]!.unit, act)),
    );
    expect(action, 'an action with two colours in view').to.not.equal(undefined);
    const colour = (u: KansenUnit): string => colourFor(u, action!);
    const a = spots[0]!;
    const b = spots.find((p) => colour(p.unit) !== colour(a.unit))!;
    type Spot = typeof a;
    const drawn = (target: typeof m, p: Spot, to: (rd: number[]) => number[]): boolean =>
      shows(kansenPixel(target, to(p.at)), colour(p.unit));
    const rd = (c: number[]): number[] => c;

    const att = attachKansenkaartRaster(m, { map: km, unitGrid }, { action: action! });
    expect(att.getMap()).to.equal(m);
    expect(att.map).to.equal(m);
    const attached = listenerSnapshot(m);
    expect(attached.layers).to.equal(before.layers! + 1);
    expect(attached['map:change:view']).to.equal(before['map:change:view']! + 1);
    expect(attached['map:pointermove']).to.equal(before['map:pointermove']! + 1);
    att.setMap(m);
    expect(listenerSnapshot(m)).to.deep.equal(attached);
    await until(() => drawn(m, a, rd) && drawn(m, b, rd), 'the image in RD New');
    expect(att.unitAt(a.at)?.properties.unit).to.equal(a.unit.id);
    // 20 m per pixel is above the regio/stad threshold (14 ground m per pixel).
    expect(att.scaleAt(20)).to.equal('regio/stad');

    // The host swaps its view for one in Web Mercator: a unit is found at the Web Mercator
    // coordinate of a spot (reported in RD New), the image is drawn where the units are, the
    // layer's extent and the scale levels (ground metres per Web Mercator unit) follow the view.
    const merc = (c: number[]): number[] => transform(c, 'EPSG:28992', 'EPSG:3857');
    m.setView(new View({ projection: 'EPSG:3857', center: merc(centre), resolution: 6.5 }));
    const there = att.unitAt(merc(a.at));
    expect(there?.properties.unit).to.equal(a.unit.id);
    expect(there!.rd[0]).to.be.closeTo(a.at[0], 0.01);
    expect(there!.rd[1]).to.be.closeTo(a.at[1], 0.01);
    const expected = transformExtent(
      [g.x0, g.y0, g.x0 + g.cols * g.cellSize, g.y0 + g.rows * g.cellSize],
      'EPSG:28992',
      'EPSG:3857',
    );
    att.layer.getExtent()!.forEach((v, i) => expect(v).to.be.closeTo(expected[i]!, 1e-3));
    // At 52° N a Web Mercator unit is about 0.62 ground m: 20 units per pixel is wijk/dorp.
    expect(att.scaleAt(20)).to.equal('wijk/dorp');
    await until(() => drawn(m, a, merc) && drawn(m, b, merc), 'the image in Web Mercator');
    expect(att.unitsInView().map((p) => p.unit)).to.include.members([a.unit.id, b.unit.id]);

    // Off the map: the map is as it was, nothing is found.
    att.setMap(null);
    expect(att.getMap()).to.equal(null);
    m.renderSync();
    expect(listenerSnapshot(m)).to.deep.equal(before);
    expect(m.getLayers().getArray()).to.not.include(att.layer);
    expect(att.unitAt(merc(a.at))).to.equal(null);
    expect(att.unitsInView()).to.deep.equal([]);

    // To a map in RD New: hits, extent and image in RD New again, with their listeners.
    att.setMap(other);
    att.setMap(other);
    expect(att.getMap()).to.equal(other);
    expect(other.getLayers().getArray()).to.include(att.layer);
    expect(listenerSnapshot(other)['map:pointermove']).to.equal(
      otherBefore['map:pointermove']! + 1,
    );
    expect(att.layer.getExtent()![0]).to.be.closeTo(g.x0, 1e-6);
    expect(att.unitAt(b.at)?.properties.unit).to.equal(b.unit.id);
    expect(att.scaleAt(20)).to.equal('regio/stad');
    await until(() => drawn(other, a, rd) && drawn(other, b, rd), 'the image on the other map');

    att.dispose();
    att.dispose();
    att.setMap(m);
    other.renderSync();
    m.renderSync();
    expect(att.getMap()).to.equal(null);
    expect(listenerSnapshot(other)).to.deep.equal(otherBefore);
    expect(listenerSnapshot(m)).to.deep.equal(before);
  });

  it('createOlViewer: the marker moves into a new view, and dispose gives the map back', () => {
    const { map: m } = map();
    const before = listenerSnapshot(m);
    const viewer = createOlViewer(m);
    viewer.showMarker({ x: 192000, y: 445000, crs: 'EPSG:28992' });
    const markerPosition = () =>
      m
        .getOverlays()
        .item(m.getOverlays().getLength() - 1)
        .getPosition();
    expect(markerPosition()).to.deep.equal([192000, 445000]);
    m.setView(mercatorView());
    const expected = transform([192000, 445000], 'EPSG:28992', 'EPSG:3857');
    expect(markerPosition()![0]).to.be.closeTo(expected[0]!, 1e-3);
    expect(markerPosition()![1]).to.be.closeTo(expected[1]!, 1e-3);
    viewer.showMarker(null);
    m.setView(rdView());
    expect(markerPosition()).to.equal(undefined);
    viewer.dispose();
    viewer.dispose();
    expect(listenerSnapshot(m)).to.deep.equal(before);
  });
});
