// The whole integration of a page without a bundler: one import of the standalone bundle.
import { createRdMap } from '/bundle/natuurlijke-alliantie.standalone.js';

const map = await createRdMap(document.getElementById('map'), {
  center: [192000, 445000],
  zoom: 8,
});
document.querySelector('na-zonering-layer').map = map;
document.querySelector('na-location-check').map = map;
window.__page = { map, reports: [] };
document.addEventListener('na-report-ready', (e) => window.__page.reports.push(e.detail));
