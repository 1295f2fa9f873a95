/**
 * The source types of the sources file (`geojson`, `ogc-api-features`, `wfs`, `wms`,
 * `arcgis-rest`, `geotiff`, `flatgeobuf`): their checks beyond the schema and their factories,
 * side by side, and {@link defaultSourceTypes}, the registry of them all.
 */
import { NaError } from '../core/types.js';
import { schemaText } from '../core/schema-messages.js';
import { ArcGisRestSource } from './arcgis-rest.js';
import { defined } from '../core/defined.js';
import { provenanceOf } from './facts.js';
import { GeoJsonSource } from './geojson.js';
import { where } from './source-entry.js';
import type {
  SourceEntry,
  SourceFactoryContext,
  SourceProblem,
  SourceType,
  SourceTypes,
} from './source-entry.js';
import type { RangeReader } from './flatgeobuf.js';
import { GeoTiffSource } from './geotiff.js';
import { OgcApiFeaturesSource } from './ogc-api-features.js';
import type { RemoteSourceOptions } from './remote.js';
import { WfsSource } from './wfs.js';
import type { WfsVersion } from './wfs.js';
import { WmsSource } from './wms.js';
import type { WmsVersion } from './wms.js';

type Problem = SourceProblem;

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
  return entry.layer === undefined
    ? [{ field: 'layer', message: `${schemaText('missingField', { field: 'layer' })} (${what})` }]
    : [];
}

function versionCheck(entry: SourceEntry, allowed: readonly string[], type: string): Problem[] {
  const v = entry.serviceVersion;
  return v === undefined || allowed.includes(v)
    ? []
    : [{ field: 'serviceVersion', message: `a ${type} source speaks ${allowed.join(' or ')}` }];
}

function common(entry: SourceEntry, context: SourceFactoryContext): RemoteSourceOptions {
  return {
    ...provenanceOf(entry),
    url: context.resolve(entry.url as string),
    properties: entry.propertyRefs ?? entry.properties,
    ...defined({
      valueMap: entry.valueMap,
      noData: entry.noData,
      classes: entry.classes,
      floodKind: entry.floodKind,
      detail: entry.detail,
      timeoutMs: entry.timeoutMs,
      retries: entry.retries,
      maxResponseBytes: entry.maxResponseBytes,
      fetch: context.fetch,
      coverage: entry.coverage,
      coverageCrs: entry.crs,
    }),
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
        ...defined({
          itemsPath: entry.itemsPath,
          collectionPath: entry.collectionPath,
          crsUri: entry.crsUri,
        }),
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
        ...defined({ serviceVersion: entry.serviceVersion as WfsVersion }),
        ...defined({ outputFormat: entry.outputFormat }),
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
        ...defined({ serviceVersion: entry.serviceVersion as WmsVersion }),
        ...defined({ infoFormat: entry.infoFormat, queryCrs: entry.queryCrs }),
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
        message: `${schemaText('missingField', { field: 'layer' })} (the layer id), unless "url" ends with …/FeatureServer/<id>`,
      });
    }
    return out;
  },
  create: (entry, context) =>
    Promise.resolve(
      new ArcGisRestSource({
        ...common(entry, context),
        ...defined({ layer: entry.layer }),
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
        ...provenanceOf(entry),
        bands: entry.bands ?? {},
        ...(remote
          ? { url: location }
          : { data: () => (loadBytes as (l: string) => Promise<ArrayBuffer>)(location) }),
        ...defined({
          crs: entry.crs,
          valueMap: entry.valueMap,
          timeoutMs: entry.timeoutMs,
          retries: entry.retries,
        }),
        ...defined({ maxResponseBytes: entry.maxResponseBytes }),
        ...defined({ maxDecodedBytes: entry.maxDecodedBytes, fetch: context.fetch }),
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
        ...defined({ fetch: context.fetch, timeoutMs: entry.timeoutMs, retries: entry.retries }),
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
      ...provenanceOf(entry),
      title: entry.title ?? entry.id,
      reader,
      properties: entry.properties,
      ...defined({ crs: entry.crs }),
    });
  },
};

/** The `geojson` source type: an in-memory {@link GeoJsonSource}. */
export const geojsonSourceType: SourceType = {
  check(entry) {
    const kinds = onlyNames(entry, 'geojson');
    if (kinds.length > 0) return kinds;
    if (entry.path === undefined && entry.url === undefined) {
      return [
        {
          field: 'path',
          message: 'a geojson source needs "path" (relative to this file) or "url"',
        },
      ];
    }
    if (entry.path !== undefined && entry.url !== undefined) {
      return [{ field: 'url', message: 'give either "path" or "url", not both' }];
    }
    return [];
  },
  async create(entry, context) {
    const given = (entry.path ?? entry.url) as string;
    const location = context.resolve(given);
    let text: string;
    try {
      text = await context.load(location);
    } catch (e) {
      if (context.signal?.aborted === true) throw e;
      const why = e instanceof Error ? e.message : String(e);
      throw new NaError(
        'source-load-failed',
        `Source "${entry.id}" (${where(entry, context.fileName)}): cannot load data file "${given}" (${location}): ${why}`,
        { sourceId: entry.id, file: given, location },
      );
    }
    try {
      return GeoJsonSource.fromText(
        text,
        {
          ...provenanceOf(entry),
          title: entry.title ?? entry.id,
          properties: entry.properties,
          ...defined({ crs: entry.crs, coverage: entry.coverage }),
        },
        given,
      );
    } catch (e) {
      if (!(e instanceof NaError)) throw e;
      const where = e.message.startsWith(`${given}:`) ? '' : ` (${given})`;
      throw new NaError(e.code, `Source "${entry.id}"${where}: ${e.message}`, {
        ...e.details,
        sourceId: entry.id,
        file: given,
      });
    }
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

/**
 * The implemented source types. Pass an extended copy (`{ ...defaultSourceTypes, wms: … }`) to
 * `parseSourcesConfig` and `createSources` to add or replace a type.
 */
export const defaultSourceTypes: SourceTypes = {
  geojson: geojsonSourceType,
  ...remoteSourceTypes,
};
