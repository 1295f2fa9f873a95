/**
 * The legend as a text alternative of the map (issue #18): where the zones in view lie, a
 * "Beschrijving van de kaart" toggle, swatches painted as the map paints the layer (at its
 * opacity), and explain buttons with unique accessible names. Real Chromium, painted pixels.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/zonering-layer/define.js';
import '../../widgets/zonering-legend/define.js';
import type { NaZoneringLayer } from '../../widgets/zonering-layer/zonering-layer.js';
import type { NaZoneringLegend } from '../../widgets/zonering-legend/zonering-legend.js';
import { makeMap, until, type TestMap } from './helpers/map.js';
import { channelDistance, paintedPixels, pixel } from './helpers/pixels.js';
import { axeViolations, demoSource, PLACES, rendered } from './zonering-helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

async function setup(options: {
  center: [number, number];
  resolution: number;
}): Promise<{ tm: TestMap; layer: NaZoneringLayer; legend: NaZoneringLegend }> {
  const tm = makeMap({ width: 500, height: 500, center: options.center });
  tm.map.getView().setResolution(options.resolution);
  tm.map.renderSync();
  const layer = document.createElement('na-zonering-layer');
  layer.source = await demoSource();
  layer.map = tm.map;
  const legend = document.createElement('na-zonering-legend');
  legend.layer = layer;
  document.body.append(layer, legend);
  cleanups.push(() => {
    legend.remove();
    layer.remove();
    tm.dispose();
  });
  await layer.whenLoaded();
  await rendered(tm.map);
  await until(() => legend.state === 'ready', 'the legend');
  await legend.updateComplete;
  return { tm, layer, legend };
}

function part(legend: NaZoneringLegend, name: string): HTMLElement | null {
  return legend.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

/** Screen half of a place word: east-ish words on the right, west-ish on the left. */
const EASTERN = ['oosten', 'noordoosten', 'zuidoosten'];

describe('<na-zonering-legend> as a text alternative of the map', () => {
  it('says where the zones in view lie, behind a "Beschrijving van de kaart" toggle', async () => {
    // The eastern edge of the demo data (x ≤ 197000) runs through the middle of the view.
    const { legend } = await setup({ center: [197000, 445000], resolution: 4 });
    const toggle = part(legend, 'describe-toggle');
    const description = part(legend, 'description');
    expect(toggle?.textContent?.trim()).to.equal('Beschrijving van de kaart');
    expect(toggle?.getAttribute('aria-expanded')).to.equal('false');
    expect(description?.hidden).to.equal(true);
    toggle?.focus();
    await sendKeys({ press: 'Enter' });
    await legend.updateComplete;
    expect(toggle?.getAttribute('aria-expanded')).to.equal('true');
    expect(description?.hidden).to.equal(false);
    expect(description?.getBoundingClientRect().height).to.be.above(0);
    const text = description?.textContent ?? '';
    expect(text).to.match(/^In beeld: .+\(.+\)/);
    expect(text).to.contain('50% van de kaart valt buiten de zonering.');
    // Every zone named lies in the western (data) half, none in the east.
    const places = [...text.matchAll(/\(([a-z ]+)\)/g)].map((m) => m[1] ?? '');
    expect(places.length).to.be.above(1);
    for (const place of places) expect(EASTERN).to.not.include(place);
    // Each legend entry says where it lies, matching the description.
    const wheres = [...(legend.shadowRoot?.querySelectorAll('[part~="where"]') ?? [])].map((w) =>
      (w.textContent ?? '').replace(/^,\s*/, ''),
    );
    expect(wheres.length).to.be.above(1);
    for (const w of wheres) expect(EASTERN).to.not.include(w);
    expect(await axeViolations(legend)).to.deep.equal([]);
  });

  it('names the zone that fills the view and follows the language', async () => {
    const { legend } = await setup({ center: PLACES.dekzandrug.rd, resolution: 0.5 });
    expect(legend.mapDescription).to.match(/^In beeld: Dekzandrug \((hele kaart|midden)\)/);
    legend.lang = 'en';
    await legend.updateComplete;
    expect(legend.mapDescription).to.match(/^In view: Cover-sand ridge \((whole map|centre)\)/);
  });

  it('paints the swatch as the map paints the layer (at its opacity)', async () => {
    const { tm, layer, legend } = await setup({ center: PLACES.dekzandrug.rd, resolution: 0.5 });
    const swatch = legend.shadowRoot?.querySelector<HTMLElement>(
      'li[data-key="zone:Dz1"] [part~="swatch"]',
    );
    if (!swatch) throw new Error('no Dz1 swatch');
    const compare = async (): Promise<number> => {
      const s = swatch.getBoundingClientRect();
      const sw = await paintedPixels(s);
      const t = tm.target.getBoundingClientRect();
      const mapPixels = await paintedPixels({ x: t.x + 240, y: t.y + 200, width: 20, height: 20 });
      return channelDistance(
        pixel(sw, Math.floor(sw.width / 2), Math.floor(sw.height / 2)),
        pixel(mapPixels, 10, 10),
      );
    };
    expect(await compare()).to.be.at.most(4);
    layer.opacity = 0.4;
    await layer.updateComplete;
    await rendered(tm.map);
    await legend.updateComplete;
    expect(await compare()).to.be.at.most(4);
  });

  it('gives every explain button its own accessible name', async () => {
    // The Stuwwal type lists a zone named Stuwwal as well (Sw1).
    const { legend } = await setup({ center: PLACES.stuwwalTop.rd, resolution: 4 });
    const names = [...(legend.shadowRoot?.querySelectorAll('[part~="explain"]') ?? [])].map((b) =>
      (b.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(names.length).to.be.above(2);
    expect(names.filter((n) => n.startsWith('Uitleg over Stuwwal'))).to.have.length(2);
    expect(new Set(names).size).to.equal(names.length);
  });
});
