import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type OlMap from 'ol/Map.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { zonesInView } from '../../src/map/zonering-layer.js';
import { zoneringColour } from '../../src/map/zonering-style.js';
import '../../widgets/zonering-layer/define.js';
import '../../widgets/zonering-legend/define.js';
import type { NaZoneringLayer } from '../../widgets/zonering-layer/zonering-layer.js';
import type { NaZoneringLegend } from '../../widgets/zonering-legend/zonering-legend.js';
import { centreOn, listenerSnapshot, makeMap, until, type TestMap } from './helpers/map.js';
import {
  axeViolations,
  closeRgb,
  colourAt,
  demoSource,
  PLACES,
  rendered,
  rgb,
} from './zonering-helpers.js';

const kb = defaultKnowledgeBase();

const REGION_RES = { 'EPSG:28992': 20, 'EPSG:3857': 30 } as const;
const ZONE_RES = { 'EPSG:28992': 2, 'EPSG:3857': 3 } as const;

function counts(map: OlMap): Record<string, number> {
  const out = listenerSnapshot(map);
  for (const t of ['change:resolution', 'change:center']) {
    out[`view:${t}`] = map.getView().getListeners(t)?.length ?? 0;
  }
  return out;
}

function shadow(el: Element): ShadowRoot {
  const root = el.shadowRoot;
  if (!root) throw new Error('no shadow root');
  return root;
}

/** Keys of the entries shown, top level and nested (`type:…`, `group:…`, `zone:…`). */
function entryKeys(legend: NaZoneringLegend): string[] {
  return [...shadow(legend).querySelectorAll('li[data-key]')].map(
    (li) => li.getAttribute('data-key') ?? '',
  );
}

function swatchRgb(legend: NaZoneringLegend, key: string): [number, number, number] {
  const swatch = shadow(legend).querySelector(
    `li[data-key="${key}"] > [part~="entry-row"] > [part~="swatch"]`,
  );
  if (!swatch) throw new Error(`no swatch for ${key}`);
  return rgb(getComputedStyle(swatch).backgroundColor);
}

describe('<na-zonering-legend>', () => {
  const maps: TestMap[] = [];
  const nodes: Element[] = [];
  afterEach(() => {
    for (const n of nodes.splice(0)) n.remove();
    for (const t of maps.splice(0)) t.dispose();
  });

  function map(options: Parameters<typeof makeMap>[0] = {}): TestMap {
    const t = makeMap({ width: 500, height: 500, center: [192000, 445000], ...options });
    maps.push(t);
    return t;
  }

  async function setup(
    m: OlMap | undefined,
    options: { lang?: string } = {},
  ): Promise<{ layer: NaZoneringLayer; legend: NaZoneringLegend }> {
    const layer = document.createElement('na-zonering-layer');
    layer.source = await demoSource();
    if (m) layer.map = m;
    const legend = document.createElement('na-zonering-legend');
    if (options.lang) legend.lang = options.lang;
    legend.layer = layer;
    document.body.append(layer, legend);
    nodes.push(layer, legend);
    if (m) {
      await layer.whenLoaded();
      await rendered(m);
    }
    await legend.updateComplete;
    return { layer, legend };
  }

  it('shows what to do before it has a layer (nl, en), without axe violations', async () => {
    const legend = document.createElement('na-zonering-legend');
    document.body.append(legend);
    nodes.push(legend);
    await legend.updateComplete;
    expect(legend.state).to.equal('no-layer');
    expect(shadow(legend).querySelector('[part~="message"]')?.textContent).to.equal(
      'Koppel een zoneringlaag via .layer (of het attribuut for) en een kaart via .map.',
    );
    expect(await axeViolations(legend)).to.deep.equal([]);
    legend.lang = 'en';
    await legend.updateComplete;
    expect(shadow(legend).querySelector('[part~="message"]')?.textContent).to.equal(
      'Connect a zoning layer via .layer (or the for attribute) and a map via .map.',
    );
    expect(await axeViolations(legend)).to.deep.equal([]);
  });

  it('asks for a map when the layer has none', async () => {
    const { legend } = await setup(undefined);
    expect(legend.state).to.equal('no-map');
    expect(shadow(legend).querySelector('[part~="message"]')?.textContent).to.contain(
      'Koppel een kaart via .map',
    );
    expect(await axeViolations(legend)).to.deep.equal([]);
  });

  for (const crs of ['EPSG:28992', 'EPSG:3857'] as const) {
    it(`uses the map's colours, types at regio scale and zones closer in (${crs})`, async () => {
      const { map: m } = map({ crs });
      m.getView().setResolution(REGION_RES[crs]);
      const { layer, legend } = await setup(m);
      await until(() => legend.state === 'ready', 'the legend');
      await legend.updateComplete;

      // Regio/stad: one entry per landscape type (or group) in view, no zones.
      const keys = entryKeys(legend);
      expect(keys).to.include.members(['type:stuwwal', 'type:dekzand']);
      expect(keys.some((k) => k.startsWith('zone:'))).to.equal(false);
      expect(shadow(legend).querySelector('[part~="scale"]')?.textContent).to.equal(
        'Schaal regio/stad: kleuren per landschapstype.',
      );
      for (const place of [PLACES.stuwwalTop, PLACES.dekzandrug]) {
        const swatch = swatchRgb(legend, `type:${place.type}`);
        expect(swatch).to.deep.equal(rgb(zoneringColour(kb, place.zone, 'regio/stad')));
        const pixel = colourAt(m, place.rd);
        expect(closeRgb(pixel, swatch), `${place.type}: map ${pixel} vs legend ${swatch}`).to.equal(
          true,
        );
      }

      // Zoom in on the push moraine: zones, grouped by type; only what is in view.
      m.getView().setResolution(ZONE_RES[crs]);
      centreOn(m, PLACES.stuwwalTop.rd);
      await rendered(m);
      await until(() => entryKeys(legend).includes('zone:Sw1'), 'the zone entries');
      await legend.updateComplete;
      const near = entryKeys(legend);
      const inView = zonesInView(layer.zoneringLayer!, m);
      expect(near.filter((k) => k.startsWith('zone:')).map((k) => k.slice(5))).to.have.members(
        inView.codes,
      );
      expect(near).to.not.include('zone:Rg2');
      expect(near).to.not.include('type:rivierengebied');
      const sw1 = shadow(legend).querySelector(
        'li[data-key="type:stuwwal"] [part~="sublist"] li[data-key="zone:Sw1"]',
      );
      expect(sw1 !== null, 'Sw1 nested under its type').to.equal(true);
      // The type heading of a zone group has no swatch: the map draws its zones.
      const typeSwatch = shadow(legend).querySelector(
        'li[data-key="type:stuwwal"] > [part~="entry-row"] > [part~="swatch"]',
      );
      expect(typeSwatch === null, 'no swatch on the type heading').to.equal(true);
      const zoneSwatch = swatchRgb(legend, 'zone:Sw1');
      expect(zoneSwatch).to.deep.equal(rgb(zoneringColour(kb, 'Sw1', 'wijk/dorp')));
      const zonePixel = colourAt(m, PLACES.stuwwalTop.rd);
      expect(closeRgb(zonePixel, zoneSwatch), `Sw1: map ${zonePixel} vs ${zoneSwatch}`).to.equal(
        true,
      );

      // Moving the map updates the legend.
      centreOn(m, PLACES.rivierkom.rd);
      await until(() => entryKeys(legend).includes('zone:Rg2'), 'the legend after a move');
      expect(entryKeys(legend)).to.not.include('zone:Sw1');
      expect(await axeViolations(legend)).to.deep.equal([]);
    });
  }

  it('is a list for screen readers, operable with the keyboard', async () => {
    const { map: m } = map();
    m.getView().setResolution(REGION_RES['EPSG:28992']);
    const { layer, legend } = await setup(m);
    // A focusable element right before the legend, to Tab from.
    const before = document.createElement('button');
    before.textContent = 'before';
    legend.before(before);
    nodes.push(before);
    await until(() => legend.state === 'ready', 'the legend');
    await legend.updateComplete;
    const root = shadow(legend);
    const list = root.querySelector('ul[part~="list"]');
    expect(list?.getAttribute('role')).to.equal('list');
    expect(list?.children.length).to.be.greaterThan(1);
    expect([...(list?.children ?? [])].every((c) => c.localName === 'li')).to.equal(true);

    before.focus();
    await sendKeys({ press: 'Tab' });
    const toggle = root.querySelector<HTMLInputElement>('input[part~="toggle"]');
    expect(root.activeElement === toggle, 'focus on the toggle').to.equal(true);
    expect(toggle?.checked).to.equal(true);
    await sendKeys({ press: 'Space' });
    await until(() => layer.visible === false, 'the layer to hide');
    expect(layer.zoneringLayer?.getVisible()).to.equal(false);
    await legend.updateComplete;
    expect(toggle?.checked).to.equal(false);
    await sendKeys({ press: 'Space' });
    await until(() => layer.zoneringLayer?.getVisible() === true, 'the layer to show');

    await sendKeys({ press: 'Tab' });
    const slider = root.querySelector<HTMLInputElement>('input[part~="opacity"]');
    expect(root.activeElement === slider, 'focus on the slider').to.equal(true);
    expect(slider?.value).to.equal('70');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => Math.abs((layer.zoneringLayer?.getOpacity() ?? 0) - 0.65) < 1e-9, 'opacity');
    await legend.updateComplete;
    expect(root.querySelector('[part~="opacity-value"]')?.textContent).to.equal('65%');

    await sendKeys({ press: 'Tab' });
    const explain = root.querySelector<HTMLButtonElement>('button[part~="explain"]');
    expect(root.activeElement === explain, 'focus on Uitleg').to.equal(true);
    expect(explain?.getAttribute('aria-expanded')).to.equal('false');
    const panel = root.getElementById(explain?.getAttribute('aria-controls') ?? '');
    expect(panel?.hidden).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await legend.updateComplete;
    expect(explain?.getAttribute('aria-expanded')).to.equal('true');
    expect(panel?.hidden).to.equal(false);
    // A landscape type explains itself and how soil, water and relief work.
    const firstKey = list?.firstElementChild?.getAttribute('data-key') ?? '';
    const type = kb.landscapeTypes.find((t) => `type:${t.id}` === firstKey);
    if (type) {
      expect(panel?.textContent).to.contain(type.description.nl);
      expect(panel?.textContent).to.contain('Bodem');
      expect(panel?.textContent).to.contain(type.system.water.nl);
    }
    expect(await axeViolations(legend)).to.deep.equal([]);
    // The expanded state survives a map move.
    m.getView().setCenter(
      m
        .getView()
        .getCenter()
        ?.map((v) => v + 10),
    );
    await rendered(m);
    await legend.updateComplete;
    expect(
      root
        .querySelector(`li[data-key="${firstKey}"] button[part~="explain"]`)
        ?.getAttribute('aria-expanded'),
    ).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await legend.updateComplete;
    expect(explain?.getAttribute('aria-expanded')).to.equal('false');
  });

  it('speaks English with lang="en"', async () => {
    const { map: m } = map();
    m.getView().setResolution(ZONE_RES['EPSG:28992']);
    centreOn(m, PLACES.stuwwalTop.rd);
    const { legend } = await setup(m, { lang: 'en' });
    await until(() => entryKeys(legend).includes('zone:Sw1'), 'the zone entries');
    await legend.updateComplete;
    const root = shadow(legend);
    expect(root.querySelector('[part~="title"]')?.textContent?.trim()).to.equal('Zoning legend');
    expect(root.querySelector('[part~="toggle-label"]')?.textContent?.trim()).to.equal(
      'Show zoning',
    );
    expect(root.querySelector('[part~="opacity-label"]')?.textContent?.trim()).to.equal('Opacity');
    expect(
      root.querySelector('li[data-key="zone:Sw1"] [part~="entry-label"]')?.textContent?.trim(),
    ).to.equal('Push moraine (Sw1)');
    const button = root.querySelector('li[data-key="zone:Sw1"] button[part~="explain"]');
    expect(button?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Explain Push moraine (Sw1)');
    (button as HTMLButtonElement).click();
    await legend.updateComplete;
    const zone = kb.zones.find((z) => z.code === 'Sw1');
    expect(
      root.querySelector('li[data-key="zone:Sw1"] [part~="explanation"]')?.textContent,
    ).to.contain(zone?.description.en ?? '?');
    expect(await axeViolations(legend)).to.deep.equal([]);
  });

  it('finds its layer by the for attribute', async () => {
    const { map: m } = map();
    const layer = document.createElement('na-zonering-layer');
    layer.id = 'zonering-for-test';
    layer.source = await demoSource();
    layer.map = m;
    const legend = document.createElement('na-zonering-legend');
    legend.setAttribute('for', 'zonering-for-test');
    document.body.append(layer, legend);
    nodes.push(layer, legend);
    await layer.whenLoaded();
    await until(() => legend.state === 'ready', 'the legend');
    expect(legend.activeLayer === layer, 'the layer found by id').to.equal(true);
  });

  it('releases its map listeners when removed', async () => {
    const { map: m } = map();
    const layer = document.createElement('na-zonering-layer');
    layer.source = await demoSource();
    layer.map = m;
    document.body.append(layer);
    nodes.push(layer);
    await layer.whenLoaded();
    await rendered(m);
    const before = counts(m);
    const legend = document.createElement('na-zonering-legend');
    legend.layer = layer;
    document.body.append(legend);
    await until(() => legend.state === 'ready', 'the legend');
    expect(counts(m)['map:moveend']).to.be.greaterThan(before['map:moveend'] ?? 0);
    legend.remove();
    expect(counts(m)).to.deep.equal(before);
    // And everything when the layer goes too.
    layer.remove();
    m.renderSync();
    expect(m.getLayers().getLength()).to.equal(0);
    expect(m.getOverlays().getLength()).to.equal(0);
  });
});
