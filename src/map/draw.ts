/**
 * Drawing a scenario on an OpenLayers map: polygons of a chosen measure type with `ol/interaction/Draw`,
 * reshaped with `Modify`, snapped with `Snap` to the drawn polygons and to other scenarios. The
 * drawing owns one vector layer and its interactions. In the OpenLayers idiom:
 * {@link ScenarioDrawing.setMap} attaches (`null` detaches, removing exactly what it added and
 * every listener), {@link ScenarioDrawing.dispose} also releases the layer, and a new view in
 * another projection (`change:view`) moves the drawn polygons into it. Keyboard users add the map centre as a vertex ({@link ScenarioDrawing.appendCentre})
 * after panning the map with the arrow keys.
 */
import Collection from 'ol/Collection.js';
import type { EventsKey } from 'ol/events.js';
import type Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Draw from 'ol/interaction/Draw.js';
import Modify from 'ol/interaction/Modify.js';
import Snap from 'ol/interaction/Snap.js';
import VectorLayer from 'ol/layer/Vector.js';
import type OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import { get as getProjection, type ProjectionLike } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import type { FeatureLike } from 'ol/Feature.js';
import type { MeasureType } from '../core/scenario/params.js';
import { registerRd } from './projection.js';
import { measureStyle } from './scenario-style.js';

/** Options of {@link createScenarioDrawing}. */
export interface ScenarioDrawingOptions {
  /** Measure type of the next polygon (default `wadi`). */
  type?: MeasureType;
  /** Extra sources to snap to (e.g. the layers of loaded scenarios). */
  snapTo?: ReadonlyArray<VectorSource<Feature>>;
  /** Called after every change of the drawn features (added, reshaped, removed). */
  onChange?: (count: number) => void;
}

/** A drawing session on a map. */
export interface ScenarioDrawing {
  /** The layer with the drawn polygons (the only layer the drawing adds). */
  readonly layer: VectorLayer<VectorSource<Feature>, Feature>;
  /** Whether Draw/Modify/Snap are on the map. */
  readonly active: boolean;
  /** The map the drawing is on, or null. */
  getMap(): OlMap | null;
  /**
   * Attaches to `map` (adds the layer; the interactions come back when they were on) or, with
   * null, detaches (removes the layer, the interactions and every listener; the drawn polygons are
   * kept). The same map again changes nothing. Polygons are moved into the new map's projection.
   */
  setMap(map: OlMap | null): void;
  /** Measure type of the next polygon. */
  type: MeasureType;
  /** Puts Draw, Modify and Snap on the map (nothing without a map). */
  start(): void;
  /** Takes the interactions off the map (the drawn polygons stay). */
  stop(): void;
  /** Replaces the extra snap sources (while active, the Snap interactions are rebuilt). */
  setSnapTo(sources: ReadonlyArray<VectorSource<Feature>>): void;
  /** Adds the map centre as the next vertex (starts a polygon when none is being drawn). */
  appendCentre(): void;
  /** Finishes the polygon being drawn (needs at least 3 vertices). */
  finishSketch(): void;
  /** Drops the polygon being drawn. */
  abortSketch(): void;
  /** Removes the last finished polygon. */
  removeLast(): void;
  /** Number of finished polygons. */
  count(): number;
  /**
   * The drawn polygons as a GeoJSON FeatureCollection in EPSG:28992 with a QGIS-style `crs` member
   * (the input `parseScenario` takes), each with its `type`.
   */
  toGeoJson(name: string): Record<string, unknown>;
  /** Removes every drawn polygon. */
  clear(): void;
  /**
   * Detaches (`setMap(null)`), drops the polygons and releases the layer; nothing works afterwards.
   * Idempotent.
   */
  dispose(): void;
  /** @deprecated Use {@link ScenarioDrawing.dispose} (the same). */
  destroy(): void;
}

function style(feature: FeatureLike) {
  const type = feature.get('type') as unknown;
  return measureStyle(typeof type === 'string' ? type : 'verharding');
}

/**
 * Starts a drawing, attached to `map` (the layer is added now; the interactions with `start()`);
 * with `null` the drawing waits for {@link ScenarioDrawing.setMap}.
 */
export function createScenarioDrawing(
  map: OlMap | null,
  options: ScenarioDrawingOptions = {},
): ScenarioDrawing {
  registerRd();
  // A collection keeps the features in drawing order (the order of the scenario's features).
  const source = new VectorSource<Feature>({ features: new Collection<Feature>() });
  const layer = new VectorLayer({
    source,
    style,
    className: 'na-scenario-drawing',
    properties: { name: 'na-scenario-drawing' },
    zIndex: 1000,
  });
  let olMap: OlMap | null = null;
  /** Projection the drawn features are in (the view's of the map they were drawn on). */
  let projection: ProjectionLike | undefined;
  let viewKey: EventsKey | undefined;
  let type: MeasureType = options.type ?? 'wadi';
  let snapTo = [...(options.snapTo ?? [])];
  let draw: Draw | undefined;
  let modify: Modify | undefined;
  let snaps: Snap[] = [];
  let keys: EventsKey[] = [];
  /** Whether the interactions are wanted (they come back with the next map after `setMap(null)`). */
  let wanted = false;
  let disposed = false;
  const changed = () => options.onChange?.(source.getFeatures().length);
  const sourceKeys: EventsKey[] = [
    source.on('addfeature', changed),
    source.on('removefeature', changed),
  ];

  const removeSnaps = () => {
    for (const s of snaps) olMap?.removeInteraction(s);
    snaps = [];
  };
  const addSnaps = () => {
    if (!olMap) return;
    // Snap goes last, after Draw and Modify (the OpenLayers rule).
    for (const s of [source, ...snapTo]) {
      const snap = new Snap({ source: s });
      olMap.addInteraction(snap);
      snaps.push(snap);
    }
  };
  /** Moves the drawn polygons into the projection of the map's current view. */
  const reproject = () => {
    const to = olMap?.getView().getProjection();
    if (!to) return;
    if (projection !== undefined && getProjection(projection)?.getCode() !== to.getCode()) {
      draw?.abortDrawing();
      for (const feature of source.getFeatures()) {
        feature.getGeometry()?.transform(projection, to);
      }
    }
    projection = to;
  };

  const drawing: ScenarioDrawing = {
    layer,
    get active() {
      return draw !== undefined;
    },
    get type() {
      return type;
    },
    set type(value: MeasureType) {
      type = value;
    },
    getMap() {
      return olMap;
    },
    setMap(next) {
      if (disposed || next === olMap) return;
      const wasWanted = wanted;
      if (olMap) {
        drawing.stop();
        wanted = wasWanted;
        if (viewKey) unByKey(viewKey);
        viewKey = undefined;
        olMap.removeLayer(layer);
      }
      olMap = next;
      if (!next) return;
      reproject();
      next.addLayer(layer);
      viewKey = next.on('change:view', reproject);
      if (wanted) drawing.start();
    },
    start() {
      if (disposed || draw) return;
      wanted = true;
      if (!olMap) return;
      modify = new Modify({ source });
      draw = new Draw({ source, type: 'Polygon', style });
      olMap.addInteraction(modify);
      olMap.addInteraction(draw);
      addSnaps();
      keys = [
        draw.on('drawstart', (e) => {
          e.feature.set('type', type);
        }),
        draw.on('drawend', (e) => {
          e.feature.set('type', type);
        }),
        modify.on('modifyend', changed),
      ];
    },
    stop() {
      wanted = false;
      unByKey(keys);
      keys = [];
      removeSnaps();
      if (draw) {
        draw.abortDrawing();
        olMap?.removeInteraction(draw);
        draw.dispose();
      }
      if (modify) {
        olMap?.removeInteraction(modify);
        modify.dispose();
      }
      draw = undefined;
      modify = undefined;
    },
    setSnapTo(sources) {
      snapTo = [...sources];
      if (!draw) return;
      removeSnaps();
      addSnaps();
    },
    appendCentre() {
      const centre = olMap?.getView().getCenter();
      if (!draw || !centre) return;
      draw.appendCoordinates([centre]);
    },
    finishSketch() {
      draw?.finishDrawing();
    },
    abortSketch() {
      draw?.abortDrawing();
    },
    removeLast() {
      const features = source.getFeatures();
      const last = features[features.length - 1];
      if (last) source.removeFeature(last);
    },
    count() {
      return source.getFeatures().length;
    },
    toGeoJson(name) {
      const fc = new GeoJSON().writeFeaturesObject(source.getFeatures(), {
        dataProjection: 'EPSG:28992',
        featureProjection: projection ?? 'EPSG:28992',
        decimals: 2,
      }) as unknown as Record<string, unknown>;
      return {
        ...fc,
        name,
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
      };
    },
    clear() {
      source.clear();
    },
    dispose() {
      if (disposed) return;
      drawing.stop();
      drawing.setMap(null);
      unByKey(sourceKeys);
      source.clear();
      layer.dispose();
      disposed = true;
    },
    destroy() {
      drawing.dispose();
    },
  };
  drawing.setMap(map);
  return drawing;
}
