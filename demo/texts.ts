/**
 * The demo pages' own texts (not the widgets': they translate themselves). Keys are used in the
 * pages as `data-i18n="key"` (text content) and `data-i18n-aria-label="key"` (aria-label).
 */
export type DemoLang = 'nl' | 'en';

export const texts: Record<string, Record<DemoLang, string>> = {
  siteTitle: { nl: 'Geoportaal', en: 'Geoportal' },
  skipToPanel: {
    nl: 'Naar het paneel met de locatiecheck',
    en: 'Skip to the location check panel',
  },
  skipToContent: { nl: 'Naar de inhoud', en: 'Skip to content' },
  navLabel: { nl: "Demopagina's", en: 'Demo pages' },
  navPortal: { nl: 'Geoportaal', en: 'Geoportal' },
  navEmbed: { nl: 'In een bestaande kaart', en: 'In an existing map' },
  navTwoMaps: { nl: 'Twee kaarten', en: 'Two maps' },
  navScenarios: { nl: "Scenario's", en: 'Scenarios' },
  navLand: { nl: 'Heel Nederland', en: 'Whole country' },
  banner: {
    nl: 'Illustratieve demodata — geen echte gegevens',
    en: 'Illustrative demo data — not real data',
  },
  mapHeading: { nl: 'Kaart', en: 'Map' },
  mapLabel: {
    nl: 'Kaart van Voorbeeldstad. Pijltjestoetsen verschuiven de kaart, plus en min zoomen; de zone in het midden wordt voorgelezen. Klik op een plek of gebruik de knop Toetsenbord voor de locatiecheck.',
    en: 'Map of Voorbeeldstad. Arrow keys move the map, plus and minus zoom; the zone in the centre is read out. Click a place or use the Keyboard button for the location check.',
  },
  zoomIn: { nl: 'Inzoomen', en: 'Zoom in' },
  zoomOut: { nl: 'Uitzoomen', en: 'Zoom out' },
  panelLabel: { nl: 'Paneel', en: 'Panel' },
  panelTitle: { nl: 'Landschap en locatiecheck', en: 'Landscape and location check' },
  panelHide: { nl: 'Paneel verbergen', en: 'Hide panel' },
  panelShow: { nl: 'Paneel tonen', en: 'Show panel' },
  settingsTitle: { nl: 'Instellingen', en: 'Settings' },
  baseMapLegend: { nl: 'Achtergrondkaart', en: 'Base map' },
  pdokLabel: { nl: 'Achtergrondkaart PDOK (online)', en: 'PDOK base map (online)' },
  pdokHint: {
    nl: 'Zonder deze instelling toont de kaart een eenvoudige ondergrond uit de demodata (grijs naar hoogte); zo werkt de demo ook zonder internet.',
    en: 'Without this setting the map shows a simple base drawn from the demo data (grey by elevation), so the demo also works offline.',
  },
  attribution: {
    nl: 'Kaartgegevens: illustratieve demodata Voorbeeldstad. Achtergrondkaart (indien aan): BRT-Achtergrondkaart, Kadaster / PDOK, CC BY 4.0.',
    en: 'Map data: illustrative Voorbeeldstad demo data. Base map (when on): BRT-Achtergrondkaart, Kadaster / PDOK, CC BY 4.0.',
  },
  embedTitle: {
    nl: 'De componenten in een bestaand geoportaal',
    en: 'The components in an existing geoportal',
  },
  embedIntro: {
    nl: 'Deze kaart is gemaakt door de eigen code van een geoportaal (eigen lagen en knoppen). Een GIS-team voegt de zonering, de legenda en de locatiecheck toe met een paar regels HTML en JavaScript.',
    en: "This map is made by a geoportal's own code (its own layers and controls). A GIS team adds the zonering, the legend and the location check with a few lines of HTML and JavaScript.",
  },
  embedMapLabel: {
    nl: 'Kaart van het bestaande geoportaal. Pijltjestoetsen verschuiven de kaart, plus en min zoomen; de zone in het midden wordt voorgelezen. Klik op een plek of gebruik de knop Toetsenbord voor de locatiecheck.',
    en: 'Map of the existing geoportal. Arrow keys move the map, plus and minus zoom; the zone in the centre is read out. Click a place or use the Keyboard button for the location check.',
  },
  twoMapsTitle: { nl: 'Twee kaarten op één pagina', en: 'Two maps on one page' },
  twoMapsIntro: {
    nl: 'Twee kaarten, elk met een eigen zonering en locatiecheck: links in RD (EPSG:28992), rechts in Web Mercator (EPSG:3857). Een klik op de ene kaart verandert de andere niet.',
    en: 'Two maps, each with its own zonering and location check: left in RD (EPSG:28992), right in Web Mercator (EPSG:3857). A click on one map leaves the other unchanged.',
  },
  mapRdTitle: { nl: 'Kaart in RD (EPSG:28992)', en: 'Map in RD (EPSG:28992)' },
  mapRdShort: { nl: 'kaart in RD', en: 'map in RD' },
  mapWebShort: { nl: 'kaart in Web Mercator', en: 'map in Web Mercator' },
  mapWebTitle: { nl: 'Kaart in Web Mercator (EPSG:3857)', en: 'Map in Web Mercator (EPSG:3857)' },
  mapRdLabel: {
    nl: 'Kaart in RD. Pijltjestoetsen verschuiven de kaart, plus en min zoomen; de zone in het midden wordt voorgelezen. Klik op een plek of gebruik de knop Toetsenbord voor de locatiecheck.',
    en: 'Map in RD. Arrow keys move the map, plus and minus zoom; the zone in the centre is read out. Click a place or use the Keyboard button for the location check.',
  },
  mapWebLabel: {
    nl: 'Kaart in Web Mercator. Pijltjestoetsen verschuiven de kaart, plus en min zoomen; de zone in het midden wordt voorgelezen. Klik op een plek of gebruik de knop Toetsenbord voor de locatiecheck.',
    en: 'Map in Web Mercator. Arrow keys move the map, plus and minus zoom; the zone in the centre is read out. Click a place or use the Keyboard button for the location check.',
  },
  hostLayerTitle: { nl: 'Speelplekken (eigen laag)', en: 'Playgrounds (own layer)' },
};
