/**
 * Colours, labels and the legend model of the zonering (BKNSN zones and landscape types), shared by
 * the map layer and the legend so both show exactly the same colours.
 *
 * Pure TypeScript: no `ol`, no DOM. Everything comes from the knowledge base. It lives in core so the
 * OpenLayers layer (src/map), the ArcGIS layer (src/arcgis), the legend widget and the SLD/QML style
 * export (./style-export.ts) all draw from the same function ({@link zoneringColour}).
 */
import type { KnowledgeBase, LandscapeType, Zone, ZoneGroup } from './kb/types.js';
import type { Lang, LocalizedText, Scale } from './types.js';

/**
 * Resolutions (ground metres per CSS pixel) where the map style changes scale.
 * - `region`: above it the regio/stad style (landscape types) is shown. Default 14 m/px, about
 *   1:50,000 at the standard 0.28 mm pixel.
 * - `street`: at or below it the straat scale applies (same colours as wijk/dorp; the legend names
 *   the scale). Default 1.4 m/px, about 1:5,000.
 */
export interface ScaleThresholds {
  region: number;
  street: number;
}

/** Default {@link ScaleThresholds}: 1:50,000 and 1:5,000 at 0.28 mm per pixel. */
export const DEFAULT_SCALE_THRESHOLDS: Readonly<ScaleThresholds> = { region: 14, street: 1.4 };

/** Fill of polygons whose code the knowledge base does not know (map and legend alike). */
export const UNKNOWN_ZONE_COLOUR = '#9e9e9e';

/**
 * The scale level shown at a ground resolution.
 * @param groundResolution - metres on the ground per CSS pixel
 */
export function scaleForResolution(
  groundResolution: number,
  thresholds: Partial<ScaleThresholds> = {},
): Scale {
  const region = thresholds.region ?? DEFAULT_SCALE_THRESHOLDS.region;
  const street = thresholds.street ?? DEFAULT_SCALE_THRESHOLDS.street;
  if (groundResolution > region) return 'regio/stad';
  if (groundResolution > street) return 'wijk/dorp';
  return 'straat';
}

/** True when the scale shows landscape types (regio/stad) rather than zones. */
export function showsTypes(scale: Scale): boolean {
  return scale === 'regio/stad';
}

/** The "type" a zone belongs to at regio/stad scale: its landscape type, or (A, W) its group. */
export type ZoneringTypeRef = { kind: 'landscape'; id: string } | { kind: 'group'; id: string };

function zoneOf(kb: KnowledgeBase, code: string): Zone | undefined {
  return kb.zones.find((z) => z.code === code);
}

function landscapeTypeOf(kb: KnowledgeBase, id: string): LandscapeType | undefined {
  return kb.landscapeTypes.find((t) => t.id === id);
}

function groupOf(kb: KnowledgeBase, id: string): ZoneGroup | undefined {
  return kb.zoneGroups.find((g) => g.id === id);
}

function pick(text: LocalizedText | undefined, lang: Lang): string {
  if (text === undefined) return '';
  return text[lang] ?? text.nl;
}

/**
 * Prefix of the code of a polygon that has only a landscape (main) type and no BKNSN zone, e.g.
 * the 11 main types of the Klimaateffectatlas service (`type:dekzand`): shown with the landscape
 * type's colour and name at every scale.
 */
export const MAIN_TYPE_PREFIX = 'type:';

/** The code of a main-type polygon (`type:<landscapeTypeId>`). */
export function mainTypeCode(landscapeTypeId: string): string {
  return `${MAIN_TYPE_PREFIX}${landscapeTypeId}`;
}

/** The landscape type of a main-type code the knowledge base knows, else undefined. */
function mainTypeOf(kb: KnowledgeBase, code: string): ZoneringTypeRef | undefined {
  if (!code.startsWith(MAIN_TYPE_PREFIX)) return undefined;
  const id = code.slice(MAIN_TYPE_PREFIX.length);
  return landscapeTypeOf(kb, id) === undefined ? undefined : { kind: 'landscape', id };
}

/**
 * The type of a zone code at regio/stad scale: the zone's landscape type, or its BKNSN group when
 * it has none (A antropogeen, W water); a main-type code's landscape type; undefined for codes the
 * knowledge base does not know.
 */
export function zoneringType(kb: KnowledgeBase, code: string): ZoneringTypeRef | undefined {
  const zone = zoneOf(kb, code);
  if (zone === undefined) return mainTypeOf(kb, code);
  if (zone.landscapeType !== null && landscapeTypeOf(kb, zone.landscapeType) !== undefined) {
    return { kind: 'landscape', id: zone.landscapeType };
  }
  return { kind: 'group', id: zone.group };
}

/** Colour of a type (landscape type or group), `#rrggbb`. */
export function typeColour(kb: KnowledgeBase, type: ZoneringTypeRef): string {
  const colour =
    type.kind === 'landscape' ? landscapeTypeOf(kb, type.id)?.colour : groupOf(kb, type.id)?.colour;
  return colour ?? UNKNOWN_ZONE_COLOUR;
}

/** Name of a type (landscape type or group) in `lang`. */
export function typeName(kb: KnowledgeBase, type: ZoneringTypeRef, lang: Lang): string {
  const name =
    type.kind === 'landscape' ? landscapeTypeOf(kb, type.id)?.name : groupOf(kb, type.id)?.name;
  return name === undefined ? type.id : pick(name, lang);
}

/**
 * The fill colour of a zone code at a scale, `#rrggbb`: at regio/stad scale the colour of the
 * zone's landscape type (zones without one, A and W: their group's colour), at wijk/dorp and straat
 * scale the zone's own colour. Unknown codes get {@link UNKNOWN_ZONE_COLOUR}.
 */
export function zoneringColour(kb: KnowledgeBase, code: string, scale: Scale): string {
  const zone = zoneOf(kb, code);
  if (zone === undefined) {
    const main = mainTypeOf(kb, code);
    return main === undefined ? UNKNOWN_ZONE_COLOUR : typeColour(kb, main);
  }
  if (!showsTypes(scale)) return zone.colour;
  const type = zoneringType(kb, code);
  return type === undefined ? UNKNOWN_ZONE_COLOUR : typeColour(kb, type);
}

/** The outline of a zonering polygon: colour `#rrggbb`, opacity 0–1 and width in CSS pixels. */
export interface ZoneringOutline {
  colour: string;
  opacity: number;
  widthPx: number;
}

/** Darkens a `#rrggbb` colour by `amount` (0–1) towards black; other strings are returned as is. */
function darken(hex: string, amount: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  const f = (s: string | undefined): string =>
    Math.round(parseInt(s ?? '0', 16) * (1 - amount))
      .toString(16)
      .padStart(2, '0');
  return `#${f(m[1])}${f(m[2])}${f(m[3])}`;
}

/**
 * The outline of a zone code's polygon at a scale: at regio/stad scale a darker shade of the type
 * colour (0.75 px), closer in a thin dark grey line (1 px, 70 % opaque) between zones. Used by the
 * map layers and the SLD/QML export alike.
 */
export function zoneringOutline(kb: KnowledgeBase, code: string, scale: Scale): ZoneringOutline {
  if (showsTypes(scale)) {
    return { colour: darken(zoneringColour(kb, code, scale), 0.25), opacity: 1, widthPx: 0.75 };
  }
  return { colour: '#212121', opacity: 0.7, widthPx: 1 };
}

/**
 * The map label of a zone code at a scale: the type name at regio/stad scale, else the zone name.
 * Unknown codes are labelled with the code itself.
 */
export function zoneringLabel(kb: KnowledgeBase, code: string, scale: Scale, lang: Lang): string {
  const zone = zoneOf(kb, code);
  if (zone === undefined) {
    const main = mainTypeOf(kb, code);
    return main === undefined ? code : typeName(kb, main, lang);
  }
  if (!showsTypes(scale)) return pick(zone.name, lang);
  const type = zoneringType(kb, code);
  return type === undefined ? code : typeName(kb, type, lang);
}

/** The zone name of a code in `lang` (the code itself when unknown). */
export function zoneName(kb: KnowledgeBase, code: string, lang: Lang): string {
  const zone = zoneOf(kb, code);
  if (zone === undefined) {
    const main = mainTypeOf(kb, code);
    return main === undefined ? code : typeName(kb, main, lang);
  }
  return pick(zone.name, lang);
}

/** The explanation of a legend entry, as plain texts in one language. */
export interface LegendExplanation {
  /** Plain-language description. */
  text: string;
  /** How soil, water and relief work (landscape types only). */
  system?: { soil: string; water: string; relief: string };
  /** Descriptions of the zones in view (groups without their own description: A, W). */
  zones?: Array<{ code: string; name: string; text: string }>;
}

/** One entry of the legend. */
export interface LegendEntry {
  /** Stable key, unique in the legend: `type:<id>`, `group:<id>`, `zone:<code>`, `unknown`. */
  key: string;
  kind: 'landscape' | 'group' | 'zone' | 'unknown';
  /** Landscape type id, group id or zone code (codes joined by `, ` for `unknown`). */
  id: string;
  label: string;
  /**
   * Swatch colour, `#rrggbb`: the same colour the map draws ({@link zoneringColour}). Absent on a
   * type entry at wijk/dorp and straat scale: the map draws its zones, not the type.
   */
  colour?: string;
  explanation: LegendExplanation;
  /** At wijk/dorp and straat scale: the zones in view of this type, in knowledge-base order. */
  zones?: LegendEntry[];
}

/** The legend model of a set of zone codes at a scale. */
export interface ZoneringLegend {
  scale: Scale;
  /** True when the entries are types (regio/stad scale); false when they are zones by type. */
  types: boolean;
  entries: LegendEntry[];
}

function typeKey(type: ZoneringTypeRef): string {
  return `${type.kind === 'landscape' ? 'type' : 'group'}:${type.id}`;
}

function typeEntry(
  kb: KnowledgeBase,
  type: ZoneringTypeRef,
  zones: readonly Zone[],
  lang: Lang,
): LegendEntry {
  let explanation: LegendExplanation;
  if (type.kind === 'landscape') {
    const t = landscapeTypeOf(kb, type.id);
    explanation = {
      text: pick(t?.description, lang),
      ...(t === undefined
        ? {}
        : {
            system: {
              soil: pick(t.system.soil, lang),
              water: pick(t.system.water, lang),
              relief: pick(t.system.relief, lang),
            },
          }),
    };
  } else {
    explanation = {
      text: '',
      zones: zones.map((z) => ({
        code: z.code,
        name: pick(z.name, lang),
        text: pick(z.description, lang),
      })),
    };
  }
  return {
    key: typeKey(type),
    kind: type.kind,
    id: type.id,
    label: typeName(kb, type, lang),
    colour: typeColour(kb, type),
    explanation,
  };
}

function typeOrder(kb: KnowledgeBase, type: ZoneringTypeRef): number {
  if (type.kind === 'landscape') return kb.landscapeTypes.findIndex((t) => t.id === type.id);
  return kb.landscapeTypes.length + kb.zoneGroups.findIndex((g) => g.id === type.id);
}

/**
 * The legend of the zone codes present (e.g. in the current view) at a scale, in `lang`.
 * At regio/stad scale: one entry per type (landscape type, or group for A/W zones). At wijk/dorp
 * and straat scale: the same type entries, each with its zones (colour of the zone). Codes the
 * knowledge base does not know are gathered in one last `unknown` entry. Order: knowledge base.
 */
export function zoneringLegend(
  kb: KnowledgeBase,
  codes: Iterable<string>,
  scale: Scale,
  lang: Lang,
): ZoneringLegend {
  const present = new Set(codes);
  const known = kb.zones.filter((z) => present.has(z.code));
  const unknown = [...present]
    .filter((c) => zoneOf(kb, c) === undefined && mainTypeOf(kb, c) === undefined)
    .sort();
  const byType = new Map<string, { type: ZoneringTypeRef; zones: Zone[] }>();
  for (const zone of known) {
    const type = zoneringType(kb, zone.code) as ZoneringTypeRef;
    const key = typeKey(type);
    const slot = byType.get(key);
    if (slot === undefined) byType.set(key, { type, zones: [zone] });
    else slot.zones.push(zone);
  }
  // Main-type polygons (no zone): their landscape type, without zones, at every scale.
  for (const code of present) {
    const main = mainTypeOf(kb, code);
    if (main !== undefined && !byType.has(typeKey(main))) {
      byType.set(typeKey(main), { type: main, zones: [] });
    }
  }
  const types = showsTypes(scale);
  const groups = [...byType.values()].sort((a, b) => typeOrder(kb, a.type) - typeOrder(kb, b.type));
  const entries: LegendEntry[] = groups.map(({ type, zones }) => {
    const { colour, ...entry } = typeEntry(kb, type, zones, lang);
    if (types || zones.length === 0) return { ...entry, colour };
    return {
      ...entry,
      zones: zones.map((z) => ({
        key: `zone:${z.code}`,
        kind: 'zone' as const,
        id: z.code,
        label: pick(z.name, lang),
        colour: zoneringColour(kb, z.code, scale),
        explanation: { text: pick(z.description, lang) },
      })),
    };
  });
  if (unknown.length > 0) {
    entries.push({
      key: 'unknown',
      kind: 'unknown',
      id: unknown.join(', '),
      label: unknown.join(', '),
      colour: UNKNOWN_ZONE_COLOUR,
      explanation: { text: '' },
    });
  }
  return { scale, types, entries };
}

/**
 * The hatching of a zonering polygon, the second cue next to colour (WCAG 1.4.1) where colours
 * cannot be relied on, e.g. in forced-colours (high contrast) mode: thin dark lines at `angle`
 * degrees (0 horizontal, then counter-clockwise), `spacingPx` CSS pixels apart.
 */
export interface ZoneringHatch {
  angle: 0 | 45 | 90 | 135;
  spacingPx: 5 | 9;
}

const HATCHES: readonly ZoneringHatch[] = [
  { angle: 45, spacingPx: 5 },
  { angle: 135, spacingPx: 5 },
  { angle: 0, spacingPx: 5 },
  { angle: 90, spacingPx: 5 },
  { angle: 45, spacingPx: 9 },
  { angle: 135, spacingPx: 9 },
  { angle: 0, spacingPx: 9 },
  { angle: 90, spacingPx: 9 },
];

/**
 * The hatching of a zone code at a scale. Zones that share a landscape type (the ones that lie
 * next to each other most) get different hatchings, in the knowledge base's order; at regio/stad
 * scale the types get different hatchings. Map layer and legend use the same function.
 */
export function zoneringHatch(kb: KnowledgeBase, code: string, scale: Scale): ZoneringHatch {
  const zone = zoneOf(kb, code);
  let index = 0;
  if (zone !== undefined) {
    const type = zoneringType(kb, code);
    if (showsTypes(scale)) {
      const ids = [...kb.landscapeTypes.map((t) => `landscape:${t.id}`)];
      for (const g of kb.zoneGroups) ids.push(`group:${g.id}`);
      index = type === undefined ? 0 : Math.max(0, ids.indexOf(`${type.kind}:${type.id}`));
    } else {
      const siblings = kb.zones.filter(
        (z) => (zone.landscapeType ?? zone.group) === (z.landscapeType ?? z.group),
      );
      index = siblings.indexOf(zone);
    }
  }
  return HATCHES[index % HATCHES.length] ?? { angle: 45, spacingPx: 5 };
}
