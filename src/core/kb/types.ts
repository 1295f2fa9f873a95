/**
 * Types of the knowledge base: landscape types, BKNSN zones, principles and discouraged actions.
 * The knowledge base itself is data (`src/core/kb/data/*.json`), validated with
 * `knowledge-base.schema.json` at load.
 */
import type {
  Action,
  Domain,
  LandUse,
  WaterQuality,
  LandscapeTypeId,
  LocalizedText,
  Position,
  Scale,
  Seepage,
  SummaryTopic,
  Texture,
  WaterModel,
} from '../types.js';
import type {
  GroundwaterDepthClass,
  InfiltrationReasonKey,
  InfiltrationVerdict,
} from '../wetness.js';

export { LAND_USES, WATER_QUALITIES } from '../types.js';
export type { LandUse, WaterQuality } from '../types.js';

/** Where a piece of knowledge comes from. */
export interface KbSource {
  /** Short reference, e.g. `cahier p. 8 (Rheden)`, `BRIEF §2`, `gidsmodel Stuwwal`. */
  ref: string;
  /** Cahier page (1-based, as printed) when the source is the cahier. */
  page?: number;
  url?: string;
  /** `V` verified, `S` synthesis (sensible default), `U` unverified (BRIEF tags). */
  tag?: 'V' | 'S' | 'U';
  /** The source's own words the entry rests on (verbatim, in the source's language). */
  quote?: string;
  /**
   * The `quote` is a paraphrase, not the publication's own words (the original was not at hand):
   * shown as such in the domain review, never as a quote.
   */
  paraphrase?: boolean;
}

export interface LandscapeType {
  id: LandscapeTypeId;
  name: LocalizedText;
  /** Plain-language description (B1 Dutch, English). */
  description: LocalizedText;
  /** How the natural system works here. */
  system: { soil: LocalizedText; water: LocalizedText; relief: LocalizedText };
  waterModel: WaterModel;
  /** Legend colour, `#rrggbb`. */
  colour: string;
  sources: KbSource[];
}

/** BKNSN 2023 main types (legend of CAS's BKNSN viewer). */
export interface ZoneGroup {
  id: string;
  name: LocalizedText;
  colour: string;
}

export interface Zone {
  /** BKNSN 2023 subtype code, e.g. `Dz1`. Keys are codes, never labels. */
  code: string;
  name: LocalizedText;
  /** BKNSN main type id (a ZoneGroup id). */
  group: string;
  /** Nearest gidsmodel landscape type; null for A (antropogeen), W (water). */
  landscapeType: LandscapeTypeId | null;
  description: LocalizedText;
  /** Typical relative position, used when no elevation-based position is known. */
  position?: Position;
  /** Typical seepage, used when no seepage data is known. */
  seepage?: Seepage;
  /**
   * Typical texture of the top soil, used when the soil map has no data (built-up areas are not
   * mapped in the Bodemkaart): a coarse fall-back, reported as derived from the zone.
   */
  texture?: Texture;
  /** Legend colour, `#rrggbb`. */
  colour: string;
  /** Principle ids that belong to this zone (applied when the other conditions hold). */
  principles: string[];
  /**
   * Only the zone's own principles, and those whose conditions name the zone, apply here (the
   * floodplain gets river principles only).
   */
  exclusive?: boolean;
  sources: KbSource[];
}

/** A range of groundwater classes by their main class (I..VIII), inclusive. */
export interface GtRange {
  min?: string;
  max?: string;
}

/** A numeric range, inclusive. */
export interface NumRange {
  min?: number;
  max?: number;
}

/**
 * Conditions on the facts. All given keys must hold (AND); each list is a set of alternatives (OR).
 * `anyOf` adds alternatives of whole condition sets.
 */
export interface Conditions {
  landscapeType?: LandscapeTypeId[];
  zone?: string[];
  texture?: Texture[];
  gt?: GtRange;
  /** Groundwater depth class from the GHG/GLG range (`src/core/wetness.ts`). */
  groundwater?: GroundwaterDepthClass[];
  /** GHG in cm below the surface: holds when the place's whole GHG range lies within. */
  ghg?: NumRange;
  /** Infiltration verdict of the wetness model. */
  infiltration?: InfiltrationVerdict[];
  /** Holds when the wetness model gives one of these reasons. */
  infiltrationReason?: InfiltrationReasonKey[];
  /** The profile has such a layer: `veen` (peat soil or peat under clay), `keileem`. */
  soilLayer?: Array<'veen' | 'keileem'>;
  seepage?: Seepage[];
  position?: Position[];
  /** PET on a hot day, °C. */
  heat?: NumRange;
  /** Flood depth under the stress-test rain, m. */
  flood?: NumRange;
  elevation?: NumRange;
  /** Land use at the place (BGT/BRT/TOP10NL-like). */
  landUse?: LandUse[];
  /** Quality of the local water, when known. */
  waterQuality?: WaterQuality[];
  /**
   * Holds unless the water quality is known to be one of these (an unknown quality holds): the
   * isolatiemodel applies where the water quality is not known to be good.
   */
  notWaterQuality?: WaterQuality[];
  /** Zones where the principle never applies. */
  notZone?: string[];
  anyOf?: Conditions[];
}

export interface Principle {
  id: string;
  title: LocalizedText;
  /** General advice, for any place where the conditions hold. */
  text: LocalizedText;
  /** A town where the cahier shows this, rendered apart from the advice ("Voorbeeld: …"). */
  example?: LocalizedText;
  scale: Scale;
  domain: Domain;
  actions: Action[];
  /** When the principle applies. A principle listed by a zone also needs its conditions to hold. */
  conditions: Conditions;
  /**
   * Reason template; placeholders in braces are filled with fact values:
   * `{zone}`, `{landscapeType}`, `{texture}`, `{gt}`, `{seepage}`, `{position}`, `{heat}`,
   * `{flood}`, `{elevation}`, `{soilCode}`.
   */
  reason: LocalizedText;
  source: KbSource;
  /**
   * The principle applies only where none of these actions is discouraged (e.g. disconnecting a
   * downpipe only where `infiltreren` is not discouraged): one truth with the discouraged list.
   * When a discouragement cannot be judged (facts missing), the principle cannot be judged either.
   */
  unlessDiscouraged?: Action[];
  /** Set by a municipality's file to switch a principle off. */
  disabled?: boolean;
}

/**
 * A rule of the summary at the top of a report ("the answer first"). Rules are tried in order;
 * the first matching rule of each topic gives that topic's line.
 */
export interface SummaryRule {
  id: string;
  topic: SummaryTopic;
  conditions: Conditions;
  /** Only where at least one of these actions is discouraged. */
  ifDiscouraged?: Action[];
  /**
   * Only where none of these actions is discouraged. A discouragement that cannot be judged
   * (facts missing) does not block the line, but is named in what is missing.
   */
  unlessDiscouraged?: Action[];
  /** The line, B1 Dutch and English (a reason template: same placeholders). */
  text: LocalizedText;
  /** Why, in one sentence (a reason template). */
  reason: LocalizedText;
  source: KbSource;
  disabled?: boolean;
}

/**
 * A publication a reader can find, for the source lines shown to users. `refs` are the prefixes
 * of the knowledge base's internal source references (`source.ref`) that this publication stands
 * for; the longest matching prefix wins.
 */
export interface Citation {
  id: string;
  refs: string[];
  author: string;
  title: string;
  year: string;
  publisher?: string;
  url?: string;
  /** A note for readers, e.g. that a rule is a synthesis to be checked locally. */
  note?: LocalizedText;
}

/**
 * A municipality's link on plot-scale advice (a subsidy page, a disconnection programme, the
 * water board's page): shown next to the principles it names, or the plot principles with one of
 * its actions. Only `https:` links are accepted.
 */
export interface ActionLink {
  id: string;
  principles?: string[];
  actions?: Action[];
  url: string;
  label: LocalizedText;
}

/** An action that is discouraged when its conditions hold. */
export interface Discouragement {
  id: string;
  action: Action;
  conditions: Conditions;
  reason: LocalizedText;
  source: KbSource;
  disabled?: boolean;
}

export interface KnowledgeBase {
  version: string;
  landscapeTypes: LandscapeType[];
  zoneGroups: ZoneGroup[];
  zones: Zone[];
  principles: Principle[];
  discouraged: Discouragement[];
  /** Labels of vocabulary values (actions, textures, positions, seepage, scales, domains, reasons). */
  labels: Record<string, LocalizedText>;
  /** Rules of the summary lines at the top of a report. */
  summaryRules?: SummaryRule[];
  /** Publications behind the source references, for the source lines users see. */
  citations?: Citation[];
  /** Links on plot-scale advice (usually from a municipality's extension file). */
  links?: ActionLink[];
}

/**
 * A municipality's extension file: adds or overrides entries by id/code, or disables them.
 * Same shapes as the knowledge base; `disable` lists principle or discouragement ids.
 */
export interface KnowledgeBaseExtension {
  version?: string;
  landscapeTypes?: Partial<LandscapeType>[];
  zones?: Partial<Zone>[];
  principles?: Partial<Principle>[];
  discouraged?: Partial<Discouragement>[];
  disable?: string[];
  labels?: Record<string, Partial<LocalizedText>>;
  summaryRules?: Partial<SummaryRule>[];
  citations?: Partial<Citation>[];
  links?: Partial<ActionLink>[];
}
