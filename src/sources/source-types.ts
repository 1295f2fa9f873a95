/**
 * The remote source types of the sources file (`ogc-api-features`, `wfs`, `wms`, `arcgis-rest`,
 * `geotiff`): their checks beyond the schema and their factories.
 */
import { NaError } from '../core/types.js';
import { ArcGisRestSource } from './arcgis-rest.js';
import type { SourceEntry, SourceFactoryContext, SourceType } from './config.js';
import type { RangeReader } from './flatgeobuf.js';
import { GeoTiffSource } from './geotiff.js';
import { OgcApiFeaturesSource } from './ogc-api-features.js';
import type { RemoteSourceOptions } from './remote.js';
import { WfsSource } from './wfs.js';
import type { WfsVersion } from './wfs.js';
import { WmsSource } from './wms.js';
import type { WmsVersion } from './wms.js';

type Problem = { field: string; message: string };

/** Fields that only some types use: field → types. */
const ONLY_FOR: Readonly<Record<string, readonly string[]>> = {
  layer: ['ogc-api-features', 'wfs', 'wms', 'arcgis-rest'],
  serviceVersion: ['wfs', 'wms'],
  crsUri: ['ogc-api-features'],
  itemsPath: ['ogc-api-features'],
  collectionPath: ['ogc-api-features'],
  outputFormat: ['wfs'],
  infoFormat: ['wms'],
  queryCrs: ['wms'],
  noData: ['ogc-api-features', 'wfs', 'wms', 'arcgis-rest'],
  classes: ['ogc-api-features', 'wfs', 'wms', 'arcgis-rest'],
  floodKind: ['ogc-api-features', 'wfs', 'wms', 'arcgis-rest'],
  detail: ['ogc-api-features', 'wfs', 'wms', 'arcgis-rest'],
  timeoutMs: ['ogc-api-features', 'wfs', 'wms', 'arcgis-rest', 'geotiff', 'flatgeobuf'],
  retries: ['ogc-api-features', 'wfs', 'wms', 'arcgis-rest', 'geotiff', 'flatgeobuf'],
  maxResponseBytes: ['ogc-api-features', 'wfs', 'wms', 'arcgis-rest', 'geotiff', 'flatgeobuf'],
  maxDecodedBytes: ['geotiff'],
};

function misplaced(entry: SourceEntry, type: string): Problem[] {
  const out: Problem[] = [];
  for (const [field, types] of Object.entries(ONLY_FOR)) {
    if ((entry as unknown as Record<string, unknown>)[field] === undefined) continue;
    if (!types.includes(type)) {
      out.push({ field, message: `"${field}" is only for ${types.join(', ')} sources` });
    }
  }
  return out;
}

/**
 * Checks that an entry of `type` maps facts to property names only (no band numbers; for
 * geojson no lists either) and uses no field of another type.
 */
export function onlyNames(entry: SourceEntry, type: string): Problem[] {
  const out = misplaced(entry, type);
  for (const f of Object.keys(entry.bands ?? {})) {
    out.push({
      field: `properties.${f}`,
      message: `a band number is only for geotiff sources; give the property name`,
    });
  }
  if (type === 'geojson') {
    for (const [f, ref] of Object.entries(entry.propertyRefs ?? {})) {
      if (Array.isArray(ref)) {
        out.push({
          field: `properties.${f}`,
          message: 'give one property name for a geojson source',
        });
      }
    }
  }
  return out;
}

function remoteChecks(entry: SourceEntry, type: string): Problem[] {
  const out = onlyNames(entry, type);
  if (entry.path !== undefined) {
    out.push({
      field: 'path',
      message: `a ${type} source is a service: give its "url", not "path"`,
    });
  }
  if (entry.url === undefined) {
    out.push({ field: 'url', message: `a ${type} source needs "url" (the service endpoint)` });
  }
  return out;
}

function needLayer(entry: SourceEntry, what: string): Problem[] {
  return entry.layer === undefined ? [{ field: 'layer', message: `is required (${what})` }] : [];
}

function versionCheck(entry: SourceEntry, allowed: readonly string[], type: string): Problem[] {
  const v = entry.serviceVersion;
  return v === undefined || allowed.includes(v)
    ? []
    : [{ field: 'serviceVersion', message: `a ${type} source speaks ${allowed.join(' or ')}` }];
}

function common(entry: SourceEntry, context: SourceFactoryContext): RemoteSourceOptions {
  return {
    id: entry.id,
    title: entry.title ?? entry.id,
    url: context.resolve(entry.url as string),
    properties: entry.propertyRefs ?? entry.properties,
    ...(entry.valueMap === undefined ? {} : { valueMap: entry.valueMap }),
    ...(entry.noData === undefined ? {} : { noData: entry.noData }),
    ...(entry.classes === undefined ? {} : { classes: entry.classes }),
    ...(entry.floodKind === undefined ? {} : { floodKind: entry.floodKind }),
    ...(entry.detail === undefined ? {} : { detail: entry.detail }),
    ...(entry.version === undefined ? {} : { version: entry.version }),
    ...(entry.scale === undefined ? {} : { scale: entry.scale }),
    ...(entry.licence === undefined ? {} : { licence: entry.licence }),
    ...(entry.documentation === undefined ? {} : { documentation: entry.documentation }),
    ...(entry.illustrative === undefined ? {} : { illustrative: entry.illustrative }),
    ...(entry.timeoutMs === undefined ? {} : { timeoutMs: entry.timeoutMs }),
    ...(entry.retries === undefined ? {} : { retries: entry.retries }),
    ...(entry.maxResponseBytes === undefined ? {} : { maxResponseBytes: entry.maxResponseBytes }),
    ...(context.fetch === undefined ? {} : { fetch: context.fetch }),
    ...(entry.coverage === undefined ? {} : { coverage: entry.coverage }),
    ...(entry.crs === undefined ? {} : { coverageCrs: entry.crs }),
  };
}

/** `ogc-api-features`: {@link OgcApiFeaturesSource}; `layer` is the collection id. */
export const ogcApiFeaturesSourceType: SourceType = {
  check: (entry) => [
    ...remoteChecks(entry, 'ogc-api-features'),
    ...needLayer(entry, 'the collection id'),
  ],
  create: (entry, context) =>
    Promise.resolve(
      new OgcApiFeaturesSource({
        ...common(entry, context),
        collection: entry.layer as string,
        ...(entry.itemsPath === undefined ? {} : { itemsPath: entry.itemsPath }),
        ...(entry.collectionPath === undefined ? {} : { collectionPath: entry.collectionPath }),
        ...(entry.crsUri === undefined ? {} : { crsUri: entry.crsUri }),
      }),
    ),
};

/** `wfs`: {@link WfsSource}; `layer` is the type name. */
export const wfsSourceType: SourceType = {
  check: (entry) => [
    ...remoteChecks(entry, 'wfs'),
    ...needLayer(entry, 'the feature type name'),
    ...versionCheck(entry, ['2.0.0', '1.1.0'], 'wfs'),
  ],
  create: (entry, context) =>
    Promise.resolve(
      new WfsSource({
        ...common(entry, context),
        typeName: entry.layer as string,
        ...(entry.serviceVersion === undefined
          ? {}
          : { serviceVersion: entry.serviceVersion as WfsVersion }),
        ...(entry.outputFormat === undefined ? {} : { outputFormat: entry.outputFormat }),
      }),
    ),
};

/** `wms`: {@link WmsSource} (GetFeatureInfo); `layer` is the layer name(s). */
export const wmsSourceType: SourceType = {
  check: (entry) => [
    ...remoteChecks(entry, 'wms'),
    ...needLayer(entry, 'the layer name'),
    ...versionCheck(entry, ['1.3.0', '1.1.1'], 'wms'),
  ],
  create: (entry, context) =>
    Promise.resolve(
      new WmsSource({
        ...common(entry, context),
        layers: entry.layer as string,
        ...(entry.serviceVersion === undefined
          ? {}
          : { serviceVersion: entry.serviceVersion as WmsVersion }),
        ...(entry.infoFormat === undefined ? {} : { infoFormat: entry.infoFormat }),
        ...(entry.queryCrs === undefined ? {} : { queryCrs: entry.queryCrs }),
      }),
    ),
};

const LAYER_IN_URL = /\/(?:FeatureServer|MapServer)\/\d+\/?$/i;

/** `arcgis-rest`: {@link ArcGisRestSource}; `layer` is the layer id (or the url ends with it). */
export const arcgisRestSourceType: SourceType = {
  check: (entry) => {
    const out = remoteChecks(entry, 'arcgis-rest');
    if (entry.layer === undefined && entry.url !== undefined && !LAYER_IN_URL.test(entry.url)) {
      out.push({
        field: 'layer',
        message: 'is required (the layer id), unless "url" ends with …/FeatureServer/<id>',
      });
    }
    return out;
  },
  create: (entry, context) =>
    Promise.resolve(
      new ArcGisRestSource({
        ...common(entry, context),
        ...(entry.layer === undefined ? {} : { layer: entry.layer }),
      }),
    ),
};

/** `geotiff`: {@link GeoTiffSource}; `properties` maps facts to band numbers. */
export const geotiffSourceType: SourceType = {
  check(entry) {
    const out = misplaced(entry, 'geotiff');
    for (const f of Object.keys(entry.propertyRefs ?? entry.properties)) {
      out.push({
        field: `properties.${f}`,
        message: 'a geotiff source maps a fact to a band number (1 = the first band)',
      });
    }
    if (entry.path === undefined && entry.url === undefined) {
      out.push({ field: 'path', message: 'a geotiff source needs "path" or "url"' });
    }
    if (entry.path !== undefined && entry.url !== undefined) {
      out.push({ field: 'url', message: 'give either "path" or "url", not both' });
    }
    return out;
  },
  create(entry, context) {
    const given = (entry.path ?? entry.url) as string;
    const location = context.resolve(given);
    const remote = /^https?:\/\//i.test(location);
    const loadBytes = context.loadBytes;
    if (!remote && loadBytes === undefined) {
      return Promise.reject(
        new NaError(
          'source-load-failed',
          `Source "${entry.id}": cannot read the local raster "${given}" here (no file loader); serve it over http(s).`,
          { sourceId: entry.id, file: given },
        ),
      );
    }
    return Promise.resolve(
      new GeoTiffSource({
        id: entry.id,
        title: entry.title ?? entry.id,
        bands: entry.bands ?? {},
        ...(remote
          ? { url: location }
          : { data: () => (loadBytes as (l: string) => Promise<ArrayBuffer>)(location) }),
        ...(entry.crs === undefined ? {} : { crs: entry.crs }),
        ...(entry.valueMap === undefined ? {} : { valueMap: entry.valueMap }),
        ...(entry.version === undefined ? {} : { version: entry.version }),
        ...(entry.scale === undefined ? {} : { scale: entry.scale }),
        ...(entry.licence === undefined ? {} : { licence: entry.licence }),
        ...(entry.documentation === undefined ? {} : { documentation: entry.documentation }),
        ...(entry.illustrative === undefined ? {} : { illustrative: entry.illustrative }),
        ...(entry.timeoutMs === undefined ? {} : { timeoutMs: entry.timeoutMs }),
        ...(entry.retries === undefined ? {} : { retries: entry.retries }),
        ...(entry.maxResponseBytes === undefined
          ? {}
          : { maxResponseBytes: entry.maxResponseBytes }),
        ...(entry.maxDecodedBytes === undefined ? {} : { maxDecodedBytes: entry.maxDecodedBytes }),
        ...(context.fetch === undefined ? {} : { fetch: context.fetch }),
      }),
    );
  },
};

/**
 * `flatgeobuf` (see flatgeobuf.ts): a `.fgb` with a spatial index, by `url` (read by HTTP
 * Range requests) or by `path` (a local file, read through the context's byte loader, e.g. in the
 * CLI). See {@link FlatGeobufSource}.
 */
export const flatgeobufSourceType: SourceType = {
  check(entry) {
    const out = onlyNames(entry, 'flatgeobuf');
    for (const [f, ref] of Object.entries(entry.propertyRefs ?? {})) {
      if (Array.isArray(ref)) {
        out.push({
          field: `properties.${f}`,
          message: 'give one property name for a flatgeobuf source',
        });
      }
    }
    if (entry.path === undefined && entry.url === undefined) {
      out.push({ field: 'path', message: 'a flatgeobuf source needs "path" or "url"' });
    }
    if (entry.path !== undefined && entry.url !== undefined) {
      out.push({ field: 'url', message: 'give either "path" or "url", not both' });
    }
    return out;
  },
  async create(entry, context) {
    // Loaded on demand: the FlatGeobuf decoder stays out of the first load.
    const { FlatGeobufSource, bufferRangeReader, httpRangeReader } =
      await import('./flatgeobuf.js');
    const given = (entry.path ?? entry.url) as string;
    const location = context.resolve(given);
    const remote = /^https?:\/\//i.test(location);
    const loadBytes = context.loadBytes;
    let reader: RangeReader;
    if (remote) {
      reader = httpRangeReader(location, {
        sourceId: entry.id,
        ...(context.fetch === undefined ? {} : { fetch: context.fetch }),
        ...(entry.timeoutMs === undefined ? {} : { timeoutMs: entry.timeoutMs }),
        ...(entry.retries === undefined ? {} : { retries: entry.retries }),
      });
    } else if (loadBytes !== undefined) {
      // A local file (the CLI): read once, then ranges from memory.
      let bytes: Promise<RangeReader> | undefined;
      reader = {
        async read(offset, length) {
          bytes ??= loadBytes(location).then(bufferRangeReader);
          return (await bytes).read(offset, length);
        },
      };
    } else {
      throw new NaError(
        'source-load-failed',
        `Source "${entry.id}": cannot read the local file "${given}" here (no file loader); serve it over http(s).`,
        { sourceId: entry.id, file: given },
      );
    }
    return new FlatGeobufSource({
      id: entry.id,
      title: entry.title ?? entry.id,
      reader,
      properties: entry.properties,
      ...(entry.crs === undefined ? {} : { crs: entry.crs }),
      ...(entry.version === undefined ? {} : { version: entry.version }),
      ...(entry.scale === undefined ? {} : { scale: entry.scale }),
      ...(entry.licence === undefined ? {} : { licence: entry.licence }),
      ...(entry.documentation === undefined ? {} : { url: entry.documentation }),
      ...(entry.illustrative === undefined ? {} : { illustrative: entry.illustrative }),
    });
  },
};

/** The remote source types by name. */
export const remoteSourceTypes: Readonly<Record<string, SourceType>> = {
  'ogc-api-features': ogcApiFeaturesSourceType,
  wfs: wfsSourceType,
  wms: wmsSourceType,
  'arcgis-rest': arcgisRestSourceType,
  geotiff: geotiffSourceType,
  flatgeobuf: flatgeobufSourceType,
};
