/**
 * The kansenkaart demo: a map in RD New, the kansenkaart layer and legend of Voorbeeldstad's
 * centre, and a click-through to the location check at the clicked point. Only wiring.
 */
import 'ol/ol.css';
import './demo.css';
import '../widgets/kansenkaart-layer/define.js';
import '../widgets/kansenkaart-legend/define.js';
import '../widgets/location-check/define.js';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { registerRd } from '../src/map/projection.js';
import type { KansenUnitInfo } from '../src/map/kansenkaart-layer.js';
import { exposeMap } from './test-hook.js';

registerRd();
const target = document.getElementById('map');
if (!target) throw new Error('Kansenkaart demo: #map is missing.');
target.tabIndex = 0;
const map = new OlMap({
  target,
  view: new View({ projection: 'EPSG:28992', center: [193000, 445000], resolution: 5 }),
});
exposeMap('kansenkaart', map);

document.querySelector('na-kansenkaart-layer')?.addEventListener('na-kansenkaart-select', (e) => {
  const { rd } = (e as CustomEvent<KansenUnitInfo>).detail;
  void document
    .querySelector('na-location-check')
    ?.check({ x: rd[0], y: rd[1], crs: 'EPSG:28992' });
});
