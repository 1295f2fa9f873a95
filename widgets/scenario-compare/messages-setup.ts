/**
 * Texts of the first sections of `<na-scenario-compare>`: the empty state, loading scenarios,
 * drawing a new one and the map (Dutch default, English).
 * Part of the message table of `<na-scenario-compare>` (messages.ts).
 */
export const setupMessages = {
  // Empty state: what to do next
  stepsTitle: { nl: 'Zo begint u', en: 'How to start' },
  stepMapOk: { nl: 'Kaart gekoppeld.', en: 'Map connected.' },
  stepMapTodo: {
    nl: "Koppel een OpenLayers-kaart via .map om scenario's op de kaart te zien en te tekenen.",
    en: 'Connect an OpenLayers map via .map to see scenarios on the map and to draw them.',
  },
  stepSourcesOk: {
    nl: 'Bronnen gekoppeld ({count}): bodem, grondwater en zones.',
    en: 'Sources connected ({count}): soil, groundwater and zones.',
  },
  stepSourcesLoading: { nl: 'Bronnen laden…', en: 'Loading sources…' },
  stepSourcesTodo: {
    nl: 'Koppel bronnen via .sources of het attribuut sources (een sources.json). Zonder bronnen zijn bodem en grondwater onbekend.',
    en: 'Connect sources via .sources or the sources attribute (a sources.json). Without sources, soil and groundwater are unknown.',
  },
  stepSourcesError: {
    nl: 'De bronnen konden niet worden geladen: {message}',
    en: 'The sources could not be loaded: {message}',
  },
  stepScenariosTodo: {
    nl: "Laad twee of meer scenario's: sleep GeoJSON-bestanden hierheen, kies bestanden, geef een adres (URL) of teken een scenario op de kaart.",
    en: 'Load two or more scenarios: drop GeoJSON files here, choose files, give an address (URL) or draw a scenario on the map.',
  },
  stepScenariosOne: {
    nl: 'Eén scenario geladen. Laad er nog een om te vergelijken.',
    en: 'One scenario loaded. Load another one to compare.',
  },
  noSourcesNotice: {
    nl: 'Er zijn geen bronnen gekoppeld: bodem en grondwater zijn overal onbekend. De cijfers voor infiltratie en de toetsing aan het natuurlijk systeem zeggen dan weinig.',
    en: 'No sources are connected: soil and groundwater are unknown everywhere. The infiltration figures and the fit with the natural system then say little.',
  },

  // Loading
  loadTitle: { nl: "Scenario's laden", en: 'Load scenarios' },
  dropZone: {
    nl: 'Sleep GeoJSON-bestanden hierheen (zoals QGIS ze opslaat: in RD of in lengte- en breedtegraad).',
    en: 'Drop GeoJSON files here (as QGIS saves them: in RD or in longitude and latitude).',
  },
  chooseFiles: { nl: 'Kies bestanden', en: 'Choose files' },
  urlLabel: { nl: 'Adres (URL) van een GeoJSON-bestand', en: 'Address (URL) of a GeoJSON file' },
  urlLoad: { nl: 'Laden', en: 'Load' },
  loading: { nl: 'Laden…', en: 'Loading…' },
  loadedList: { nl: "Geladen scenario's", en: 'Loaded scenarios' },
  originFile: { nl: 'bestand {from}', en: 'file {from}' },
  originUrl: { nl: 'adres {from}', en: 'address {from}' },
  originDrawn: { nl: 'getekend', en: 'drawn' },
  originApi: { nl: 'toegevoegd', en: 'added' },
  featureCount: {
    nl: '{count, plural, one {# vlak} other {# vlakken}}',
    en: '{count, plural, one {# polygon} other {# polygons}}',
  },
  remove: { nl: 'Verwijderen', en: 'Remove' },
  removeNamed: { nl: '{name} verwijderen', en: 'Remove {name}' },
  downloadGeoJson: { nl: 'GeoJSON met toetsing', en: 'GeoJSON with assessment' },
  downloadGeoJsonNamed: {
    nl: 'Download {name} als GeoJSON met toetsing',
    en: 'Download {name} as GeoJSON with assessment',
  },
  errorsTitle: { nl: 'Niet geladen', en: 'Not loaded' },
  dismiss: { nl: 'Sluiten', en: 'Close' },
  dismissNamed: { nl: 'Melding over {file} sluiten', en: 'Close the message about {file}' },
  errorKept: {
    nl: "De andere scenario's blijven staan.",
    en: 'The other scenarios stay loaded.',
  },
  fileSyntax: {
    nl: '{file} is geen geldige JSON (regel {line}, kolom {column}). Controleer het bestand; de technische melding staat hieronder.',
    en: '{file} is not valid JSON (line {line}, column {column}). Check the file; the technical message is below.',
  },
  fileUnusable: {
    nl: '{file} kon niet als scenario worden gelezen. Controleer het bestand; de technische melding staat hieronder.',
    en: '{file} could not be read as a scenario. Check the file; the technical message is below.',
  },
  technicalDetail: {
    nl: 'Technische melding (voor de beheerder van de kaart)',
    en: 'Technical message (for the map administrator)',
  },
  loadFailed: {
    nl: '{file}: kon niet worden geladen ({why}).',
    en: '{file}: could not be loaded ({why}).',
  },
  readFailed: {
    nl: '{file}: kon niet worden gelezen ({why}).',
    en: '{file}: could not be read ({why}).',
  },
  loadFailedTechnical: {
    nl: '{file}: kon niet worden geladen. De technische melding staat hieronder.',
    en: '{file}: could not be loaded. The technical message is below.',
  },
  readFailedTechnical: {
    nl: '{file}: kon niet worden gelezen. De technische melding staat hieronder.',
    en: '{file}: could not be read. The technical message is below.',
  },
  mapFailed: {
    nl: "De kaartlagen van de scenario's konden niet worden geladen; herlaad de pagina om het opnieuw te proberen. De technische melding staat hieronder.",
    en: 'The map layers of the scenarios could not be loaded; reload the page to try again. The technical message is below.',
  },

  // Drawing
  drawTitle: { nl: 'Nieuw scenario tekenen', en: 'Draw a new scenario' },
  drawNoMap: {
    nl: 'Koppel een kaart (.map) om te tekenen.',
    en: 'Connect a map (.map) to draw.',
  },
  drawName: { nl: 'Naam van het scenario', en: 'Name of the scenario' },
  drawNameDefault: { nl: 'Getekend scenario', en: 'Drawn scenario' },
  drawType: { nl: 'Soort maatregel', en: 'Kind of measure' },
  drawStart: { nl: 'Begin met tekenen', en: 'Start drawing' },
  drawStop: { nl: 'Stop met tekenen', en: 'Stop drawing' },
  drawHelp: {
    nl: 'Klik op de kaart om punten te zetten; dubbelklik of klik op het eerste punt om het vlak af te ronden. Sleep een hoekpunt om het vlak te veranderen. Met het toetsenbord: verschuif de kaart met de pijltjestoetsen en kies "Punt in het midden van de kaart".',
    en: 'Click on the map to place points; double-click or click the first point to finish the polygon. Drag a vertex to change it. With the keyboard: move the map with the arrow keys and choose "Point at the centre of the map".',
  },
  drawAppend: { nl: 'Punt in het midden van de kaart', en: 'Point at the centre of the map' },
  drawFinish: { nl: 'Vlak afronden', en: 'Finish polygon' },
  drawAbort: { nl: 'Vlak annuleren', en: 'Cancel polygon' },
  drawUndo: { nl: 'Laatste vlak verwijderen', en: 'Remove last polygon' },
  drawAdd: {
    nl: 'Scenario toevoegen ({count, plural, one {# vlak} other {# vlakken}})',
    en: 'Add scenario ({count, plural, one {# polygon} other {# polygons}})',
  },
  drawCount: {
    nl: '{count, plural, one {# vlak} other {# vlakken}} getekend.',
    en: '{count, plural, one {# polygon} other {# polygons}} drawn.',
  },

  // Map
  mapTitle: { nl: 'Op de kaart', en: 'On the map' },
  mapLeft: { nl: 'Links (of alleen)', en: 'Left (or alone)' },
  mapRight: { nl: 'Rechts', en: 'Right' },
  mapSwipe: {
    nl: 'Twee scenario’s naast elkaar met een schuifbalk',
    en: 'Two scenarios side by side with a swipe bar',
  },
  swipePosition: { nl: 'Positie van de schuifbalk', en: 'Position of the swipe bar' },
  swipeHandle: { nl: 'Schuifbalk tussen de scenario’s', en: 'Swipe bar between the scenarios' },
  zoomTo: { nl: "Zoom naar de scenario's", en: 'Zoom to the scenarios' },
  legendTitle: { nl: 'Legenda', en: 'Legend' },
} as const;
