/**
 * The layout recipes of docs/layout.md on one page: side panel, panel over the map (buttons) and,
 * below 40rem, the phone bottom sheet. The map is the page's own; the elements find it through
 * `map-target="#map"`. Only wiring.
 */
import 'ol/ol.css';
import './layouts.css';
import '../widgets/location-check/define.js';
import '../widgets/zonering-layer/define.js';
import '../widgets/zonering-legend/define.js';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { registerRd } from '../src/map/projection.js';
import { loadDemoFeatures, offlineBaseLayer } from './layers.js';
import { exposeMap } from './test-hook.js';
import { labelZoomButtons, motionDuration } from '../src/map/ol-controls.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { defaults as defaultInteractions } from 'ol/interaction/defaults.js';
import { texts } from './texts.js';

registerRd();

const layout = document.querySelector<HTMLElement>('.na-layout');
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-layout]')) {
  button.addEventListener('click', () => {
    const name = button.dataset.layout ?? 'side';
    layout?.classList.toggle('na-layout--side', name === 'side');
    layout?.classList.toggle('na-layout--over', name === 'over');
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-layout]')) {
      b.setAttribute('aria-pressed', String(b === button));
    }
  });
}

const features = await loadDemoFeatures('./data/zonering.geojson', 'EPSG:28992');
const base = offlineBaseLayer(features);
const map = new OlMap({
  target: 'map',
  layers: [base],
  interactions: defaultInteractions({ zoomDuration: motionDuration(250) }),
  controls: defaultControls({ zoomOptions: { duration: motionDuration(250) } }),
  view: new View({ projection: 'EPSG:28992' }),
});
// The page is Dutch: Dutch titles on OpenLayers' zoom buttons (#18).
labelZoomButtons(map, { zoomIn: texts.zoomIn?.nl ?? '', zoomOut: texts.zoomOut?.nl ?? '' });
const extent = base.getSource()?.getExtent();
if (extent)
  map.getView().fit(extent, { size: map.getSize() ?? [600, 400], padding: [40, 40, 40, 40] });
exposeMap('main', map);
