/**
 * The zonering from a FlatGeobuf file, read per view extent (issue #11): an OpenLayers vector
 * layer whose source uses the `bbox` loading strategy and reads, for each new extent, only the
 * features in it from the `.fgb` by HTTP range requests (the tree walk and range reads of
 * {@link FlatGeobufSource}, through the project's http layer). A new extent aborts the read of
 * the previous one; an extent with more features or bytes than the budget is not read (a
 * `too-complex` error, and the legend asks to zoom in). Same style, labels, hover and legend as
 * the other zonering layers, through the shared {@link ZoneringStyler}.
 *
 * Drawn only at scales where that is cheaper than tiles or loading the file whole: up to
 * `maxResolution` (ground m/px, default {@link DEFAULT_FGB_MAX_RESOLUTION}, measured with
 * `npm run bench -- fgb-zonering`). Above it: the vector tiles when given
 * ({@link ZoneringFgbTileLayers}), else nothing, and `zoomInAt` tells the legend to say "zoom in".
 *
 * Import this module lazily (the `<na-zonering-layer fgb="…">` element does).
 */
import type { Coordinate } from 'ol/coordinate.js';
import type { EventsKey } from 'ol/events.js';
import type { Extent } from 'ol/extent.js';
import type Feature from 'ol/Feature.js';
import type { FeatureLike } from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type BaseLayer from 'ol/layer/Base.js';
import LayerGroup from 'ol/layer/Group.js';
import VectorLayer from 'ol/layer/Vector.js';
import { bbox as bboxStrategy } from 'ol/loadingstrategy.js';
import type OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import { get as getProjection, getPointResolution, transform, transformExtent } from 'ol/proj.js';
import type Projection from 'ol/proj/Projection.js';
import VectorSource from 'ol/source/Vector.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import { NaError, type Lang, type LocalizedText, type Scale } from '../core/types.js';
import { defined } from '../core/defined.js';
import { isAbortError } from '../sources/abort.js';
import {
  FlatGeobufSource,
  flatgeobufUserMessage,
  httpRangeReader,
  type RangeStats,
} from '../sources/flatgeobuf.js';
import { SourceRequestError } from '../sources/http.js';
import { registerRd } from './projection.js';
import { ZoneringStyled, type ZoneringFeatures } from './zonering-feature-style.js';
import type { ZoneringLayerOptions } from './zonering-layer.js';
import type { ZoneringTileLayer } from './zonering-tiles.js';

/**
 * Default largest ground resolution (m per CSS pixel) at which the zonering is read from the
 * `.fgb`: RD zoom 7 (26.88 m/px), where a 1024 × 768 view of the synthetic national zonering
 * (22,400 polygons) reads about 120 kB in 2–3 requests and pans at 60 fps, while zoom 6 reads four
 * times as much per view; see docs/adr/0006-vector-tiles.md for the measurement.
 */
export const DEFAULT_FGB_MAX_RESOLUTION = 27;
/** Default budget of one extent read: features. */
export const DEFAULT_FGB_MAX_FEATURES = 5000;
/** Default budget of one extent read: bytes of features (4 MiB). */
export const DEFAULT_FGB_MAX_BYTES = 4 * 1024 * 1024;
/** Default number of features the layer keeps while the view moves (five full views). */
export const DEFAULT_FGB_MAX_LOADED_FEATURES = 5 * DEFAULT_FGB_MAX_FEATURES;

/** Options of {@link createZoneringFgbLayer}. */
export interface ZoneringFgbLayerOptions extends ZoneringLayerOptions {
  /**
   * Largest ground resolution (metres per CSS pixel) at which the layer reads and draws (default
   * {@link DEFAULT_FGB_MAX_RESOLUTION}); above it the layer shows nothing.
   */
  maxResolution?: number;
  /** Most features one view extent may read (default {@link DEFAULT_FGB_MAX_FEATURES}). */
  maxFeatures?: number;
  /** Most feature bytes one view extent may read (default {@link DEFAULT_FGB_MAX_BYTES}). */
  maxBytes?: number;
  /**
   * Most features kept while the view moves (default {@link DEFAULT_FGB_MAX_LOADED_FEATURES}):
   * beyond it, before the next extent is read, the features outside the view are dropped and the
   * extents read before are forgotten (read again, from the HTTP cache, when the view returns), so
   * a long session of panning across the country does not keep the whole country in memory.
   */
  maxLoadedFeatures?: number;
}

/** Options of {@link openZoneringFgb}. */
export interface OpenZoneringFgbOptions {
  /** Feature property with the BKNSN zone code (default `BKNSN_code`). */
  zoneProperty?: string;
  /** Name of the file in messages (default: the last part of the URL). */
  title?: string;
  signal?: AbortSignal;
}

/**
 * The FlatGeobuf file at `url` as a source for {@link createZoneringFgbLayer}, with its header
 * read (so a server without HTTP Range support or a file without spatial index fails here, with
 * the typed errors of `src/sources/flatgeobuf.ts`). Resolves with the source and the number of
 * features in the file.
 */
export async function openZoneringFgb(
  url: string,
  options: OpenZoneringFgbOptions = {},
): Promise<{ source: FlatGeobufSource; featureCount: number }> {
  const title = options.title ?? (url.split(/[?#]/)[0] ?? url).split('/').pop() ?? url;
  const source = new FlatGeobufSource({
    id: 'zonering',
    title: title === '' ? url : title,
    reader: httpRangeReader(url, { sourceId: 'zonering' }),
    properties: { zone: options.zoneProperty ?? 'BKNSN_code' },
  });
  try {
    const header = await source.header(options.signal);
    return { source, featureCount: header.featuresCount };
  } catch (e) {
    const userMessage = e instanceof NaError ? flatgeobufUserMessage(e, source.title) : undefined;
    if (userMessage === undefined || e instanceof SourceRequestError) throw e;
    throw new ZoneringFgbError(e as NaError, userMessage);
  }
}

/**
 * A FlatGeobuf file the map cannot read (no HTTP Range support, not a FlatGeobuf file with a
 * spatial index): the code of its cause, and words for the user in Dutch and English.
 */
export class ZoneringFgbError extends NaError {
  readonly userMessage: LocalizedText;
  constructor(cause: NaError, userMessage: LocalizedText) {
    super(cause.code, cause.message, { ...cause.details });
    this.name = 'ZoneringFgbError';
    this.cause = cause;
    this.userMessage = userMessage;
  }
}

/** What the layer read for the last extent (for tests and benchmarks). */
export interface FgbExtentRead extends RangeStats {
  /** Features read for that extent. */
  features: number;
}

/** True for the budget error of an extent read (too many features or bytes). */
export function isOverBudget(e: unknown): boolean {
  return e instanceof SourceRequestError && e.code === 'too-complex';
}

/** Ground metres per unit of `projection` in the Netherlands (1 for RD, about 0.62 for 3857). */
function groundFactor(projection: Projection): number {
  registerRd();
  const centre = transform([155000, 463000], 'EPSG:28992', projection);
  const f = getPointResolution(projection, 1, centre, 'm');
  return Number.isFinite(f) && f > 0 ? f : 1;
}

/**
 * The zonering of a FlatGeobuf file, loaded per view extent. Create it with
 * {@link createZoneringFgbLayer}. Features carry the file's properties and their feature index as
 * id (so an extent that overlaps an earlier one adds only the new ones).
 */
export class ZoneringFgbLayer
  extends ZoneringStyled(VectorLayer<VectorSource<Feature>, Feature>)
  implements ZoneringFeatures
{
  /** The knowledge base that gives colours and names. */
  readonly knowledgeBase: KnowledgeBase;
  /** The file. Its `stats` count every request and byte read. */
  readonly fgbSource: FlatGeobufSource;
  /**
   * The error of the last extent read that failed (undefined once an extent loads); an over-budget
   * error is a `too-complex` `SourceRequestError` ({@link isOverBudget}).
   */
  lastError: unknown;
  /** What the last extent read that completed read. */
  lastRead: FgbExtentRead | undefined;
  /** Number of extent reads aborted because the view moved on. */
  aborted = 0;

  private readonly groundMaxResolution: number;
  private readonly budget: { maxFeatures: number; maxBytes: number };
  private readonly abort = new AbortController();
  private reading: AbortController | undefined;
  private projectionCode: string | undefined;
  /** Extents over the read budget, and the resolution they were asked at. */
  private readonly overBudget: Array<{ extent: Extent; resolution: number }> = [];
  /** Extents read (loaded in the source), to forget them when features are dropped. */
  private readonly loadedExtents: Extent[] = [];
  private readonly maxLoadedFeatures: number;
  /** Number of times features outside the view were dropped. */
  evictions = 0;

  constructor(source: FlatGeobufSource, kb: KnowledgeBase, options: ZoneringFgbLayerOptions = {}) {
    const vectorSource = new VectorSource<Feature>({
      // The view's extent; extents over budget are kept as "loaded" (not read again every frame)
      // until the view zooms in, then forgotten so their smaller parts are read.
      strategy: (extent, resolution) => {
        const over = this.overBudget;
        if (over.length > 0 && over.every((o) => resolution < o.resolution * 0.99)) {
          for (const o of over.splice(0)) vectorSource.removeLoadedExtent(o.extent);
        }
        this.evict(vectorSource, extent);
        return bboxStrategy(extent, resolution);
      },
    });
    const maxResolution = options.maxResolution ?? DEFAULT_FGB_MAX_RESOLUTION;
    super({
      source: vectorSource,
      className: options.className ?? 'na-zonering-layer',
      opacity: options.opacity ?? 0.7,
      visible: options.visible ?? true,
      declutter: true,
      maxResolution,
      ...defined({ zIndex: options.zIndex }),
    });
    this.fgbSource = source;
    this.knowledgeBase = kb;
    this.groundMaxResolution = maxResolution;
    this.budget = {
      maxFeatures: options.maxFeatures ?? DEFAULT_FGB_MAX_FEATURES,
      maxBytes: options.maxBytes ?? DEFAULT_FGB_MAX_BYTES,
    };
    this.maxLoadedFeatures = options.maxLoadedFeatures ?? DEFAULT_FGB_MAX_LOADED_FEATURES;
    this.initZoneringStyle(kb, options);
    vectorSource.setLoader((extent, resolution, projection, success, failure) => {
      // The view moved on: the read of the previous extent is no longer needed.
      if (this.reading !== undefined && !this.reading.signal.aborted) {
        this.reading.abort(new DOMException('The view moved on.', 'AbortError'));
        this.aborted++;
      }
      const reading = new AbortController();
      this.reading = reading;
      this.readExtent(extent, projection, reading.signal).then(
        (features) => {
          this.loadedExtents.push(extent);
          success?.(features);
        },
        (e: unknown) => {
          if (isOverBudget(e)) this.overBudget.push({ extent, resolution });
          // Not loaded: read again when the view comes back here.
          else vectorSource.removeLoadedExtent(extent);
          if (!isAbortError(e) && !this.abort.signal.aborted) {
            this.lastError = e;
            if (!isOverBudget(e)) console.warn('na-zonering: reading the .fgb failed', e);
            // The legend follows the source's changes: it now says why nothing is drawn.
            vectorSource.changed();
          }
          failure?.();
        },
      );
    });
  }

  /**
   * Over {@link ZoneringFgbLayerOptions.maxLoadedFeatures}: drops the features that do not meet
   * `extent` (the view about to be read) and forgets every extent read before, so that the view's
   * extent is read again (its features still there are kept: the source skips known ids).
   */
  private evict(vectorSource: VectorSource<Feature>, extent: Extent): void {
    if (vectorSource.getFeaturesCollection() !== null) return;
    if (vectorSource.getFeatures().length <= this.maxLoadedFeatures) return;
    for (const e of this.loadedExtents.splice(0)) vectorSource.removeLoadedExtent(e);
    const outside: Feature[] = [];
    vectorSource.forEachFeature((f) => {
      if (f.getGeometry()?.intersectsExtent(extent) !== true) outside.push(f);
    });
    for (const f of outside) vectorSource.removeFeature(f);
    this.evictions++;
  }

  /** Sets the map (OpenLayers calls it): the resolution limit follows the map's projection. */
  override setMapInternal(map: OlMap | null): void {
    super.setMapInternal(map);
    if (map === null) return;
    const projection = map.getView().getProjection();
    if (projection.getCode() === this.projectionCode) return;
    this.projectionCode = projection.getCode();
    const factor = groundFactor(projection);
    this.zoneringStyler.groundFactor = factor;
    this.zoneringStyler.clear();
    this.setMaxResolution(this.groundMaxResolution / factor);
  }

  /** Reads the features of `extent` (map projection) and adds the new ones to the source. */
  private async readExtent(
    extent: Extent,
    projection: Projection,
    signal: AbortSignal,
  ): Promise<Feature[]> {
    const before = { ...this.fgbSource.stats };
    registerRd();
    const rd = transformExtent(extent, projection, 'EPSG:28992') as [
      number,
      number,
      number,
      number,
    ];
    const { crs, features } = await this.fgbSource.readBox(rd, 'EPSG:28992', {
      signal,
      ...this.budget,
    });
    signal.throwIfAborted();
    const read = new GeoJSON<Feature>().readFeatures(
      { type: 'FeatureCollection', features },
      { dataProjection: getProjection(crs) ?? projection, featureProjection: projection },
    );
    // Features already there (same id) are skipped by the source.
    this.getSource()?.addFeatures(read);
    this.lastError = undefined;
    this.lastRead = {
      features: read.length,
      requests: this.fgbSource.stats.requests - before.requests,
      bytes: this.fgbSource.stats.bytes - before.bytes,
    };
    return read;
  }

  /** True when the layer draws at the map's current resolution (or when there is no map yet). */
  private drawsNow(): boolean {
    const resolution = this.getMapInternal()?.getView().getResolution();
    return resolution === undefined || resolution <= this.getMaxResolution();
  }

  /**
   * True when the view must zoom in to show the zonering at `resolution` (map units per pixel):
   * above the layer's resolution limit, or when the view's extent was over the read budget.
   */
  zoomInAt(resolution: number): boolean {
    return resolution > this.getMaxResolution() || isOverBudget(this.lastError);
  }

  /** Calls `callback` for every loaded feature in `extent`, while the layer draws. */
  forEachFeatureInExtent(extent: Extent, callback: (feature: FeatureLike) => void): void {
    if (!this.drawsNow()) return;
    this.getSource()?.forEachFeatureIntersectingExtent(extent, (feature) => {
      callback(feature);
    });
  }

  /** The loaded features that contain `coordinate`, while the layer draws. */
  featuresAtCoordinate(coordinate: Coordinate): FeatureLike[] {
    if (!this.drawsNow()) return [];
    return this.getSource()?.getFeaturesAtCoordinate(coordinate) ?? [];
  }

  /** Listens for a change of the loaded features (an extent read, or its failure). */
  onFeaturesChange(listener: () => void): EventsKey {
    const source = this.getSource();
    return source === null ? this.on('change:source', listener) : source.on('change', listener);
  }

  /** Stops the read in flight and releases the source. */
  override disposeInternal(): void {
    this.abort.abort();
    this.reading?.abort(new DOMException('The layer was disposed.', 'AbortError'));
    super.disposeInternal();
  }
}

/**
 * The vector tiles when zoomed out and the `.fgb` read per extent when zoomed in, as one layer
 * for the hover, legend and view description: each question is answered by the layer that draws
 * at the map's resolution. Opacity and visibility are the group's (its layers draw opaque inside
 * it).
 */
export class ZoneringFgbTileLayers extends LayerGroup implements ZoneringFeatures {
  readonly knowledgeBase: KnowledgeBase;
  readonly fgbLayer: ZoneringFgbLayer;
  readonly tileLayer: ZoneringTileLayer;
  private readonly keys: EventsKey[];

  constructor(
    fgbLayer: ZoneringFgbLayer,
    tileLayer: ZoneringTileLayer,
    options: Pick<ZoneringLayerOptions, 'opacity' | 'visible' | 'zIndex'> = {},
  ) {
    super({
      layers: [tileLayer, fgbLayer],
      opacity: options.opacity ?? 0.7,
      visible: options.visible ?? true,
      ...defined({ zIndex: options.zIndex }),
    });
    this.knowledgeBase = fgbLayer.knowledgeBase;
    this.fgbLayer = fgbLayer;
    this.tileLayer = tileLayer;
    fgbLayer.setOpacity(1);
    tileLayer.setOpacity(1);
    // The tiles stop where the .fgb starts (the limit follows the map's projection).
    const follow = (): void => tileLayer.setMinResolution(fgbLayer.getMaxResolution());
    follow();
    this.keys = [
      fgbLayer.on('change:maxResolution', follow),
      // Loaded tiles and extents: one change of the group for the legend.
      fgbLayer.onFeaturesChange(() => this.changed()),
      tileLayer.onFeaturesChange(() => this.changed()),
    ];
  }

  /** The layer that draws at the map's resolution. */
  private active(): ZoneringFgbLayer | ZoneringTileLayer {
    const resolution = this.fgbLayer.getMapInternal()?.getView().getResolution();
    return resolution !== undefined && resolution > this.fgbLayer.getMaxResolution()
      ? this.tileLayer
      : this.fgbLayer;
  }

  /** True for this group and the two layers in it (hover looks at the features of both). */
  includesLayer(layer: BaseLayer): boolean {
    return layer === this || layer === this.fgbLayer || layer === this.tileLayer;
  }

  codeOf(feature: FeatureLike): string | undefined {
    return this.fgbLayer.codeOf(feature);
  }

  getLang(): Lang {
    return this.fgbLayer.getLang();
  }

  setLang(lang: Lang): void {
    this.fgbLayer.setLang(lang);
    this.tileLayer.setLang(lang);
  }

  scaleAt(resolution: number): Scale {
    return this.fgbLayer.scaleAt(resolution);
  }

  /** Only when the `.fgb` extent was over budget (above the limit the tiles draw). */
  zoomInAt(resolution: number): boolean {
    return resolution <= this.fgbLayer.getMaxResolution() && this.fgbLayer.zoomInAt(resolution);
  }

  forEachFeatureInExtent(extent: Extent, callback: (feature: FeatureLike) => void): void {
    this.active().forEachFeatureInExtent(extent, callback);
  }

  featuresAtCoordinate(coordinate: Coordinate): FeatureLike[] {
    return this.active().featuresAtCoordinate(coordinate);
  }

  /** Listens for loaded tiles and extents (and any change of the group); release with `unByKey`. */
  onFeaturesChange(listener: () => void): EventsKey {
    return this.on('change', listener);
  }

  /** Disposes both layers with the group. */
  protected override disposeInternal(): void {
    unByKey(this.keys);
    super.disposeInternal();
    this.fgbLayer.dispose();
    this.tileLayer.dispose();
  }
}

/**
 * Creates the zonering layer of a FlatGeobuf file (see {@link openZoneringFgb}). Add it with
 * `map.addLayer(layer)`; remove it with `map.removeLayer(layer)` and `layer.dispose()`.
 */
export function createZoneringFgbLayer(
  source: FlatGeobufSource,
  kb: KnowledgeBase,
  options: ZoneringFgbLayerOptions = {},
): ZoneringFgbLayer {
  return new ZoneringFgbLayer(source, kb, options);
}
