/**
 * The demo's OpenLayers zoom buttons (issue #18): WCAG 2.2 target size (2.5.8: at least 24 × 24 px,
 * or 24 px circles around their centres that do not overlap), the page's 3 px focus ring reached
 * with a real Tab, texts in the page's language, and no zoom animation under reduced motion.
 * Styled as on the demo pages: OpenLayers' own ol.css plus demo/demo.css.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { labelZoomButtons, motionDuration } from '../../src/map/ol-controls.js';
import { makeMap, type TestMap } from './helpers/map.js';
import { channelDistance, paintedPixels, pixel } from './helpers/pixels.js';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function stylesheet(href: string): Promise<void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  cleanups.push(() => link.remove());
  await loaded;
}

async function demoMap(): Promise<TestMap> {
  await stylesheet('/node_modules/ol/ol.css');
  await stylesheet('/demo/demo.css');
  const tm = makeMap({ width: 400, height: 300 });
  tm.target.className = 'map';
  cleanups.push(() => tm.dispose());
  tm.map.renderSync();
  return tm;
}

function buttons(tm: TestMap): [HTMLButtonElement, HTMLButtonElement] {
  const zoomIn = tm.target.querySelector<HTMLButtonElement>('.ol-zoom-in');
  const zoomOut = tm.target.querySelector<HTMLButtonElement>('.ol-zoom-out');
  if (!zoomIn || !zoomOut) throw new Error('no zoom buttons');
  return [zoomIn, zoomOut];
}

describe('the zoom buttons on the demo pages', () => {
  it('are at least 24 × 24 px, with centres at least 24 px apart (WCAG 2.2, 2.5.8)', async () => {
    const tm = await demoMap();
    const rects = buttons(tm).map((b) => b.getBoundingClientRect());
    for (const r of rects) {
      expect(r.width).to.be.at.least(24);
      expect(r.height).to.be.at.least(24);
    }
    const [a, b] = rects as [DOMRect, DOMRect];
    const distance = Math.hypot(
      a.x + a.width / 2 - (b.x + b.width / 2),
      a.y + a.height / 2 - (b.y + b.height / 2),
    );
    expect(distance).to.be.at.least(24);
  });

  it('show the page focus ring (3 px, painted) when reached with Tab', async () => {
    const tm = await demoMap();
    const [zoomIn] = buttons(tm);
    tm.target.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(zoomIn);
    const style = getComputedStyle(zoomIn);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(3);
    // The ring is painted: 2 px left of the button (outline-offset 1 px + 3 px ring).
    const r = zoomIn.getBoundingClientRect();
    const data = await paintedPixels({ x: r.x - 6, y: r.y, width: 6, height: r.height });
    const ring = pixel(data, 3, Math.floor(data.height / 2));
    expect(channelDistance(ring, [213, 43, 30])).to.be.at.most(30);
  });

  it('are titled and named in the page language', async () => {
    const tm = await demoMap();
    const [zoomIn, zoomOut] = buttons(tm);
    expect(zoomIn.title).to.equal('Zoom in');
    expect(labelZoomButtons(tm.map, { zoomIn: 'Inzoomen', zoomOut: 'Uitzoomen' })).to.equal(2);
    expect([zoomIn.title, zoomIn.getAttribute('aria-label')]).to.deep.equal([
      'Inzoomen',
      'Inzoomen',
    ]);
    expect([zoomOut.title, zoomOut.getAttribute('aria-label')]).to.deep.equal([
      'Uitzoomen',
      'Uitzoomen',
    ]);
  });

  it('zoom without animation when the user asks for reduced motion', async () => {
    expect(motionDuration(250)).to.equal(250);
    await emulateMedia({ reducedMotion: 'reduce' });
    cleanups.push(() => emulateMedia({ reducedMotion: 'no-preference' }));
    expect(motionDuration(250)).to.equal(0);
  });
});
