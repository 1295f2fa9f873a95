/**
 * `<na-scenario-compare>` loads its heavy parts on demand (issue #11): the scenario parser at the
 * first scenario, the map side (scenario layers, drawing) when it first has a map. Proved with the
 * browser's own record of what it loaded (the test server serves every module as its own file),
 * in a page of its own so that no other test loaded them first. A drawing asked for before the map
 * side has loaded starts when it has; a map side that cannot load (a chunk the network lost) is
 * reported and loads with the next map.
 */
import { expect } from '@open-wc/testing';
import Draw from 'ol/interaction/Draw.js';
import '../../widgets/scenario-compare/define.js';
import type { NaScenarioCompare } from '../../widgets/scenario-compare/scenario-compare.js';
import { mapModule } from '../../widgets/scenario-compare/engine-modules.js';
import { makeMap, until } from './helpers/map.js';
import { squaresScenario } from './helpers/scenarios.js';

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

/** Two squares on the demo's dekzandrug. */
function scenario(name: string): Record<string, unknown> {
  return squaresScenario(name, ['gras', 'verharding'], [195098, 445468]);
}

describe('<na-scenario-compare> loads on demand', function () {
  this.timeout(60000);

  // First in this page: the map side has not loaded yet.
  it('a map side that cannot load is reported, in Dutch, and loads with the next map', async () => {
    const load = mapModule.load;
    mapModule.load = () =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module: map-module.js'));
    const el = document.createElement('na-scenario-compare') as NaScenarioCompare;
    const errors: Array<{ code: string; message: string }> = [];
    el.addEventListener('na-scenario-error', (e) => errors.push(e.detail));
    document.body.append(el);
    const first = makeMap({ center: [195138, 445488] });
    const second = makeMap({ center: [195138, 445488] });
    try {
      el.map = first.map;
      await el.whenComputed();
      expect(errors.map((e) => e.code)).to.deep.equal(['load-failed']);
      expect(errors[0]!.message).to.contain('Failed to fetch dynamically imported module');
      const shown = el.shadowRoot!.querySelector('[part~="error-message"]')!.textContent!;
      expect(shown).to.contain('De kaartlagen van de scenario');
      expect(el.scenarioLayers).to.equal(undefined);
      // Nothing of the map side was fetched (the import failed before it).
      expect(loaded(LAYERS)).to.equal(false);
      // The chunk is there again: the next map gets the layers.
      mapModule.load = load;
      el.map = second.map;
      await el.whenComputed();
      await until(() => el.scenarioLayers !== undefined, 'the scenario layers on the next map');
      expect(el.scenarioLayers!.map).to.equal(second.map);
    } finally {
      mapModule.load = load;
      el.remove();
      first.dispose();
      second.dispose();
    }
  });

  it('the parser at the first scenario, the map side with the first map; a drawing asked for early starts', async () => {
    const el = document.createElement('na-scenario-compare') as NaScenarioCompare;
    document.body.append(el);
    await el.updateComplete;
    expect(loaded('/widgets/scenario-compare/engine-modules.'), 'a complete record').to.equal(true);
    // Rendered, without a scenario: the parser has not loaded (the map side loaded in the test
    // above, with its second map).
    expect([PARSER, STRICT_JSON].filter(loaded)).to.deep.equal([]);

    const added = await el.addScenario(scenario('Klein A'), 'klein-a.geojson');
    expect(added?.name).to.equal('Klein A');
    expect(el.loaded.map((s) => s.name)).to.deep.equal(['Klein A']);
    expect(loaded(PARSER)).to.equal(true);
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
