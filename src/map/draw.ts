/**
 * Drawing a scenario on an OpenLayers map: polygons of a chosen measure type with `ol/interaction/Draw`,
 * reshaped with `Modify`, snapped with `Snap` to the drawn polygons and to other scenarios. The
 * drawing owns one vector layer and its interactions; {@link ScenarioDrawing.destroy} removes
 * exactly those. Keyboard users add the map centre as a vertex ({@link ScenarioDrawing.appendCentre})
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
import VectorSource from 'ol/source/Vector.js';
import type { FeatureLike } from 'ol/Feature.js';
import type { MeasureType } from '../core/scenario/params.js';
import { registerRd } from './projection.js';
import { measureStyle } from './scenario-layers.js';

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
  /** Measure type of the next polygon. */
  type: MeasureType;
  /** Puts Draw, Modify and Snap on the map. */
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
  /** Removes the layer and the interactions from the map and releases every listener. Idempotent. */
  destroy(): void;
}

function style(feature: FeatureLike) {
  const type = feature.get('type') as unknown;
  return measureStyle(typeof type === 'string' ? type : 'verharding');
}

/** Starts a drawing on `map` (the layer is added now; the interactions with `start()`). */
export function createScenarioDrawing(
  map: OlMap,
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
  map.addLayer(layer);
  let type: MeasureType = options.type ?? 'wadi';
  let snapTo = [...(options.snapTo ?? [])];
  let draw: Draw | undefined;
  let modify: Modify | undefined;
  let snaps: Snap[] = [];
  let keys: EventsKey[] = [];
  let destroyed = false;
  const changed = () => options.onChange?.(source.getFeatures().length);
  const sourceKeys: EventsKey[] = [
    source.on('addfeature', changed),
    source.on('removefeature', changed),
  ];

  const removeSnaps = () => {
    for (const s of snaps) map.removeInteraction(s);
    snaps = [];
  };
  const addSnaps = () => {
    // Snap goes last, after Draw and Modify (the OpenLayers rule).
    for (const s of [source, ...snapTo]) {
      const snap = new Snap({ source: s });
      map.addInteraction(snap);
      snaps.push(snap);
    }
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
    start() {
      if (destroyed || draw) return;
      modify = new Modify({ source });
      draw = new Draw({ source, type: 'Polygon', style });
      map.addInteraction(modify);
      map.addInteraction(draw);
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
      unByKey(keys);
      keys = [];
      removeSnaps();
      if (draw) {
        draw.abortDrawing();
        map.removeInteraction(draw);
        draw.dispose();
      }
      if (modify) {
        map.removeInteraction(modify);
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
      const centre = map.getView().getCenter();
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
        featureProjection: map.getView().getProjection(),
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
    destroy() {
      if (destroyed) return;
      drawing.stop();
      unByKey(sourceKeys);
      map.removeLayer(layer);
      source.clear();
      layer.dispose();
      destroyed = true;
    },
  };
  return drawing;
}
