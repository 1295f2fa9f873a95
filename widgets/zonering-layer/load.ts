/**
 * Loading the `src` file of `<na-zonering-layer>`: the GeoJSON polygons as a source, and the
 * error code a failed load is reported with.
 */
import { NaError } from '../../src/core/types.js';
import { defined } from '../../src/core/defined.js';
import { GeoJsonSource } from '../../src/sources/geojson.js';
import { SourceRequestError } from '../../src/sources/http.js';
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

/** The error code of a failed load (`invalid-data` or `fetch-failed`), undefined when aborted. */
export function loadErrorCode(e: unknown): ZoneringErrorCode | undefined {
  if (isAbortError(e)) return undefined;
  const invalid = e instanceof NaError && !(e instanceof SourceRequestError);
  return invalid ? 'invalid-data' : 'fetch-failed';
}
