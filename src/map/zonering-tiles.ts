/**
 * The zonering as OpenLayers vector tiles (issue #11): national data drawn without loading it
 * whole. Tiles are Mapbox Vector Tiles in the Dutch `NetherlandsRDNewQuad` grid (EPSG:28992), a
 * directory of static files written by `npm run tiles` (scripts/tiles.mjs) and described by its
 * `tiles.json`; see docs/adr/0006-vector-tiles.md. Same style, labels, hover and legend as the
 * vector layer (`zonering-layer.ts`), through the shared {@link ZoneringStyler}.
 *
 * This module pulls in `ol/layer/VectorTile` and `ol/format/MVT`: import it lazily (the
 * `<na-zonering-layer tiles="…">` element does), so pages without tiles do not load it.
 */
import type { Coordinate } from 'ol/coordinate.js';
import type { EventsKey } from 'ol/events.js';
import type { Extent } from 'ol/extent.js';
import type { FeatureLike } from 'ol/Feature.js';
import MVT from 'ol/format/MVT.js';
import { linearRingContainsXY } from 'ol/geom/flat/contains.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import type RenderFeature from 'ol/render/Feature.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import TileGrid from 'ol/tilegrid/TileGrid.js';
import { NaError } from '../core/types.js';
import { defined } from '../core/defined.js';
import { registerRd } from './projection.js';
import {
  ZoneringStyled,
  ZoneringStyler,
  zoneringLayerLook,
  type ZoneringFeatures,
  type ZoneringStyleOptions,
} from './zonering-feature-style.js';

/** A tile set as described by the `tiles.json` that `npm run tiles` writes. */
export interface ZoneringTiles {
  /** Tile URL template with `{z}`, `{x}`, `{y}` (absolute, resolved against `tiles.json`). */
  url: string;
  /** Name of the layer in the tiles that holds the zonering (default `zonering`). */
  layer: string;
  /** CRS of the tile grid; only EPSG:28992 (`NetherlandsRDNewQuad`). */
  crs: 'EPSG:28992';
  /** Top-left corner of the tile grid (m). */
  origin: [number, number];
  /** Tile size in pixels (256). */
  tileSize: number;
  /** Resolutions (m/px) of the zoom levels 0…maxZoom. */
  resolutions: number[];
  /** First zoom level with tiles. */
  minZoom: number;
  /** Data extent in EPSG:28992, when known (no requests outside it). */
  extent?: Extent;
  /** Number of features in the source data, when known. */
  featureCount?: number;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Reads a `tiles.json` (text) into {@link ZoneringTiles}; the tile template is resolved against
 * `baseUrl` (the URL of the `tiles.json`). Throws a `NaError('invalid-tiles')` on anything else.
 */
export function parseZoneringTiles(text: string, baseUrl: string): ZoneringTiles {
  const fail = (why: string): never => {
    throw new NaError('invalid-tiles', `${baseUrl}: ${why}`);
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('no object');
  const d = value as Record<string, unknown>;
  if (d['format'] !== 'mvt') fail('format must be "mvt"');
  if (d['crs'] !== 'EPSG:28992') fail('crs must be EPSG:28992');
  const tiles = d['tiles'];
  if (
    typeof tiles !== 'string' ||
    !/\{z\}/.test(tiles) ||
    !/\{x\}/.test(tiles) ||
    !/\{y\}/.test(tiles)
  )
    fail('tiles must be a URL template with {z}, {x} and {y}');
  const origin = d['origin'];
  if (!Array.isArray(origin) || origin.length !== 2 || !origin.every(isNumber))
    fail('origin must be [x, y]');
  const resolutions = d['resolutions'];
  if (
    !Array.isArray(resolutions) ||
    resolutions.length === 0 ||
    !resolutions.every((r, i, a) => isNumber(r) && r > 0 && (i === 0 || r < (a[i - 1] as number)))
  )
    fail('resolutions must be decreasing positive numbers');
  const extent = d['extent'];
  const hasExtent = Array.isArray(extent) && extent.length === 4 && extent.every(isNumber);
  const layer = d['layer'];
  const minZoom = d['minZoom'];
  const tileSize = d['tileSize'];
  const count = d['featureCount'];
  // Keep the braces of the template: resolve the directory, then append.
  const template = tiles as string;
  const absolute = /^[a-z][a-z0-9+.-]*:|^\//i.test(template)
    ? template
    : `${new URL('./', new URL(baseUrl, globalThis.location?.href)).href}${template}`;
  return {
    url: absolute,
    layer: typeof layer === 'string' && layer !== '' ? layer : 'zonering',
    crs: 'EPSG:28992',
    origin: origin as [number, number],
    tileSize: isNumber(tileSize) && tileSize > 0 ? tileSize : 256,
    resolutions: resolutions as number[],
    minZoom: isNumber(minZoom) && minZoom >= 0 ? Math.floor(minZoom) : 0,
    ...(hasExtent ? { extent: extent as Extent } : {}),
    ...(isNumber(count) ? { featureCount: count } : {}),
  };
}

/** Options of {@link createZoneringTileLayer}: those of the vector layer that apply to tiles. */
export interface ZoneringTileLayerOptions extends ZoneringStyleOptions {
  /** Layer opacity 0–1 (default 0.7). */
  opacity?: number;
  visible?: boolean;
  zIndex?: number;
  /** CSS class of the layer element (default `na-zonering-layer`). */
  className?: string;
}

/** True when a ring set (flat coordinates, ring ends) contains x, y (even-odd over all rings). */
function ringsContain(
  flat: number[],
  ends: number[],
  stride: number,
  x: number,
  y: number,
): boolean {
  let inside = false;
  let offset = 0;
  for (const end of ends) {
    if (linearRingContainsXY(flat, offset, end, stride, x, y)) inside = !inside;
    offset = end;
  }
  return inside;
}

/**
 * The zonering from vector tiles. Only on maps in EPSG:28992 (OpenLayers does not reproject
 * vector tiles); elsewhere use the vector layer. The features are `RenderFeature`s of the tiles in
 * view; {@link forEachFeatureInExtent} and {@link featuresAtCoordinate} see the rendered tiles.
 */
export class ZoneringTileLayer
  extends ZoneringStyled(VectorTileLayer<VectorTileSource<RenderFeature>, RenderFeature>)
  implements ZoneringFeatures
{
  /** The knowledge base that gives colours and names. */
  readonly knowledgeBase: ZoneringStyler['knowledgeBase'];
  /** The tile set. */
  readonly tiles: ZoneringTiles;

  constructor(
    tiles: ZoneringTiles,
    kb: ZoneringStyler['knowledgeBase'],
    options: ZoneringTileLayerOptions = {},
  ) {
    const projection = registerRd();
    const source = new VectorTileSource<RenderFeature>({
      format: new MVT({ layers: [tiles.layer] }),
      url: tiles.url,
      projection,
      tileGrid: new TileGrid({
        origin: tiles.origin,
        resolutions: tiles.resolutions,
        tileSize: tiles.tileSize,
        minZoom: tiles.minZoom,
        ...defined({ extent: tiles.extent }),
      }),
      overlaps: false,
    });
    super({ source, ...zoneringLayerLook(options) });
    this.tiles = tiles;
    this.knowledgeBase = kb;
    this.initZoneringStyle(kb, options);
  }

  /** Calls `callback` for every feature of the rendered tiles whose extent intersects `extent`. */
  forEachFeatureInExtent(extent: Extent, callback: (feature: FeatureLike) => void): void {
    for (const feature of this.getFeaturesInExtent(extent)) callback(feature);
  }

  /** The features of the rendered tiles that contain `coordinate`. */
  featuresAtCoordinate(coordinate: Coordinate): FeatureLike[] {
    const [x, y] = coordinate as [number, number];
    return this.getFeaturesInExtent([x, y, x, y]).filter((f) => {
      const ends = f.getEnds();
      const type = f.getType();
      if (ends === null || type !== 'Polygon') return false;
      return ringsContain(f.getFlatCoordinates(), ends, f.getStride(), x, y);
    });
  }

  /** Listens for loaded tiles; release with `unByKey`. */
  onFeaturesChange(listener: () => void): EventsKey {
    return (this.getSource() as VectorTileSource<RenderFeature>).on('tileloadend', listener);
  }
}

/**
 * Creates the zonering layer of a tile set (see {@link parseZoneringTiles}). Add it to a map in
 * EPSG:28992 with `map.addLayer(layer)`; remove it with `map.removeLayer(layer)` and
 * `layer.dispose()`.
 */
export function createZoneringTileLayer(
  tiles: ZoneringTiles,
  kb: ZoneringStyler['knowledgeBase'],
  options: ZoneringTileLayerOptions = {},
): ZoneringTileLayer {
  return new ZoneringTileLayer(tiles, kb, options);
}
