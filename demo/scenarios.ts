/**
 * The scenario page: three design scenarios for the Heelsbeekwijk of Voorbeeldstad (the beekdal of
 * the Heelsbeek between two parts of a dekzandrug) compared with `<na-scenario-compare>` on a map.
 * The map is the page's own (offline base from the demo data); the element gets it as `.map` and
 * loads the sources and the scenarios from its attributes (see scenarios.html). Only wiring.
 */
import 'ol/ol.css';
import 'ol-ext/control/Swipe.css';
import './demo.css';
import './scenarios.css';
import '../widgets/scenario-compare/define.js';
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
import type { DemoLang } from './texts.js';

/** This page's own texts (the shared ones are in texts.ts). */
const pageTexts: Record<string, Record<DemoLang, string>> = {
  navScenarios: { nl: "Scenario's", en: 'Scenarios' },
  scenariosTitle: {
    nl: 'Drie ontwerpen voor de Heelsbeekwijk',
    en: 'Three designs for the Heelsbeekwijk',
  },
  scenariosIntro: {
    nl: 'De Heelsbeekwijk ligt op de overgang van een zandrug naar het beekdal van de Heelsbeek. Drie ontwerpen: de huidige inrichting, grijs (grotere riolen, meer verharding) en groenblauw (infiltreren op de zandrug, water bergen in het beekdal, groene daken, veel bomen). Schuif op de kaart tussen twee ontwerpen, of laad of teken een eigen scenario.',
    en: 'The Heelsbeekwijk lies where a sandy ridge meets the valley of the Heelsbeek brook. Three designs: today’s layout, grey (larger sewers, more paving) and green-blue (infiltrate on the ridge, store water in the valley, green roofs, many trees). Swipe between two designs on the map, or load or draw a scenario of your own.',
  },
  scenariosMapLabel: {
    nl: "Kaart van de Heelsbeekwijk met de scenario's",
    en: 'Map of the Heelsbeekwijk with the scenarios',
  },
};

function applyPageTexts(lang: DemoLang): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-sc-i18n]')) {
    const t = pageTexts[el.dataset.scI18n ?? ''];
    if (t) el.textContent = t[lang];
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-sc-i18n-aria-label]')) {
    const t = pageTexts[el.dataset.scI18nAriaLabel ?? ''];
    if (t) el.setAttribute('aria-label', t[lang]);
  }
}

document.addEventListener('demo-lang-change', (e) => {
  const lang = (e as CustomEvent<{ lang: DemoLang }>).detail.lang;
  applyPageTexts(lang === 'en' ? 'en' : 'nl');
});
initShell();
registerRd();

const target = document.querySelector<HTMLElement>('[data-map="scenarios"]');
if (!target) throw new Error('Scenario demo: the map element is missing.');
target.tabIndex = 0;
const map = new OlMap({
  target,
  interactions: defaultInteractions({ zoomDuration: motionDuration(250) }),
  controls: defaultControls({ zoomOptions: { duration: motionDuration(250) } }).extend([
    new ScaleLine({ units: 'metric' }),
  ]),
  // The Heelsbeekwijk; the element zooms to the scenarios once they are loaded.
  view: new View({ projection: 'EPSG:28992', center: [193740, 446080], resolution: 2 }),
});
exposeMap('scenarios', map);
registerMap(map);

const compare = document.querySelector('na-scenario-compare');
if (compare) compare.map = map;

const features = await loadDemoFeatures('./data/zonering.geojson', 'EPSG:28992');
map.getLayers().insertAt(0, offlineBaseLayer(features));

// Start the swipe with today's layout on the left and the green-blue design on the right.
compare?.addEventListener(
  'na-scenario-change',
  (e) => {
    const names = e.detail.names;
    const today = names.find((n) => n.startsWith('Huidige'));
    const green = names.find((n) => n.startsWith('Groenblauw'));
    if (today && green) compare.showOnMap(today, green);
  },
  { once: true },
);
