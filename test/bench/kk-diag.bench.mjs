// Temporary diagnostic (not committed): long animation frames with script attribution.
import { chromium } from 'playwright-core';
import { startDemoServer } from '../../scripts/demo-server.mjs';
export default async function diag(context) {
  const server = await startDemoServer({ port: 0, quiet: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}kansenkaart.html`);
    await page.waitForFunction(() => document.querySelector('na-kansenkaart-layer')?.state === 'ready', null, { timeout: 60000 });
    for (const area of ['view', 'coverage']) {
      const out = await page.evaluate(async (area) => {
        const frames = [];
        const tasks = [];
        const o1 = new PerformanceObserver((l) => { for (const e of l.getEntries()) frames.push({ d: Math.round(e.duration), block: Math.round(e.blockingDuration), render: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0), style: Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0), scripts: e.scripts.map((s) => `${s.invoker} ${s.sourceFunctionName} ${s.sourceURL.split('/').pop()}:${s.sourceCharPosition} ${Math.round(s.duration)}ms`) }); });
        o1.observe({ type: 'long-animation-frame' });
        const o2 = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(Math.round(e.duration)); });
        o2.observe({ type: 'longtask' });
        const el = document.createElement('na-kansenkaart-layer');
        el.map = window.__naDemo.maps.kansenkaart;
        el.setAttribute('sources', 'data/sources.json');
        el.setAttribute('area', area);
        document.body.append(el);
        while (el.state !== 'ready' && el.state !== 'error') await el.whenComputed();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)));
        o1.disconnect(); o2.disconnect();
        const map = window.__naDemo.maps.kansenkaart;
        const layers = map.getLayers().getArray().filter((l) => l.get('name') === 'na-kansenkaart');
        const times = [];
        for (let i = 0; i < 3; i++) {
          for (const l of layers) l.getSource().changed();
          let t0 = performance.now();
          map.renderSync();
          const full = performance.now() - t0;
          const src = layers[layers.length - 1].getSource();
          const ext = map.getView().calculateExtent(map.getSize());
          t0 = performance.now();
          const c = src.canvasFunction_(ext, map.getView().getResolution(), 1, [map.getSize()[0], map.getSize()[1]], null);
          const draw = performance.now() - t0;
          t0 = performance.now();
          c.getContext('2d').getImageData(0, 0, 1, 1);
          times.push({ full: Math.round(full), draw: Math.round(draw), flush: Math.round(performance.now() - t0), layers: layers.length, all: map.getLayers().getLength() });
        }
        el.remove();
        const m = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('kk-')).map((e) => `${e.name} ${Math.round(e.duration)}`);
        performance.clearMeasures();
        return { tasks, times };
      }, area);
      context.log(`${area}: ${JSON.stringify(out, null, 1)}`);
    }
  } finally { await browser.close(); await server.close(); }
}
