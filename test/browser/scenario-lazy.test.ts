/**
 * `<na-scenario-compare>` loads its heavy parts on demand (issue #11): the scenario parser at the
 * first scenario, the map side (scenario layers, drawing) when it first has a map. Proved with the
 * browser's own record of what it loaded (the test server serves every module as its own file),
 * in a page of its own so that no other test loaded them first. A drawing asked for before the map
 * side has loaded starts when it has.
 */
import { expect } from '@open-wc/testing';
import Draw from 'ol/interaction/Draw.js';
import '../../widgets/scenario-compare/define.js';
import type { NaScenarioCompare } from '../../widgets/scenario-compare/scenario-compare.js';
import { makeMap } from './helpers/map.js';

// The test page raises the browser's limit of 250 resource entries (web-test-runner.config.mjs);
// a module the element imports statically is the witness that the record is complete.
let bufferFull = false;
performance.addEventListener('resourcetimingbufferfull', () => (bufferFull = true));

/** Whether the page has loaded a module whose URL contains `path`. */
function loaded(path: string): boolean {
  return performance.getEntriesByType('resource').some((e) => e.name.includes(path));
}

const PARSER = '/src/core/scenario/scenario.';
const STRICT_JSON = '/src/core/located-json.';
const LAYERS = '/src/map/scenario-layers.';
const DRAWING = '/src/map/draw.';

/** Two rectangles in RD (EPSG:28992, with a crs member as QGIS writes). */
function scenario(name: string): Record<string, unknown> {
  const rect = (x0: number) => [
    [
      [x0, 445468],
      [x0 + 40, 445468],
      [x0 + 40, 445508],
      [x0, 445508],
      [x0, 445468],
    ],
  ];
  return {
    type: 'FeatureCollection',
    name,
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: [
      {
        type: 'Feature',
        properties: { type: 'gras' },
        geometry: { type: 'Polygon', coordinates: rect(195098) },
      },
      {
        type: 'Feature',
        properties: { type: 'verharding' },
        geometry: { type: 'Polygon', coordinates: rect(195138) },
      },
    ],
  };
}

describe('<na-scenario-compare> loads on demand', function () {
  this.timeout(60000);

  it('the parser at the first scenario, the map side with the first map; a drawing asked for early starts', async () => {
    const el = document.createElement('na-scenario-compare') as NaScenarioCompare;
    document.body.append(el);
    await el.updateComplete;
    expect(loaded('/widgets/scenario-compare/engine-modules.'), 'a complete record').to.equal(true);
    // Rendered, without a scenario or a map: none of it has loaded.
    expect([PARSER, STRICT_JSON, LAYERS, DRAWING].filter(loaded)).to.deep.equal([]);

    const added = await el.addScenario(scenario('Klein A'), 'klein-a.geojson');
    expect(added?.name).to.equal('Klein A');
    expect(el.loaded.map((s) => s.name)).to.deep.equal(['Klein A']);
    expect(loaded(PARSER)).to.equal(true);
    expect([LAYERS, DRAWING].filter(loaded)).to.deep.equal([]);
    // An invalid scenario is refused through the same parser, with its error.
    const errors: string[] = [];
    el.addEventListener('na-scenario-error', (e) => errors.push(e.detail.code));
    expect(await el.addScenario({ type: 'FeatureCollection', features: 'geen lijst' })).to.equal(
      null,
    );
    expect(errors).to.have.length(1);

    const { map } = makeMap({ center: [195138, 445488] });
    el.map = map;
    // Asked for in the same task as the map: the map side has not loaded yet.
    el.startDrawing('wadi');
    expect(el.drawing).to.equal(undefined);
    await el.whenComputed();
    expect(loaded(LAYERS)).to.equal(true);
    expect(el.scenarioLayers?.keys()).to.deep.equal([added!.key]);
    // The drawing started once the map side was there: its Draw interaction is on the map.
    expect(el.drawing).to.not.equal(undefined);
    const draws = map
      .getInteractions()
      .getArray()
      .filter((i) => i instanceof Draw);
    expect(draws).to.have.length(1);
    el.stopDrawing();
    el.remove();
    map.setTarget(undefined);
    map.dispose();
    expect(bufferFull).to.equal(false);
  });
});
