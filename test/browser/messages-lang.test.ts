/**
 * One message system in the browser: the widgets follow `lang` on an ancestor (a wrapper or
 * `<html>`), live regions included; failures of the sources file, of a data file and of a scenario
 * file are told in Dutch under `lang=nl`, with the technical detail in a `<details lang="en">`
 * (#12, #18 item 6 and 14).
 */
import { expect } from '@open-wc/testing';
import axe from 'axe-core';
import '../../widgets/address-search/define.js';
import '../../widgets/location-check/define.js';
import '../../widgets/scenario-compare/define.js';
import '../../widgets/zonering-layer/define.js';
import '../../widgets/zonering-legend/define.js';
import type { NaLocationCheck } from '../../widgets/location-check/location-check.js';
import type { NaScenarioCompare } from '../../widgets/scenario-compare/scenario-compare.js';
import type { Location } from '../../src/core/types.js';
import { demoSources } from './helpers/demo.js';
import { makeMap, until, type TestMap } from './helpers/map.js';

type Lit = HTMLElement & { updateComplete: Promise<unknown> };

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
  document.documentElement.lang = 'nl';
});

const text = (el: Element): string => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

/** The text users read without opening the technical detail. */
function visibleText(el: HTMLElement | null): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as HTMLElement;
  for (const d of copy.querySelectorAll('details')) d.remove();
  return copy.textContent?.replace(/\s+/g, ' ') ?? '';
}

async function noViolations(el: Element, state: string): Promise<void> {
  const result = await axe.run(el, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
  const found = result.violations.map((v) => `${v.id}: ${v.help}`).join('\n');
  expect(result.violations, `${state}:\n${found}`).to.deep.equal([]);
}

function wrapper(lang?: string): HTMLElement {
  const div = document.createElement('div');
  if (lang !== undefined) div.setAttribute('lang', lang);
  document.body.append(div);
  cleanups.push(() => div.remove());
  return div;
}

async function add<T extends Lit>(parent: HTMLElement, tag: string): Promise<T> {
  const el = document.createElement(tag) as T;
  parent.append(el);
  await el.updateComplete;
  return el;
}

const settle = async (els: Lit[]): Promise<void> => {
  // MutationObserver callbacks run as a microtask; the update after them is awaited here.
  await Promise.resolve();
  await Promise.all(els.map((e) => e.updateComplete));
};

describe('the widgets follow lang on an ancestor', () => {
  it('every widget re-renders in English when a wrapper switches, and back', async () => {
    const box = wrapper('nl');
    const els = [
      await add<Lit>(box, 'na-location-check'),
      await add<Lit>(box, 'na-address-search'),
      await add<Lit>(box, 'na-scenario-compare'),
      await add<Lit>(box, 'na-zonering-layer'),
      await add<Lit>(box, 'na-zonering-legend'),
    ];
    const [check, search, compare, layer, legend] = els as [Lit, Lit, Lit, Lit, Lit];
    expect(text(check)).to.contain('Wat past hier?');
    expect(text(search)).to.contain('Zoek een adres of plaats');
    expect(text(compare)).to.contain("Scenario's vergelijken");
    expect(text(layer)).to.contain('Koppel een kaart via .map');
    expect(text(legend)).to.contain('Legenda zonering');

    box.setAttribute('lang', 'en');
    await settle(els);
    expect(text(check)).to.contain('What fits here?');
    expect(text(search)).to.contain('Search for an address or place');
    expect(text(compare)).to.contain('Compare scenarios');
    expect(text(layer)).to.contain('Connect a map via .map');
    expect(text(legend)).to.contain('Zoning legend');

    box.removeAttribute('lang');
    document.documentElement.lang = 'nl';
    await settle(els);
    expect(text(check)).to.contain('Wat past hier?');
    expect(text(legend)).to.contain('Legenda zonering');
  });

  it('follows <html lang> across a shadow root', async () => {
    const host = wrapper();
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('div');
    root.append(inner);
    const legend = await add<Lit>(inner, 'na-zonering-legend');
    expect(text(legend)).to.contain('Legenda zonering');
    document.documentElement.lang = 'en';
    await settle([legend]);
    expect(text(legend)).to.contain('Zoning legend');
  });

  it("a report's live region is said again in the new language", async () => {
    const box = wrapper('nl');
    const tm: TestMap = makeMap({ center: [192000, 445000] });
    cleanups.push(() => tm.dispose());
    const el = document.createElement('na-location-check') as NaLocationCheck;
    el.map = tm.map;
    el.sources = await demoSources();
    box.append(el);
    await el.updateComplete;
    const { locations } = (await (await fetch('/demo/data/locations.json')).json()) as {
      locations: Array<{ id: string; x: number; y: number }>;
    };
    const ridge = locations.find((l) => l.id === 'dekzandrug');
    if (!ridge) throw new Error('demo location dekzandrug missing');
    const at: Location = { x: ridge.x, y: ridge.y, crs: 'EPSG:28992' };
    await el.check(at);
    await el.updateComplete;
    const status = (): string => part(el, 'status')?.textContent?.trim() ?? '';
    expect(status()).to.match(/: \d+ principes?\.$/);
    box.setAttribute('lang', 'en');
    await settle([el]);
    expect(status()).to.match(/: \d+ principles?\.$/);
    expect(text(el)).to.contain('What fits here?');
  });
});

describe('Dutch messages for users, technical detail for the GIS team (#18 item 6)', () => {
  async function locationCheck(sources: string): Promise<NaLocationCheck> {
    const tm: TestMap = makeMap({ center: [192000, 445000] });
    cleanups.push(() => tm.dispose());
    const el = document.createElement('na-location-check') as NaLocationCheck;
    el.setAttribute('lang', 'nl');
    el.map = tm.map;
    el.setAttribute('sources', sources);
    document.body.append(el);
    cleanups.push(() => el.remove());
    await until(() => el.state === 'error', 'the sources failed');
    await el.updateComplete;
    return el;
  }

  it('a sources file with a syntax error: Dutch, with line and column', async () => {
    const el = await locationCheck('/test/fixtures/sources/syntax-error/sources.txt');
    const message = part(el, 'message');
    expect(visibleText(message)).to.contain('De lijst met bronnen kon niet worden geladen.');
    expect(visibleText(message)).to.contain('is geen geldige JSON (regel 3, kolom');
    expect(visibleText(message)).not.to.contain('JSON syntax error');
    const detail = message?.querySelector('details[lang="en"]');
    expect(detail?.textContent).to.contain('JSON syntax error');
    expect(detail?.querySelector('summary')?.getAttribute('lang')).to.equal('nl');
    await noViolations(el, 'syntax error');
  });

  it('a sources file that is not there: Dutch, naming the file and the status', async () => {
    const el = await locationCheck('/test/fixtures/sources/bestaat-niet.json');
    const shown = visibleText(part(el, 'message'));
    expect(shown).to.contain('Het bestand bestaat-niet.json is niet gevonden (HTTP 404).');
    expect(shown).not.to.contain('Could not load');
    await noViolations(el, '404');
  });

  it('a data file that fails: the list loaded, the data file is named', async () => {
    const el = await locationCheck('/test/fixtures/sources/missing-data/sources.json');
    const shown = visibleText(part(el, 'message'));
    expect(shown).not.to.contain('De lijst met bronnen kon niet worden geladen');
    expect(shown).to.contain('Een gegevensbestand kon niet worden geladen.');
    expect(shown).to.contain(
      'De lijst met bronnen is geladen, maar het gegevensbestand does-not-exist.geojson is niet gevonden (HTTP 404).',
    );
    expect(part(el, 'status')?.textContent?.trim()).to.equal(
      'Een gegevensbestand kon niet worden geladen.',
    );
    await noViolations(el, 'data file');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(visibleText(part(el, 'message'))).to.contain(
      'The list of sources loaded, but the data file does-not-exist.geojson was not found (HTTP 404).',
    );
  });

  it('the scenario page under lang=nl: a broken scenario file and a missing sources file in Dutch', async () => {
    const el = document.createElement('na-scenario-compare') as NaScenarioCompare;
    el.setAttribute('lang', 'nl');
    el.setAttribute('sources', '/test/fixtures/sources/bestaat-niet.json');
    el.setAttribute('scenarios', '/test/fixtures/scenarios/syntax-error.txt');
    document.body.append(el);
    cleanups.push(() => el.remove());
    await el.whenComputed();
    await until(() => text(el).includes('syntax-error.txt'), 'the scenario error is shown');
    await el.updateComplete;
    const error = part(el, 'error-message')?.textContent ?? '';
    expect(error).to.contain('syntax-error.txt is geen geldige JSON (regel 1, kolom');
    expect(error).not.to.contain('JSON syntax error');
    const steps = visibleText(part(el, 'steps'));
    expect(steps).to.contain('Het bestand bestaat-niet.json is niet gevonden (HTTP 404).');
    expect(steps).not.to.contain('HTTP 404 for');
    const details = [...(el.shadowRoot?.querySelectorAll('details[lang="en"]') ?? [])];
    expect(details.map((d) => d.textContent ?? '').join(' ')).to.contain('JSON syntax error');
    await noViolations(el, 'scenario page errors');
  });

  it('scenario assumptions name their sources in Dutch under lang=nl, in English under en', async () => {
    const tm: TestMap = makeMap({ center: [192000, 445000], width: 400, height: 300 });
    cleanups.push(() => tm.dispose());
    const el = document.createElement('na-scenario-compare') as NaScenarioCompare;
    el.setAttribute('lang', 'nl');
    el.map = tm.map;
    el.sources = await demoSources();
    el.setAttribute(
      'scenarios',
      '/demo/data/scenarios/grijs.geojson,/demo/data/scenarios/groenblauw.geojson',
    );
    document.body.append(el);
    cleanups.push(() => el.remove());
    await until(() => el.result !== null && el.result !== undefined, 'the comparison');
    // The assumptions are among the detail sections drawn one task after the results.
    await el.whenComputed();
    const assumptions = (): string => part(el, 'assumptions')?.textContent ?? '';
    expect(assumptions()).to.contain('jaarlijkse neerslag in Nederland');
    expect(assumptions()).not.to.contain('yearly rain in the Netherlands');
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(assumptions()).to.contain('yearly rain in the Netherlands');
  });
});
