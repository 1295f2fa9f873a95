/**
 * The shared types of the sources file and its source types: one entry as the factories get it
 * ({@link SourceEntry}), what a factory gets besides it, and the registry shape. The raw shape of
 * the file is generated from `sources.schema.json` (`sources-file.generated.ts`, `npm run
 * compile:types`); an entry is that shape with its values normalised.
 *
 * Both `config.ts` (parsing) and `source-types.ts` (the factories) import this module, never each
 * other in a circle.
 */
import type { FactName, FactSource, SupportedCrs } from '../core/types.js';
import type { ClassMap, NoDataMarker, PropertyRef, ValueMap } from './facts.js';
import type { FetchLike } from './http.js';
import type { PresetName } from './presets.js';
import type { Source, SourcesFile } from './sources-file.generated.js';

export type { Source as SourceFileEntry, SourcesFile };

/** Source types the sources file schema knows (the `type` enum of the schema). */
export const KNOWN_SOURCE_TYPES = [
  'geojson',
  'ogc-api-features',
  'wfs',
  'wms',
  'arcgis-rest',
  'geotiff',
  'flatgeobuf',
] as const satisfies readonly Source['type'][];

/** Fields of an entry whose normalised value differs from what the file holds. */
type Normalised =
  | 'type'
  | 'crs'
  | 'layer'
  | 'serviceVersion'
  | 'properties'
  | 'detail'
  | 'noData'
  | 'valueMap'
  | 'classes';

/**
 * One validated entry of the sources file: the fields of the schema (their documentation is the
 * schema's), with these normalised: `crs` (a supported CRS), `layer` (a text), `properties` split
 * into names, lists of names and band numbers, and the entry's position.
 */
export interface SourceEntry extends Omit<Source, Normalised> {
  /** A type of the registry (the schema's types, or one added through it). */
  type: string;
  /** CRS of the data, normalized. */
  crs?: SupportedCrs;
  /** Collection id / type name / layer name(s) / layer id, as text. */
  layer?: string;
  /** Protocol version (wfs 2.0.0 | 1.1.0, wms 1.3.0 | 1.1.1). */
  serviceVersion?: string;
  /** Fact → property name in the data (entries given as a single name). */
  properties: Partial<Record<FactName, string>>;
  /**
   * Fact → property name or list of names (first present wins), as given (remote sources).
   * Default: `properties`.
   */
  propertyRefs?: Partial<Record<FactName, PropertyRef>>;
  /** Fact → band number (1-based), for geotiff. */
  bands?: Partial<Record<FactName, number>>;
  /** Properties to show with the source's result (no fact). */
  detail?: string[];
  /** Values by which the service marks "no data here" (remote sources). */
  noData?: NoDataMarker[];
  valueMap?: ValueMap;
  /** Per numeric fact: legend class value → range (remote sources). */
  classes?: ClassMap;
  /** Position in the file's `sources` array (or in the preset's, when `preset` is set). */
  index: number;
  /** The preset this entry comes from (`extends`), if any. */
  preset?: PresetName;
}

/** A problem of an entry found by a source type's own check: the field and what is wrong. */
export interface SourceProblem {
  /** Field inside the entry, e.g. `layer` or `properties.zone`. */
  field: string;
  message: string;
}

/** What a source factory gets besides its entry. */
export interface SourceFactoryContext {
  /** Name of the sources file (for messages). */
  fileName: string;
  /** Resolves a `path`/`url` of the entry against the sources file's location. */
  resolve(pathOrUrl: string): string;
  /** Loads a text by a resolved location (as returned by `resolve`). */
  load(location: string): Promise<string>;
  /** Loads bytes by a resolved location (geotiff files that are not http(s) URLs). */
  loadBytes?(location: string): Promise<ArrayBuffer>;
  /** The fetch implementation for remote sources (default: the global `fetch`). */
  fetch?: FetchLike;
  signal?: AbortSignal;
}

/** How one source type is validated and created. */
export interface SourceType {
  /** Extra checks of an entry after the schema; returns problems as field + message. */
  check?(entry: SourceEntry): SourceProblem[];
  /** Creates the source. Throw NaError with a message naming the source and file. */
  create(entry: SourceEntry, context: SourceFactoryContext): Promise<FactSource>;
}

/** Registry of source types: type name → implementation. */
export type SourceTypes = Readonly<Record<string, SourceType>>;

/** Where an entry is, for messages: `sources[2] in sources.json` or `preset "pdok" sources[0]`. */
export function where(entry: SourceEntry, fileName: string): string {
  return entry.preset === undefined
    ? `sources[${entry.index}] in ${fileName}`
    : `preset "${entry.preset}" sources[${entry.index}]`;
}
