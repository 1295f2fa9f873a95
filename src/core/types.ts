/**
 * Core model of natuurlijke-alliantie: facts about a location with their provenance,
 * the vocabularies of the natural system, and the fact-source seam.
 *
 * Pure TypeScript: no DOM, no `ol`, no network.
 */

/** The ten landscape types of the gidsmodellen (cahier p. 19, gidsmodellen.nl). */
export const LANDSCAPE_TYPES = [
  'kust',
  'droogmakerij',
  'veenweide',
  'zeeklei',
  'ijsselmeerpolders',
  'rivierengebied',
  'stuwwal',
  'dekzand',
  'heuvelland',
  'veenkolonien',
] as const;
export type LandscapeTypeId = (typeof LANDSCAPE_TYPES)[number];

/** Texture groups of the soil derivation (BRIEF §2). */
export const TEXTURES = ['zand', 'zavel', 'klei', 'leem', 'veen'] as const;
export type Texture = (typeof TEXTURES)[number];

/** Relative position in the relief. */
export const POSITIONS = ['ridge', 'flank', 'low'] as const;
export type Position = (typeof POSITIONS)[number];

/** Vertical groundwater flow at the surface. */
export const SEEPAGE = ['kwel', 'wegzijging', 'neutraal'] as const;
export type Seepage = (typeof SEEPAGE)[number];

/**
 * Scales of the Natuurlijke Alliantie (cahier p. 4, "Schaalniveaus"), coarse to fine, plus the plot
 * (`perceel/tuin`): what a resident or building owner can do on their own land.
 */
export const SCALES = ['regio/stad', 'wijk/dorp', 'straat', 'perceel/tuin'] as const;
export type Scale = (typeof SCALES)[number];

/** Domains of a principle. */
export const DOMAINS = ['bodem', 'water', 'groen', 'klimaat'] as const;
export type Domain = (typeof DOMAINS)[number];

/** The fixed action vocabulary of principles and discouraged actions. */
export const ACTIONS = [
  'infiltreren',
  'vasthouden',
  'bergen',
  'afvoeren-vertraagd',
  'grondwater-hoog',
  'ruimte-voor-water',
  'kwel-benutten',
  'koelen',
  'vergroenen',
  'boomsoort-afstemmen',
  'bodem-beschermen',
  'niet-diep-bouwen',
  'waterbestendig-bouwen',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Topics of the summary lines at the top of a report ("the answer first"), in display order.
 * One line per topic at most; the knowledge base's summary rules give the texts.
 */
export const SUMMARY_TOPICS = [
  'water',
  'grondwater',
  'bodem',
  'regen-op-straat',
  'hitte',
  'tuin',
  'landschap',
] as const;
export type SummaryTopic = (typeof SUMMARY_TOPICS)[number];

/** How firmly a summary line rests on the facts found at the location. */
export const CONFIDENCE_LEVELS = ['hoog', 'middel', 'laag'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Who reads a report: residents (plot and street first) or professionals (the full report). */
export const AUDIENCES = ['bewoner', 'professional'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Land use classes (BGT/BRT/TOP10NL-like). */
export const LAND_USES = [
  'heide',
  'bos',
  'bedrijventerrein',
  'bebouwd',
  'grasland',
  'akker',
  'water',
  'natuur',
  'recreatie',
  'infrastructuur',
] as const;
export type LandUse = (typeof LAND_USES)[number];

/** Water quality classes. */
export const WATER_QUALITIES = ['goed', 'matig', 'slecht'] as const;
export type WaterQuality = (typeof WATER_QUALITIES)[number];

/** Water gidsmodel of a landscape type. */
export const WATER_MODELS = ['infiltratie', 'isolatie', 'fluctuatie'] as const;
export type WaterModel = (typeof WATER_MODELS)[number];

export const HYDROLOGIC_SOIL_GROUPS = ['A', 'B', 'C', 'D'] as const;
export type HydrologicSoilGroup = (typeof HYDROLOGIC_SOIL_GROUPS)[number];

/** Languages of the interface. Dutch is the default. */
/** Languages: Dutch (default) and English are complete; a municipality may add others (texts fall back to Dutch). */
export type Lang = 'nl' | 'en' | (string & {});
/** A text in every supported language. */
export interface LocalizedText {
  nl: string;
  en: string;
  [lang: string]: string;
}

/**
 * Names of location facts and their value types.
 * - `landscapeType`: gidsmodel landscape type id
 * - `zone`: BKNSN 2023 subtype code (e.g. `Dz1`)
 * - `soilCode`: BRO Bodemkaart soil class code (e.g. `Hn21`, `kVc`, `|h BEBOUW`)
 * - `gt`: groundwater class (BRO WDM, e.g. `VIId`, or the older `I`..`VIII`)
 * - `elevation`: surface elevation in m +NAP
 * - `position`: relative position in the relief
 * - `seepage`: kwel / wegzijging / neutraal
 * - `floodDepth`: water depth on the surface under the stress-test rain, in metres
 * - `heat`: heat indicator: PET on a hot day (°C, mean 12–18 h, DPRA heat stress test)
 */
export interface FactValues {
  landscapeType: LandscapeTypeId;
  zone: string;
  soilCode: string;
  gt: string;
  elevation: number;
  position: Position;
  seepage: Seepage;
  floodDepth: number;
  heat: number;
  /** Land use (BGT/BRT/TOP10NL-like class): heide, bos, bedrijventerrein, bebouwd, … */
  landUse: string;
  /** Quality of the local surface water (`goed`, `matig`, `slecht`), when a source knows it. */
  waterQuality: string;
}
export type FactName = keyof FactValues;
export const FACT_NAMES: readonly FactName[] = [
  'landscapeType',
  'zone',
  'soilCode',
  'gt',
  'elevation',
  'position',
  'seepage',
  'floodDepth',
  'heat',
  'landUse',
  'waterQuality',
];

/** Where a fact comes from. */
export interface Provenance {
  /** Source id as in the sources file (or `kennisbank` for facts derived from the knowledge base). */
  sourceId: string;
  /** Human-readable title of the source. */
  title: string;
  /** Version or date of the data (ISO date or version label). */
  version?: string;
  /** Scale (e.g. `1:50.000`) or resolution (e.g. `50 m`). */
  scale?: string;
  licence?: string;
  /** Link to the source's documentation. */
  url?: string;
  /** True when the data is illustrative (demo data), not real. */
  illustrative?: boolean;
  /** True when the value was derived from another fact, not read from the source. */
  derived?: boolean;
  /**
   * For a derived value: the knowledge-base label of its title (e.g.
   * `provenance.derived-from-zone`) with its parameters, so that the title is given in the
   * report's language (`title` holds the Dutch text).
   */
  titleLabel?: { key: string; params: Record<string, string> };
}

export type FactStatus = 'ok' | 'no-data' | 'error';

/**
 * Which kind of water a `floodDepth` fact measures; the principles differ (BRIEF §10):
 * - `regen`: rain on the street (*wateroverlast*), the stress-test maps after 70 or 140 mm in 2 h;
 *   centimetres to decimetres, answered by *vasthouden – bergen – afvoeren* at street scale;
 * - `doorbraak`: a flood from a breach or overtopping of a primary defence, or from a river, sea or
 *   regional water (*overstroming*, the Klimaateffectatlas *maximale waterdiepte* maps); up to
 *   metres, answered by *meerlaagse veiligheid* layers 2 and 3, not by street storage.
 */
export const FLOOD_KINDS = ['regen', 'doorbraak'] as const;
export type FloodKind = (typeof FLOOD_KINDS)[number];

/**
 * A numeric fact read as a class of the source (a legend class, e.g. PET 38–40 °C) rather than a
 * measured number: the true value lies in `[min, max]` (`null`: open-ended). The fact's `value` is
 * then the middle of the class (of an open class: its bound).
 */
export interface ValueRange {
  min: number | null;
  max: number | null;
}

/** Why a fact has no value. */
export type NoDataReason =
  | 'outside-coverage'
  | 'built-up-not-mapped'
  | 'water-not-mapped'
  | 'no-feature'
  | 'no-value'
  | 'not-configured'
  | 'source-error';

/** A fact about a location: a value with its provenance and status. */
export type Fact<N extends FactName = FactName> = {
  [K in N]: {
    name: K;
    status: FactStatus;
    /** The value; present only when `status` is `ok`. */
    value?: FactValues[K];
    provenance: Provenance;
    /** Why there is no value (status `no-data` or `error`). */
    reason?: NoDataReason;
    /** Detail for errors (a message in English for logs; the UI translates `reason`). */
    message?: string;
    /**
     * `floodDepth` only, optional: which kind of flooding the depth is about (rain on the street or
     * a breach of a defence), as configured on the source (`floodKind` in the sources file).
     */
    floodKind?: FloodKind;
    /** Numeric facts read as a class of the source (see {@link ValueRange}), optional. */
    range?: ValueRange;
    /**
     * `soilCode` only, optional: the units of a Bodemkaart map unit that is a complex
     * (`Hn21/Hd21` → `['Hn21', 'Hd21']`); the fact's value is the first.
     */
    complexUnits?: string[];
  };
}[N];

/** Coordinate reference systems accepted for locations. */
export const SUPPORTED_CRS = ['EPSG:28992', 'EPSG:4326', 'EPSG:3857'] as const;
export type SupportedCrs = (typeof SUPPORTED_CRS)[number];

/** True when `s` is one of the canonical supported CRS codes (`EPSG:28992`, `EPSG:4326`, `EPSG:3857`). */
export function isSupportedCrs(s: unknown): s is SupportedCrs {
  return typeof s === 'string' && (SUPPORTED_CRS as readonly string[]).includes(s);
}

/** A point location. For EPSG:4326, x is longitude and y is latitude (degrees). */
export interface Location {
  x: number;
  y: number;
  crs: SupportedCrs;
}

export type SourceStatus = 'ok' | 'no-data' | 'error';

/** The answer of one source for one location. */
export interface SourceResult {
  sourceId: string;
  title: string;
  status: SourceStatus;
  /** Facts this source could give (may be empty, or carry no-data facts with reasons). */
  facts: Fact[];
  /** Why there is no data or what went wrong, in English; `reason` is the translatable key. */
  message?: string;
  reason?: NoDataReason;
  /** Stable error code when `status` is `error` (e.g. `timeout`, `html-response`, `ogc-exception`). */
  code?: string;
  /** What went wrong in words a user can act on, naming the source (status `error`). */
  userMessage?: LocalizedText;
  /**
   * Further properties of the feature found that map to no fact (configured per source, e.g. the
   * Geomorfologische kaart's `landform_subgroup_code`), for display as text.
   */
  detail?: Record<string, string | number | boolean | null>;
}

/** Options for a source query. */
export interface QueryOptions {
  signal?: AbortSignal;
}

/**
 * A source of location facts. Implementations live in `src/sources/`.
 * `query` resolves to a SourceResult; it rejects only when aborted (with the signal's reason).
 */
export interface FactSource {
  readonly id: string;
  readonly title: string;
  /** The facts this source is configured to give. */
  readonly provides: readonly FactName[];
  query(location: Location, options?: QueryOptions): Promise<SourceResult>;
}

/** A GeoJSON-like polygon feature as sources hand them to viewers (coordinates in `crs`). */
export interface PolygonFeatureCollection {
  type: 'FeatureCollection';
  /** CRS of the coordinates. */
  crs: SupportedCrs;
  features: Array<{
    type: 'Feature';
    id?: string | number;
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
    properties: Record<string, unknown>;
  }>;
}

/** A source that can also hand out its polygons (for the zonering layer). */
export interface PolygonSource extends FactSource {
  /** All polygons with their facts as properties, in the requested CRS. */
  polygons(crs: SupportedCrs, options?: QueryOptions): Promise<PolygonFeatureCollection>;
}

/** Base error class of the library. `code` is a stable key for translation. */
export class NaError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'NaError';
    this.code = code;
    this.details = details;
  }
}
