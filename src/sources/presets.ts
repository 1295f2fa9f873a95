/**
 * Presets: sources files that ship with the library, for a one-line configuration. A sources
 * file extends them with `"extends": ["pdok"]`; its own sources come first (first value wins)
 * and replace a preset source with the same id.
 *
 * - `pdok`: the national PDOK/BRO services (online): BRO Bodemkaart (soilCode), BRO
 *   Grondwaterspiegeldiepte (gt), AHN (elevation), Fysisch-Geografische Regio's (a coarse
 *   landscapeType through a value map) and the BRO Geomorfologische kaart (landform as detail).
 * - `klimaateffectatlas`: the Klimaateffectatlas (online): flood depth after a breach (the newest
 *   `maximale_waterdiepte_nederland_*` layer), rain flooding after 70 mm in 2 h, heat (PET class
 *   from the colour of `gevoelstemperatuur_2022`) and the BKNSN main types (a landscapeType).
 *
 * Every preset entry names its evidence (`comment`) and the date it was checked (`checked`).
 */
import klimaateffectatlas from './presets/klimaateffectatlas.json' with { type: 'json' };
import pdok from './presets/pdok.json' with { type: 'json' };

/** Names of the presets. */
export const PRESET_NAMES = ['pdok', 'klimaateffectatlas'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** The data of a sources file (as JSON). */
export interface SourcesFileData {
  $schema?: string;
  extends?: string[];
  sources?: Array<Record<string, unknown>>;
}

const PRESETS: Readonly<Record<PresetName, SourcesFileData>> = {
  pdok: pdok as SourcesFileData,
  klimaateffectatlas: klimaateffectatlas as SourcesFileData,
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
