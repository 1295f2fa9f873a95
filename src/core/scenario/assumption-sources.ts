/**
 * The sources of the scenario assumptions (parameters tagged S or U) in Dutch. The parameters
 * carry their source in English (`params.ts`); a Dutch interface shows the Dutch text below when
 * the source is still the default one, and a municipality's own source as written.
 * `test/core/assumption-sources.test.ts` keeps this list complete and in step with `params.ts`.
 */
import type { MessageLang } from '../messages.js';

/** Per assumption (name as in `CompareResult.assumptions`): the default English source and Dutch. */
export const ASSUMPTION_SOURCES_NL: Readonly<Record<string, { en: string; nl: string }>> = {
  futuresSource: {
    en: "KNMI'23 klimaatscenario's (KNMI, 2023)",
    nl: "KNMI'23-klimaatscenario's (KNMI, 2023)",
  },
  'measures.blauw-groen-dak': {
    en: 'Amsterdam new-build on-plot storage 60 l/m²; blue-green roofs keep cooling longer',
    nl: 'Amsterdam, nieuwbouw: 60 l/m² berging op eigen terrein; blauwgroene daken koelen langer',
  },
  'measures.waterdoorlatende-verharding': {
    en: 'TR-55 gravel curve numbers as a stand-in for permeable paving (mm/h figures unverified)',
    nl: 'TR-55-curvegetallen voor grind als benadering van waterdoorlatende verharding (mm/u-waarden niet geverifieerd)',
  },
  'measures.bomen': {
    en: 'InVEST Urban Cooling (CC = 0.6 shade + 0.2 albedo + 0.2 ETI); albedo/ETI values typical; crown area shades what lies beneath',
    nl: 'InVEST Urban Cooling (CC = 0,6 schaduw + 0,2 albedo + 0,2 ETI); albedo- en ETI-waarden typisch; de kroon beschaduwt wat eronder ligt',
  },
  'measures.infiltratiekrat': {
    en: 'crate 0.5 m high, 95 % voids: typical product values (assumption); the part below the GHG stores nothing',
    nl: 'krat van 0,5 m hoog, 95 % holle ruimte: typische productwaarden (aanname); het deel onder de GHG bergt niets',
  },
  'measures.open-water': {
    en: 'open water with 0.30 m allowed level rise (assumption; Rijnland VDS fluctuation band 20–60 cm)',
    nl: 'open water met 0,30 m toegestane peilstijging (aanname; Rijnland VDS: fluctuatie 20–60 cm)',
  },
  'measures.kelder': {
    en: 'basement under a building (an overlay): judged against the principle niet-diep-bouwen (peat, seepage, stuwwal flanks); cost an assumption',
    nl: 'kelder onder een gebouw (een overlay): getoetst aan het principe niet-diep-bouwen (veen, kwel, flanken van de stuwwal); kosten zijn een aanname',
  },
  'measures.parkeerkelder': {
    en: 'underground car park (an overlay): judged against the principle niet-diep-bouwen; cost an assumption',
    nl: 'parkeerkelder (een overlay): getoetst aan het principe niet-diep-bouwen; kosten zijn een aanname',
  },
  lowPointShare: {
    en: 'street water gathers on the lowest 10 % of the planning area, or on the low zones (stream valley, depression) where those are smaller; a lumped stand-in for a terrain model (assumption)',
    nl: 'water op straat verzamelt zich op de laagste 10 % van het plangebied, of in de lage zones (beekdal, laagte) als die kleiner zijn; een grove benadering van een terreinmodel (aanname)',
  },
  crateCoverM: {
    en: 'crates under 0.30 m of cover (typical; assumption)',
    nl: 'kratten onder 0,30 m dekking (typisch; aanname)',
  },
  crateHeightM: {
    en: 'crate 0.5 m high, 95 % voids: typical product values (assumption)',
    nl: 'krat van 0,5 m hoog, 95 % holle ruimte: typische productwaarden (aanname)',
  },
  coolPlaceMinShade: {
    en: 'HvA guidelines (Kluck et al. 2020): a cool place has shade; ≥ 40 % shade as on key walking routes; the share for a place is an assumption',
    nl: 'HvA-richtlijnen (Kluck et al. 2020): een koele plek heeft schaduw; ≥ 40 % schaduw zoals op belangrijke looproutes; het aandeel voor een plek is een aanname',
  },
  costSource: {
    en: 'order-of-magnitude assumptions, not from a cited cost table (costs unverified); override per municipality',
    nl: 'aannames naar orde van grootte, niet uit een kostentabel met bron (kosten niet geverifieerd); per gemeente aan te passen',
  },
  testWeights: {
    en: 'equal weight per hazard (rain, heat, drought), rain split over its storms; McPhail et al. 2018 leave the utility to the analyst',
    nl: 'gelijk gewicht per risico (regen, hitte, droogte), regen verdeeld over de buien; McPhail et al. 2018 laten de weging aan de analist',
  },
  yearlyRainMm: {
    en: 'yearly rain in the Netherlands ≈ 850 mm (KNMI normal; synthesis)',
    nl: 'jaarlijkse neerslag in Nederland ≈ 850 mm (KNMI-normaal; synthese)',
  },
  routingDesignMm: {
    en: 'an infiltrating measure sized for 20 mm over its connected paved area catches most yearly runoff (synthesis)',
    nl: 'een infiltrerende maatregel berekend op 20 mm over het aangesloten verharde oppervlak vangt het meeste jaarlijkse afstromende water op (synthese)',
  },
  ineffectiveRecharge: {
    en: 'where the location check discourages infiltration (clay, peat, shallow groundwater, seepage) routed water is not counted as recharge (the same judgement as the location check)',
    nl: 'waar de plekcheck infiltratie afraadt (klei, veen, ondiep grondwater, kwel) telt afgevoerd water niet als aanvulling (hetzelfde oordeel als de plekcheck)',
  },
  coolPlaceMinAreaM2: {
    en: 'HvA guideline: a cool place of ≥ 200 m² within 300 m of each home (Kluck et al. 2020)',
    nl: 'HvA-richtlijn: een koele plek van ≥ 200 m² binnen 300 m van elke woning (Kluck et al. 2020)',
  },
  unknownSoilHsg: {
    en: 'built-up soils are compacted and mixed (cahier: "sterke verdichting van de stadsbodem"); HSG C as a cautious default',
    nl: 'bebouwde bodems zijn verdicht en vermengd (cahier: "sterke verdichting van de stadsbodem"); HSG C als voorzichtige standaard',
  },
  sampleSpacingM: {
    en: 'sampling grid of the heat indicators (method choice)',
    nl: 'rekengrid van de hitte-indicatoren (methodekeuze)',
  },
  'thresholds.streetWaterDepthM': {
    en: '"≤ 10–20 cm on streets" (local werkafspraken, Landelijke Maatlat 2023): tested at the low points',
    nl: '"≤ 10–20 cm op straat" (lokale werkafspraken, Landelijke Maatlat 2023): getoetst op de laagste punten',
  },
  'thresholds.coolingCapacity': {
    en: 'threshold on InVEST cooling capacity (assumption)',
    nl: 'drempel voor de koelcapaciteit volgens InVEST (aanname)',
  },
  'thresholds.rechargeRetained': {
    en: 'the design keeps at least 60 % of the recharge of the same ground unsealed (× the dry factor of the future); a proxy for the GLG, which the data cannot predict (assumption)',
    nl: 'het ontwerp behoudt minstens 60 % van de grondwateraanvulling van dezelfde grond onverhard (× de droogtefactor van de toekomst); een benadering van de GLG, die de gegevens niet kunnen voorspellen (aanname)',
  },
};

/**
 * The source of an assumption in a language: Dutch for a default source under `nl`, else the
 * source as given (a municipality's own source is shown as written).
 */
export function assumptionSource(name: string, source: string, lang: MessageLang): string {
  if (lang === 'en') return source;
  const known = ASSUMPTION_SOURCES_NL[name];
  return known !== undefined && known.en === source ? known.nl : source;
}
