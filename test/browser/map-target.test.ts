/**
 * `map-target="#map"`: the elements find the host's ol/Map by the element it is rendered into
 * (widgets/shared/map-target.ts, src/map/map-target.ts), and say clearly when there is none.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../widgets/location-check/define.js';
import '../../widgets/zonering-layer/define.js';
import type { NaLocationCheck } from '../../widgets/location-check/location-check.js';
import type { NaZoneringLayer } from '../../widgets/zonering-layer/zonering-layer.js';
import { makeMap, type TestMap } from './helpers/map.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function element<T extends HTMLElement>(tag: string, attrs: Record<string, string>): T {
  const el = document.createElement(tag) as T;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  cleanups.push(() => el.remove());
  return el;
}

function map(id: string): TestMap {
  const tm = makeMap();
  tm.target.id = id;
  cleanups.push(() => tm.dispose());
  return tm;
}

const text = (el: HTMLElement): string => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('map-target', () => {
  it('finds a map created after the elements, and one that already exists', async () => {
    const check = element<NaLocationCheck>('na-location-check', { 'map-target': '#later' });
    const layer = element<NaZoneringLayer>('na-zonering-layer', { 'map-target': '#later' });
    await check.updateComplete;
    expect(check.map).to.equal(undefined);
    const tm = map('later');
    await waitUntil(() => check.map === tm.map && layer.map === tm.map, 'map not found');
    await check.updateComplete;
    expect(check.activeViewer).to.not.equal(undefined);
    expect(text(check)).to.not.contain('kaart gekoppeld');

    const other = map('earlier');
    const late = element<NaLocationCheck>('na-location-check', { 'map-target': '#earlier' });
    await waitUntil(() => late.map === other.map, 'existing map not found');
    expect(late.map).to.not.equal(tm.map);
  });

  it('an explicit .map wins over map-target', async () => {
    const a = map('map-a');
    const b = map('map-b');
    const check = element<NaLocationCheck>('na-location-check', {});
    check.map = b.map;
    check.setAttribute('map-target', '#map-a');
    await check.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    a.map.render();
    await new Promise((r) => requestAnimationFrame(r));
    expect(check.map).to.equal(b.map);
  });

  for (const [selector, setUp, nl, en] of [
    ['#nergens', () => undefined, 'Er is geen element #nergens', 'There is no element #nergens'],
    [
      '#leeg',
      () => {
        const div = document.createElement('div');
        div.id = 'leeg';
        document.body.append(div);
        cleanups.push(() => div.remove());
      },
      'In #leeg staat geen OpenLayers-kaart',
      'There is no OpenLayers map in #leeg',
    ],
    ['#1ongeldig[', () => undefined, 'geen geldige CSS-selector', 'not a valid CSS selector'],
  ] as const) {
    it(`says why there is no map for ${selector} (nl and en), in both elements`, async () => {
      setUp();
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
      cleanups.push(() => (console.warn = warn));
      const check = element<NaLocationCheck>('na-location-check', { 'map-target': selector });
      const layer = element<NaZoneringLayer>('na-zonering-layer', {
        'map-target': selector,
        lang: 'en',
      });
      await waitUntil(() => text(check).includes(nl), `no Dutch message: ${text(check)}`, {
        timeout: 8000,
      });
      await waitUntil(() => text(layer).includes(en), `no English message: ${text(layer)}`, {
        timeout: 8000,
      });
      expect(warnings.some((w) => w.includes(selector))).to.equal(true);
      check.lang = 'en';
      await check.updateComplete;
      expect(text(check)).to.contain(en);
      // The element keeps working: given a map, the message goes.
      const tm = map('gegeven');
      check.map = tm.map;
      await check.updateComplete;
      expect(text(check)).to.not.contain(en);
      expect(check.activeViewer).to.not.equal(undefined);
    });
  }
});
