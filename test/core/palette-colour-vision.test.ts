/**
 * The zonering palette under colour-vision deficiency (#18, WCAG 1.4.1): zones that can touch stay
 * distinguishable under protanopia, deuteranopia and tritanopia.
 *
 * - Simulation: Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation
 *   of color vision deficiency", IEEE TVCG 15(6), severity 1.0 (full dichromacy), as implemented by
 *   culori (`filterDeficiencyProt/Deuter/Trit`).
 * - Difference: CIE76 (Euclidean distance in CIELAB, D65), threshold ΔE ≥ 8.
 * - Colours as the map draws them: full colour and at the layer's default opacity 0.7 over white
 *   (the legend swatches show that too).
 * - "Can touch": zones of the same landscape type (or, without one, the same BKNSN group); zones
 *   whose polygons share a vertex in the demo zonering (demo/data/zonering.geojson); A (antropogeen)
 *   and W (water) with every zone; every zone with every zone of a neighbouring landscape type
 *   (NEIGHBOURS below, after the landscape map of the Netherlands); at regio/stad scale every pair
 *   of landscape-type colours (plus the colour of types-less zones).
 * Where colour still fails (forced colours), the map hatches the zones: zonering-hatch-a11y.test.ts.
 */
import { readFileSync } from 'node:fs';
import {
  differenceEuclidean,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  rgb as toRgb,
  type Color,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { typeColour, zoneringType } from '../../src/core/zonering-style.js';

const kb = defaultKnowledgeBase();
const THRESHOLD = 8;
const OPACITY = 0.7;

/** Landscape types that border each other somewhere in the Netherlands (symmetric). */
const NEIGHBOURS: Record<string, readonly string[]> = {
  kust: ['zeeklei', 'droogmakerij', 'veenweide', 'dekzand'],
  zeeklei: [
    'kust',
    'veenweide',
    'droogmakerij',
    'rivierengebied',
    'ijsselmeerpolders',
    'dekzand',
    'veenkolonien',
  ],
  veenweide: ['kust', 'zeeklei', 'droogmakerij', 'rivierengebied', 'dekzand', 'ijsselmeerpolders'],
  droogmakerij: ['kust', 'zeeklei', 'veenweide'],
  ijsselmeerpolders: ['zeeklei', 'veenweide', 'dekzand'],
  rivierengebied: ['zeeklei', 'veenweide', 'stuwwal', 'dekzand', 'heuvelland'],
  stuwwal: ['rivierengebied', 'dekzand'],
  dekzand: [
    'kust',
    'zeeklei',
    'veenweide',
    'ijsselmeerpolders',
    'rivierengebied',
    'stuwwal',
    'veenkolonien',
    'heuvelland',
  ],
  veenkolonien: ['dekzand', 'zeeklei'],
  heuvelland: ['rivierengebied', 'dekzand'],
};

/** Code pairs whose polygons share a vertex in the demo zonering. */
function demoAdjacency(): Set<string> {
  const fc = JSON.parse(readFileSync('demo/data/zonering.geojson', 'utf8')) as {
    features: Array<{
      properties: { BKNSN_code: string };
      geometry: { type: string; coordinates: unknown };
    }>;
  };
  const vertices = fc.features.map((f) => {
    const polygons = (
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
    ) as number[][][][];
    const set = new Set<string>();
    for (const p of polygons) for (const ring of p) for (const [x, y] of ring) set.add(`${x},${y}`);
    return { code: f.properties.BKNSN_code, set };
  });
  const pairs = new Set<string>();
  for (let i = 0; i < vertices.length; i++) {
    for (let j = i + 1; j < vertices.length; j++) {
      const a = vertices[i]!;
      const b = vertices[j]!;
      if (a.code !== b.code && [...a.set].some((v) => b.set.has(v))) {
        pairs.add([a.code, b.code].sort().join('|'));
      }
    }
  }
  return pairs;
}

interface Pair {
  a: string;
  b: string;
  colours: [string, string];
  why: string;
}

function pairs(): Pair[] {
  const adjacent = demoAdjacency();
  const out: Pair[] = [];
  const zones = kb.zones;
  for (let i = 0; i < zones.length; i++) {
    for (let j = i + 1; j < zones.length; j++) {
      const a = zones[i]!;
      const b = zones[j]!;
      let why: string | undefined;
      if (adjacent.has([a.code, b.code].sort().join('|'))) why = 'demo';
      else if (a.landscapeType !== null && a.landscapeType === b.landscapeType) why = 'type';
      else if (a.group === b.group) why = 'group';
      else if (a.landscapeType === null || b.landscapeType === null) why = 'A/W';
      else if (NEIGHBOURS[a.landscapeType]?.includes(b.landscapeType)) why = 'neighbour';
      if (why !== undefined) out.push({ a: a.code, b: b.code, colours: [a.colour, b.colour], why });
    }
  }
  // Regio/stad scale: the type colours (and the group colour of zones without a type).
  const typeColours = new Map<string, string>();
  for (const z of zones) {
    const type = zoneringType(kb, z.code);
    if (type !== undefined) typeColours.set(`${type.kind}:${type.id}`, typeColour(kb, type));
  }
  const types = [...typeColours.entries()];
  for (let i = 0; i < types.length; i++) {
    for (let j = i + 1; j < types.length; j++) {
      const [a, ca] = types[i]!;
      const [b, cb] = types[j]!;
      out.push({ a, b, colours: [ca, cb], why: 'regio/stad' });
    }
  }
  return out;
}

const simulations: Record<string, (c: Color) => Color> = {
  normal: (c) => c,
  protan: filterDeficiencyProt(1),
  deutan: filterDeficiencyDeuter(1),
  tritan: filterDeficiencyTrit(1),
};
const cie76 = differenceEuclidean('lab');

/** A `#rrggbb` colour drawn at `opacity` over white. */
function drawn(hex: string, opacity: number): Color {
  const c = toRgb(hex);
  if (c === undefined) throw new Error(`not a colour: ${hex}`);
  const over = (v: number): number => v * opacity + (1 - opacity);
  return { mode: 'rgb', r: over(c.r), g: over(c.g), b: over(c.b) };
}

describe('the zonering palette under colour-vision deficiency (Machado 2009, CIE76)', () => {
  const all = pairs();

  it('covers the pairs that can touch', () => {
    const whys = new Set(all.map((p) => p.why));
    for (const why of ['demo', 'type', 'A/W', 'neighbour', 'regio/stad']) {
      expect(whys.has(why), why).toBe(true);
    }
    // The audit's worst pairs are among them.
    const keys = new Set(all.map((p) => [p.a, p.b].sort().join('|')));
    expect(keys.has('Dz8|Sw4')).toBe(true);
    expect(keys.has('Lv1|Rg3')).toBe(true);
  });

  for (const [name, simulate] of Object.entries(simulations)) {
    it(`keeps every pair that can touch at ΔE ≥ ${THRESHOLD} (${name})`, () => {
      const failing: string[] = [];
      let minimum = Infinity;
      for (const p of all) {
        for (const opacity of [1, OPACITY]) {
          const d = cie76(
            simulate(drawn(p.colours[0], opacity)),
            simulate(drawn(p.colours[1], opacity)),
          );
          minimum = Math.min(minimum, d);
          if (d < THRESHOLD)
            failing.push(`${p.a}/${p.b} (${p.why}, α ${opacity}): ΔE ${d.toFixed(1)}`);
        }
      }
      console.log(
        `${name}: ${all.length} pairs × 2 opacities, ${failing.length} under ΔE ${THRESHOLD}, smallest ΔE ${minimum.toFixed(1)}`,
      );
      expect(failing).toEqual([]);
    });
  }
});
