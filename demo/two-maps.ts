/**
 * Two maps on one page, one in RD New (EPSG:28992) and one in Web Mercator (EPSG:3857), each with
 * its own `<na-zonering-layer>` and `<na-location-check>`. No ids: each card finds its own
 * elements, so the two never collide. Only wiring.
 */
import 'ol/ol.css';
import './demo.css';
import '../widgets/location-check/define.js';
import '../widgets/zonering-layer/define.js';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { registerRd } from '../src/map/projection.js';
import { loadDemoFeatures, offlineBaseLayer } from './layers.js';
import { initShell, registerMap } from './shell.js';
import { motionDuration } from '../src/map/ol-controls.js';
import { defaults as defaultInteractions } from 'ol/interaction/defaults.js';
import { exposeMap } from './test-hook.js';

initShell();
registerRd();

/** Builds the map of one card and hands it to the card's widgets. */
async function setUpCard(
  name: 'rd' | 'web',
  projection: 'EPSG:28992' | 'EPSG:3857',
): Promise<void> {
  const card = document.querySelector<HTMLElement>(`[data-card="${name}"]`);
  const target = card?.querySelector<HTMLElement>('[data-map]');
  if (!card || !target) throw new Error(`Two maps demo: card "${name}" is missing.`);
  target.tabIndex = 0;
  const features = await loadDemoFeatures('./data/zonering.geojson', projection);
  const base = offlineBaseLayer(features);
  const map = new OlMap({
    target,
    layers: [base],
    interactions: defaultInteractions({ zoomDuration: motionDuration(250) }),
    controls: defaultControls({ zoomOptions: { duration: motionDuration(250) } }).extend([
      new ScaleLine({ units: 'metric' }),
    ]),
    view: new View({ projection }),
  });
  const extent = base.getSource()?.getExtent();
  if (extent)
    map.getView().fit(extent, { size: map.getSize() ?? [600, 400], padding: [40, 40, 40, 40] });
  exposeMap(name, map);
  registerMap(map);
  const layer = card.querySelector('na-zonering-layer');
  const check = card.querySelector('na-location-check');
  if (layer) layer.map = map;
  if (check) check.map = map;
}

await Promise.all([setUpCard('rd', 'EPSG:28992'), setUpCard('web', 'EPSG:3857')]);
