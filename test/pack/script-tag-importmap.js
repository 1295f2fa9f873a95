// The page's own OpenLayers (through the import map) and the bundle with ol external.
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { loadRd, rdTileGrid } from '/bundle/natuurlijke-alliantie.js';

const map = new OlMap({
  target: 'map',
  view: new View({
    // The page's ol does not know EPSG:28992: loadRd() loads proj4 (a chunk) and registers it.
    projection: await loadRd(),
    center: [192000, 445000],
    resolutions: rdTileGrid().getResolutions(),
    zoom: 8,
  }),
});
document.querySelector('na-zonering-layer').map = map;
document.querySelector('na-location-check').map = map;
window.__page = { map, reports: [], OlMap };
document.addEventListener('na-report-ready', (e) => window.__page.reports.push(e.detail));
