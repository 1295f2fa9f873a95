/**
 * The main use case: an existing OpenLayers geoportal, made by its own code, to which a GIS team
 * adds the components with a few lines of HTML (see embed.html) and JavaScript (at the end).
 */
import 'ol/ol.css';
import './demo.css';
import { initShell, registerMap } from './shell.js';
import { motionDuration } from '../src/map/ol-controls.js';
import { defaults as defaultInteractions } from 'ol/interaction/defaults.js';
import { exposeMap } from './test-hook.js';

// ================================================================================================
// 1. The existing geoportal: its own projection set-up, base layer, data layer and controls.
//    Nothing here knows about natuurlijke-alliantie.
// ================================================================================================
import Feature from 'ol/Feature.js';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import MousePosition from 'ol/control/MousePosition.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { createStringXY } from 'ol/coordinate.js';
import Point from 'ol/geom/Point.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import { get as getProjection } from 'ol/proj.js';
import { register } from 'ol/proj/proj4.js';
import TileDebug from 'ol/source/TileDebug.js';
import VectorSource from 'ol/source/Vector.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import WMTSTileGrid from 'ol/tilegrid/WMTS.js';
import proj4 from 'proj4';

initShell();

// The portal's own RD New definition (as most Dutch geoportals have it).
proj4.defs(
  'EPSG:28992',
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs',
);
register(proj4);
const rd = getProjection('EPSG:28992');
if (!rd) throw new Error('EPSG:28992 is not registered.');
rd.setExtent([-285401.92, 22598.08, 595401.92, 903401.92]);

// Its base layer: here a placeholder that draws the RD tile grid (a real portal shows PDOK tiles).
const resolutions = Array.from({ length: 15 }, (_, z) => 3440.64 / 2 ** z);
const tileGrid = new WMTSTileGrid({
  origin: [-285401.92, 903401.92],
  resolutions,
  matrixIds: resolutions.map((_, z) => String(z)),
  tileSize: 256,
});
const baseLayer = new TileLayer({
  className: 'host-base',
  source: new TileDebug({ projection: rd, tileGrid, template: 'z{z} x{x} y{y}', color: '#9aa9b5' }),
});

// Its own data layer: a few (illustrative) playgrounds, drawn above everything else.
const playgrounds = new VectorLayer({
  className: 'host-playgrounds',
  zIndex: 10,
  properties: { title: 'Speelplekken' },
  source: new VectorSource({
    features: [
      [191200, 446900],
      [193900, 445600],
      [189400, 443300],
      [195600, 446400],
    ].map(([x, y]) => new Feature({ geometry: new Point([x ?? 0, y ?? 0]) })),
  }),
  style: new Style({
    image: new CircleStyle({
      radius: 6,
      fill: new Fill({ color: '#7a2e8e' }),
      stroke: new Stroke({ color: '#ffffff', width: 2 }),
    }),
  }),
});

const target = document.querySelector<HTMLElement>('[data-map="host"]');
if (!target) throw new Error('The geoportal has no map element.');
target.tabIndex = 0;
const map = new OlMap({
  target,
  layers: [baseLayer, playgrounds],
  interactions: defaultInteractions({ zoomDuration: motionDuration(250) }),
  controls: defaultControls({ zoomOptions: { duration: motionDuration(250) } }).extend([
    new ScaleLine({ units: 'metric' }),
    new MousePosition({ projection: rd, coordinateFormat: createStringXY(0) }),
  ]),
  view: new View({ projection: rd, resolutions, center: [192000, 445000], zoom: 8 }),
});
exposeMap('host', map); // for the end-to-end tests only
registerMap(map);

// ================================================================================================
// 2. The few lines a GIS team adds (JavaScript): register the elements, hand them the map.
//    (The HTML part is in embed.html: <na-zonering-layer>, <na-location-check>, <na-zonering-legend>.)
//    Imports are hoisted, so the elements are defined before part 1 runs; they wait for `.map`.
// ================================================================================================
import '../widgets/location-check/define.js';
import '../widgets/zonering-layer/define.js';
import '../widgets/zonering-legend/define.js';

for (const el of document.querySelectorAll('na-zonering-layer')) el.map = map;
for (const el of document.querySelectorAll('na-location-check')) el.map = map;
