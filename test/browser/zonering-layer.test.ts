import { expect } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import type OlMap from 'ol/Map.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import type { SupportedCrs } from '../../src/core/types.js';
import { mapCrs, rdTileGrid, registerRd } from '../../src/map/projection.js';
import { createZoneringLayer, zonesInView } from '../../src/map/zonering-layer.js';
import { zoneringColour } from '../../src/map/zonering-style.js';
import '../../widgets/zonering-layer/define.js';
import type { NaZoneringLayer } from '../../widgets/zonering-layer/zonering-layer.js';
import type { ZoneHoverDetail } from '../../widgets/zonering-layer/events.js';
import { centreOn, listenerSnapshot, makeMap, until, type TestMap } from './helpers/map.js';
import {
  axeViolations,
  closeRgb,
  colourAt,
  demoSource,
  pixelOf,
  PLACES,
  rendered,
  rgb,
} from './zonering-helpers.js';

const kb = defaultKnowledgeBase();

/** Resolutions (projection units per px) that show the regio/stad and the wijk/dorp style. */
const REGION_RES: Record<'EPSG:28992' | 'EPSG:3857', number> = {
  'EPSG:28992': 20,
  'EPSG:3857': 30, // ≈ 18.5 ground m/px at 52° N
};
const ZONE_RES: Record<'EPSG:28992' | 'EPSG:3857', number> = {
  'EPSG:28992': 2,
  'EPSG:3857': 3, // ≈ 1.85 ground m/px
};

/** Listener counts beyond the shared snapshot: the view's change events and the layer group. */
function counts(map: OlMap): Record<string, number> {
  const out = listenerSnapshot(map);
  const view = map.getView();
  for (const t of ['change:resolution', 'change:center', 'change:rotation']) {
    out[`view:${t}`] = view.getListeners(t)?.length ?? 0;
  }
  for (const t of ['change', 'propertychange', 'add', 'remove']) {
    out[`group:${t}`] = map.getLayerGroup().getListeners(t)?.length ?? 0;
  }
  out.tooltips = map.getViewport()?.querySelectorAll('.na-zone-tooltip').length ?? 0;
  return out;
}

async function mount(
  map: OlMap | undefined,
  setup: (el: NaZoneringLayer) => void | Promise<void> = async (el) => {
    el.source = await demoSource();
  },
): Promise<NaZoneringLayer> {
  const el = document.createElement('na-zonering-layer');
  await setup(el);
  if (map) el.map = map;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

function tooltipText(map: OlMap): string | null {
  const tip = map.getViewport()?.querySelector<HTMLElement>('.na-zone-tooltip');
  if (!tip) return null;
  const container = tip.parentElement as HTMLElement;
  return container.style.display === 'none' ? null : tip.textContent;
}

/** Moves the real mouse to an RD location on the map. */
async function hover(map: OlMap, rd: [number, number]): Promise<void> {
  const [px, py] = pixelOf(map, rd);
  const rect = (map.getViewport() as HTMLElement).getBoundingClientRect();
  await sendMouse({
    type: 'move',
    position: [Math.round(rect.left + px), Math.round(rect.top + py)],
  });
}

describe('src/map/projection', () => {
  it('registers EPSG:28992 once, with the RD extent and a working transformation', () => {
    const a = registerRd();
    const b = registerRd();
    expect(a === b, 'the same projection').to.equal(true);
    expect(a.getExtent()).to.deep.equal([-285401.92, 22598.08, 595401.92, 903401.92]);
  });

  it('builds the NetherlandsRDNewQuad tile grid', () => {
    const grid = rdTileGrid();
    expect(grid.getResolutions()).to.have.length(17);
    expect(grid.getResolution(0)).to.equal(3440.64);
    expect(grid.getResolution(16)).to.be.closeTo(3440.64 / 65536, 1e-9);
    expect(grid.getOrigin(0)).to.deep.equal([-285401.92, 903401.92]);
    expect(grid.getMatrixIds()[3]).to.equal('3');
    expect(rdTileGrid({ matrixIdPrefix: 'EPSG:28992:', maxZoom: 14 }).getMatrixIds()[14]).to.equal(
      'EPSG:28992:14',
    );
  });

  it('reports the map CRS', () => {
    const t = makeMap({ crs: 'EPSG:3857' });
    try {
      expect(mapCrs(t.map)).to.equal('EPSG:3857');
    } finally {
      t.dispose();
    }
  });
});

describe('<na-zonering-layer>', () => {
  let total = 0;
  before(async () => {
    total = (await demoSource()).size;
  });
  const maps: TestMap[] = [];
  const elements: Element[] = [];
  afterEach(async () => {
    for (const el of elements.splice(0)) el.remove();
    for (const t of maps.splice(0)) t.dispose();
    await resetMouse();
  });
  function map(options: Parameters<typeof makeMap>[0] = {}): TestMap {
    const t = makeMap({ width: 500, height: 500, center: [192000, 445000], ...options });
    maps.push(t);
    return t;
  }
  async function element(...args: Parameters<typeof mount>): Promise<NaZoneringLayer> {
    const el = await mount(...args);
    elements.push(el);
    return el;
  }

  it('shows an empty state without a map, in Dutch and English, without axe violations', async () => {
    const el = await element(undefined);
    const status = el.shadowRoot?.querySelector('[part~="status"]');
    expect(el.state).to.equal('no-map');
    expect(status?.textContent).to.equal('Koppel een kaart via .map');
    expect(await axeViolations(el)).to.deep.equal([]);
    el.lang = 'en';
    await el.updateComplete;
    expect(status?.textContent).to.equal('Connect a map via .map');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  for (const crs of ['EPSG:28992', 'EPSG:3857'] as const) {
    describe(`on a map in ${crs}`, () => {
      it('draws landscape-type colours at regio scale and zone colours closer in', async () => {
        const { map: m } = map({ crs });
        m.getView().setResolution(REGION_RES[crs]);
        const el = await element(m);
        expect(await el.whenLoaded()).to.equal(total);
        await rendered(m);
        const layer = el.zoneringLayer;
        expect(layer !== undefined, 'a layer').to.equal(true);
        expect(layer?.scaleAt(REGION_RES[crs])).to.equal('regio/stad');
        for (const place of [PLACES.stuwwalTop, PLACES.dekzandrug]) {
          const [r, g, b, a] = colourAt(m, place.rd);
          const expected = rgb(zoneringColour(kb, place.zone, 'regio/stad'));
          expect(expected).to.deep.equal(
            rgb(kb.landscapeTypes.find((t) => t.id === place.type)!.colour),
          );
          expect(
            closeRgb([r, g, b], expected),
            `${place.zone}: ${[r, g, b]} vs ${expected}`,
          ).to.equal(true);
          expect(a).to.be.closeTo(0.7 * 255, 3);
        }

        m.getView().setResolution(ZONE_RES[crs]);
        centreOn(m, PLACES.stuwwalTop.rd);
        await rendered(m);
        expect(layer?.scaleAt(ZONE_RES[crs])).to.equal('wijk/dorp');
        const zoneRgb = colourAt(m, PLACES.stuwwalTop.rd).slice(0, 3);
        const zoneColour = zoneringColour(kb, 'Sw1', 'wijk/dorp');
        expect(zoneColour).to.equal(kb.zones.find((z) => z.code === 'Sw1')!.colour);
        expect(closeRgb(zoneRgb, rgb(zoneColour)), `${zoneRgb} vs ${zoneColour}`).to.equal(true);
        // The feature at the pixel is the expected zone.
        const codes: string[] = [];
        m.forEachFeatureAtPixel(pixelOf(m, PLACES.stuwwalTop.rd), (f) => {
          codes.push(String(f.get('zone')));
        });
        expect(codes[0]).to.equal('Sw1');
      });

      it('shows the hovered zone name in a tooltip and fires na-zone-hover', async () => {
        const { map: m } = map({ crs });
        m.getView().setResolution(ZONE_RES[crs]);
        centreOn(m, PLACES.stuwwalTop.rd);
        const el = await element(m);
        await el.whenLoaded();
        await rendered(m);
        const events: ZoneHoverDetail[] = [];
        document.addEventListener('na-zone-hover', (e) => events.push(e.detail));
        await hover(m, PLACES.stuwwalTop.rd);
        await until(() => tooltipText(m) === 'Stuwwal', 'the tooltip');
        expect(events.at(-1)).to.deep.equal({ code: 'Sw1', name: 'Stuwwal', via: 'pointer' });
        // The detail is plain data.
        expect(structuredClone(events.at(-1))).to.deep.equal(events.at(-1));
      });
    });
  }

  it('switches the style when zooming: zonesInView reports types far out and zones close in', async () => {
    const { map: m } = map();
    const el = await element(m);
    await el.whenLoaded();
    m.getView().setResolution(40);
    await rendered(m);
    const far = zonesInView(el.zoneringLayer!, m);
    expect(far.scale).to.equal('regio/stad');
    expect(far.types.map((t) => t.id)).to.include.members(['stuwwal', 'dekzand', 'rivierengebied']);
    m.getView().setResolution(1);
    centreOn(m, PLACES.stuwwalTop.rd);
    await rendered(m);
    const near = zonesInView(el.zoneringLayer!, m);
    expect(near.scale).to.equal('straat');
    expect(near.codes).to.include('Sw1');
    expect(near.codes).to.not.include('Rg2');
  });

  it('labels only polygons large enough for the text, with cached styles', async () => {
    const { map: m } = map();
    const el = await element(m);
    await el.whenLoaded();
    const layer = el.zoneringLayer!;
    const style = layer.getStyleFunction()!;
    const features = layer.getSource()!.getFeatures();
    const byCode = (code: string): typeof features =>
      features.filter((f) => f.get('zone') === code);
    const area = (f: (typeof features)[number]): number => {
      const e = f.getGeometry()!.getExtent();
      return (e[2]! - e[0]!) * (e[3]! - e[1]!);
    };
    const [bigSw1] = byCode('Sw1').sort((a, b) => area(b) - area(a));
    const [smallDz8] = byCode('Dz8').sort((a, b) => area(a) - area(b));
    const text = (f: (typeof features)[number], res: number): string | undefined => {
      const s = style(f, res);
      const one = Array.isArray(s) ? s[0] : s;
      return one?.getText()?.getText() as string | undefined;
    };
    // Regio scale: the type name on a large polygon, nothing on a small one.
    expect(text(bigSw1!, 20)).to.equal('Stuwwal');
    expect(text(smallDz8!, 20)).to.equal(undefined);
    // Closer in: the zone name.
    expect(text(bigSw1!, 2)).to.equal('Stuwwal');
    expect(text(smallDz8!, 1)).to.equal('Depressie veen');
    // One Style object per scale, code and label: not one per feature or frame.
    const others = byCode('Sw1').filter((f) => f !== bigSw1);
    const [a, b] = [style(bigSw1!, 2), style(bigSw1!, 2)];
    expect(a === b, 'cached style').to.equal(true);
    const sameLabel = others.filter((f) => text(f, 2) === 'Stuwwal');
    if (sameLabel[0]) expect(style(sameLabel[0], 2) === a, 'shared style').to.equal(true);
    // The language switches the labels.
    el.lang = 'en';
    await el.updateComplete;
    expect(text(bigSw1!, 2)).to.equal('Push moraine');
    expect(text(bigSw1!, 20)).to.equal('Push moraine');
  });

  it('follows visible and opacity', async () => {
    const { map: m } = map();
    m.getView().setResolution(ZONE_RES['EPSG:28992']);
    centreOn(m, PLACES.dekzandrug.rd);
    const el = await element(m);
    await el.whenLoaded();
    await rendered(m);
    const layer = el.zoneringLayer!;
    el.opacity = 0.4;
    await el.updateComplete;
    expect(layer.getOpacity()).to.equal(0.4);
    await rendered(m);
    expect(colourAt(m, PLACES.dekzandrug.rd)[3]).to.be.closeTo(0.4 * 255, 3);

    el.visible = false;
    await el.updateComplete;
    expect(layer.getVisible()).to.equal(false);
    await rendered(m);
    const canvas = m.getViewport()?.querySelector('.na-zonering-layer canvas');
    // Hidden: the layer's canvas is gone or fully transparent.
    if (canvas) expect(colourAt(m, PLACES.dekzandrug.rd)[3]).to.equal(0);

    el.setAttribute('visible', '');
    await el.updateComplete;
    expect(layer.getVisible()).to.equal(true);
    el.setAttribute('visible', 'false');
    await el.updateComplete;
    expect(layer.getVisible()).to.equal(false);
    el.setAttribute('opacity', '0.9');
    await el.updateComplete;
    expect(layer.getOpacity()).to.equal(0.9);
  });

  it('shows and announces the zone at the map centre while the map has keyboard focus', async () => {
    const { map: m, target } = map();
    m.getView().setResolution(ZONE_RES['EPSG:28992']);
    centreOn(m, PLACES.dekzandrug.rd);
    const el = await element(m);
    await el.whenLoaded();
    await rendered(m);
    const events: ZoneHoverDetail[] = [];
    el.addEventListener('na-zone-hover', (e) => events.push(e.detail));
    target.focus();
    await until(() => tooltipText(m) === 'Dekzandrug', 'the keyboard tooltip');
    await el.updateComplete;
    const live = el.shadowRoot?.querySelector('[part~="announcement"]');
    expect(live?.getAttribute('role')).to.equal('status');
    expect(live?.textContent).to.equal('Midden van de kaart: Dekzandrug (Dz1)');
    expect(events.at(-1)).to.deep.equal({ code: 'Dz1', name: 'Dekzandrug', via: 'keyboard' });
    // Moving the view (as the keyboard pan does) updates it.
    centreOn(m, PLACES.stuwwalTop.rd);
    await until(() => tooltipText(m) === 'Stuwwal', 'the tooltip after a move');
    target.blur();
    await until(() => tooltipText(m) === null, 'the tooltip to hide');
  });

  it('uses English names with lang="en"', async () => {
    const { map: m } = map();
    m.getView().setResolution(ZONE_RES['EPSG:28992']);
    centreOn(m, PLACES.stuwwalTop.rd);
    const el = await element(m, async (e) => {
      e.lang = 'en';
      e.source = await demoSource();
    });
    await el.whenLoaded();
    await rendered(m);
    await hover(m, PLACES.stuwwalTop.rd);
    await until(() => tooltipText(m) === 'Push moraine', 'the English tooltip');
    expect(el.shadowRoot?.querySelector('[part~="status"]')?.textContent).to.equal(
      `Zoning on the map: ${total} areas.`,
    );
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('loads a GeoJSON file from the src attribute, with its CRS from data-crs', async () => {
    const { map: m } = map({ crs: 'EPSG:3857' });
    const el = await element(m, (e) => {
      e.setAttribute('src', '/demo/data/zonering.geojson');
      e.setAttribute('data-crs', 'EPSG:28992');
    });
    expect(await el.whenLoaded()).to.equal(total);
    expect(el.state).to.equal('ready');
    expect(el.shadowRoot?.querySelector('[part~="status"]')?.textContent).to.equal(
      `Zonering op de kaart: ${total} gebieden.`,
    );
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('reports a failing src with na-zonering-error', async () => {
    const { map: m } = map();
    const errors: string[] = [];
    const el = await element(m, (e) => {
      e.addEventListener('na-zonering-error', (ev) => errors.push(ev.detail.code));
      e.setAttribute('src', '/demo/data/does-not-exist.geojson');
    });
    await until(() => el.state === 'error', 'the error state');
    expect(errors).to.deep.equal(['fetch-failed']);
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part~="status"]')?.textContent).to.equal(
      'De zonering kon niet worden geladen.',
    );
    expect(m.getLayers().getLength()).to.equal(0);
  });

  it('removes its layer, overlay and every listener on disconnect', async () => {
    const { map: m } = map();
    await rendered(m);
    const before = counts(m);
    const el = await element(m);
    await el.whenLoaded();
    await rendered(m);
    const during = counts(m);
    expect(during.layers).to.equal((before.layers ?? 0) + 1);
    expect(during.overlays).to.equal((before.overlays ?? 0) + 1);
    expect(during['map:pointermove']).to.be.greaterThan(before['map:pointermove'] ?? 0);
    el.remove();
    m.renderSync();
    expect(counts(m)).to.deep.equal(before);
    // Connecting again attaches again.
    document.body.append(el);
    await el.whenLoaded();
    expect(m.getLayers().getLength()).to.equal((before.layers ?? 0) + 1);
    el.remove();
    m.renderSync();
    expect(counts(m)).to.deep.equal(before);
  });

  it('moves to another map when .map changes, leaving the first map as it was', async () => {
    const a = map();
    const b = map();
    await rendered(a.map);
    await rendered(b.map);
    const beforeA = counts(a.map);
    const beforeB = counts(b.map);
    const el = await element(a.map);
    await el.whenLoaded();
    el.map = b.map;
    await el.updateComplete;
    await el.whenLoaded();
    a.map.renderSync();
    expect(counts(a.map)).to.deep.equal(beforeA);
    expect(b.map.getLayers().getLength()).to.equal((beforeB.layers ?? 0) + 1);
    el.map = undefined;
    await el.updateComplete;
    b.map.renderSync();
    expect(counts(b.map)).to.deep.equal(beforeB);
    expect(el.state).to.equal('no-map');
  });

  it('keeps two maps on one page apart', async () => {
    const a = map({ width: 300, height: 300 });
    const b = map({ width: 300, height: 300 });
    for (const t of [a, b]) {
      t.map.getView().setResolution(ZONE_RES['EPSG:28992']);
      centreOn(t.map, PLACES.stuwwalTop.rd);
    }
    const beforeB = counts(b.map);
    const elA = await element(a.map);
    const elB = await element(b.map);
    await Promise.all([elA.whenLoaded(), elB.whenLoaded()]);
    await Promise.all([rendered(a.map), rendered(b.map)]);
    const seenA: ZoneHoverDetail[] = [];
    const seenB: ZoneHoverDetail[] = [];
    elA.addEventListener('na-zone-hover', (e) => seenA.push(e.detail));
    elB.addEventListener('na-zone-hover', (e) => seenB.push(e.detail));
    await hover(a.map, PLACES.stuwwalTop.rd);
    await until(() => tooltipText(a.map) === 'Stuwwal', 'tooltip on map A');
    expect(tooltipText(b.map)).to.equal(null);
    expect(seenA.map((d) => d.code)).to.deep.equal(['Sw1']);
    expect(seenB).to.deep.equal([]);
    elA.opacity = 0.2;
    await elA.updateComplete;
    expect(elB.zoneringLayer?.getOpacity()).to.equal(0.7);
    elA.remove();
    expect(b.map.getLayers().getLength()).to.equal((beforeB.layers ?? 0) + 1);
    await hover(b.map, PLACES.stuwwalTop.rd);
    await until(() => tooltipText(b.map) === 'Stuwwal', 'tooltip on map B');
    expect(seenB.map((d) => d.code)).to.deep.equal(['Sw1']);
  });

  it('can be used without the element: createZoneringLayer loads on first render', async () => {
    const { map: m } = map({ crs: 'EPSG:3857' });
    const layer = createZoneringLayer(await demoSource(), kb, { opacity: 1, labels: false });
    m.addLayer(layer);
    await until(() => (layer.getSource()?.getFeatures().length ?? 0) === total, 'the features');
    m.getView().setResolution(ZONE_RES['EPSG:3857']);
    centreOn(m, PLACES.rivierkom.rd);
    await rendered(m);
    const [r, g, b, a] = colourAt(m, PLACES.rivierkom.rd);
    expect(closeRgb([r, g, b], rgb(zoneringColour(kb, 'Rg2', 'wijk/dorp')))).to.equal(true);
    expect(a).to.equal(255);
    m.removeLayer(layer);
    layer.dispose();
  });

  it('asks the source for the map CRS', async () => {
    for (const crs of ['EPSG:28992', 'EPSG:3857'] as SupportedCrs[]) {
      const source = await demoSource();
      const asked: SupportedCrs[] = [];
      const polygons = source.polygons.bind(source);
      source.polygons = (c, o) => {
        asked.push(c);
        return polygons(c, o);
      };
      const { map: m } = map({ crs });
      const el = await element(m, (e) => {
        e.source = source;
      });
      await el.whenLoaded();
      expect(asked).to.deep.equal([crs]);
    }
  });
});
