/**
 * <na-address-search> in Chromium against a stand-in Locatieserver (web-test-runner middleware,
 * fixtures in test/fixtures/locatieserver/): real typing and keys, debouncing, aborting stale
 * answers, safe highlighting, errors, axe-core checks, languages, reverse geocoding, clean-up.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import axe from 'axe-core';
import '../../widgets/address-search/define.js';
import '../../widgets/location-check/define.js';
import type { NaLocationCheck } from '../../widgets/location-check/location-check.js';
import type {
  NaLocationSelectEvent,
  NaReportReadyEvent,
} from '../../widgets/location-check/events.js';
import type { NaAddressSearch } from '../../widgets/address-search/address-search.js';
import type {
  NaAddressErrorEvent,
  NaAddressSelectEvent,
} from '../../widgets/address-search/events.js';
import { toCrs } from '../../src/core/crs.js';
import { listenerSnapshot, makeMap, realClick, sleep, until, type TestMap } from './helpers/map.js';

const BASE = '/locatieserver/';

interface Counts {
  suggest: number;
  lookup: number;
  reverse: number;
  requests: Array<{ endpoint: string; query: string }>;
}

async function control(path: string): Promise<Counts> {
  const res = await fetch(`${BASE}${path}`, { cache: 'no-store' });
  return (await res.json()) as Counts;
}

const cleanups: Array<() => void> = [];
beforeEach(async () => {
  await control('__reset');
});
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

async function mount(
  options: {
    map?: boolean;
    crs?: 'EPSG:28992' | 'EPSG:3857';
    lang?: string;
    reverse?: boolean;
  } = {},
): Promise<{ el: NaAddressSearch; tm?: TestMap }> {
  const el = document.createElement('na-address-search');
  el.setAttribute('base-url', BASE);
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.reverse) el.setAttribute('reverse', '');
  let tm: TestMap | undefined;
  if (options.map !== false) {
    tm = makeMap({ center: [155000, 463000], ...(options.crs ? { crs: options.crs } : {}) });
    el.map = tm.map;
  }
  document.body.prepend(el);
  cleanups.push(() => {
    el.remove();
    tm?.dispose();
  });
  await el.updateComplete;
  return { el, ...(tm ? { tm } : {}) };
}

function part(el: NaAddressSearch, name: string): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

function input(el: NaAddressSearch): HTMLInputElement {
  const i = el.shadowRoot?.querySelector<HTMLInputElement>('[part~="input"]');
  if (!i) throw new Error('no input');
  return i;
}

function options(el: NaAddressSearch): HTMLElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])];
}

function statusText(el: NaAddressSearch): string {
  return part(el, 'status')?.textContent?.trim() ?? '';
}

async function typeInto(el: NaAddressSearch, text: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: text });
}

/** The page's fetch calls since {@link watchFetches} began (restored after the test). */
interface FetchLog {
  /** URLs in call order. */
  urls: string[];
  /** URLs whose AbortSignal fired. */
  aborted: string[];
  /**
   * Resolves when every call so far whose URL passes `match` has ended: answered and its body
   * read, failed or aborted. The signal that a late answer has had its chance to arrive.
   */
  ended(match: (url: string) => boolean): Promise<void>;
}

function watchFetches(): FetchLog {
  const realFetch = window.fetch;
  const calls: Array<{ url: string; ended: Promise<void> }> = [];
  const log: FetchLog = {
    urls: [],
    aborted: [],
    async ended(match) {
      await Promise.all(calls.filter((c) => match(c.url)).map((c) => c.ended));
    },
  };
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    log.urls.push(url);
    init?.signal?.addEventListener('abort', () => log.aborted.push(url));
    const response = realFetch(input, init);
    const ended = response
      .then((r) => r.clone().arrayBuffer())
      .then(
        () => undefined,
        () => undefined,
      );
    calls.push({ url, ended });
    return response;
  };
  cleanups.push(() => {
    window.fetch = realFetch;
  });
  return log;
}

async function waitForOptions(el: NaAddressSearch, count?: number): Promise<HTMLElement[]> {
  await until(
    () => (count === undefined ? options(el).length > 0 : options(el).length === count),
    'suggestions',
  );
  return options(el);
}

async function noViolations(el: Element, state: string): Promise<void> {
  const result = await axe.run(el, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
  const text = result.violations
    .map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
  expect(result.violations, `${state}:\n${text}`).to.deep.equal([]);
}

function nextSelect(el: NaAddressSearch): Promise<NaAddressSelectEvent> {
  return new Promise((resolve) =>
    el.addEventListener('na-address-select', resolve, { once: true }),
  );
}

const VOORBEELDSTAD_12 = {
  id: 'adr-3f2b8c41d9e0a7b6c5d4e3f2a1b0c9d8',
  label: 'Dorpsstraat 12, 1234AB Voorbeeldstad',
  type: 'adres',
  location: { x: 190038, y: 448663, crs: 'EPSG:28992' },
  lon: 5.89771546,
  lat: 52.02520334,
};

describe('na-address-search', () => {
  it('shows suggestions as you type, with one request for fast typing (debounced)', async () => {
    const { el } = await mount();
    await typeInto(el, 'dorpsstraat');
    const opts = await waitForOptions(el, 5);
    const counts = await control('__count');
    expect(counts.suggest).to.equal(1);
    const q = new URLSearchParams(counts.requests[0]?.query ?? '');
    expect(q.get('q')).to.equal('dorpsstraat');
    expect(opts[0]?.textContent).to.contain('Dorpsstraat, Lopik');
    expect(opts[1]?.querySelector('mark')?.textContent).to.equal('Dorpsstraat');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(input(el).getAttribute('aria-controls')).to.equal('listbox');
    expect(el.shadowRoot?.getElementById('listbox')?.getAttribute('role')).to.equal('listbox');
    await until(() => statusText(el) === '5 suggesties', 'status text');
    expect(part(el, 'status')?.getAttribute('aria-live')).to.equal('polite');
  });

  it('does not search below the minimum length and clears the list when the text gets short', async () => {
    const { el } = await mount();
    // A second element with the same pause is the signal: its search for 'do' is asked after the
    // pause that a search for 'd' would have waited, so by then that one would have been asked.
    const witness = await mount({ map: false });
    const fetches = watchFetches();
    await typeInto(el, 'd');
    await typeInto(witness.el, 'do');
    await until(() => fetches.urls.some((u) => u.includes('/suggest')), 'the witness search');
    expect(fetches.urls.filter((u) => u.includes('/suggest'))).to.have.length(1);
    expect(new URL(fetches.urls[0] ?? '', window.location.href).searchParams.get('q')).to.equal(
      'do',
    );
    input(el).focus();
    input(el).setSelectionRange(1, 1);
    await sendKeys({ type: 'orpsstraat' });
    await waitForOptions(el, 5);
    input(el).select();
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(options(el)).to.have.length(0);
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('ArrowDown twice and Enter: lookup, na-address-select with the coordinates, map centred there', async () => {
    const { el, tm } = await mount();
    await typeInto(el, 'dorpsstraat');
    await waitForOptions(el, 5);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('option-0');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('option-1');
    expect(options(el)[1]?.getAttribute('aria-selected')).to.equal('true');
    expect(options(el)[0]?.getAttribute('aria-selected')).to.equal('false');
    const selected = nextSelect(el);
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.detail).to.deep.equal(VOORBEELDSTAD_12);
    expect(structuredClone(event.detail)).to.deep.equal(event.detail);
    const counts = await control('__count');
    expect(counts.lookup).to.equal(1);
    expect(counts.requests.find((r) => r.endpoint === 'lookup')?.query).to.contain(
      `id=${VOORBEELDSTAD_12.id}`,
    );
    const center = tm?.map.getView().getCenter() ?? [];
    expect(center[0]).to.be.closeTo(190038, 0.01);
    expect(center[1]).to.be.closeTo(448663, 0.01);
    // Zoomed in to about 75 m around an address (the map is 400 × 300 px).
    expect(tm?.map.getView().getResolution() ?? 0).to.be.below(1);
    expect(input(el).value).to.equal(VOORBEELDSTAD_12.label);
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
  });

  it('ArrowUp wraps to the last suggestion; Enter without an active one takes the first', async () => {
    const { el } = await mount();
    await typeInto(el, 'dorpsstraat');
    await waitForOptions(el, 5);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('option-4');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('option-0');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(input(el).selectionStart).to.equal(0);
    const selected = nextSelect(el);
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.id).to.equal('weg-7a1c0ba4e5e5a3f3e58d0a1fbd5b1e01');
  });

  it('centres a Web Mercator map on the chosen place', async () => {
    const { el, tm } = await mount({ crs: 'EPSG:3857' });
    await typeInto(el, 'dorpsstraat');
    await waitForOptions(el, 5);
    const selected = nextSelect(el);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await selected;
    const expected = toCrs([190038, 448663], 'EPSG:28992', 'EPSG:3857');
    const center = tm?.map.getView().getCenter() ?? [];
    expect(center[0]).to.be.closeTo(expected[0], 0.5);
    expect(center[1]).to.be.closeTo(expected[1], 0.5);
  });

  it('a mouse click on a suggestion chooses it', async () => {
    const { el } = await mount();
    await typeInto(el, 'dorpsstraat');
    const opts = await waitForOptions(el, 5);
    const rect = opts[1]?.getBoundingClientRect();
    if (!rect) throw new Error('no option');
    const selected = nextSelect(el);
    await sendMouse({
      type: 'click',
      position: [Math.round(rect.left + 20), Math.round(rect.top + rect.height / 2)],
    });
    expect((await selected).detail).to.deep.equal(VOORBEELDSTAD_12);
    // Focus stayed in the field.
    expect(el.shadowRoot?.activeElement).to.equal(input(el));
  });

  it('Escape closes the list and keeps the text; a second Escape clears the field', async () => {
    const { el } = await mount();
    await typeInto(el, 'dorpsstraat');
    await waitForOptions(el, 5);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'listbox')?.hidden).to.equal(true);
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(input(el).value).to.equal('dorpsstraat');
    // ArrowDown opens the same list again.
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('option-0');
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(options(el)).to.have.length(0);
  });

  it('aborts a stale search: a slow answer for "dorp" never replaces the one for "dorpsstraat"', async () => {
    await control('__delay?q=dorp&ms=800');
    const { el } = await mount();
    const fetches = watchFetches();
    const isDorp = (u: string): boolean => u.includes('q=dorp&') || u.endsWith('q=dorp');
    await typeInto(el, 'dorp');
    await until(() => el.shadowRoot?.querySelector('[part~="spinner"]') !== null, 'loading state');
    expect(part(el, 'search')?.dataset.state).to.equal('loading');
    await sendKeys({ type: 'sstraat' });
    await waitForOptions(el, 5);
    // The search for 'dorp' has ended (aborted, or answered late): only then can it be seen not
    // to replace the newer list.
    await fetches.ended(isDorp);
    await el.updateComplete;
    const labels = options(el).map((o) => o.querySelector('[part~="option-label"]')?.textContent);
    expect(labels).to.deep.equal([
      'Dorpsstraat, Lopik',
      'Dorpsstraat 12, 1234AB Voorbeeldstad',
      'Dorpsstraat, Ouderkerk aan den IJssel',
      'Dorpsstraat 3, 3411ND Lopik',
      'Dorpsstraat, Voorbeeldstad',
    ]);
    expect(fetches.aborted.some(isDorp)).to.equal(true);
    expect((await control('__count')).suggest).to.equal(2);
  });

  it('renders highlight markup as text: a malicious payload creates no elements', async () => {
    const { el } = await mount();
    await typeInto(el, 'kwaadaardig');
    const opts = await waitForOptions(el, 2);
    expect(el.shadowRoot?.querySelectorAll('img, script, b, i')).to.have.length(0);
    expect(document.querySelectorAll('img')).to.have.length(0);
    expect((window as { __naPwned?: boolean }).__naPwned).to.equal(undefined);
    expect(opts[0]?.textContent).to.contain('<img src=x onerror=alert(1)>');
    expect(opts[0]?.querySelector('mark')?.textContent).to.equal('Kwaadaardig');
    for (const mark of el.shadowRoot?.querySelectorAll('mark') ?? []) {
      expect(mark.children).to.have.length(0);
      expect(mark.attributes).to.have.length(0);
    }
    // Tag-like text other than <b> stays literal text; no element carries an event handler.
    expect(opts[1]?.textContent).to.contain('<b onclick="alert(2)">');
    expect(opts[1]?.textContent).to.contain('<script>window.__naPwned = true</script>');
    // No element was made from the payload, so nothing can run later either.
    expect(el.shadowRoot?.querySelectorAll('[onclick], [onerror]')).to.have.length(0);
  });

  it('shows a translated message when the service fails, and the next search works', async () => {
    const { el } = await mount();
    const errors: NaAddressErrorEvent[] = [];
    el.addEventListener('na-address-error', (e) => errors.push(e));
    await typeInto(el, 'fout');
    await until(() => part(el, 'error') !== null, 'error message');
    expect(part(el, 'error')?.textContent).to.contain('Zoeken lukt nu niet');
    expect(statusText(el)).to.contain('Zoeken lukt nu niet');
    expect(part(el, 'search')?.dataset.state).to.equal('error');
    expect(errors[0]?.detail.code).to.equal('suggest-failed');
    expect(options(el)).to.have.length(0);
    await noViolations(el, 'error state');
    input(el).select();
    await sendKeys({ type: 'dorpsstraat' });
    await waitForOptions(el, 5);
    expect(part(el, 'error')).to.equal(null);
  });

  it('a service outage (HTTP 500) and a failing lookup show messages; the widget keeps working', async () => {
    await control('__fail?endpoint=suggest&status=500&times=1');
    const { el } = await mount();
    await typeInto(el, 'dorpsstraat');
    await until(() => part(el, 'error') !== null, 'error message');
    expect(part(el, 'error')?.textContent).to.contain('HTTP 500');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 't' });
    await waitForOptions(el, 5);
    await control('__fail?endpoint=lookup&status=500&times=1');
    await sendKeys({ press: 'Enter' });
    await until(() => part(el, 'error') !== null, 'lookup error');
    expect(part(el, 'error')?.textContent).to.contain('Deze plek kon niet worden opgehaald');
  });

  it('says "Geen resultaten" when nothing matches', async () => {
    const { el } = await mount();
    await typeInto(el, 'nergenshuizen');
    await until(() => statusText(el) === 'Geen resultaten', 'no results');
    expect(part(el, 'message')?.textContent).to.contain('Geen resultaten');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
  });

  it('has no axe-core violations when empty and with the list open', async () => {
    const { el } = await mount();
    await noViolations(el, 'empty');
    await typeInto(el, 'dorpsstraat');
    await waitForOptions(el, 5);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await noViolations(el, 'open list');
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await mount({ lang: 'en' });
    expect(part(el, 'label')?.textContent).to.equal('Search for an address or place');
    expect(input(el).placeholder).to.contain('For example');
    await typeInto(el, 'dorpsstraat');
    await waitForOptions(el, 5);
    await until(() => statusText(el) === '5 suggestions', 'English status');
    expect(options(el)[0]?.querySelector('[part~="option-type"]')?.textContent).to.equal('street');
    input(el).select();
    await sendKeys({ type: 'fout' });
    await until(() => part(el, 'error') !== null, 'error');
    expect(part(el, 'error')?.textContent).to.contain('Searching does not work right now');
  });

  it('inherits the language of an ancestor and uses the placeholder attribute', async () => {
    const wrapper = document.createElement('div');
    wrapper.setAttribute('lang', 'en-GB');
    document.body.append(wrapper);
    cleanups.push(() => wrapper.remove());
    const el = document.createElement('na-address-search');
    el.setAttribute('placeholder', 'Straat en huisnummer');
    wrapper.append(el);
    await el.updateComplete;
    expect(part(el, 'label')?.textContent).to.equal('Search for an address or place');
    expect(input(el).placeholder).to.equal('Straat en huisnummer');
  });

  it('reverse: a click on the map shows the nearest address; nearestAddress() returns it', async () => {
    const { el, tm } = await mount({ reverse: true });
    if (!tm) throw new Error('no map');
    const nearest = part(el, 'nearest');
    expect(nearest?.getAttribute('aria-live')).to.equal('polite');
    realClick(tm.map, { x: 155010, y: 463010, crs: 'EPSG:28992' });
    await until(
      () => (part(el, 'nearest')?.textContent ?? '').includes('Dorpsstraat 14'),
      'nearest',
    );
    expect(part(el, 'nearest')?.textContent?.trim()).to.equal(
      'Dichtstbijzijnde adres: Dorpsstraat 14, 1234AB Voorbeeldstad (op 12 m)',
    );
    const counts = await control('__count');
    expect(counts.reverse).to.equal(1);
    const address = await el.nearestAddress({ x: 5.9, y: 52.0, crs: 'EPSG:4326' });
    expect(address).to.deep.equal({
      id: 'adr-4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9e',
      label: 'Dorpsstraat 14, 1234AB Voorbeeldstad',
      type: 'adres',
      distance: 12.3,
    });
  });

  it('reverse: the next click aborts the previous request; an error is shown as text', async () => {
    await control('__delay?endpoint=reverse&ms=600');
    const { el, tm } = await mount({ reverse: true });
    if (!tm) throw new Error('no map');
    const fetches = watchFetches();
    realClick(tm.map, { x: 155010, y: 463010, crs: 'EPSG:28992' });
    await until(() => (part(el, 'nearest')?.textContent ?? '').includes('Adres zoeken'), 'loading');
    await control('__fail?endpoint=reverse&status=500&times=1');
    await sleep(300);
    realClick(tm.map, { x: 155050, y: 463050, crs: 'EPSG:28992' });
    await until(
      () => (part(el, 'nearest')?.textContent ?? '').includes('kon niet worden opgehaald'),
      'reverse error',
      5000,
    );
    // The first (slow, successful) answer, once it has ended, must not overwrite the newer error.
    await fetches.ended((u) => u.includes('/reverse'));
    await el.updateComplete;
    expect(part(el, 'nearest')?.textContent).to.contain('kon niet worden opgehaald');
  });

  it('without reverse it adds no click listener; removing the element restores the map', async () => {
    const tm = makeMap();
    cleanups.push(() => tm.dispose());
    const before = listenerSnapshot(tm.map);
    const el = document.createElement('na-address-search');
    el.setAttribute('base-url', BASE);
    el.setAttribute('reverse', '');
    el.map = tm.map;
    document.body.append(el);
    await el.updateComplete;
    expect(listenerSnapshot(tm.map)['map:singleclick']).to.equal(
      (before['map:singleclick'] ?? 0) + 1,
    );
    el.reverse = false;
    await el.updateComplete;
    expect(listenerSnapshot(tm.map)).to.deep.equal(before);
    el.reverse = true;
    await el.updateComplete;
    // Select a place (the map moves), then remove the element.
    await typeInto(el, 'dorpsstraat');
    await waitForOptions(el, 5);
    const selected = nextSelect(el);
    await sendKeys({ press: 'Enter' });
    await selected;
    el.remove();
    expect(listenerSnapshot(tm.map)).to.deep.equal(before);
  });

  it('works without a map: the event still fires', async () => {
    const { el } = await mount({ map: false });
    await typeInto(el, 'dorpsstraat');
    await waitForOptions(el, 5);
    const selected = nextSelect(el);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail).to.deep.equal(VOORBEELDSTAD_12);
  });
});

describe('na-address-search in na-location-check', () => {
  async function mountCheck(
    attrs: Record<string, string> = {},
  ): Promise<{ lc: NaLocationCheck; tm: TestMap; search: NaAddressSearch | null }> {
    const tm = makeMap({ center: [192000, 445000] });
    tm.map.getView().setResolution(30);
    tm.map.renderSync();
    const lc = document.createElement('na-location-check');
    lc.setAttribute('sources', '/demo/data/sources.json');
    lc.setAttribute('search-base-url', BASE);
    for (const [k, v] of Object.entries(attrs)) lc.setAttribute(k, v);
    lc.map = tm.map;
    document.body.prepend(lc);
    cleanups.push(() => {
      lc.remove();
      tm.dispose();
    });
    await lc.updateComplete;
    const search = lc.shadowRoot?.querySelector('na-address-search') ?? null;
    await search?.updateComplete;
    return { lc, tm, search };
  }

  function lcPart(lc: NaLocationCheck, name: string): HTMLElement | null {
    return lc.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
  }

  function nextReport(lc: NaLocationCheck): Promise<NaReportReadyEvent> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no na-report-ready')), 8000);
      lc.addEventListener(
        'na-report-ready',
        (e) => {
          clearTimeout(timer);
          resolve(e);
        },
        { once: true },
      );
    });
  }

  it('renders the search at the top of the panel; choosing an address checks that place', async () => {
    const { lc, tm, search } = await mountCheck();
    if (!search) throw new Error('no na-address-search in the panel');
    expect(search.getAttribute('base-url')).to.equal(BASE);
    // The search comes before the toolbar in the panel.
    const panel = lcPart(lc, 'panel');
    const order = [...(panel?.children ?? [])].map((c) => c.getAttribute('part'));
    expect(order.indexOf('search')).to.be.below(order.indexOf('toolbar'));
    await noViolations(lc, 'location check with search');

    const selects: NaLocationSelectEvent[] = [];
    lc.addEventListener('na-location-select', (e) => selects.push(e));
    const ready = nextReport(lc);
    await typeInto(search, 'dorpsstraat');
    await waitForOptions(search, 5);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    const report = (await ready).detail;
    expect(selects).to.have.length(1);
    expect(selects[0]?.detail.origin).to.equal('search');
    expect(selects[0]?.detail.location).to.deep.equal(VOORBEELDSTAD_12.location);
    // The demo data has the Kruisberg stuwwal there (demo/data/locations.json "stuwwal-top").
    expect(report.landscape.zone?.code).to.equal('Sw1');
    const center = tm.map.getView().getCenter() ?? [];
    expect(center[0]).to.be.closeTo(190038, 0.01);
    expect(center[1]).to.be.closeTo(448663, 0.01);
    await lc.updateComplete;
    expect(lcPart(lc, 'address')?.textContent?.trim()).to.equal(
      'Adres: Dorpsstraat 12, 1234AB Voorbeeldstad',
    );
    // A chosen address needs no reverse geocoding.
    expect((await control('__count')).reverse).to.equal(0);
  });

  it('a map click shows the nearest address in the report header, without waiting for it', async () => {
    await control('__delay?endpoint=reverse&ms=700');
    const { lc, tm } = await mountCheck();
    const fetches = watchFetches();
    let ready = nextReport(lc);
    realClick(tm.map, { x: 192000, y: 445000, crs: 'EPSG:28992' });
    await ready;
    await lc.updateComplete;
    // The report is there before the (slow) address.
    expect(lcPart(lc, 'report')).to.not.equal(null);
    expect(lcPart(lc, 'address')).to.equal(null);
    // The next click aborts the first reverse request.
    ready = nextReport(lc);
    realClick(tm.map, { x: 192100, y: 445100, crs: 'EPSG:28992' });
    await ready;
    await until(() => lcPart(lc, 'address') !== null, 'address line', 5000);
    expect(lcPart(lc, 'address')?.textContent?.trim()).to.equal(
      'Dichtstbijzijnde adres: Dorpsstraat 14, 1234AB Voorbeeldstad (op 12 m)',
    );
    expect(fetches.aborted.filter((u) => u.includes('/locatieserver/reverse'))).to.have.length(1);
    const counts = await control('__count');
    expect(counts.reverse).to.equal(2);
    const last = new URLSearchParams(
      counts.requests.filter((r) => r.endpoint === 'reverse')[1]?.query ?? '',
    );
    expect(Number(last.get('X'))).to.be.closeTo(192100, 1);
    expect(Number(last.get('Y'))).to.be.closeTo(445100, 1);
  });

  it('no-search hides the search and asks for no address', async () => {
    const { lc, tm, search } = await mountCheck({ 'no-search': '' });
    expect(search).to.equal(null);
    const fetches = watchFetches();
    const ready = nextReport(lc);
    realClick(tm.map, { x: 192000, y: 445000, crs: 'EPSG:28992' });
    await ready;
    // A nearest-address request would start with the check (a map click shows the address
    // "without waiting for it"), so it would have been asked by the time the report is ready.
    expect(fetches.urls.filter((u) => u.includes('/reverse'))).to.deep.equal([]);
    expect((await control('__count')).reverse).to.equal(0);
    expect(lcPart(lc, 'address')).to.equal(null);
  });

  it('passes its language to the search', async () => {
    const { search } = await mountCheck({ lang: 'en' });
    if (!search) throw new Error('no search');
    expect(part(search, 'label')?.textContent).to.equal('Search for an address or place');
  });
});
