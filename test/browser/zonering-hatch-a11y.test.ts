/**
 * Zones in forced-colours (high contrast) mode (#18, WCAG 1.4.1): the browser leaves a canvas as it
 * is, so the zonering layer adds a hatching (`zoneringHatch`) as a cue that does not depend on
 * colour; neighbouring zones of one landscape type are hatched differently. Forced colours are
 * emulated through the DevTools protocol (the `na-emulate-media` command of
 * web-test-runner.config.mjs); pixels are read from the layer's canvas.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type OlMap from 'ol/Map.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { zoneringColour, zoneringHatch } from '../../src/core/zonering-style.js';
import { createZoneringLayer, type ZoneringLayer } from '../../src/map/zonering-layer.js';
import { centreOn, makeMap, until } from './helpers/map.js';
import { demoSource, layerCanvas, pixelOf, PLACES, rendered, rgb } from './zonering-helpers.js';

const kb = defaultKnowledgeBase();
const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function forcedColours(active: boolean): Promise<void> {
  await executeServerCommand('na-emulate-media', { forcedColors: active ? 'active' : '' });
}

/** The RGB values in a 15 × 15 block of the layer's canvas around an RD location. */
function block(map: OlMap, rd: [number, number]): Array<[number, number, number]> {
  const canvas = layerCanvas(map);
  const ratio = canvas.width / (map.getSize() as [number, number])[0];
  const [px, py] = pixelOf(map, rd);
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const data = ctx.getImageData(Math.round(px * ratio) - 7, Math.round(py * ratio) - 7, 15, 15);
  const out: Array<[number, number, number]> = [];
  for (let i = 0; i < data.data.length; i += 4) {
    out.push([data.data[i] ?? 0, data.data[i + 1] ?? 0, data.data[i + 2] ?? 0]);
  }
  return out;
}

const dark = (c: readonly number[]): boolean => c.every((v) => v < 60);
const near = (a: readonly number[], b: readonly number[]): boolean =>
  a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= 3);

/** Switches forced colours and waits until the layer has redrawn for it. */
async function switchForcedColours(
  map: OlMap,
  layer: ZoneringLayer,
  active: boolean,
): Promise<void> {
  const changed = new Promise<void>((resolve) => layer.once('change', () => resolve()));
  await forcedColours(active);
  await changed;
  expect(layer.hatched()).to.equal(active);
  await rendered(map);
}

async function zoneMap(): Promise<{ map: OlMap; layer: ZoneringLayer }> {
  const tm = makeMap({ width: 400, height: 300 });
  cleanups.push(() => tm.dispose());
  const layer = createZoneringLayer(await demoSource(), kb);
  tm.map.addLayer(layer);
  cleanups.push(() => {
    tm.map.removeLayer(layer);
    layer.dispose();
  });
  tm.map.getView().setResolution(2);
  centreOn(tm.map, PLACES.dekzandrug.rd);
  await rendered(tm.map);
  await until(() => layer.getSource()!.getFeatures().length > 0, 'zonering loaded');
  await rendered(tm.map);
  return { map: tm.map, layer };
}

describe('the zonering in forced-colours mode', () => {
  it('is plain colour normally and hatched (dark lines on the zone colour) in forced colours', async () => {
    const { map, layer } = await zoneMap();
    const colour = rgb(zoneringColour(kb, PLACES.dekzandrug.zone, 'wijk/dorp'));
    const plain = block(map, PLACES.dekzandrug.rd);
    expect(plain.filter(dark).length, 'no dark pixels without forced colours').to.equal(0);
    expect(plain.every((c) => near(c, colour))).to.equal(true);

    cleanups.push(() => forcedColours(false));
    await switchForcedColours(map, layer, true);
    const hatched = block(map, PLACES.dekzandrug.rd);
    const lines = hatched.filter(dark).length;
    const fill = hatched.filter((c) => near(c, colour)).length;
    expect(lines, 'hatch lines').to.be.greaterThan(15);
    expect(fill, 'zone colour between the lines').to.be.greaterThan(60);

    await switchForcedColours(map, layer, false);
    expect(block(map, PLACES.dekzandrug.rd).filter(dark).length, 'plain again').to.equal(0);
  });

  it('hatches the zones of one landscape type differently', () => {
    for (const type of kb.landscapeTypes) {
      const zones = kb.zones.filter((z) => z.landscapeType === type.id).slice(0, 8);
      const hatches = zones.map((z) => JSON.stringify(zoneringHatch(kb, z.code, 'wijk/dorp')));
      expect(new Set(hatches).size, type.id).to.equal(zones.length);
    }
  });
});
