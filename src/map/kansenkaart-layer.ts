/**
 * The kansenkaart on an OpenLayers map: the units of a kansenkaart export (GeoJSON in EPSG:28992,
 * `natuurlijke-alliantie kansenkaart --out x.geojson`, or `kansenkaartGeoJson()`), coloured by the
 * state of one action (every action's state is an attribute, so switching action only restyles).
 * Colours from STATE_COLOURS (colour-blind safe); with `forcedColors` the states are drawn as
 * black-and-white patterns instead (Windows High Contrast ignores canvas colours).
 * The style follows the scale like the zonering layer's (regio/stad, wijk/dorp, straat; see
 * {@link kansenScaleStyle}). Keyboard: while the map's target element has focus, a crosshair marks
 * the centre, the unit there is reported (`onCentre`, on focus and after every move: arrow keys pan
 * through the map's own KeyboardPan) and Enter selects it (`onSelect`, as a click does).
 * In the OpenLayers idiom: `setMap(map | null)` moves everything it adds (one layer, its listeners,
 * the crosshair) to another map or off the map, `dispose()` does that for good; when the map gets
 * a view in another projection (`change:view`) the units are read again in that projection.
 */
import type Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type { Geometry } from 'ol/geom.js';
import VectorLayer from 'ol/layer/Vector.js';
import type OlMap from 'ol/Map.js';
import type { ProjectionLike } from 'ol/proj.js';
import type BaseLayer from 'ol/layer/Base.js';
import { transform, transformExtent } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import { Fill, Stroke, Style, Text } from 'ol/style.js';
import { getHeight, getWidth } from 'ol/extent.js';
import type { ActionState } from '../core/kansenkaart/compute.js';
import {
  actionColumn,
  areasByState,
  STATE_COLOURS,
  STATE_LABELS,
  type StateAreas,
} from '../core/kansenkaart/output.js';
import { scaleForResolution, type ScaleThresholds } from '../core/zonering-style.js';
import type { Action, Lang, Scale } from '../core/types.js';
import { KansenMapBinding, type KansenHit } from './kansenkaart-interaction.js';
import { parseJsonStrict } from '../core/located-json.js';
import { fileNameOf, loadTextFile } from '../sources/sources-file.js';
import { groundFactorAt, registerRd } from './projection.js';

/** A parsed kansenkaart export. */
export interface KansenkaartData {
  type: 'FeatureCollection';
  tuples?: Array<{ reasons: Partial<Record<Action, string>> }>;
  features: Array<{ properties: Record<string, unknown>; geometry: unknown }>;
}

/** A unit under the pointer or clicked. */
export interface KansenUnitInfo {
  /** The unit's flat attributes. */
  properties: Record<string, unknown>;
  action: Action;
  state: ActionState;
  /** Short reason for this action (empty when there is none). */
  reason: string;
  /** The point in EPSG:28992. */
  rd: [number, number];
}

export interface KansenkaartAttachmentOptions {
  action: Action;
  opacity?: number;
  forcedColors?: boolean;
  /** Language of the labels at straat scale (default `nl`). */
  lang?: Lang;
  /** Where the style changes scale, ground m per CSS pixel (as the zonering layer's). */
  scaleThresholds?: Partial<ScaleThresholds>;
  onHover?: (unit: KansenUnitInfo | null) => void;
  onSelect?: (unit: KansenUnitInfo) => void;
  /** While the map's target has keyboard focus: the unit at the view's centre (null: none). */
  onCentre?: (unit: KansenUnitInfo | null) => void;
}

/** How a unit is drawn at a scale level: {@link kansenScaleStyle}. */
export interface KansenScaleStyle {
  /** False: the unit is not drawn (nor hit by pointer or keyboard). */
  visible: boolean;
  /** Outline width in CSS pixels (0: none). */
  outline: number;
  /** Whether the state is written in the unit (when it is large enough on screen). */
  label: boolean;
}

/** Units smaller than this are not drawn at regio/stad scale (ha; 1 ha = 16 cells of 25 m). */
export const REGION_MIN_UNIT_HA = 1;

/**
 * The style of a unit of `areaHa` hectares at a scale level: at regio/stad no outlines and units
 * under {@link REGION_MIN_UNIT_HA} left out (they would be specks of a pixel or two); at wijk/dorp
 * every unit with a thin outline; at straat a full outline and the state written in the unit.
 */
export function kansenScaleStyle(scale: Scale, areaHa: number): KansenScaleStyle {
  if (scale === 'regio/stad')
    return { visible: areaHa >= REGION_MIN_UNIT_HA, outline: 0, label: false };
  if (scale === 'wijk/dorp') return { visible: true, outline: 0.5, label: false };
  return { visible: true, outline: 1, label: true };
}

/** What the element needs of a kansenkaart on the map, however it is drawn. */
export interface KansenkaartShown {
  readonly layer: BaseLayer;
  setAction(action: Action): void;
  setForcedColors(on: boolean): void;
  /** The language of the labels, state texts and reasons (where the data has both). */
  setLang(lang: Lang): void;
  /** The scale level the layer shows at a view resolution (projection units per pixel). */
  scaleAt(resolution: number): Scale;
  /** The unit at a coordinate of the map's projection (null: none drawn there). */
  unitAt(coordinate: number[]): KansenUnitInfo | null;
  /** The attributes of the units that overlap the map's current view. */
  unitsInView(): Array<Record<string, unknown>>;
  /** Hectares per state of every action over the units that overlap the map's current view. */
  areasInView(): Record<Action, StateAreas>;
  /** The units that overlap the map's current view as GeoJSON text in EPSG:28992. */
  geoJsonInView(): string;
  dispose(): void;
}

export interface KansenkaartAttachment extends KansenkaartShown {
  readonly layer: VectorLayer<VectorSource<Feature<Geometry>>>;
  /** The map it is on, or null after `setMap(null)` / `dispose()`. */
  readonly map: OlMap | null;
  /** The map it is on, or null (OpenLayers' name). */
  getMap(): OlMap | null;
  /**
   * Moves the layer, its hover/click/keyboard listeners and the crosshair to `map`, or with null
   * takes them off the map (its layers and listener counts are as before). The same map again
   * changes nothing; on a map whose view has another projection the units are read again for it.
   */
  setMap(map: OlMap | null): void;
  /** Replaces the units (e.g. a new computation for a new view). */
  setData(data: KansenkaartData): void;
  /** `setMap(null)` and releases the layer and its units; nothing works afterwards. Idempotent. */
  dispose(): void;
}

/**
 * The forced-colours pattern tile of a state (8 × 8 px, black on white): advised diagonal lines,
 * discouraged solid, missing data dots; undefined for neutral and no data (plain white).
 */
export function forcedPatternTile(state: ActionState): HTMLCanvasElement | undefined {
  if (state === 'neutral' || state === 'no-data') return undefined;
  const c = document.createElement('canvas');
  c.width = 8;
  c.height = 8;
  const g = c.getContext('2d');
  if (!g) return undefined;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, 8, 8);
  g.strokeStyle = '#000000';
  g.fillStyle = '#000000';
  g.lineWidth = 1.5;
  if (state === 'advised') {
    g.beginPath();
    g.moveTo(0, 8);
    g.lineTo(8, 0);
    g.stroke();
  } else if (state === 'discouraged') {
    g.fillRect(0, 0, 8, 8);
  } else {
    g.fillRect(3, 3, 2, 2);
  }
  return c;
}

function pattern(state: ActionState): CanvasPattern | string {
  const tile = forcedPatternTile(state);
  if (!tile) return '#ffffff';
  return tile.getContext('2d')?.createPattern(tile, 'repeat') ?? '#000000';
}

/** The units of `data` as features in `projection`. */
const readUnits = (data: KansenkaartData, projection: ProjectionLike): Array<Feature<Geometry>> =>
  new GeoJSON().readFeatures(data, { dataProjection: 'EPSG:28992', featureProjection: projection });

/** Adds the kansenkaart to `map` (`setMap` moves it to another map or off the map). */
export function attachKansenkaart(
  map: OlMap,
  data: KansenkaartData,
  options: KansenkaartAttachmentOptions,
): KansenkaartAttachment {
  registerRd();
  let action = options.action;
  let forced = options.forcedColors ?? false;
  let units = data;
  let tuples = data.tuples ?? [];
  let lang = options.lang ?? 'nl';
  /** The projection the features are in (the view's of the map they were last read for). */
  let projection = map.getView().getProjection();
  /** Ground metres per projection unit at the view's centre (for the scale levels). */
  let groundFactor = 1;
  const scaleAt = (resolution: number): Scale =>
    scaleForResolution(resolution * groundFactor, options.scaleThresholds);
  const styles = new Map<string, Style>();
  const styleOf = (state: ActionState, outline: number): Style => {
    const key = `${forced ? 'f' : 'c'}:${state}:${outline}`;
    let s = styles.get(key);
    if (!s) {
      const width = forced ? Math.max(outline, 0.5) : outline;
      s = new Style({
        fill: new Fill({ color: forced ? pattern(state) : STATE_COLOURS[state] }),
        ...(width > 0 || state === 'no-data'
          ? {
              stroke: new Stroke({
                color: forced ? '#000000' : '#595959',
                width: width > 0 ? width : 0.5,
              }),
            }
          : {}),
      });
      styles.set(key, s);
    }
    return s;
  };
  const labelled = (state: ActionState, base: Style): Style =>
    new Style({
      fill: base.getFill() ?? undefined,
      stroke: base.getStroke() ?? undefined,
      text: new Text({
        text: lang === 'en' ? STATE_LABELS[state].en : STATE_LABELS[state].nl,
        font: '12px sans-serif',
        fill: new Fill({ color: '#000000' }),
        stroke: new Stroke({ color: '#ffffff', width: 3 }),
        overflow: false,
      }),
    });
  const labels = new Map<string, Style>();
  const source = new VectorSource({ features: readUnits(data, projection) });
  const layer = new VectorLayer({
    source,
    opacity: options.opacity ?? 0.75,
    style: (f, resolution) => {
      const state = f.get(actionColumn(action)) as ActionState;
      const area = f.get('area_ha');
      const how = kansenScaleStyle(scaleAt(resolution), typeof area === 'number' ? area : Infinity);
      if (!how.visible) return undefined;
      const base = styleOf(state, how.outline);
      if (!how.label) return base;
      const extent = f.getGeometry()?.getExtent();
      if (!extent || getWidth(extent) / resolution < 90 || getHeight(extent) / resolution < 24)
        return base;
      const key = `${forced ? 'f' : 'c'}:${state}:${how.outline}`;
      let s = labels.get(key);
      if (!s) {
        s = labelled(state, base);
        labels.set(key, s);
      }
      return s;
    },
    properties: { name: 'na-kansenkaart' },
  });

  /** Follows the map's view: the units in its projection, the scale levels at its centre. */
  const useView = (target: OlMap): void => {
    const view = target.getView();
    if (view.getProjection() !== projection) {
      projection = view.getProjection();
      source.clear(true);
      source.addFeatures(readUnits(units, projection));
    }
    groundFactor = groundFactorAt(view);
    binding.reset();
  };

  const info = (f: Feature<Geometry>, coordinate: number[]): KansenUnitInfo => {
    const properties = { ...f.getProperties() };
    delete properties.geometry;
    const tuple = typeof properties.tuple === 'number' ? tuples[properties.tuple] : undefined;
    const rd = transform(coordinate, projection, 'EPSG:28992') as [number, number];
    return {
      properties,
      action,
      state: properties[actionColumn(action)] as ActionState,
      reason: tuple?.reasons[action] ?? '',
      rd,
    };
  };
  const hitAt = (pixel: number[], coordinate: number[]): KansenHit | undefined => {
    let found: Feature<Geometry> | undefined;
    binding.map?.forEachFeatureAtPixel(
      pixel,
      (f) => {
        found = f as Feature<Geometry>;
        return true;
      },
      { layerFilter: (l) => l === layer },
    );
    const feature = found;
    return feature ? { key: feature, info: () => info(feature, coordinate) } : undefined;
  };
  const unitAt = (coordinate: number[]): KansenUnitInfo | null => {
    const pixel = binding.map?.getPixelFromCoordinate(coordinate);
    return pixel ? (hitAt(pixel, coordinate)?.info() ?? null) : null;
  };
  /** The units that overlap the map's current view, in unit order. */
  const inView = (): Array<Feature<Geometry>> => {
    const size = binding.map?.getSize();
    const found: Array<Feature<Geometry>> = [];
    if (binding.map && size)
      source.forEachFeatureIntersectingExtent(binding.map.getView().calculateExtent(size), (f) => {
        found.push(f);
      });
    return found.sort((a, b) => Number(a.get('unit')) - Number(b.get('unit')));
  };

  const binding = new KansenMapBinding(layer, hitAt, options, useView);
  binding.setMap(map);

  return binding.serve<KansenkaartAttachment>({
    layer,
    setAction(next) {
      action = next;
      layer.changed();
    },
    setForcedColors(on) {
      forced = on;
      styles.clear();
      labels.clear();
      layer.changed();
    },
    setLang(next) {
      lang = next;
      labels.clear();
      layer.changed();
    },
    setData(next) {
      if (binding.disposed) return;
      units = next;
      tuples = next.tuples ?? [];
      source.clear(true);
      source.addFeatures(readUnits(next, projection));
      binding.reset();
    },
    scaleAt,
    unitAt,
    areasInView() {
      return areasByState(this.unitsInView());
    },
    unitsInView() {
      return inView().map((f) => {
        const p = { ...f.getProperties() };
        delete p.geometry;
        return p;
      });
    },
    geoJsonInView() {
      return new GeoJSON().writeFeatures(inView(), {
        dataProjection: 'EPSG:28992',
        featureProjection: projection,
      });
    },
    dispose() {
      if (binding.disposed) return;
      binding.dispose();
      source.clear();
      layer.dispose();
    },
  });
}

/** A point in EPSG:28992 in the projection of `map`'s view. */
export function rdToMap(map: OlMap, rd: readonly [number, number]): number[] {
  return transform([...rd], 'EPSG:28992', map.getView().getProjection());
}

/** The current view's extent in EPSG:28992. */
export function viewExtentRd(map: OlMap): [number, number, number, number] | undefined {
  const size = map.getSize();
  if (!size) return undefined;
  const view = map.getView();
  return transformExtent(view.calculateExtent(size), view.getProjection(), 'EPSG:28992') as [
    number,
    number,
    number,
    number,
  ];
}

/**
 * Fetches (through the request policy of src/sources: time budget, size limit, typed errors) and
 * parses a kansenkaart export (GeoJSON FeatureCollection); throws a clear error.
 */
export async function fetchKansenkaart(
  url: string,
  signal?: AbortSignal,
): Promise<KansenkaartData> {
  const text = await loadTextFile(url, signal ? { signal } : {});
  const data = parseJsonStrict(text, fileNameOf(url)) as Partial<KansenkaartData> | null;
  if (data?.type !== 'FeatureCollection' || !Array.isArray(data.features))
    throw new Error(`${url} is not a kansenkaart export (a GeoJSON FeatureCollection).`);
  return data as KansenkaartData;
}
