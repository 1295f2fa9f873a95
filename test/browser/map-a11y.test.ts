/**
 * The map for keyboard and screen-reader users (issue #18): a focus ring that is visible above the
 * OpenLayers viewport, announcements after every keyboard pan and zoom (also when the centre
 * leaves the data, and in the crosshair mode of the location check), and a crosshair that survives
 * forced colours. Real Chromium, real keys (sendKeys), real painted pixels (na-screenshot).
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type OlMap from 'ol/Map.js';
import { createOlViewer } from '../../src/map/ol-viewer.js';
import '../../widgets/location-check/define.js';
import type { NaLocationCheck } from '../../widgets/location-check/location-check.js';
import '../../widgets/zonering-layer/define.js';
import type { NaZoneringLayer } from '../../widgets/zonering-layer/zonering-layer.js';
import { centreOn, makeMap, until, type TestMap } from './helpers/map.js';
import { channelDistance, paintedPixels, pixel } from './helpers/pixels.js';
import { axeViolations, demoSource, PLACES, rendered } from './zonering-helpers.js';

const FOCUS: [number, number, number] = [213, 43, 30];

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function map(options: Parameters<typeof makeMap>[0] = {}): TestMap {
  const t = makeMap({ width: 400, height: 300, center: [192000, 445000], ...options });
  cleanups.push(() => t.dispose());
  return t;
}

async function zonering(m: OlMap): Promise<NaZoneringLayer> {
  const el = document.createElement('na-zonering-layer');
  el.source = await demoSource();
  el.map = m;
  document.body.append(el);
  cleanups.push(() => el.remove());
  await el.whenLoaded();
  return el;
}

/** A button placed before the map, to reach the map with a real Tab. */
function buttonBefore(target: HTMLElement): HTMLButtonElement {
  const b = document.createElement('button');
  b.textContent = 'before the map';
  target.before(b);
  cleanups.push(() => b.remove());
  return b;
}

function announcement(el: NaZoneringLayer): string {
  return (el.shadowRoot?.querySelector('[part~="announcement"]')?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .trim();
}

/** The share of pixels 1 px inside the element's edge that have the focus colour. */
async function ringShare(target: HTMLElement): Promise<number> {
  const rect = target.getBoundingClientRect();
  const data = await paintedPixels(rect);
  const w = data.width;
  const h = data.height;
  const points: Array<[number, number]> = [];
  for (let x = 0; x < w; x += 4) points.push([x, 1], [x, h - 2]);
  for (let y = 0; y < h; y += 4) points.push([1, y], [w - 2, y]);
  const hits = points.filter(([x, y]) => channelDistance(pixel(data, x, y), FOCUS) <= 40);
  return hits.length / points.length;
}

describe('the map focus ring', () => {
  it('is painted above the map canvas on every edge when a zone fills the map', async () => {
    // The demo's own rule: an outline inside the element, which the viewport covers.
    const style = document.createElement('style');
    style.textContent = `.host-map:focus-visible { outline: 3px solid rgb(${FOCUS.join(',')}); outline-offset: -3px; }
      .host-map { --na-focus-outline: rgb(${FOCUS.join(',')}); }`;
    document.head.append(style);
    cleanups.push(() => style.remove());
    const { map: m, target } = map();
    target.classList.add('host-map');
    m.getView().setResolution(1);
    centreOn(m, PLACES.dekzandrug.rd);
    await zonering(m);
    await rendered(m);
    const before = buttonBefore(target);
    before.focus();
    expect(await ringShare(target)).to.be.below(0.05);
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(target);
    await rendered(m);
    expect(await ringShare(target)).to.be.above(0.95);
    // Clicked with the mouse (no :focus-visible) or left: no ring.
    before.focus();
    expect(await ringShare(target)).to.be.below(0.05);
  });
});

describe('announcements of the focused map', () => {
  it('announces every keyboard pan and zoom with the zone at the centre', async () => {
    const { map: m, target } = map({ width: 500, height: 500 });
    m.getView().setResolution(2);
    centreOn(m, PLACES.dekzandrug.rd);
    const el = await zonering(m);
    await rendered(m);
    buttonBefore(target).focus();
    await sendKeys({ press: 'Tab' });
    await until(() => announcement(el) !== '', 'the announcement on focus');
    expect(announcement(el)).to.equal('Midden van de kaart: Dekzandrug (Dz1)');
    const steps: Array<[string, RegExp]> = [
      ['ArrowUp', /^Kaart naar het noorden verschoven\. Midden van de kaart: /],
      ['ArrowUp', /^Kaart naar het noorden verschoven\. Midden van de kaart: /],
      ['ArrowRight', /^Kaart naar het oosten verschoven\. Midden van de kaart: /],
      ['ArrowDown', /^Kaart naar het zuiden verschoven\. Midden van de kaart: /],
      ['ArrowLeft', /^Kaart naar het westen verschoven\. Midden van de kaart: /],
      ['ArrowLeft', /^Kaart naar het westen verschoven\. Midden van de kaart: /],
      ['NumpadAdd', /^Ingezoomd\. Midden van de kaart: /],
      ['NumpadSubtract', /^Uitgezoomd\. Midden van de kaart: /],
    ];
    const live = el.shadowRoot?.querySelector('[part~="announcement"]');
    for (const [key, expected] of steps) {
      const raw = live?.textContent;
      const centre = m.getView().getCenter()?.join(',');
      const resolution = m.getView().getResolution();
      await sendKeys({ press: key });
      // The view really moved, and the live region changed (so it is read again) and says so.
      await until(
        () =>
          (m.getView().getCenter()?.join(',') !== centre ||
            m.getView().getResolution() !== resolution) &&
          live?.textContent !== raw &&
          expected.test(announcement(el)),
        `the announcement after ${key} (now "${announcement(el)}")`,
      );
      expect(announcement(el)).to.match(/\((Dz\d|[A-Z][a-z]\d+|[A-Z])\)$|geen zone$/);
    }
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('says "geen zone" when the centre leaves the data, and the tooltip hides', async () => {
    const { map: m, target } = map();
    m.getView().setResolution(2);
    // Just inside the eastern edge of the demo data (x 187000–197000).
    centreOn(m, [196900, 445000]);
    const el = await zonering(m);
    await rendered(m);
    buttonBefore(target).focus();
    await sendKeys({ press: 'Tab' });
    await until(() => /^Midden van de kaart: .+ \(.+\)$/.test(announcement(el)), 'a zone on focus');
    await sendKeys({ press: 'ArrowRight' });
    await until(
      () => announcement(el) === 'Kaart naar het oosten verschoven. Midden van de kaart: geen zone',
      `"geen zone" (now "${announcement(el)}")`,
    );
    // In English after the language switch, without the Dutch text left behind.
    el.lang = 'en';
    await el.updateComplete;
    expect(announcement(el)).to.equal('');
    await sendKeys({ press: 'ArrowLeft' });
    await until(
      () => /^Map moved west\. Centre of the map: .+ \(.+\)$/.test(announcement(el)),
      `the English announcement (now "${announcement(el)}")`,
    );
  });

  it('announces the pans of the location check keyboard mode (crosshair) too', async () => {
    const { map: m } = map();
    m.getView().setResolution(2);
    centreOn(m, PLACES.dekzandrug.rd);
    const layerEl = await zonering(m);
    const check = document.createElement('na-location-check') as NaLocationCheck;
    check.setAttribute('sources', '/demo/data/sources.json');
    check.map = m;
    document.body.append(check);
    cleanups.push(() => check.remove());
    await check.updateComplete;
    const toggle = () => check.shadowRoot?.querySelector<HTMLElement>('[part~="keyboard-toggle"]');
    await until(() => toggle() != null, 'the keyboard toggle');
    toggle()?.focus();
    await sendKeys({ press: 'Enter' });
    const pad = () => check.shadowRoot?.querySelector<HTMLElement>('[part~="keyboard-pad"]');
    await until(() => check.shadowRoot?.activeElement === pad(), 'focus on the pan control');
    await sendKeys({ press: 'ArrowUp' });
    await until(
      () =>
        /^Kaart naar het noorden verschoven\. Midden van de kaart: /.test(announcement(layerEl)),
      `the announcement in crosshair mode (now "${announcement(layerEl)}")`,
    );
    await sendKeys({ press: 'ArrowLeft' });
    await until(
      () => /^Kaart naar het westen verschoven\. /.test(announcement(layerEl)),
      `the second announcement (now "${announcement(layerEl)}")`,
    );
  });
});

describe('the keyboard-mode crosshair', () => {
  async function crosshairContrast(m: OlMap): Promise<number> {
    const cross = m.getViewport()?.querySelector<HTMLElement>('.na-crosshair');
    if (!cross) throw new Error('no crosshair');
    const data = await paintedPixels(cross.getBoundingClientRect());
    // Centre column of the vertical bar against a corner of the crosshair box (the background).
    const bar = pixel(data, Math.floor(data.width / 2), 6);
    const background = pixel(data, 2, 2);
    return channelDistance(bar, background);
  }

  it('stays visible in forced colours (Windows high contrast)', async () => {
    const { map: m } = map();
    const viewer = createOlViewer(m);
    cleanups.push(() => viewer.destroy());
    viewer.addCrosshair();
    m.renderSync();
    expect(await crosshairContrast(m)).to.be.above(80);
    await executeServerCommand('na-emulate-media', { colorScheme: '', forcedColors: 'active' });
    cleanups.push(async () => {
      await executeServerCommand('na-emulate-media', { colorScheme: '', forcedColors: '' });
    });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    expect(await crosshairContrast(m)).to.be.above(80);
  });
});
