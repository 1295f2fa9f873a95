/**
 * A municipality's house style on the components, without touching them: the page loads the
 * NL Design System tokens of Gemeente Den Haag (`@gemeente-denhaag/design-tokens-components`, a
 * real municipal token package on npm) and maps the few tokens it names differently (theme.css).
 * The widgets' `--na-*` properties fall back to those NLDS tokens. Only wiring here.
 */
import 'ol/ol.css';
import '@gemeente-denhaag/design-tokens-components/dist/theme/index.css';
import './theme.css';
import '../widgets/location-check/define.js';
import '../widgets/zonering-layer/define.js';
import '../widgets/zonering-legend/define.js';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { registerRd } from '../src/map/projection.js';
import { loadDemoFeatures, offlineBaseLayer } from './layers.js';
import { exposeMap } from './test-hook.js';
import { labelZoomButtons, motionDuration } from '../src/map/ol-controls.js';
import { defaults as defaultInteractions } from 'ol/interaction/defaults.js';
import { texts } from './texts.js';

const target = document.querySelector<HTMLElement>('[data-map="theme"]');
if (!target) throw new Error('Theme demo: the map element is missing.');
target.tabIndex = 0;
const projection = registerRd();
const features = await loadDemoFeatures('./data/zonering.geojson', 'EPSG:28992');
const base = offlineBaseLayer(features);
const map = new OlMap({
  target,
  layers: [base],
  interactions: defaultInteractions({ zoomDuration: motionDuration(250) }),
  controls: defaultControls({ zoomOptions: { duration: motionDuration(250) } }),
  view: new View({ projection }),
});
// The page is Dutch: Dutch titles on OpenLayers' zoom buttons (#18).
labelZoomButtons(map, { zoomIn: texts.zoomIn?.nl ?? '', zoomOut: texts.zoomOut?.nl ?? '' });
const extent = base.getSource()?.getExtent();
if (extent)
  map.getView().fit(extent, { size: map.getSize() ?? [600, 400], padding: [24, 24, 24, 24] });
exposeMap('theme', map);
const layer = document.querySelector('na-zonering-layer');
const check = document.querySelector('na-location-check');
if (layer) layer.map = map;
if (check) check.map = map;
