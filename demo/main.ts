/**
 * Geoportaal Voorbeeldstad: the demo page that `npm start` serves. An OpenLayers map in RD New
 * (EPSG:28992) with an offline base drawn from the demo data (and PDOK's BRT-Achtergrondkaart as an
 * online option), the zonering layer, its legend and the location check in the side panel.
 * Only wiring: every domain answer comes from the widgets and the core.
 */
import 'ol/ol.css';
import './demo.css';
import '../widgets/location-check/define.js';
import '../widgets/zonering-layer/define.js';
import '../widgets/zonering-legend/define.js';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { registerRd } from '../src/map/projection.js';
import { loadDemoFeatures, offlineBaseLayer, pdokBaseLayer } from './layers.js';
import { initShell, registerMap } from './shell.js';
import { motionDuration } from '../src/map/ol-controls.js';
import { defaults as defaultInteractions } from 'ol/interaction/defaults.js';
import { revealReportOnPhones } from './phone.js';
import { exposeMap } from './test-hook.js';

initShell();

const target = document.querySelector<HTMLElement>('[data-map="main"]');
const layerEl = document.querySelector('na-zonering-layer');
const legendEl = document.querySelector('na-zonering-legend');
const checkEl = document.querySelector('na-location-check');
const pdokToggle = document.querySelector<HTMLInputElement>('[data-setting="pdok"]');
if (!target || !layerEl || !legendEl || !checkEl || !pdokToggle) {
  throw new Error('Geoportaal demo: the page is missing the map or a widget.');
}

const projection = registerRd();
const pdok = pdokBaseLayer('grijs');
const map = new OlMap({
  target,
  layers: [pdok],
  interactions: defaultInteractions({ zoomDuration: motionDuration(250) }),
  controls: defaultControls({ zoomOptions: { duration: motionDuration(250) } }).extend([
    new ScaleLine({ units: 'metric' }),
  ]),
  // Centre of Voorbeeldstad until the data is loaded and the view is fitted to it.
  view: new View({ projection, center: [192000, 445000], zoom: 10, maxZoom: 16, minZoom: 3 }),
});
target.tabIndex = 0;
exposeMap('main', map);
registerMap(map);

pdokToggle.checked = false;
pdokToggle.addEventListener('change', () => pdok.setVisible(pdokToggle.checked));

// The offline base, under everything else; then the view fitted to the demo data.
try {
  const features = await loadDemoFeatures('./data/zonering.geojson', 'EPSG:28992');
  const base = offlineBaseLayer(features);
  map.getLayers().insertAt(0, base);
  const extent = base.getSource()?.getExtent();
  if (extent) map.getView().fit(extent, { padding: [16, 16, 16, 16] });
} catch (e) {
  // The widgets still work without the base (they load their own data and report their errors).
  console.warn('Geoportaal demo: the offline base map could not be loaded.', e);
}

// The widgets get the map once the view shows the data (a permalink then centres on its location).
layerEl.map = map;
legendEl.layer = layerEl;
checkEl.map = map;
revealReportOnPhones(checkEl, map);
