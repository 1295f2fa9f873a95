/**
 * <na-location-check> on a real OpenLayers map in Chromium: real pointer clicks on the demo data
 * (Voorbeeldstad, EPSG:28992), keyboard-only use, phone width, languages, clean-up, two maps,
 * abort of slow queries, permalink, JSON download, print snapshot and events.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type OlMap from 'ol/Map.js';
import '../../widgets/location-check/define.js';
import type { NaLocationCheck } from '../../widgets/location-check/location-check.js';
import type {
  NaLocationSelectEvent,
  NaReportErrorEvent,
  NaReportReadyEvent,
} from '../../widgets/location-check/events.js';
import type { FactSource, Location, SourceResult } from '../../src/core/types.js';
import { toCrs } from '../../src/core/crs.js';
import type { LocalizedReport } from '../../src/core/localize.js';
import {
  centreOn,
  listenerSnapshot,
  makeMap,
  realClick,
  until,
  type TestMap,
} from './helpers/map.js';

interface DemoLocation {
  id: string;
  name: string;
  x: number;
  y: number;
  expect: {
    zone: string | null;
    landscapeType: string | null;
    soilCode?: string | null;
    gt?: string | null;
  };
}

const SOURCES_URL = '/demo/data/sources.json';
let demo: DemoLocation[] = [];

before(async () => {
  const res = await fetch('/demo/data/locations.json');
  demo = ((await res.json()) as { locations: DemoLocation[] }).locations;
});

function loc(id: string): DemoLocation {
  const found = demo.find((l) => l.id === id);
  if (!found) throw new Error(`Demo location ${id} missing from demo/data/locations.json`);
  return found;
}

function rd(l: DemoLocation): Location {
  return { x: l.x, y: l.y, crs: 'EPSG:28992' };
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/** A map over the demo town and a location check on it, with sources from the demo sources.json. */
async function mount(
  options: {
    crs?: 'EPSG:28992' | 'EPSG:3857';
    lang?: string;
    sources?: FactSource[];
    permalink?: boolean;
    width?: number;
    height?: number;
  } = {},
): Promise<{ tm: TestMap; el: NaLocationCheck }> {
  const tm = makeMap({
    center: [192000, 445000],
    ...(options.crs ? { crs: options.crs } : {}),
    width: options.width ?? 400,
    height: options.height ?? 300,
  });
  tm.map.getView().setResolution(options.crs === 'EPSG:3857' ? 50 : 30);
  tm.map.renderSync();
  const el = document.createElement('na-location-check');
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.permalink) el.setAttribute('permalink', '');
  if (options.sources) el.sources = options.sources;
  else el.setAttribute('sources', SOURCES_URL);
  el.map = tm.map;
  document.body.append(el);
  cleanups.push(() => {
    el.remove();
    tm.dispose();
  });
  await el.updateComplete;
  return { tm, el };
}

/** A source that answers `zone` = `value` everywhere. */
function zoneSource(id: string, title: string, value: string): FactSource {
  return {
    id,
    title,
    provides: ['zone'],
    query: async () => ({
      sourceId: id,
      title,
      status: 'ok',
      facts: [{ name: 'zone', status: 'ok', value, provenance: { sourceId: id, title } }],
    }),
  };
}

function shadow(el: NaLocationCheck): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

function part(el: NaLocationCheck, name: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
}

function nextReport(el: EventTarget, timeoutMs = 8000): Promise<NaReportReadyEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no na-report-ready')), timeoutMs);
    el.addEventListener(
      'na-report-ready',
      (e) => {
        clearTimeout(timer);
        resolve(e as NaReportReadyEvent);
      },
      { once: true },
    );
  });
}

async function clickAndWait(
  el: NaLocationCheck,
  map: OlMap,
  location: Location,
): Promise<LocalizedReport> {
  const ready = nextReport(el);
  realClick(map, location);
  const event = await ready;
  await el.updateComplete;
  return event.detail;
}

describe('<na-location-check> on a real map with the demo data', () => {
  it('shows zone and landscape type for real clicks on four landscape types', async () => {
    const { tm, el } = await mount();
    // The first test of the file also loads the sources-file module, which loads on demand
    // (import()): in the dev server that is one request per module, slow on a busy machine.
    await until(
      () => el.state === 'empty' && part(el, 'message') !== null && el.activeViewer !== undefined,
      'mount',
      20_000,
    );
    const cases = ['dekzandrug', 'stuwwal-top', 'oeverwal', 'laagveen', 'droogmakerij'].map(loc);
    const types = new Set<string>();
    for (const c of cases) {
      const report = await clickAndWait(el, tm.map, rd(c));
      expect(el.state, c.id).to.equal('report');
      expect(report.landscape.zone?.code, c.id).to.equal(c.expect.zone);
      expect(report.landscape.type?.id, c.id).to.equal(c.expect.landscapeType);
      const zoneDd = shadow(el).querySelector<HTMLElement>('[data-zone]');
      expect(zoneDd?.dataset.zone).to.equal(c.expect.zone);
      expect(zoneDd?.textContent).to.contain(`(${c.expect.zone})`);
      const typeDd = shadow(el).querySelector<HTMLElement>('[data-landscape-type]');
      expect(typeDd?.dataset.landscapeType).to.equal(c.expect.landscapeType);
      expect(typeDd?.textContent).to.contain(report.landscape.type?.name ?? '-');
      expect(part(el, 'report-heading')?.textContent).to.contain(c.expect.zone ?? '-');
      types.add(c.expect.landscapeType ?? '');
    }
    expect(types.size).to.be.at.least(4);
  });

  it('renders soil, groundwater, principles by scale with "Waarom hier?", sources and provenance', async () => {
    const { tm, el } = await mount();
    const place = loc('dekzandrug');
    centreOn(tm.map, [place.x, place.y]);
    tm.map.getView().setResolution(1);
    const report = await clickAndWait(el, tm.map, rd(place));
    const root = shadow(el);
    // Soil with code, texture and name; groundwater with GHG/GLG ranges.
    const soil = root.querySelector<HTMLElement>('[data-fact="soilCode"]');
    expect(soil?.textContent).to.contain(place.expect.soilCode ?? '-');
    expect(soil?.textContent).to.contain(report.derived.textureLabel ?? '-');
    const gt = root.querySelector<HTMLElement>('[data-fact="gt"]');
    expect(gt?.textContent).to.contain(place.expect.gt ?? '-');
    expect(gt?.textContent).to.contain('GHG');
    expect(gt?.textContent).to.contain('GLG');
    // Every fact names its source and version.
    for (const dd of root.querySelectorAll('[part~="fact"]')) {
      expect(dd.querySelector('[part~="provenance"]')?.textContent).to.match(/Bron: .+/);
    }
    expect(soil?.querySelector('[part~="provenance"]')?.textContent).to.contain(
      'versie 2026-11-28',
    );
    // Principles grouped by scale; each with its reasons and source.
    expect(report.principles.length).to.be.greaterThan(0);
    const scales = [...root.querySelectorAll<HTMLElement>('[part~="scale"]')].map(
      (s) => s.dataset.scale,
    );
    expect(scales.length).to.be.greaterThan(0);
    for (const s of scales)
      expect(['regio/stad', 'wijk/dorp', 'straat', 'perceel/tuin']).to.include(s);
    const principles = root.querySelectorAll('[part~="principle"]');
    expect(principles.length).to.equal(report.principles.length);
    for (const p of report.principles) {
      const li = root.querySelector<HTMLElement>(`[data-principle="${p.id}"]`);
      const why = li?.querySelector('details');
      expect(why?.querySelector('summary')?.textContent).to.contain('Waarom hier?');
      expect(why?.textContent).to.contain(p.reason);
      expect(why?.querySelectorAll('li').length, p.id).to.equal(p.reasons.length);
      expect(li?.querySelector('[part~="principle-source"]')?.textContent).to.match(/Bron: .+/);
      // It sits in the group of its own scale.
      expect(li?.closest<HTMLElement>('[part~="scale"]')?.dataset.scale).to.equal(p.scale);
      // The example town is shown apart from the advice, as "Voorbeeld: …".
      const example = li?.querySelector<HTMLElement>('[part~="example"]');
      if (p.example) {
        expect(example?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
          `Voorbeeld: ${p.example}`,
        );
        expect(example?.previousElementSibling?.textContent).to.equal(p.text);
      } else expect(example ?? null).to.equal(null);
    }
    expect(report.principles.some((p) => p.example !== undefined)).to.equal(true);
    expect(report.principles.some((p) => p.reasons.length > 0)).to.equal(true);
    // Illustrative notice, sources with status chips.
    expect(part(el, 'notice')?.textContent).to.contain('voorbeeldgegevens');
    const chips = root.querySelectorAll('[part~="sources"] [part~="chip"]');
    // zonering, bodem, grondwater and grondgebruik (the demo's land-use layer)
    expect(chips.length).to.equal(4);
    for (const c of chips) expect(c.textContent?.trim()).to.equal('ok');
    // What is missing (the demo has no heat/flood for every place? at least the section renders when needed).
    if (report.missing.length > 0) expect(part(el, 'missing')).to.not.equal(null);
  });

  it('shows a clear no-data message outside the data', async () => {
    const { tm, el } = await mount();
    const outside = loc('buiten');
    centreOn(tm.map, [outside.x, outside.y]);
    const report = await clickAndWait(el, tm.map, rd(outside));
    expect(el.state).to.equal('no-data');
    expect(report.landscape.zone).to.equal(undefined);
    expect(part(el, 'message')?.textContent).to.contain('buiten het gebied');
    expect(part(el, 'status')?.textContent?.trim()).to.equal('Geen gegevens voor deze plek.');
  });

  it('in the built-up centre, says clearly that the soil map has no data there', async () => {
    const { tm, el } = await mount();
    const centrum = loc('centrum');
    centreOn(tm.map, [centrum.x, centrum.y]);
    tm.map.getView().setResolution(2);
    const report = await clickAndWait(el, tm.map, rd(centrum));
    expect(report.landscape.zone?.code).to.equal(centrum.expect.zone);
    const soil = shadow(el).querySelector('[data-missing="soilCode"]');
    expect(soil?.textContent).to.contain('bebouwd gebied');
    expect(soil?.textContent).to.contain('Bodemkaart');
  });

  it('shows conflicts between sources and extra source details as text', async () => {
    const withDetail: FactSource = {
      id: 'geomorf',
      title: 'Geomorfologische kaart',
      provides: [],
      query: async () => ({
        sourceId: 'geomorf',
        title: 'Geomorfologische kaart',
        status: 'ok',
        facts: [],
        detail: { landform_subgroup_code: '3K14<img src=x>', area: 12.5, empty: null },
      }),
    };
    const { el } = await mount({
      sources: [zoneSource('a', 'Bron a', 'Dz1'), zoneSource('b', 'Bron b', 'Dz2'), withDetail],
    });
    const report = await el.check({ x: 192000, y: 445000, crs: 'EPSG:28992' });
    await el.updateComplete;
    expect(report?.conflicts.length).to.be.greaterThan(0);
    const text = part(el, 'conflicts')?.textContent ?? '';
    expect(text).to.contain('Dz1');
    expect(text).to.contain('Dz2');
    // A source's extra feature properties are shown as text, never as markup.
    const detail = shadow(el).querySelector('[data-source="geomorf"] [part~="source-detail"]');
    expect(detail?.textContent).to.equal('landform_subgroup_code: 3K14<img src=x>; area: 12.5');
    expect(detail?.querySelector('img')).to.equal(null);
  });

  it('an unknown value in the data is told in Dutch; the English message only in a <details>', async () => {
    const unknownZone = zoneSource('zones', 'Zonekaart', 'Qq9');
    const { el } = await mount({ lang: 'nl', sources: [unknownZone] });
    const report = await el.check({ x: 192000, y: 445000, crs: 'EPSG:28992' });
    await el.updateComplete;
    const english = report?.errors[0]?.message ?? '';
    expect(english).to.contain('Unknown landscape zone code');
    const line = shadow(el).querySelector('[data-error="zone"]');
    const visible = line?.cloneNode(true) as Element;
    for (const d of visible.querySelectorAll('details')) d.remove();
    expect(visible.textContent).to.contain('"Qq9" – deze waarde kent de kennisbank niet');
    expect(visible.textContent).not.to.contain('Unknown');
    const detail = line?.querySelector('details[part~="technical-detail"]');
    expect(detail?.getAttribute('lang')).to.equal('en');
    expect(detail?.textContent).to.contain(english);
  });

  it('works in a Web Mercator (EPSG:3857) map', async () => {
    const { tm, el } = await mount({ crs: 'EPSG:3857' });
    const l = loc('oeverwal');
    const selected = new Promise<NaLocationSelectEvent>((r) =>
      el.addEventListener('na-location-select', r, { once: true }),
    );
    const report = await clickAndWait(el, tm.map, rd(l));
    expect(report.landscape.zone?.code).to.equal(l.expect.zone);
    const sel = (await selected).detail;
    expect(sel.location.crs).to.equal('EPSG:3857');
    const [x, y] = toCrs([sel.location.x, sel.location.y], 'EPSG:3857', 'EPSG:28992');
    expect(Math.abs(x - l.x)).to.be.below(60);
    expect(Math.abs(y - l.y)).to.be.below(60);
  });

  it('fires its events with plain data (structuredClone works)', async () => {
    const { tm, el } = await mount();
    const got: Event[] = [];
    const outer = document.body;
    const onAny = (e: Event): void => {
      got.push(e);
    };
    outer.addEventListener('na-location-select', onAny);
    outer.addEventListener('na-report-ready', onAny);
    cleanups.push(() => {
      outer.removeEventListener('na-location-select', onAny);
      outer.removeEventListener('na-report-ready', onAny);
    });
    const l = loc('es');
    await clickAndWait(el, tm.map, rd(l));
    const select = got.find((e) => e.type === 'na-location-select') as NaLocationSelectEvent;
    const ready = got.find((e) => e.type === 'na-report-ready') as NaReportReadyEvent;
    expect(select.bubbles && select.composed).to.equal(true);
    expect(ready.bubbles && ready.composed).to.equal(true);
    expect(select.detail.location.crs).to.equal('EPSG:28992');
    expect(Math.abs(select.detail.location.x - l.x)).to.be.below(30);
    expect(select.detail.lon).to.be.within(3, 8);
    expect(select.detail.lat).to.be.within(50, 54);
    expect(structuredClone(select.detail)).to.deep.equal(select.detail);
    const clone = structuredClone(ready.detail);
    expect(clone).to.deep.equal(ready.detail);
    expect(JSON.parse(JSON.stringify(ready.detail))).to.deep.equal(ready.detail);
    expect(ready.detail.landscape.zone?.code).to.equal(l.expect.zone);
  });

  it('fires na-report-error when every source fails', async () => {
    const broken: FactSource = {
      id: 'kapot',
      title: 'Kapotte bron',
      provides: ['zone'],
      query: () => Promise.reject(new Error('server says 500')),
    };
    const { tm, el } = await mount({ sources: [broken] });
    const error = new Promise<NaReportErrorEvent>((r) =>
      el.addEventListener('na-report-error', r, { once: true }),
    );
    realClick(tm.map, rd(loc('es')));
    const e = await error;
    expect(e.detail.code).to.equal('all-sources-failed');
    expect(e.detail.message).to.contain('server says 500');
    expect(structuredClone(e.detail)).to.deep.equal(e.detail);
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(part(el, 'message')?.textContent).to.contain('Het lukte niet');
  });
});

describe('<na-location-check> keyboard', () => {
  it('works with the keyboard only: toggle, arrows pan, Enter checks, the result is announced', async () => {
    const { tm, el } = await mount();
    await until(() => part(el, 'keyboard-toggle') !== null, 'toolbar');
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    cleanups.push(() => before.remove());
    // Put the centre on the Es, then reach the toggle with Tab.
    const es = loc('es');
    centreOn(tm.map, [es.x, es.y]);
    tm.map.getView().setResolution(2);
    before.focus();
    let guard = 0;
    while (shadow(el).activeElement !== part(el, 'keyboard-toggle') && guard++ < 20) {
      await sendKeys({ press: 'Tab' });
    }
    expect(shadow(el).activeElement).to.equal(part(el, 'keyboard-toggle'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(part(el, 'keyboard-toggle')?.getAttribute('aria-pressed')).to.equal('true');
    expect(tm.map.getViewport()?.querySelector('.na-crosshair')).to.not.equal(null);
    expect(shadow(el).activeElement).to.equal(part(el, 'keyboard-pad'));

    const c0 = tm.map.getView().getCenter() ?? [0, 0];
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowUp' });
    const c1 = tm.map.getView().getCenter() ?? [0, 0];
    expect((c1[0] ?? 0) - (c0[0] ?? 0)).to.be.closeTo(64 * 2, 0.001);
    expect((c1[1] ?? 0) - (c0[1] ?? 0)).to.be.closeTo(64 * 2, 0.001);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowDown' });

    const ready = nextReport(el);
    await sendKeys({ press: 'Enter' });
    const report = (await ready).detail;
    await el.updateComplete;
    expect(report.landscape.zone?.code).to.equal(es.expect.zone);
    const live = part(el, 'status');
    expect(live?.getAttribute('aria-live')).to.equal('polite');
    expect(live?.textContent).to.contain(`(${es.expect.zone ?? ''})`);
    expect(live?.textContent).to.contain(`${report.principles.length} principe`);
    // Focus stayed on the keyboard control; the report heading is reachable.
    expect(shadow(el).activeElement).to.equal(part(el, 'keyboard-pad'));
    el.focusReport();
    expect(shadow(el).activeElement).to.equal(part(el, 'report-heading'));

    // Escape ends keyboard mode, removes the crosshair and returns focus to the toggle.
    part(el, 'keyboard-pad')?.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part(el, 'keyboard')).to.equal(null);
    expect(tm.map.getViewport()?.querySelector('.na-crosshair')).to.equal(null);
    await until(
      () => shadow(el).activeElement === part(el, 'keyboard-toggle'),
      'focus back on toggle',
    );
  });

  it('in keyboard mode, Enter on the focused map target checks the centre', async () => {
    const { tm, el } = await mount();
    const l = loc('laagveen');
    centreOn(tm.map, [l.x, l.y]);
    el.setKeyboardMode(true);
    await el.updateComplete;
    tm.target.focus();
    const ready = nextReport(el);
    await sendKeys({ press: 'Enter' });
    expect((await ready).detail.landscape.zone?.code).to.equal(l.expect.zone);

    // Arrow keys on the map: the map's own KeyboardPan pans (128 px); the widget does not pan again.
    const resolution = tm.map.getView().getResolution() ?? 1;
    const c0 = tm.map.getView().getCenter() ?? [0, 0];
    const panned = new Promise((r) => tm.map.once('moveend', r));
    await sendKeys({ press: 'ArrowRight' });
    await panned;
    const c1 = tm.map.getView().getCenter() ?? [0, 0];
    expect((c1[0] ?? 0) - (c0[0] ?? 0)).to.be.closeTo(128 * resolution, 0.001);
    // Without the map's keyboard interactions, the widget pans itself (64 px).
    for (const i of [...tm.map.getInteractions().getArray()]) {
      if (i.constructor.name.startsWith('Keyboard')) tm.map.removeInteraction(i);
    }
    await sendKeys({ press: 'ArrowDown' });
    const c2 = tm.map.getView().getCenter() ?? [0, 0];
    expect((c2[1] ?? 0) - (c1[1] ?? 0)).to.be.closeTo(-64 * resolution, 0.001);
    expect(c2[0]).to.be.closeTo(c1[0] ?? 0, 0.001);
  });
});

describe('<na-location-check> layout, language, clean-up', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('fits a 360 px phone screen without horizontal scrolling', async () => {
    await setViewport({ width: 360, height: 640 });
    const { tm, el } = await mount({ width: 340, height: 240 });
    el.style.display = 'block';
    await clickAndWait(el, tm.map, rd(loc('beekdal-kwel')));
    for (const d of shadow(el).querySelectorAll('details')) d.open = true;
    el.setKeyboardMode(true);
    await el.updateComplete;
    const panel = part(el, 'panel');
    if (!panel) throw new Error('no panel');
    expect(panel.scrollWidth).to.be.at.most(panel.clientWidth);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
    expect(el.getBoundingClientRect().width).to.be.at.most(360);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    for (const node of shadow(el).querySelectorAll<HTMLElement>('*')) {
      const r = node.getBoundingClientRect();
      if (r.width > 0)
        expect(r.right, node.getAttribute('part') ?? node.tagName).to.be.at.most(360.5);
    }
  });

  it('speaks English with lang="en" and re-renders when lang changes', async () => {
    const { tm, el } = await mount({ lang: 'en' });
    expect(part(el, 'title')?.textContent).to.equal('What fits here?');
    const report = await clickAndWait(el, tm.map, rd(loc('dekzandrug')));
    expect(report.lang).to.equal('en');
    expect(shadow(el).querySelector('[part~="why"] summary')?.textContent).to.contain('Why here?');
    expect(part(el, 'notice')?.textContent).to.contain('example data');
    const en = part(el, 'report')?.textContent ?? '';
    el.lang = 'nl';
    await el.updateComplete;
    expect(part(el, 'title')?.textContent).to.equal('Wat past hier?');
    expect(shadow(el).querySelector('[part~="why"] summary')?.textContent).to.contain(
      'Waarom hier?',
    );
    expect(part(el, 'report')?.textContent).to.not.equal(en);
    expect(el.report?.lang).to.equal('nl');
  });

  it('restores the map listener counts, overlays and viewport when removed', async () => {
    const tm = makeMap({ center: [192000, 445000] });
    tm.map.getView().setResolution(30);
    tm.map.renderSync();
    cleanups.push(() => tm.dispose());
    const before = listenerSnapshot(tm.map);
    const el = document.createElement('na-location-check');
    el.setAttribute('sources', SOURCES_URL);
    el.map = tm.map;
    document.body.append(el);
    await el.updateComplete;
    await clickAndWait(el, tm.map, rd(loc('dekzandrug')));
    el.setKeyboardMode(true);
    await el.updateComplete;
    expect(tm.map.getOverlays().getLength()).to.equal((before.overlays ?? 0) + 1);
    expect(tm.map.getViewport()?.querySelector('.na-crosshair')).to.not.equal(null);
    expect(tm.map.getListeners('singleclick')?.length ?? 0).to.be.greaterThan(
      before['map:singleclick'] ?? 0,
    );
    el.remove();
    expect(listenerSnapshot(tm.map)).to.deep.equal(before);
    expect(tm.map.getViewport()?.querySelector('.na-crosshair, .na-marker')).to.equal(null);
    // Connecting again binds again; a new map releases the old one.
    document.body.append(el);
    await el.updateComplete;
    expect(tm.map.getListeners('singleclick')?.length ?? 0).to.equal(
      (before['map:singleclick'] ?? 0) + 1,
    );
    const other = makeMap();
    cleanups.push(() => other.dispose());
    const otherBefore = listenerSnapshot(other.map);
    el.map = other.map;
    await el.updateComplete;
    expect(listenerSnapshot(tm.map)).to.deep.equal(before);
    el.remove();
    expect(listenerSnapshot(other.map)).to.deep.equal(otherBefore);
  });

  it('two maps with their own location check do not interfere', async () => {
    const a = await mount();
    const b = await mount();
    const readyA: string[] = [];
    const readyB: string[] = [];
    a.el.addEventListener('na-report-ready', (e) =>
      readyA.push(e.detail.landscape.zone?.code ?? ''),
    );
    b.el.addEventListener('na-report-ready', (e) =>
      readyB.push(e.detail.landscape.zone?.code ?? ''),
    );
    await clickAndWait(a.el, a.tm.map, rd(loc('oeverwal')));
    await clickAndWait(b.el, b.tm.map, rd(loc('stuwwal-top')));
    const za = loc('oeverwal').expect.zone;
    const zb = loc('stuwwal-top').expect.zone;
    expect(za).to.not.equal(zb);
    expect(readyA).to.deep.equal([za]);
    expect(readyB).to.deep.equal([zb]);
    expect(a.el.report?.landscape.zone?.code).to.equal(za);
    expect(b.el.report?.landscape.zone?.code).to.equal(zb);
    expect(a.tm.map.getOverlays().getLength()).to.equal(1);
    expect(b.tm.map.getOverlays().getLength()).to.equal(1);
    a.el.setKeyboardMode(true);
    await a.el.updateComplete;
    expect(a.tm.map.getViewport()?.querySelectorAll('.na-crosshair').length).to.equal(1);
    expect(b.tm.map.getViewport()?.querySelectorAll('.na-crosshair').length).to.equal(0);
  });
});

describe('<na-location-check> queries', () => {
  it('a slow answer never overwrites a newer one: the slow query is aborted', async () => {
    const signals: AbortSignal[] = [];
    let slowSettled = false;
    // Resolves when the slow query has ended, answered or aborted: the signal to assert after.
    let endSlow = (): void => undefined;
    const slowEnded = new Promise<void>((r) => (endSlow = r));
    const slowOnce: FactSource = {
      id: 'traag',
      title: 'Trage bron',
      provides: ['zone'],
      query(location, options) {
        const signal = options?.signal;
        if (signal) signals.push(signal);
        const isSlow = signals.length === 1;
        return new Promise<SourceResult>((resolve, reject) => {
          const answer = (): void => {
            slowSettled = isSlow ? true : slowSettled;
            if (isSlow) endSlow();
            resolve({
              sourceId: 'traag',
              title: 'Trage bron',
              status: 'ok',
              facts: [
                {
                  name: 'zone',
                  status: 'ok',
                  value: isSlow ? 'Sw1' : 'Dz1',
                  provenance: { sourceId: 'traag', title: 'Trage bron', illustrative: true },
                },
              ],
            });
          };
          const timer = setTimeout(answer, isSlow ? 800 : 10);
          signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(signal.reason);
            if (isSlow) endSlow();
          });
          void location;
        });
      },
    };
    const { tm, el } = await mount({ sources: [slowOnce] });
    const zones: string[] = [];
    el.addEventListener('na-report-ready', (e) => zones.push(e.detail.landscape.zone?.code ?? ''));
    realClick(tm.map, rd(loc('stuwwal-top')));
    await until(() => signals.length === 1, 'slow query started');
    expect(el.state).to.equal('loading');
    expect(part(el, 'panel')?.getAttribute('aria-busy')).to.equal('true');
    realClick(tm.map, rd(loc('dekzandrug')));
    await until(() => signals.length === 2, 'fast query started');
    expect(signals[0]?.aborted).to.equal(true);
    await until(() => el.state === 'report', 'fast report');
    await slowEnded;
    await el.updateComplete;
    expect(slowSettled).to.equal(false);
    expect(zones).to.deep.equal(['Dz1']);
    expect(el.report?.landscape.zone?.code).to.equal('Dz1');
    expect(signals[1]?.aborted).to.equal(false);
  });

  it('timeout-ms: a source slower than the limit counts as failed; the rest is shown', async () => {
    const hanging: FactSource = {
      id: 'hangt',
      title: 'Bron die niet antwoordt',
      provides: ['gt'],
      query: (_l, options) =>
        new Promise<SourceResult>((_resolve, reject) => {
          options?.signal?.addEventListener('abort', () => reject(options.signal?.reason));
        }),
    };
    const fast = zoneSource('snel', 'Snelle bron', 'Dz1');
    const { el } = await mount({ sources: [fast, hanging] });
    el.setAttribute('timeout-ms', '150');
    await el.updateComplete;
    const start = performance.now();
    const report = await el.check({ x: 192000, y: 445000, crs: 'EPSG:28992' });
    expect(performance.now() - start).to.be.below(2000);
    expect(report?.landscape.zone?.code).to.equal('Dz1');
    expect(el.state).to.equal('partial');
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-source="hangt"]')?.getAttribute('data-status')).to.equal(
      'error',
    );
    expect(part(el, 'warning')?.textContent).to.contain('Bron die niet antwoordt');
  });

  it('a failed source without a user message is told in Dutch; its English message only in a <details>', async () => {
    const technical =
      'Feature service answered with an unexpected geometry type (esriGeometryPoint)';
    const broken: FactSource = {
      id: 'kapot',
      title: 'Kapotte bron',
      provides: ['gt'],
      query: () => Promise.reject(new Error(technical)),
    };
    const fast = zoneSource('snel', 'Snelle bron', 'Dz1');
    const { el } = await mount({ lang: 'nl', sources: [fast, broken] });
    const report = await el.check({ x: 192000, y: 445000, crs: 'EPSG:28992' });
    expect(el.state).to.equal('partial');
    await el.updateComplete;
    const failed = report?.sources.find((s) => s.id === 'kapot');
    expect(failed?.message).to.contain('De bron gaf een fout');
    expect(failed?.technical).to.equal(technical);
    // What is visible without opening a <details>: Dutch only.
    const visible = (root: Element | null): string => {
      if (!root) return '';
      const copy = root.cloneNode(true) as Element;
      for (const d of copy.querySelectorAll('details')) d.remove();
      return copy.textContent ?? '';
    };
    const warning = part(el, 'warning');
    const item = shadow(el).querySelector('[data-source="kapot"]');
    expect(visible(warning)).to.contain('Kapotte bron: De bron gaf een fout');
    expect(visible(warning)).not.to.contain(technical);
    expect(visible(item)).to.contain('De bron gaf een fout');
    expect(visible(item)).not.to.contain(technical);
    const detail = item?.querySelector('details[part~="technical-detail"]');
    expect(detail?.getAttribute('lang')).to.equal('en');
    expect(detail?.textContent).to.contain(technical);
  });

  it('check() of a superseded location resolves null and never shows', async () => {
    let calls = 0;
    const source: FactSource = {
      id: 's',
      title: 'S',
      provides: ['zone'],
      query(_location, options) {
        calls += 1;
        const slow = calls === 1;
        return new Promise((resolve, reject) => {
          const t = setTimeout(
            () =>
              resolve({
                sourceId: 's',
                title: 'S',
                status: 'ok',
                facts: [
                  {
                    name: 'zone',
                    status: 'ok',
                    value: slow ? 'Lv1' : 'Rg2',
                    provenance: { sourceId: 's', title: 'S' },
                  },
                ],
              }),
            slow ? 300 : 5,
          );
          options?.signal?.addEventListener('abort', () => {
            clearTimeout(t);
            reject(options.signal?.reason);
          });
        });
      },
    };
    const { el } = await mount({ sources: [source] });
    const first = el.check({ x: 190000, y: 445000, crs: 'EPSG:28992' });
    const second = el.check({ x: 191000, y: 445000, crs: 'EPSG:28992' });
    expect(await first).to.equal(null);
    expect((await second)?.landscape.zone?.code).to.equal('Rg2');
  });
});

describe('<na-location-check> permalink, download, print', () => {
  const original = window.location.href;
  afterEach(() => {
    history.replaceState(history.state, '', original);
  });

  it('writes the location to the URL, keeping the host hash and parameters', async () => {
    history.replaceState(null, '', `${location.pathname}?host=1&x=a%20b#/host/route`);
    const { tm, el } = await mount({ permalink: true });
    const l = loc('stuwwal-flank');
    await clickAndWait(el, tm.map, rd(l));
    const url = new URL(window.location.href);
    expect(url.hash).to.equal('#/host/route');
    expect(url.searchParams.get('host')).to.equal('1');
    expect(url.searchParams.get('x')).to.equal('a b');
    const value = url.searchParams.get('na-check') ?? '';
    const [x, y, crs] = value.split(',');
    expect(crs).to.equal('EPSG:28992');
    expect(Math.abs(Number(x) - l.x)).to.be.below(30);
    expect(Math.abs(Number(y) - l.y)).to.be.below(30);
    expect(window.location.search).to.contain('na-check=');
    expect(window.location.search).to.match(/na-check=[-\d.]+,[-\d.]+,EPSG:28992/);
  });

  it('opening a permalink shows the report on load (query and hash form)', async () => {
    const l = loc('rivierkom');
    history.replaceState(
      null,
      '',
      `${location.pathname}?keep=yes&na-check=${l.x},${l.y},EPSG:28992`,
    );
    const ready = nextReport(document.body);
    const { el, tm } = await mount({ permalink: true });
    const report = (await ready).detail;
    expect(report.landscape.zone?.code).to.equal(l.expect.zone);
    expect(el.state).to.equal('report');
    const center = tm.map.getView().getCenter() ?? [0, 0];
    expect(center[0]).to.be.closeTo(l.x, 0.01);
    expect(center[1]).to.be.closeTo(l.y, 0.01);
    expect(new URL(window.location.href).searchParams.get('keep')).to.equal('yes');

    el.remove();
    const l2 = loc('petgat');
    history.replaceState(null, '', `${location.pathname}#na-check=${l2.x},${l2.y},EPSG:28992`);
    const ready2 = nextReport(document.body);
    await mount({ permalink: true });
    expect((await ready2).detail.landscape.zone?.code).to.equal(l2.expect.zone);
  });

  it('downloads the report as JSON with the coordinates in the file name', async () => {
    const { tm, el } = await mount();
    const place = loc('dekzandvlakte');
    const report = await clickAndWait(el, tm.map, rd(place));
    const blobs: Blob[] = [];
    const names: string[] = [];
    const createObjectURL = URL.createObjectURL.bind(URL);
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (b: Blob | MediaSource): string => {
      if (b instanceof Blob) blobs.push(b);
      return createObjectURL(b);
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      const button = [...shadow(el).querySelectorAll('button')].find((b) =>
        b.textContent?.includes('JSON'),
      );
      button?.click();
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    expect(blobs.length).to.equal(1);
    expect(blobs[0]?.type).to.equal('application/json');
    const parsed = JSON.parse(await (blobs[0] as Blob).text()) as LocalizedReport;
    expect(parsed).to.deep.equal(report);
    expect(parsed.landscape.zone?.code).to.equal(place.expect.zone);
    expect(names[0]).to.match(/^na-locatie-\d+-\d+-EPSG28992\.json$/);
    expect(el.reportJson()).to.equal(await (blobs[0] as Blob).text());
  });

  it('"Afdrukken" prepares a map snapshot image before printing', async () => {
    const { tm, el } = await mount();
    await clickAndWait(el, tm.map, rd(loc('ven')));
    const print = window.print;
    let printed = 0;
    let imageAtPrint: string | null = null;
    window.print = () => {
      printed += 1;
      imageAtPrint = part(el, 'snapshot')?.querySelector('img')?.getAttribute('src') ?? null;
    };
    try {
      const button = [...shadow(el).querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === 'Afdrukken',
      );
      button?.click();
      await until(() => printed === 1, 'print');
    } finally {
      window.print = print;
    }
    expect(imageAtPrint).to.match(/^data:image\/png;base64,/);
    const img = part(el, 'snapshot')?.querySelector('img');
    expect(img?.getAttribute('alt')).to.equal('Kaart van de gecontroleerde plek');
    // Hidden on screen, shown in print.
    expect(getComputedStyle(part(el, 'snapshot') as HTMLElement).display).to.equal('none');
  });
});
