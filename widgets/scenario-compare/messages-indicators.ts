/**
 * The indicator labels of `<na-scenario-compare>`, their explanations (formula and source) and
 * the measure types (Dutch default, English).
 * Part of the message table of `<na-scenario-compare>` (messages.ts).
 */
export const indicatorMessages = {
  // Indicator labels
  row_area: { nl: 'Oppervlakte plangebied', en: 'Planning area' },
  row_paved: { nl: 'Verhard (daken en verharding)', en: 'Paved (roofs and paving)' },
  row_green: { nl: 'Groen', en: 'Green' },
  row_blue: { nl: 'Open water', en: 'Open water' },
  row_canopy: { nl: 'Boomkroon', en: 'Tree canopy' },
  row_storage: { nl: 'Berging', en: 'Storage' },
  row_storage_mm: { nl: 'Berging per m² plangebied', en: 'Storage per m² of planning area' },
  row_sewer: { nl: 'Capaciteit riool', en: 'Sewer capacity' },
  row_street_low: {
    nl: 'Water op de laagste plekken, bui {storm}, slechtste toekomst',
    en: 'Water at the low points, storm {storm}, worst future',
  },
  row_shade: { nl: 'Schaduw op het heetste uur', en: 'Shade at the hottest hour' },
  row_recharge_retained: {
    nl: 'Behouden grondwateraanvulling (t.o.v. onverhard)',
    en: 'Groundwater recharge kept (against unsealed)',
  },
  row_mean_pass: {
    nl: 'Gemiddeld gehaalde tests (Laplace, gewogen per gevaar)',
    en: 'Mean share of tests passed (Laplace, weighted per hazard)',
  },
  row_cost: { nl: 'Aanlegkosten (ruwe aanname)', en: 'Investment (rough assumption)' },
  row_upkeep: {
    nl: 'Beheerkosten per jaar (ruwe aanname)',
    en: 'Upkeep per year (rough assumption)',
  },
  hoverMeasure: {
    nl: '{type}, {area} m²\nBerging {storage} m³ · afstroming {runoff} m³ · infiltratie {infiltration} m³ (werkt: {works})\nKoeling {cooling} · kosten € {cost}\nNatuurlijk systeem: {verdict}. {reason}',
    en: '{type}, {area} m²\nStorage {storage} m³ · runoff {runoff} m³ · infiltration {infiltration} m³ (works: {works})\nCooling {cooling} · cost € {cost}\nNatural system: {verdict}. {reason}',
  },
  contribTitle: { nl: 'Wat elke maatregel bijdraagt', en: 'What each measure adds' },
  contribCaption: {
    nl: '{name}: per maatregel berging, afstroming (bui {storm}, nu), infiltratie, koeling, oordeel en kosten',
    en: '{name}: per measure storage, runoff (storm {storm}, today), infiltration, cooling, verdict and cost',
  },
  col_measure: { nl: 'Maatregel', en: 'Measure' },
  col_area: { nl: 'Oppervlak (m²)', en: 'Area (m²)' },
  col_storage: { nl: 'Berging (m³)', en: 'Storage (m³)' },
  col_runoff: { nl: 'Afstroming (m³)', en: 'Runoff (m³)' },
  col_infiltration: {
    nl: 'Infiltratie (m³, deel dat werkt)',
    en: 'Infiltration (m³, share that works)',
  },
  col_cooling: { nl: 'Koeling (0–1)', en: 'Cooling (0–1)' },
  col_verdict: { nl: 'Natuurlijk systeem', en: 'Natural system' },
  col_cost: { nl: 'Kosten (€, €/jaar)', en: 'Cost (€, €/year)' },
  row_runoff: {
    nl: 'Afstroming na berging, bui {storm}, nu',
    en: 'Runoff after storage, storm {storm}, today',
  },
  row_street_today: {
    nl: 'Water op straat, bui {storm}, nu',
    en: 'Water on the street, storm {storm}, today',
  },
  row_street_worst: {
    nl: 'Water op straat, bui {storm}, slechtste toekomst',
    en: 'Water on the street, storm {storm}, worst future',
  },
  row_infiltration_effective: { nl: 'Infiltratie die werkt', en: 'Infiltration that works' },
  row_infiltration_ineffective: {
    nl: 'Infiltratie die niet kan werken (klei, veen, hoog grondwater)',
    en: 'Infiltration that cannot work (clay, peat, shallow groundwater)',
  },
  row_infiltration_unknown: {
    nl: 'Infiltratie op onbekende ondergrond',
    en: 'Infiltration on unknown ground',
  },
  row_cooling: { nl: 'Koelend vermogen op een hete dag', en: 'Cooling capacity on a hot day' },
  row_cool_place: { nl: 'Binnen 300 m van een koele plek', en: 'Within 300 m of a cool place' },
  row_homes_cool_place: {
    nl: 'Woningen binnen 300 m van een koele plek',
    en: 'Homes within 300 m of a cool place',
  },
  row_recharge: { nl: 'Aanvulling van het grondwater', en: 'Groundwater recharge' },
  row_soil_unknown: { nl: 'Bodem onbekend', en: 'Soil unknown' },
  row_fit_score: {
    nl: 'Past bij het natuurlijk systeem (score)',
    en: 'Fits the natural system (score)',
  },
  row_fit_against: {
    nl: 'Maatregelen tegen het natuurlijk systeem in',
    en: 'Measures against the natural system',
  },
  row_domain: {
    nl: 'Toekomsten waarin alle stresstests slagen (domeincriterium van Starr)',
    en: 'Futures in which every stress test passes (Starr’s domain criterion)',
  },
  row_maximin: { nl: 'Slechtste klimaattoekomst (maximin)', en: 'Worst climate future (maximin)' },
  row_regret: { nl: 'Grootste spijt (minimax regret)', en: 'Largest regret (minimax regret)' },

  // Explanations: formula and source
  explain_area: {
    nl: 'Oppervlakte van het vlak "plangebied" in RD (m² ÷ 10.000). Zonder plangebied: de som van de vlakken die het gebied bedekken.',
    en: 'Area of the "plangebied" polygon in RD (m² ÷ 10,000). Without one: the sum of the polygons that cover the area.',
  },
  explain_fractions: {
    nl: 'Aandeel van het plangebied. Verhard = daken en verharding (ook waterdoorlatende); groen = gras, beplanting, wadi’s en groene daken; open water; boomkroon = kroonoppervlak van "bomen" ÷ plangebied. 3-30-300-regel: minstens {canopy} boomkroon per wijk (Konijnendijk 2021).',
    en: 'Share of the planning area. Paved = roofs and paving (also permeable); green = grass, planting, wadis and green roofs; open water; canopy = crown area of "bomen" ÷ planning area. 3-30-300 rule: at least {canopy} canopy per neighbourhood (Konijnendijk 2021).',
  },
  explain_storage: {
    nl: 'Berging = Σ bergingsdiepte × oppervlak (wadi {wadi} m, infiltratiekratten {crate} m, open water {water} m peilstijging) + eigen berging van groene daken ({roof} l/m²). Bronnen: riool.net (wadi 0,20–0,30 m), Amsterdamse definitie groen dak (2021).',
    en: 'Storage = Σ storage depth × area (wadi {wadi} m, infiltration crates {crate} m, open water {water} m level rise) + own storage of green roofs ({roof} l/m²). Sources: riool.net (wadi 0.20–0.30 m), Amsterdam green-roof definition (2021).',
  },
  explain_sewer: {
    nl: 'Wat het riool van aangesloten verharding en daken afvoert, in mm per uur; onverharde grond infiltreert minstens evenveel. Standaard {sewer} mm/uur, zoals de stresstest van de Klimaateffectatlas (riool en infiltratie 20 mm/uur); een scenario kan een eigen waarde opgeven (sewer_capacity_mm_h).',
    en: 'What the sewer carries off from connected paving and roofs, in mm per hour; unpaved ground infiltrates at least as much. Default {sewer} mm/h, as in the Klimaateffectatlas stress test (sewer and infiltration 20 mm/h); a scenario can set its own value (sewer_capacity_mm_h).',
  },
  explain_runoff: {
    nl: 'SCS-curvenummermethode (InVEST Urban Flood Risk Mitigation): S = 25400/CN − 254 mm; Q = (P − 0,2·S)² / (P + 0,8·S) als P > 0,2·S, anders 0. CN per soort maatregel en hydrologische bodemgroep A–D (TR-55, SWMM 5-handleiding); de bodemgroep volgt uit bodem en grondwatertrap onder elk vlak. Daarna gaat de berging eraf. Uitgedrukt in mm over het hele plangebied.',
    en: 'SCS curve number method (InVEST Urban Flood Risk Mitigation): S = 25400/CN − 254 mm; Q = (P − 0.2·S)² / (P + 0.8·S) if P > 0.2·S, else 0. CN per kind of measure and hydrologic soil group A–D (TR-55, SWMM 5 manual); the soil group follows from the soil and groundwater class under each polygon. Then the storage is subtracted. Expressed in mm over the whole planning area.',
  },
  explain_street: {
    nl: 'Per vlak: afstroming (TR-55) − verlies in de bui (riool {sewer} mm/uur op verharding en daken, infiltratie minstens zoveel op onverharde grond) × duur; van de som gaat de berging af. Gemiddeld = dat volume ÷ het plangebied; op de laagste plekken = dat volume ÷ de lage zones (beekdal, laagte) of een vast deel van het plangebied. Norm op de laagste plekken: hooguit {street} cm (aanname; werkafspraken en Landelijke Maatlat). De slechtste toekomst is de hoogste waarde over de KNMI’23-toekomsten.',
    en: 'Per polygon: runoff (TR-55) − loss during the storm (sewer {sewer} mm/h on paving and roofs, infiltration at least as much on unpaved ground) × duration; storage is taken off the sum. Mean = that volume ÷ the planning area; at the low points = that volume ÷ the low zones (stream valley, depression) or a fixed share of the planning area. Threshold at the low points: at most {street} cm (assumption; local agreements and the Landelijke Maatlat). The worst future is the highest value over the KNMI’23 futures.',
  },
  explain_infiltration: {
    nl: 'Berging van maatregelen die infiltreren (wadi, kratten, waterdoorlatende verharding), verdeeld naar het oordeel van de locatiecheck op die plek (zone, bodem, grondwatertrap, kwel): het werkt waar de locatiecheck infiltreren niet afraadt; het kan niet werken waar hij het afraadt (klei, veen, ondiep grondwater, kwel, natte laagte); onbekend waar bodem of grondwater onbekend is. Kratten bergen niets onder de GHG.',
    en: 'Storage of measures that infiltrate (wadi, crates, permeable paving), split by the location check’s judgement of the place (zone, soil, groundwater class, seepage): it works where the location check does not discourage infiltration; it cannot where it does (clay, peat, shallow groundwater, seepage, wet depression); unknown where the soil or groundwater is unknown. Crates store nothing below the GHG.',
  },
  explain_cooling: {
    nl: 'InVEST Urban Cooling: koelend vermogen CC = 0,6 · schaduw + 0,2 · albedo + 0,2 · verdamping (ETI), gemiddeld over een raster van {spacing} m; waar groen en water binnen {distance} m samen 2 ha halen, geldt het parkeffect (InVEST: gewogen gemiddelde van hun CC met afname e^(−d/{distance}), hoe het groen ook getekend is). Norm: minstens {cc} op een hete dag nu (aanname), hoger in warmere toekomsten, en {canopy} schaduw op het heetste uur (HvA).',
    en: 'InVEST Urban Cooling: cooling capacity CC = 0.6 · shade + 0.2 · albedo + 0.2 · evapotranspiration (ETI), averaged over a {spacing} m grid; where green and water within {distance} m add up to 2 ha, the park effect applies (InVEST: weighted mean of their CC with decay e^(−d/{distance}), however the green is drawn). Threshold: at least {cc} on a hot day today (assumption), higher in warmer futures, and {canopy} shade at the hottest hour (HvA).',
  },
  explain_cool_place: {
    nl: 'Aandeel van de rasterpunten (of van de woningen, met "homes") binnen 300 m van een koele plek: aaneengesloten groen, water of boomschaduw van minstens {size} m² met minstens {shade} schaduw. Richtlijn van de HvA (Kluck e.a. 2020) en de 3-30-300-regel.',
    en: 'Share of the grid points (or of the homes, with "homes") within 300 m of a cool place: connected green, water or tree shade of at least {size} m² with at least {shade} shade. Guideline of the HvA (Kluck et al. 2020) and the 3-30-300 rule.',
  },
  explain_recharge: {
    nl: 'Aanvulling van het grondwater in een jaar ({rain} mm neerslag): per soort maatregel en bodemgroep, plus het regenwater van daken en straten dat infiltrerende maatregelen opvangen waar infiltratie werkt. De droogtetoets vergelijkt dat met dezelfde grond onverhard (gras): minstens {recharge} behouden, maal de droogtefactor van de toekomst (aanname). De GLG-daling zelf kan het model niet voorspellen.',
    en: 'Groundwater recharge in a year ({rain} mm of rain): per kind of measure and soil group, plus the rain from roofs and streets that infiltrating measures catch where infiltration works. The drought test compares it with the same ground unsealed (grass): at least {recharge} kept, times the dry factor of the future (assumption). The model cannot predict the GLG drop itself.',
  },
  explain_soil_unknown: {
    nl: 'Deel van het plangebied waar de bodemkaart niets zegt (bebouwd gebied, "|h BEBOUW"). Daar geldt bodemgroep {hsg} (aanname: stadsbodem is verdicht).',
    en: 'Share of the planning area where the soil map says nothing (built-up area, "|h BEBOUW"). There soil group {hsg} applies (assumption: urban soil is compacted).',
  },
  explain_fit: {
    nl: 'Elk vlak, ook verharding, daken en kelders, is getoetst aan de principes van de Natuurlijke Alliantie voor de plek waar het ligt (zone, bodem, grondwatertrap, kwel): passend, tegen het natuurlijk systeem in (infiltreren bij kwel of in veen; verharding in een beekdal, op veen of een infiltratierug; een kelder waar niet diep bouwen geldt), of neutraal. Principes die overal gelden tellen niet. Score = (oppervlak passend − oppervlak tegen) ÷ totaal oppervlak.',
    en: 'Every polygon, paving, roofs and basements included, is checked against the principles of de Natuurlijke Alliantie for the place where it lies (zone, soil, groundwater class, seepage): in line, against the natural system (infiltrating with seepage or in peat; paving in a stream valley, on peat or an infiltration ridge; a basement where building deep is discouraged), or neutral. Principles that apply everywhere do not count. Score = (area in line − area against) ÷ total area.',
  },
  explain_robust: {
    nl: 'Robuustheid (McPhail e.a. 2018): elk scenario is getoetst aan elke stresstest (buien, hete dag, droge periode) in elke klimaattoekomst. Domeincriterium (Starr) = aandeel van de toekomsten waarin het ontwerp elke test haalt; gemiddeld gehaald (Laplace) = gemiddelde over de toekomsten van het gewogen aandeel gehaalde tests (regen, hitte en droogte elk even zwaar); maximin = dat aandeel in de slechtste toekomst; spijt = de grootste achterstand op het beste scenario in één toekomst (lager is beter). Rangorde: domeincriterium, dan spijt, maximin, gemiddelde.',
    en: 'Robustness (McPhail et al. 2018): each scenario is tested against every stress test (storms, hot day, dry period) in every climate future. Domain criterion (Starr) = share of the futures in which the design passes every test; mean passed (Laplace) = mean over the futures of the weighted share of tests passed (rain, heat and drought weigh the same); maximin = that share in the worst future; regret = the largest shortfall behind the best scenario in one future (lower is better). Ranking: domain criterion, then regret, maximin, mean.',
  },

  // Measure types (the vocabulary of src/core/scenario/params.ts)
  type_dak: { nl: 'Dak', en: 'Roof' },
  'type_groen-dak': { nl: 'Groen dak', en: 'Green roof' },
  'type_blauw-groen-dak': { nl: 'Blauwgroen dak', en: 'Blue-green roof' },
  type_verharding: {
    nl: 'Verharding (straat, stoep, plein)',
    en: 'Paving (street, pavement, square)',
  },
  'type_waterdoorlatende-verharding': { nl: 'Waterdoorlatende verharding', en: 'Permeable paving' },
  type_gras: { nl: 'Gras', en: 'Grass' },
  type_beplanting: { nl: 'Beplanting (struiken, bos)', en: 'Planting (shrubs, woodland)' },
  type_bomen: { nl: 'Bomen (kroon)', en: 'Trees (crown)' },
  type_wadi: { nl: 'Wadi', en: 'Wadi (swale)' },
  type_infiltratiekrat: { nl: 'Infiltratiekratten', en: 'Infiltration crates' },
  'type_open-water': { nl: 'Open water', en: 'Open water' },
  type_kelder: { nl: 'Kelder', en: 'Basement' },
  type_parkeerkelder: { nl: 'Parkeerkelder', en: 'Underground car park' },
  type_plangebied: { nl: 'Plangebied (rand)', en: 'Planning area (outline)' },
} as const;
