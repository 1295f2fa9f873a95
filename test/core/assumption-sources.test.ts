import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import {
  ASSUMPTION_SOURCES_NL,
  assumptionSource,
} from '../../src/core/scenario/assumption-sources.js';
import { compareScenarios } from '../../src/core/scenario/compare.js';
import { naturalSystem } from '../../src/core/scenario/overlay.js';
import { parseScenario } from '../../src/core/scenario/scenario.js';

const scenario = parseScenario(
  JSON.parse(
    readFileSync(new URL('../fixtures/scenarios/park-one.geojson', import.meta.url), 'utf8'),
  ),
  { fileName: 'park-one.geojson' },
);
const { assumptions } = compareScenarios([scenario], naturalSystem({}), defaultKnowledgeBase());

describe('scenario assumption sources in Dutch (#18 item 6)', () => {
  it('every default assumption has a Dutch source, written for the same English text', () => {
    expect(assumptions.length).toBeGreaterThan(10);
    for (const a of assumptions) {
      const known = ASSUMPTION_SOURCES_NL[a.name];
      expect(known, `${a.name} has no Dutch source`).toBeDefined();
      // A changed English source needs a new Dutch text: this fails until it has one.
      expect(known?.en, `${a.name}: the Dutch text was written for another source`).toBe(a.source);
      expect(assumptionSource(a.name, a.source, 'nl')).toBe(known?.nl);
    }
    // No stale entries for assumptions that no longer exist.
    expect(Object.keys(ASSUMPTION_SOURCES_NL).sort()).toEqual(
      assumptions.map((a) => a.name).sort(),
    );
  });

  it("English stays English, and a municipality's own source is shown as written", () => {
    const a = assumptions.find((x) => x.name === 'yearlyRainMm');
    expect(assumptionSource('yearlyRainMm', a?.source ?? '', 'en')).toBe(a?.source);
    expect(assumptionSource('yearlyRainMm', 'Meetreeks gemeente 1991–2020', 'nl')).toBe(
      'Meetreeks gemeente 1991–2020',
    );
  });
});
