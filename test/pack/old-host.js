// The older host's own map, on its own OpenLayers 6 (nothing here knows about the library)…
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { VERSION } from 'ol/util.js';
// …and the elements from the self-contained bundle, with their own OpenLayers, on their own map.
import { createRdMap } from '/bundle/natuurlijke-alliantie.standalone.js';

const hostMap = new OlMap({
  target: 'host-map',
  layers: [
    new VectorLayer({
      source: new VectorSource({ features: [new Feature(new Point([650000, 6800000]))] }),
    }),
  ],
  view: new View({ center: [650000, 6800000], zoom: 9 }),
});

const map = await createRdMap(document.getElementById('map'), {
  center: [192000, 445000],
  zoom: 8,
});
document.querySelector('na-zonering-layer').map = map;
document.querySelector('na-location-check').map = map;
window.__page = { map, hostMap, hostOlVersion: VERSION, reports: [] };
document.addEventListener('na-report-ready', (e) => window.__page.reports.push(e.detail));
