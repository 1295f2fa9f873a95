/**
 * Removing an element while it loads (issue #12): the request in flight is aborted, nothing
 * changes state afterwards, no error event fires and nothing is logged as an error. Each async
 * step is an `@lit/task` Task; the tests wait for that Task to settle (a signal), never sleep.
 * The network is real Chromium `fetch`, wrapped so that chosen URLs hang until their signal aborts.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/location-check/define.js';
import '../../widgets/zonering-layer/define.js';
import '../../widgets/address-search/define.js';
import type { NaLocationCheck } from '../../widgets/location-check/location-check.js';
import type { NaZoneringLayer } from '../../widgets/zonering-layer/zonering-layer.js';
import type { NaAddressSearch } from '../../widgets/address-search/address-search.js';
import type { FactSource, SourceResult } from '../../src/core/types.js';
import { makeMap, until, type TestMap } from './helpers/map.js';

/** A Task's promise of its current run (settles when that run ends, also by abort). */
type Settling = { taskComplete: Promise<unknown> };
function settled(task: Settling): Promise<void> {
  return task.taskComplete.then(
    () => undefined,
    () => undefined,
  );
}

const realFetch = window.fetch;
let hung: Array<{ url: string; signal: AbortSignal | undefined }> = [];
const logged: string[] = [];
const realError = console.error;
const realWarn = console.warn;
const onRejection = (e: PromiseRejectionEvent): void => {
  logged.push(`unhandled rejection: ${String(e.reason)}`);
};
let tm: TestMap | undefined;

/** Requests whose URL contains `part` hang until aborted; others go to the network. */
function hang(part: string): void {
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes(part)) return realFetch(input, init);
    const signal = init?.signal ?? undefined;
    hung.push({ url, signal });
    return new Promise<Response>((_resolve, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  };
}

beforeEach(() => {
  hung = [];
  logged.length = 0;
  console.error = (...args: unknown[]) => logged.push(`error: ${args.map(String).join(' ')}`);
  console.warn = (...args: unknown[]) => logged.push(`warn: ${args.map(String).join(' ')}`);
  window.addEventListener('unhandledrejection', onRejection);
  tm = makeMap({ center: [192000, 445000], width: 400, height: 300 });
});

afterEach(() => {
  window.fetch = realFetch;
  console.error = realError;
  console.warn = realWarn;
  window.removeEventListener('unhandledrejection', onRejection);
  tm?.dispose();
  tm = undefined;
});

/** What the panel shows apart from the map tools (those go with the viewer, released on removal). */
function shadowText(el: Element): string {
  const root = el.shadowRoot;
  const panel = root?.querySelector('[part~="panel"]');
  const body = root?.querySelector('[part~="loading"], [part~="message"], [part~="report"]');
  const text = body?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return `${panel?.getAttribute('data-state') ?? ''}|${panel?.getAttribute('aria-busy') ?? ''}|${text}`;
}

describe('removing an element mid-load', () => {
  it('na-location-check: the sources.json request is aborted; no state change, no error', async () => {
    hang('/hanging/sources.json');
    const el = document.createElement('na-location-check') as NaLocationCheck;
    const errors: string[] = [];
    el.addEventListener('na-report-error', (e) => errors.push(e.detail.code));
    el.setAttribute('sources', '/hanging/sources.json');
    el.map = tm!.map;
    document.body.append(el);
    await el.updateComplete;
    await until(() => hung.length === 1, 'the sources request');
    const before = { state: el.state, text: shadowText(el) };
    expect(shadowText(el)).to.contain('Bronnen laden');
    const task = (el as unknown as { _sources: { task: Settling } })._sources.task;
    const done = settled(task);
    el.remove();
    await done;
    await el.updateComplete;
    expect(hung[0]?.signal?.aborted).to.equal(true);
    expect({ state: el.state, text: shadowText(el) }).to.deep.equal(before);
    expect(errors).to.deep.equal([]);
    expect(logged).to.deep.equal([]);
  });

  it('na-location-check: a check in flight is aborted; check() gives null, no report, no error', async () => {
    const signals: AbortSignal[] = [];
    const hanging: FactSource = {
      id: 'hangt',
      title: 'Bron die niet antwoordt',
      provides: ['zone'],
      query: (_l, options) =>
        new Promise<SourceResult>((_resolve, reject) => {
          const signal = options?.signal;
          if (signal) signals.push(signal);
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        }),
    };
    const el = document.createElement('na-location-check') as NaLocationCheck;
    const events: string[] = [];
    el.addEventListener('na-report-ready', () => events.push('ready'));
    el.addEventListener('na-report-error', () => events.push('error'));
    el.sources = [hanging];
    el.map = tm!.map;
    document.body.append(el);
    await el.updateComplete;
    const result = el.check({ x: 192000, y: 445000, crs: 'EPSG:28992' });
    await until(() => signals.length === 1, 'the query');
    await el.updateComplete;
    expect(el.state).to.equal('loading');
    const before = shadowText(el);
    el.remove();
    expect(await result).to.equal(null);
    await el.updateComplete;
    expect(signals[0]?.aborted).to.equal(true);
    expect(el.state).to.equal('loading');
    expect(el.report).to.equal(null);
    expect(shadowText(el)).to.equal(before);
    expect(events).to.deep.equal([]);
    expect(logged).to.deep.equal([]);
  });

  it('na-zonering-layer: the src request is aborted; no state change, no error, no layer', async () => {
    hang('/hanging/zonering.geojson');
    const el = document.createElement('na-zonering-layer') as NaZoneringLayer;
    const errors: string[] = [];
    el.addEventListener('na-zonering-error', (e) => errors.push(e.detail.code));
    el.setAttribute('src', '/hanging/zonering.geojson');
    el.map = tm!.map;
    const layersBefore = tm!.map.getLayers().getLength();
    document.body.append(el);
    await el.updateComplete;
    await until(() => hung.length === 1, 'the zonering request');
    expect(el.state).to.equal('loading');
    // The ZoneringLoad of the element's binding: its taskComplete is the current load's.
    const task = (el as unknown as { _binding: { loads: Settling } })._binding.loads;
    const done = settled(task);
    el.remove();
    await done;
    await el.updateComplete;
    expect(hung[0]?.signal?.aborted).to.equal(true);
    expect(el.state).to.equal('loading');
    expect(errors).to.deep.equal([]);
    expect(tm!.map.getLayers().getLength()).to.equal(layersBefore);
    expect(logged).to.deep.equal([]);
  });

  it('na-address-search: the suggest request is aborted; no error event, no list', async () => {
    hang('/hanging-ls/');
    const el = document.createElement('na-address-search') as NaAddressSearch;
    const errors: string[] = [];
    el.addEventListener('na-address-error', (e) => errors.push(e.detail.code));
    el.setAttribute('base-url', '/hanging-ls/');
    el.setAttribute('debounce-ms', '0');
    document.body.append(el);
    await el.updateComplete;
    el.shadowRoot?.querySelector<HTMLInputElement>('[part~="input"]')?.focus();
    await sendKeys({ type: 'Arnhem' });
    await until(() => hung.length >= 1, 'the suggest request');
    // The element's SuggestController: its taskComplete is the current search's.
    const task = (el as unknown as { _suggest: Settling })._suggest;
    const done = settled(task);
    el.remove();
    await done;
    await el.updateComplete;
    expect(hung.every((h) => h.signal?.aborted === true)).to.equal(true);
    expect(el.suggestions).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    expect(logged).to.deep.equal([]);
  });
});
