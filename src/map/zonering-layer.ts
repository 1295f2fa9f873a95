/**
 * The zonering as an OpenLayers vector layer: the polygons of a {@link PolygonSource}, coloured
 * from the knowledge base by scale (landscape types at regio/stad scale, zones closer in), with
 * labels where they fit; plus the hover/focus binding and the zones-in-view query for the legend.
 */
import type { Coordinate } from 'ol/coordinate.js';
import type { EventsKey } from 'ol/events.js';
import { getCenter, isEmpty, type Extent } from 'ol/extent.js';
import type Feature from 'ol/Feature.js';
import type { FeatureLike } from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type BaseLayer from 'ol/layer/Base.js';
import VectorLayer from 'ol/layer/Vector.js';
import type OlMap from 'ol/Map.js';
import type MapBrowserEvent from 'ol/MapBrowserEvent.js';
import { unByKey } from 'ol/Observable.js';
import { get as getProjection, getPointResolution } from 'ol/proj.js';
import type Projection from 'ol/proj/Projection.js';
import VectorSource from 'ol/source/Vector.js';
import { all as allStrategy } from 'ol/loadingstrategy.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import type { PolygonSource, SupportedCrs } from '../core/types.js';
import { projectionCrs, registerRd } from './projection.js';
import { describeMove, viewState, type ViewMove, type ViewState } from './view-description.js';
import {
  ZoneringStyled,
  zoneringLayerLook,
  type ZoneringFeatures,
  type ZoneringMapLayer,
  type ZoneringStyleOptions,
} from './zonering-feature-style.js';
import { zoneName } from './zonering-style.js';

/** Options of {@link createZoneringLayer}. */
export interface ZoneringLayerOptions extends ZoneringStyleOptions {
  /** Layer opacity 0–1 (default 0.7, so the base map stays readable). */
  opacity?: number;
  /** Initial visibility (default true). */
  visible?: boolean;
  /** Layer z-index (default: the map's order). */
  zIndex?: number;
  /**
   * CSS class of the layer element (default `na-zonering-layer`). A distinct class gives the layer
   * its own canvas, so host layers are not composed into it.
   */
  className?: string;
}

export type { ZoneringFeatures, ZoneringMapLayer } from './zonering-feature-style.js';
// In a module of their own: the legend needs them without this module's layer class (whose mixin
// base a bundler cannot drop, and with it proj4).
export { watchZonesInView, zonesInView, type ZonesInView } from './zones-in-view.js';

/**
 * A vector layer with the zonering of a {@link PolygonSource}. Create it with
 * {@link createZoneringLayer}. Its features carry the source's properties; the zone code is read
 * from the `zoneProperty` option.
 */
export class ZoneringLayer
  extends ZoneringStyled(VectorLayer<VectorSource<Feature>, Feature>)
  implements ZoneringFeatures
{
  /** The source of the polygons. */
  readonly polygonSource: PolygonSource;
  /** The knowledge base that gives colours and names. */
  readonly knowledgeBase: KnowledgeBase;

  private readonly abort = new AbortController();
  private loading: { code: string; promise: Promise<number> } | undefined;
  /** Projection code of the features now in the source. */
  private loadedCode: string | undefined;
  /** Incremented per load, so a slow load for an old projection cannot overwrite a newer one. */
  private generation = 0;

  constructor(source: PolygonSource, kb: KnowledgeBase, options: ZoneringLayerOptions = {}) {
    const vectorSource = new VectorSource<Feature>({ strategy: allStrategy });
    super({ source: vectorSource, ...zoneringLayerLook(options) });
    this.polygonSource = source;
    this.knowledgeBase = kb;
    this.initZoneringStyle(kb, options);
    // The loader runs when the layer is first rendered, with the map's projection.
    vectorSource.setLoader((_extent, _resolution, projection, success, failure) => {
      if (this.loadedCode === projection.getCode()) {
        // Already loaded (e.g. by the element before the first render): report it right away, so
        // the source is not counted as loading in this frame (which would hold back
        // `rendercomplete`).
        success?.(vectorSource.getFeatures());
        return;
      }
      this.load(projection).then(
        () => success?.(vectorSource.getFeatures()),
        (e: unknown) => {
          if (!this.abort.signal.aborted) console.warn('na-zonering: loading failed', e);
          failure?.();
        },
      );
    });
  }

  /** Calls `callback` for every loaded feature whose extent intersects `extent`. */
  forEachFeatureInExtent(extent: Extent, callback: (feature: FeatureLike) => void): void {
    this.getSource()?.forEachFeatureIntersectingExtent(extent, (feature) => {
      callback(feature);
    });
  }

  /** The loaded features that contain `coordinate` (map projection). */
  featuresAtCoordinate(coordinate: Coordinate): FeatureLike[] {
    return this.getSource()?.getFeaturesAtCoordinate(coordinate) ?? [];
  }

  /** Listens for a change of the loaded features; release with `unByKey`. */
  onFeaturesChange(listener: () => void): EventsKey {
    const source = this.getSource();
    return source === null ? this.on('change:source', listener) : source.on('change', listener);
  }

  /**
   * Loads the polygons for a map projection: asks the source for that CRS when it is supported,
   * else for EPSG:28992 and reprojects. Memoised per projection; a new projection replaces the
   * features.
   * @returns the number of features.
   */
  load(projection: Projection): Promise<number> {
    const code = projection.getCode();
    if (this.loading?.code === code) return this.loading.promise;
    const promise = this.fetchFeatures(projection);
    this.loading = { code, promise };
    promise.catch(() => {
      // A failed load may be retried (e.g. after a network error).
      if (this.loading?.promise === promise) this.loading = undefined;
    });
    return promise;
  }

  private async fetchFeatures(projection: Projection): Promise<number> {
    const signal = this.abort.signal;
    const generation = ++this.generation;
    const supported = projectionCrs(projection);
    const crs: SupportedCrs = supported ?? 'EPSG:28992';
    if (crs === 'EPSG:28992') registerRd();
    const fc = await this.polygonSource.polygons(crs, { signal });
    signal.throwIfAborted();
    const source = this.getSource();
    if (source === null) return 0;
    if (generation !== this.generation) return source.getFeatures().length;
    const dataProjection = getProjection(crs) ?? projection;
    const features = new GeoJSON<Feature>().readFeatures(
      { type: 'FeatureCollection', features: fc.features },
      { dataProjection, featureProjection: projection },
    );
    source.clear(true);
    source.addFeatures(features);
    this.loadedCode = projection.getCode();
    const extent = source.getExtent();
    const factor =
      extent === null || isEmpty(extent)
        ? 1
        : getPointResolution(projection, 1, getCenter(extent), 'm');
    this.zoneringStyler.groundFactor = Number.isFinite(factor) && factor > 0 ? factor : 1;
    this.zoneringStyler.clear();
    this.changed();
    return features.length;
  }

  /** Stops a pending load and releases the source. */
  override disposeInternal(): void {
    this.abort.abort();
    super.disposeInternal();
  }
}

/**
 * Creates the zonering layer of a polygon source. The layer fills itself from
 * `source.polygons(<map projection>)` when it is first rendered (or when {@link ZoneringLayer.load}
 * is called); EPSG:28992 and EPSG:3857 maps are asked in their own CRS, other projections get
 * EPSG:28992 data reprojected by `ol`.
 *
 * Style: at regio/stad scale (ground resolution above `scaleThresholds.region`, default 14 m/px ≈
 * 1:50,000) each polygon is filled with its landscape type's colour (A/W zones: their group's
 * colour); closer in, with the zone's own colour; always with a thin outline. Labels (type or zone
 * name in `lang`) only where the polygon is large enough, decluttered. Styles are cached per
 * scale, code and label.
 *
 * Add it with `map.addLayer(layer)`; remove it with `map.removeLayer(layer)` and `layer.dispose()`.
 */
export function createZoneringLayer(
  source: PolygonSource,
  kb: KnowledgeBase,
  options: ZoneringLayerOptions = {},
): ZoneringLayer {
  return new ZoneringLayer(source, kb, options);
}

/** The zone under the pointer, or at the map centre while the map has keyboard focus. */
export interface ZoneHover {
  /** BKNSN zone code. */
  code: string;
  /** Zone name in the layer's language. */
  name: string;
  /** Where to show it, in the map's projection. */
  coordinate: Coordinate;
  /** `pointer` for mouse hover, `keyboard` while the map element has focus (map centre). */
  via: 'pointer' | 'keyboard';
}

/** What is at the map centre after a keyboard-relevant change (see {@link bindZoneringHover}). */
export interface CentreReport {
  /** The zone at the centre, or null when the centre lies outside the zonering. */
  zone: { code: string; name: string } | null;
  /** How the view moved since the last report (null on focus). */
  move: ViewMove | null;
  /** `focus` when the map got keyboard focus, `move` after a pan or zoom. */
  reason: 'focus' | 'move';
  /** The centre, in the map's projection. */
  coordinate: Coordinate;
}

function zoneAtPixel(
  map: OlMap,
  layer: ZoneringMapLayer,
  pixel: number[],
): { code: string; name: string } | undefined {
  let found: { code: string; name: string } | undefined;
  const target: BaseLayer = layer;
  map.forEachFeatureAtPixel(
    pixel,
    (feature) => {
      const code = layer.codeOf(feature);
      if (code === undefined) return false;
      found = { code, name: zoneName(layer.knowledgeBase, code, layer.getLang()) };
      return true;
    },
    { layerFilter: (l) => l === target || layer.includesLayer?.(l) === true },
  );
  return found;
}

/**
 * Reports the zone under the pointer (`pointermove`, not while dragging) and, while the map's
 * target element has keyboard focus, the zone at the centre of the view (on focus and after every
 * move). Calls `onChange(null)` when the pointer leaves the map, focus leaves it, or no zone is
 * there. Keeps every `ol` listener key and every DOM listener; the returned function releases them
 * all (idempotent).
 *
 * `onCentre` (optional) is told about every keyboard-relevant view change, also when nothing is at
 * the centre: on focus, and after every move while the map has focus or shows a keyboard-mode
 * crosshair (`.na-crosshair` in the viewport, see `Viewer.addCrosshair`), with how the view moved.
 */
export function bindZoneringHover(
  map: OlMap,
  layer: ZoneringMapLayer,
  onChange: (hover: ZoneHover | null) => void,
  onCentre?: (centre: CentreReport) => void,
): () => void {
  const keys: EventsKey[] = [];
  const dom = new AbortController();
  let focused = false;
  let last: string | null = null;
  const viewportEl = map.getViewport() as HTMLElement | undefined;
  const crosshairShown = (): boolean => viewportEl?.querySelector('.na-crosshair') != null;
  let before: ViewState | undefined = viewState(map);

  const tellCentre = (reason: CentreReport['reason']): void => {
    if (onCentre === undefined) return;
    const now = viewState(map);
    if (now === undefined) return;
    const move = reason === 'move' && before !== undefined ? describeMove(before, now) : null;
    before = now;
    if (move !== null && move.pan === null && move.zoom === null) return;
    const pixel = map.getPixelFromCoordinate([...now.center]);
    const zone = pixel === null ? undefined : zoneAtPixel(map, layer, pixel);
    onCentre({ zone: zone ?? null, move, reason, coordinate: [...now.center] });
  };

  const report = (hover: ZoneHover | null): void => {
    const id = hover === null ? null : `${hover.via}|${hover.code}|${hover.coordinate.join(',')}`;
    if (id === last) return;
    last = id;
    onChange(hover);
  };

  const atCentre = (): void => {
    const center = map.getView().getCenter();
    const pixel = center === undefined ? null : map.getPixelFromCoordinate(center);
    const zone =
      center === undefined || pixel === null ? undefined : zoneAtPixel(map, layer, pixel);
    report(
      zone === undefined || center === undefined
        ? null
        : { ...zone, coordinate: center, via: 'keyboard' },
    );
  };

  keys.push(
    map.on('pointermove', (e: MapBrowserEvent) => {
      if (e.dragging) return;
      const zone = zoneAtPixel(map, layer, e.pixel);
      report(zone === undefined ? null : { ...zone, coordinate: e.coordinate, via: 'pointer' });
    }),
    map.on('moveend', () => {
      if (focused) atCentre();
      if (focused || crosshairShown()) tellCentre('move');
      else before = viewState(map);
    }),
    layer.on('change:visible', () => {
      if (!layer.getVisible()) report(null);
    }),
  );

  const viewport = map.getViewport() as HTMLElement | undefined;
  viewport?.addEventListener(
    'pointerleave',
    () => {
      if (!focused) report(null);
    },
    { signal: dom.signal },
  );
  const target = map.getTargetElement() as HTMLElement | null | undefined;
  if (target !== null && target !== undefined) {
    target.addEventListener(
      'focusin',
      (e: FocusEvent) => {
        const wasFocused = focused;
        focused = true;
        atCentre();
        if (!wasFocused && e.target === target) tellCentre('focus');
      },
      { signal: dom.signal },
    );
    target.addEventListener(
      'focusout',
      (e: FocusEvent) => {
        const next = e.relatedTarget;
        if (next instanceof Node && target.contains(next)) return;
        focused = false;
        report(null);
      },
      { signal: dom.signal },
    );
  }

  let released = false;
  return () => {
    if (released) return;
    released = true;
    unByKey(keys);
    keys.length = 0;
    dom.abort();
  };
}
