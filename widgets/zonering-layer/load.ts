/**
 * Loading the `src` file of `<na-zonering-layer>`: the GeoJSON polygons as a source, and the
 * error code a failed load is reported with.
 */
import { NaError, type LocalizedText } from '../../src/core/types.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import type { ZoneringMapLayer } from '../../src/map/zonering-feature-style.js';
import type { ZoneringFgbLayerOptions } from '../../src/map/zonering-fgb.js';
import { defined } from '../../src/core/defined.js';
import { GeoJsonSource } from '../../src/sources/geojson.js';
import { SourceRequestError } from '../../src/sources/request-error.js';
import { fileNameOf, loadTextFile } from '../../src/sources/sources-file.js';
import { isAbortError } from '../../src/sources/abort.js';
import type { createZoneringTileLayer, ZoneringTiles } from '../../src/map/zonering-tiles.js';
import type { ZoneringErrorCode } from './events.js';

/**
 * The zonering polygons of a GeoJSON file.
 * @param crs CRS of the data (else the file's own `crs` member, else WGS 84)
 * @param zoneProperty the feature property with the BKNSN zone code
 */
export async function loadZoneringFile(
  url: string,
  crs: string | undefined,
  zoneProperty: string,
  signal: AbortSignal,
): Promise<GeoJsonSource> {
  const text = await loadTextFile(url, { signal });
  signal.throwIfAborted();
  return GeoJsonSource.fromText(
    text,
    {
      id: 'zonering',
      title: fileNameOf(url),
      ...defined({ crs: crs || undefined }),
      properties: { zone: zoneProperty },
    },
    url,
  );
}

/** A tile description (`tiles.json`) read and checked, with the tile code to draw it. */
export interface ZoneringTilesFile {
  tiles: ZoneringTiles;
  create: typeof createZoneringTileLayer;
}

/** A layer's data described (tiles, or a FlatGeobuf file), with the code to draw it. */
export interface ZoneringLayerFile {
  /** Number of features in the data (0 when not known). */
  featureCount: number;
  /** Makes the layer. */
  create(kb: KnowledgeBase, options: ZoneringFgbLayerOptions): ZoneringMapLayer;
}

/** The tiles of {@link loadZoneringTiles} as a {@link ZoneringLayerFile}. */
export async function loadZoneringTileLayer(
  url: string,
  signal: AbortSignal,
): Promise<ZoneringLayerFile> {
  const { tiles, create } = await loadZoneringTiles(url, signal);
  return { featureCount: tiles.featureCount ?? 0, create: (kb, o) => create(tiles, kb, o) };
}

/** The tile description at `url`, parsed, and the tile code (imported on first use). */
export async function loadZoneringTiles(
  url: string,
  signal: AbortSignal,
): Promise<ZoneringTilesFile> {
  const [text, tilesModule] = await Promise.all([
    loadTextFile(url, { signal }),
    import('../../src/map/zonering-tiles.js'),
  ]);
  signal.throwIfAborted();
  return {
    tiles: tilesModule.parseZoneringTiles(text, url),
    create: tilesModule.createZoneringTileLayer,
  };
}

/**
 * The FlatGeobuf file at `url` (its header read, so a server without HTTP Range support fails
 * here) and the layer code, imported on first use; with `tilesUrl` also the tile description. The
 * layer: the `.fgb` read per view extent, or with tiles the tiles when zoomed out and the `.fgb`
 * when zoomed in.
 */
export async function loadZoneringFgb(
  url: string,
  tilesUrl: string | undefined,
  zoneProperty: string,
  signal: AbortSignal,
): Promise<ZoneringLayerFile> {
  const fgbModule = import('../../src/map/zonering-fgb.js');
  const [mod, opened, tiles] = await Promise.all([
    fgbModule,
    fgbModule.then((m) => m.openZoneringFgb(url, { zoneProperty, signal, title: fileNameOf(url) })),
    tilesUrl === undefined ? undefined : loadZoneringTiles(tilesUrl, signal),
  ]);
  signal.throwIfAborted();
  return {
    featureCount: opened.featureCount,
    create(kb, options) {
      const fgb = mod.createZoneringFgbLayer(opened.source, kb, options);
      if (tiles === undefined) return fgb;
      return new mod.ZoneringFgbTileLayers(fgb, tiles.create(tiles.tiles, kb, options), options);
    },
  };
}

/** Words for the user about a failed load, when the error has them (a FlatGeobuf file's). */
export function loadErrorText(e: unknown): LocalizedText | undefined {
  const text = (e as { userMessage?: unknown } | null)?.userMessage;
  return typeof text === 'object' && text !== null ? (text as LocalizedText) : undefined;
}

/** The error code of a failed load (`invalid-data` or `fetch-failed`), undefined when aborted. */
export function loadErrorCode(e: unknown): ZoneringErrorCode | undefined {
  if (isAbortError(e)) return undefined;
  const invalid =
    e instanceof NaError && !(e instanceof SourceRequestError) && e.code !== 'no-range-support';
  return invalid ? 'invalid-data' : 'fetch-failed';
}
