/**
 * ScenarioLayers in the OpenLayers idiom: the constructor adds nothing, `setMap(map)` attaches,
 * `setMap(null)` gives the map its layers and listener counts back, attaching twice changes
 * nothing, and a new view in another projection moves the features into it. Real `ol` and ol-ext
 * objects in Chromium (a map without a target: layers, controls, views and listeners are real).
 */
import { expect } from '@open-wc/testing';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import type Polygon from 'ol/geom/Polygon.js';
import { transform } from 'ol/proj.js';
import { parseScenario } from '../../src/core/scenario/scenario.js';
import { registerRd } from '../../src/map/projection.js';
import { ScenarioLayers } from '../../src/map/scenario-layers.js';

registerRd();
const square = (x: number, y: number, w: number, h: number): number[][][] => [
  [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
    [x, y],
  ],
];
/** A planning area of 600 × 200 m with paving on its east part (like test/fixtures/scenarios). */
const scenario = parseScenario(
  {
    type: 'FeatureCollection',
    name: 'park',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: [
      {
        type: 'Feature',
        properties: { type: 'plangebied' },
        geometry: { type: 'Polygon', coordinates: square(190000, 445000, 600, 200) },
      },
      {
        type: 'Feature',
        properties: { type: 'verharding' },
        geometry: { type: 'Polygon', coordinates: square(190125, 445000, 475, 200) },
      },
    ],
  },
  { fileName: 'park.geojson' },
);

function rdMap(): OlMap {
  return new OlMap({
    view: new View({ projection: 'EPSG:28992', center: [192000, 445000], zoom: 10 }),
  });
}

/** Listener counts of the map for the event types ScenarioLayers uses. */
function listeners(map: OlMap): number[] {
  return ['change:view', 'pointermove', 'change:size'].map(
    (type) => map.getListeners(type)?.length ?? 0,
  );
}

/** The first coordinate of the first feature of a scenario's layer. */
function firstCoordinate(layers: ScenarioLayers, key: string): number[] {
  const feature = layers.source(key)!.getFeatures()[0]!;
  return (feature.getGeometry() as Polygon).getCoordinates()[0]![0]!;
}

describe('ScenarioLayers: setMap / dispose / change:view', () => {
  it('adds nothing in the constructor; setMap attaches and setMap(null) restores layers and listeners', () => {
    const map = rdMap();
    const layersBefore = map.getLayers().getLength();
    const controlsBefore = map.getControls().getLength();
    const overlaysBefore = map.getOverlays().getLength();
    const listenersBefore = listeners(map);

    const layers = new ScenarioLayers({ swipeLabel: 'Schuif' });
    layers.set([
      { key: 'a', scenario },
      { key: 'b', scenario: { ...scenario } },
    ]);
    layers.setHoverText(() => 'x');
    expect(map.getLayers().getLength()).to.equal(layersBefore);
    expect(layers.getMap()).to.equal(null);

    layers.setMap(map);
    layers.show({ mode: 'swipe', left: 'a', right: 'b' });
    expect(map.getLayers().getArray()).to.include(layers.group);
    expect(map.getControls().getLength()).to.equal(controlsBefore + 1);
    expect(map.getOverlays().getLength()).to.equal(overlaysBefore + 1);
    expect(listeners(map)).to.not.deep.equal(listenersBefore);

    layers.setMap(null);
    expect(map.getLayers().getLength()).to.equal(layersBefore);
    expect(map.getControls().getLength()).to.equal(controlsBefore);
    expect(map.getOverlays().getLength()).to.equal(overlaysBefore);
    expect(listeners(map)).to.deep.equal(listenersBefore);

    // Back on a map: the swipe and the tooltip come back with it.
    layers.setMap(map);
    expect(map.getControls().getLength()).to.equal(controlsBefore + 1);
    expect(map.getOverlays().getLength()).to.equal(overlaysBefore + 1);
    layers.dispose();
    layers.dispose();
    expect(map.getLayers().getLength()).to.equal(layersBefore);
    expect(map.getControls().getLength()).to.equal(controlsBefore);
    expect(listeners(map)).to.deep.equal(listenersBefore);
  });

  it('setMap with the same map twice is idempotent', () => {
    const map = rdMap();
    const listenersBefore = listeners(map);
    const layers = new ScenarioLayers();
    layers.set([{ key: 'a', scenario }]);
    layers.setMap(map);
    const attached = listeners(map);
    const layerCount = map.getLayers().getLength();
    layers.setMap(map);
    expect(listeners(map)).to.deep.equal(attached);
    expect(map.getLayers().getLength()).to.equal(layerCount);
    layers.setMap(null);
    layers.setMap(null);
    expect(listeners(map)).to.deep.equal(listenersBefore);
  });

  it('moves the features into the projection of a new view (EPSG:28992 → EPSG:3857) and back', () => {
    const map = rdMap();
    const layers = new ScenarioLayers();
    layers.set([{ key: 'a', scenario }]);
    layers.setMap(map);
    const rd = firstCoordinate(layers, 'a');
    expect(rd[0]).to.be.greaterThan(1000);
    expect(rd[0]).to.be.lessThan(300000);

    map.setView(new View({ projection: 'EPSG:3857', center: [0, 0], zoom: 2 }));
    const mercator = firstCoordinate(layers, 'a');
    const expected = transform(rd, 'EPSG:28992', 'EPSG:3857');
    expect(mercator[0]).to.be.closeTo(expected[0]!, 1e-3);
    expect(mercator[1]).to.be.closeTo(expected[1]!, 1e-3);
    // A scenario added now is drawn in the new projection too.
    layers.set([
      { key: 'a', scenario },
      { key: 'c', scenario: { ...scenario } },
    ]);
    expect(firstCoordinate(layers, 'c')[0]).to.be.closeTo(expected[0]!, 1e-3);

    map.setView(new View({ projection: 'EPSG:28992', center: [192000, 445000], zoom: 10 }));
    expect(firstCoordinate(layers, 'a')[0]).to.be.closeTo(rd[0]!, 1e-3);
    layers.dispose();
  });
});
