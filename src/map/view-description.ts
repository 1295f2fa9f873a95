/**
 * The map in words, for keyboard and screen-reader users: which way the view moved (pan direction,
 * zoom in/out) and where the zones in view lie ("Stuwwal (noorden), Dekzandrug (midden)").
 * Returns keys and plain data; widgets turn them into sentences in their language.
 */
import type OlMap from 'ol/Map.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import type { Lang, Scale } from '../core/types.js';
import type { ZoneringFeatures } from './zonering-feature-style.js';
import {
  showsTypes,
  typeName,
  zoneName,
  zoneringType,
  type ZoneringTypeRef,
} from './zonering-style.js';
import { defined } from '../core/defined.js';

/** A part of the map view: eight compass directions from the centre, or the centre itself. */
export type Compass =
  | 'north'
  | 'northeast'
  | 'east'
  | 'southeast'
  | 'south'
  | 'southwest'
  | 'west'
  | 'northwest'
  | 'centre';

/** Every {@link Compass} value, clockwise from north, then the centre. */
export const COMPASS: readonly Compass[] = [
  'north',
  'northeast',
  'east',
  'southeast',
  'south',
  'southwest',
  'west',
  'northwest',
  'centre',
];

/** The part of the view a state of the map has: centre (map units), resolution, rotation (rad). */
export interface ViewState {
  center: readonly [number, number];
  resolution: number;
  rotation: number;
}

/** How the view changed between two states, for an announcement. */
export interface ViewMove {
  /** Screen direction the centre moved to (north = up on an unrotated map), if it moved. */
  pan: Exclude<Compass, 'centre'> | null;
  /** `in` when the resolution got smaller, `out` when larger, null when unchanged. */
  zoom: 'in' | 'out' | null;
}

const DIRECTIONS: readonly Exclude<Compass, 'centre'>[] = [
  'east',
  'northeast',
  'north',
  'northwest',
  'west',
  'southwest',
  'south',
  'southeast',
];

/**
 * The compass direction of a vector (x east, y north), in eight 45° sectors. `null` for a zero
 * vector.
 */
export function compassOf(dx: number, dy: number): Exclude<Compass, 'centre'> | null {
  if (dx === 0 && dy === 0) return null;
  const angle = Math.atan2(dy, dx);
  const sector = Math.round(angle / (Math.PI / 4));
  return DIRECTIONS[((sector % 8) + 8) % 8] ?? null;
}

/** The current {@link ViewState} of a map, or undefined before its view has a centre. */
export function viewState(map: OlMap): ViewState | undefined {
  const view = map.getView();
  const center = view.getCenter();
  const resolution = view.getResolution();
  const x = center?.[0];
  const y = center?.[1];
  if (x === undefined || y === undefined || resolution === undefined) return undefined;
  return { center: [x, y], resolution, rotation: view.getRotation() };
}

/**
 * How the view moved from `before` to `after`: the pan direction on screen (a move smaller than
 * half a pixel counts as none) and the zoom direction (a change of resolution under 0.1 % counts
 * as none).
 */
export function describeMove(before: ViewState, after: ViewState): ViewMove {
  const dx = after.center[0] - before.center[0];
  const dy = after.center[1] - before.center[1];
  // Into screen axes: undo the view rotation (positive rotation turns the map anticlockwise).
  const cos = Math.cos(-after.rotation);
  const sin = Math.sin(-after.rotation);
  const sx = dx * cos - dy * sin;
  const sy = dx * sin + dy * cos;
  const moved = Math.hypot(sx, sy) >= 0.5 * Math.min(before.resolution, after.resolution);
  const ratio = after.resolution / before.resolution;
  let zoom: ViewMove['zoom'] = null;
  if (ratio < 0.999) zoom = 'in';
  else if (ratio > 1.001) zoom = 'out';
  return { pan: moved ? compassOf(sx, sy) : null, zoom };
}

/** One zone (or landscape type, at regio/stad scale) in view and where it lies. */
export interface ViewPart {
  /** Zone code, or the type id at regio/stad scale. */
  id: string;
  /** `zone`, `landscape` or `group`. */
  kind: 'zone' | 'landscape' | 'group';
  /** Name in the requested language. */
  name: string;
  /** Where most of it lies; `everywhere` when it fills (almost) the whole view. */
  where: Compass | 'everywhere';
  /** Share of the view it covers, 0–1 (from a grid of samples). */
  share: number;
}

/** What is in view, for a text alternative of the map. */
export interface ViewDescription {
  scale: Scale;
  /** Largest first. */
  parts: ViewPart[];
  /** Share of the view with no zonering at all, 0–1. */
  empty: number;
}

/** Samples per side of the grid laid over the view. */
const GRID = 15;
/** A part covering at least this share of the view is described as filling it. */
const EVERYWHERE = 0.9;

/**
 * Where the zones (or, at regio/stad scale, the landscape types) in the map's view lie: a grid of
 * points over the view is looked up in the layer's polygons (no rendering needed, so a hidden layer
 * can be described too); each zone's place is the mean of its points, classified into the centre
 * or one of eight directions (the view's middle third counts as the centre). Screen directions;
 * on a rotated map they are not the compass directions.
 */
export function describeView(layer: ZoneringFeatures, map: OlMap, lang: Lang): ViewDescription {
  const view = map.getView();
  const size = map.getSize();
  const resolution = view.getResolution();
  const center = view.getCenter();
  const scale = layer.scaleAt(resolution ?? Infinity);
  const width = size?.[0];
  const height = size?.[1];
  const cx = center?.[0];
  const cy = center?.[1];
  if (
    resolution === undefined ||
    width === undefined ||
    height === undefined ||
    width <= 0 ||
    height <= 0 ||
    cx === undefined ||
    cy === undefined
  ) {
    return { scale, parts: [], empty: 1 };
  }
  const kb: KnowledgeBase = layer.knowledgeBase;
  const types = showsTypes(scale);
  const rotation = view.getRotation();
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  const acc = new Map<
    string,
    { kind: ViewPart['kind']; type?: ZoneringTypeRef; n: number; sx: number; sy: number }
  >();
  let empty = 0;
  const total = GRID * GRID;
  for (let i = 0; i < GRID; i += 1) {
    for (let j = 0; j < GRID; j += 1) {
      // Screen offsets from the centre in [-0.5, 0.5] (x right, y up), then into map units.
      const u = (i + 0.5) / GRID - 0.5;
      const v = 0.5 - (j + 0.5) / GRID;
      const ox = u * width * resolution;
      const oy = v * height * resolution;
      const coordinate = [cx + ox * cos - oy * sin, cy + ox * sin + oy * cos];
      let code: string | undefined;
      for (const feature of layer.featuresAtCoordinate(coordinate)) {
        code = layer.codeOf(feature);
        if (code !== undefined) break;
      }
      if (code === undefined) {
        empty += 1;
        continue;
      }
      let key = `zone:${code}`;
      let kind: ViewPart['kind'] = 'zone';
      const t = types ? zoneringType(kb, code) : undefined;
      if (t !== undefined) {
        key = `${t.kind}:${t.id}`;
        kind = t.kind;
      }
      const entry = acc.get(key) ?? {
        kind,
        ...defined({ type: t }),
        n: 0,
        sx: 0,
        sy: 0,
      };
      entry.n += 1;
      entry.sx += u;
      entry.sy += v;
      acc.set(key, entry);
    }
  }
  const parts: ViewPart[] = [];
  for (const [key, e] of acc) {
    const id = key.slice(key.indexOf(':') + 1);
    const share = e.n / total;
    const name = e.type === undefined ? zoneName(kb, id, lang) : typeName(kb, e.type, lang);
    parts.push({ id, kind: e.kind, name, where: placeOf(e.sx / e.n, e.sy / e.n, share), share });
  }
  parts.sort((a, b) => b.share - a.share || a.name.localeCompare(b.name));
  return { scale, parts, empty: empty / total };
}

/** The place of a mean offset (x right, y up, each in [-0.5, 0.5]) in the view. */
function placeOf(mx: number, my: number, share: number): Compass | 'everywhere' {
  if (share >= EVERYWHERE) return 'everywhere';
  const third = 1 / 6;
  if (Math.abs(mx) < third && Math.abs(my) < third) return 'centre';
  return compassOf(Math.abs(mx) < third ? 0 : mx, Math.abs(my) < third ? 0 : my) ?? 'centre';
}
