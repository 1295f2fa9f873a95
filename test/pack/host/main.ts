// A host geoportal installed from the packed tarball: its own ol, the package's entries.
import 'ol/ol.css';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { defaultKnowledgeBase, zoneringSld, type LocalizedReport } from 'natuurlijke-alliantie';
import { registerRd } from 'natuurlijke-alliantie/map';
import 'natuurlijke-alliantie/zonering-layer';
import 'natuurlijke-alliantie/zonering-legend';
import { NaReportReadyEvent, type NaLocationCheck } from 'natuurlijke-alliantie/location-check';

declare global {
  interface Window {
    __host: {
      map: OlMap;
      zones: number;
      sldBytes: number;
      reports: LocalizedReport[];
      worker?: unknown;
      widgets?: string[];
    };
  }
}

const map = new OlMap({
  target: 'map',
  view: new View({ projection: registerRd(), center: [192000, 445000], resolution: 12 }),
});
const kb = defaultKnowledgeBase();
window.__host = { map, zones: kb.zones.length, sldBytes: zoneringSld(kb).length, reports: [] };

const layer = document.querySelector('na-zonering-layer');
const check = document.querySelector<NaLocationCheck>('na-location-check');
if (!layer || !check) throw new Error('elements missing');
layer.map = map;
check.map = map;
check.addEventListener('na-report-ready', (e) => {
  if (e instanceof NaReportReadyEvent) window.__host.reports.push(e.detail);
});

// The core entry in a module worker (no DOM there).
const worker = new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module' });
worker.addEventListener('message', (e: MessageEvent) => {
  window.__host.worker = e.data;
});
worker.addEventListener('error', (e) => {
  window.__host.worker = { error: e.message };
});

// Every element, through the all-in-one entry (registers the rest).
void import('natuurlijke-alliantie/widgets').then(() => {
  window.__host.widgets = [
    'na-location-check',
    'na-zonering-layer',
    'na-zonering-legend',
    'na-address-search',
    'na-scenario-compare',
  ].filter((t) => customElements.get(t) !== undefined);
});
