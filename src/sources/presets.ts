/**
 * Presets: sources files that ship with the library, for a one-line configuration. A sources
 * file extends them with `"extends": ["pdok"]`; its own sources come first (first value wins)
 * and replace a preset source with the same id.
 *
 * - `pdok`: the national PDOK/BRO services (online): BRO Bodemkaart (soilCode), BRO
 *   Grondwaterspiegeldiepte (gt), AHN (elevation), Fysisch-Geografische Regio's (a coarse
 *   landscapeType through a value map) and the BRO Geomorfologische kaart (landform as detail).
 */
import pdok from './presets/pdok.json' with { type: 'json' };

/** Names of the presets. */
export const PRESET_NAMES = ['pdok'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** The data of a sources file (as JSON). */
export interface SourcesFileData {
  $schema?: string;
  extends?: string[];
  sources?: Array<Record<string, unknown>>;
}

const PRESETS: Readonly<Record<PresetName, SourcesFileData>> = {
  pdok: pdok as SourcesFileData,
};

/** A copy of a preset's sources file data. */
export function presetData(name: PresetName): SourcesFileData {
  return structuredClone(PRESETS[name]);
}

/**
 * The PDOK preset as sources file data (a copy): real PDOK/BRO endpoints. For a municipality it is
 * one line: `{ "extends": ["pdok"] }`, or `{ "extends": ["pdok"], "sources": [ …own data… ] }`.
 */
export function pdokPreset(): SourcesFileData {
  return presetData('pdok');
}
