/**
 * The report of a location check: what lies under a point and which principles apply, and why.
 * `assess()` builds it with texts in every language (LocalizedText); `localizeReport()` turns it
 * into the plain JSON contract of the CLI and widgets for one language.
 */
import type { KbSource } from './kb/types.js';
import type {
  Action,
  Confidence,
  Domain,
  Fact,
  FactName,
  HydrologicSoilGroup,
  LandscapeTypeId,
  Location,
  LocalizedText,
  NoDataReason,
  Position,
  Scale,
  Seepage,
  SourceStatus,
  SummaryTopic,
  Texture,
  WaterModel,
} from './types.js';
import type {
  GroundwaterDepthClass,
  InfiltrationReasonKey,
  InfiltrationVerdict,
  WaterModelFactor,
} from './wetness.js';

/** Keys a condition can test: facts plus derived values. */
export type ConditionKey =
  | 'landscapeType'
  | 'zone'
  | 'texture'
  | 'gt'
  | 'seepage'
  | 'position'
  | 'heat'
  | 'flood'
  | 'elevation'
  | 'groundwater'
  | 'ghg'
  | 'infiltration'
  | 'infiltrationReason'
  | 'soilLayer'
  | 'landUse'
  | 'waterQuality';

/** A range in cm below the surface; `max: null` means open-ended (deeper than `min`). */
export interface DepthRange {
  min: number | null;
  max: number | null;
}

export interface Derived {
  /** Texture group of the soil profile (from the soil code, else typical of the zone). */
  texture?: Texture;
  /** Where the texture comes from: the soil map, or the zone (the soil map has no data here). */
  textureFrom?: 'soil' | 'zone';
  /** Texture of a cover layer (e.g. clay cover `k…`), if any. */
  cover?: Texture;
  soilName?: LocalizedText;
  soilMainClass?: string;
  /** Main groundwater class I..VIII. */
  gtMain?: string;
  ghg?: DepthRange;
  glg?: DepthRange;
  hydrologicSoilGroup?: HydrologicSoilGroup;
  landscapeType?: LandscapeTypeId;
  /** The water model of this location (from its facts; the landscape type's only as default). */
  waterModel?: WaterModel;
  /** `location`: decided by this place's facts; `landscape`: the landscape type's default. */
  waterModelFrom?: 'location' | 'landscape';
  /** The facts that decided the water model. */
  waterModelDecidedBy?: WaterModelFactor[];
  /** Groundwater depth class from the GHG/GLG range. */
  groundwater?: GroundwaterDepthClass;
  /** Infiltration verdict and its reason keys (`src/core/wetness.ts`). */
  infiltration?: { verdict: InfiltrationVerdict; reasons: InfiltrationReasonKey[] };
  /** Top of a peat layer under the top soil (clay on peat), cm below the surface. */
  peatLayer?: DepthRange;
  /** Top of a boulder clay layer, cm below the surface. */
  boulderClay?: DepthRange;
  /** Gt prefix s: perched water table. */
  perched?: boolean;
  /** Loamy sand (hydrologic soil group B). */
  loamySand?: boolean;
  position?: Position;
  seepage?: Seepage;
}

/** One fact that made a principle or a discouragement apply. */
export interface ReasonItem {
  key: ConditionKey;
  /** The value found at the location (a code or a number). */
  value: string | number;
  /** Localized label of the value, e.g. `zand`, `Dekzandrug (Dz1)`. */
  label: LocalizedText;
  /** Where the value came from (source id), or `kennisbank` when derived. */
  sourceId: string;
}

export interface AppliedPrinciple {
  id: string;
  scale: Scale;
  domain: Domain;
  actions: Action[];
  title: LocalizedText;
  text: LocalizedText;
  /** A town where the cahier shows this (rendered apart from the advice). */
  example?: LocalizedText;
  /** The reason template filled with this location's facts. */
  reason: LocalizedText;
  /** The facts that made it apply. */
  reasons: ReasonItem[];
  source: KbSource;
}

/**
 * One line of the summary at the top of a report ("the answer first"), from a knowledge-base
 * summary rule: the line, why, the facts it rests on, what is missing, and how firm it is.
 */
export interface SummaryLine {
  /** The summary rule's id. */
  id: string;
  topic: SummaryTopic;
  text: LocalizedText;
  /** Why, filled with this location's facts. */
  reason: LocalizedText;
  /** The facts the line rests on (including those of a discouragement it depends on). */
  basedOn: ReasonItem[];
  /** Facts the rule tests that are unknown here. */
  missing: ConditionKey[];
  /**
   * `hoog`: rests on facts from data sources and nothing is missing; `middel`: some facts are
   * typical values from the knowledge base, or something is missing; `laag`: both, or only typical
   * values.
   */
  confidence: Confidence;
  source: KbSource;
}

export interface DiscouragedAction {
  action: Action;
  label: LocalizedText;
  reasons: Array<{ id: string; reason: LocalizedText; facts: ReasonItem[]; source: KbSource }>;
}

export type MissingItem =
  | { kind: 'fact'; fact: FactName; reason: NoDataReason; sourceId?: string; message?: string }
  | {
      kind: 'principle';
      principle: string;
      title: LocalizedText;
      scale: Scale;
      /** Condition keys whose facts are missing. */
      needs: ConditionKey[];
    };

export interface SourceSummary {
  id: string;
  title: string;
  status: SourceStatus;
  message?: string;
  reason?: NoDataReason;
  /** Stable error code of a failed source (e.g. `timeout`, `html-response`). */
  code?: string;
  /** What went wrong, in words a user can act on (every language). */
  userMessage?: LocalizedText;
  /** Further properties of the feature found (display only), e.g. a landform code. */
  detail?: Record<string, string | number | boolean | null>;
}

/** Two sources (or a source and the knowledge base) disagree. */
export interface Conflict {
  key: ConditionKey | FactName;
  values: Array<{ value: string | number; sourceId: string }>;
  message: LocalizedText;
}

export interface Report {
  location?: Location & { lon?: number; lat?: number; rdX?: number; rdY?: number };
  facts: Fact[];
  derived: Derived;
  landscape: {
    type?: {
      id: LandscapeTypeId;
      name: LocalizedText;
      description: LocalizedText;
      waterModel: WaterModel;
    };
    zone?: { code: string; name: LocalizedText; description: LocalizedText; group: string };
  };
  /** Three to five short lines for residents, derived from the facts by knowledge-base rules. */
  summary: SummaryLine[];
  principles: AppliedPrinciple[];
  discouraged: DiscouragedAction[];
  missing: MissingItem[];
  sources: SourceSummary[];
  conflicts: Conflict[];
  /**
   * Principles left out because one of their actions is discouraged at this place (a safety net:
   * the knowledge base's own conditions should already exclude them; tests assert it stays empty).
   */
  suppressed?: Array<{ principle: string; actions: Action[] }>;
  /** Errors in the facts themselves (e.g. an unknown soil code), with the code named. */
  errors: Array<{ fact: FactName; code: string; message: string }>;
  /** True when some of the data is illustrative (demo data). */
  illustrative: boolean;
  kbVersion: string;
}
