/**
 * The kansenkaart on an OpenLayers map: the units of a kansenkaart export (GeoJSON in EPSG:28992,
 * `natuurlijke-alliantie kansenkaart --out x.geojson`, or `kansenkaartGeoJson()`), coloured by the
 * state of one action (every action's state is an attribute, so switching action only restyles).
 * Colours from STATE_COLOURS (colour-blind safe); with `forcedColors` the states are drawn as
 * black-and-white patterns instead (Windows High Contrast ignores canvas colours).
 * Everything it adds (one layer, two listeners) is removed by `dispose()`.
 */
import type Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import type { Geometry } from 'ol/geom.js';
import VectorLayer from 'ol/layer/Vector.js';
import type OlMap from 'ol/Map.js';
import type MapBrowserEvent from 'ol/MapBrowserEvent.js';
import { unByKey } from 'ol/Observable.js';
import { transform, transformExtent } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import { Fill, Stroke, Style } from 'ol/style.js';
import type { ActionState } from '../core/kansenkaart/compute.js';
import { actionColumn, STATE_COLOURS } from '../core/kansenkaart/output.js';
import type { Action } from '../core/types.js';
import { parseJsonStrict } from '../core/located-json.js';
import { fileNameOf, loadTextFile } from '../sources/sources-file.js';
import { registerRd } from './projection.js';

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
  onHover?: (unit: KansenUnitInfo | null) => void;
  onSelect?: (unit: KansenUnitInfo) => void;
}

export interface KansenkaartAttachment {
  readonly layer: VectorLayer<VectorSource<Feature<Geometry>>>;
  setAction(action: Action): void;
  setForcedColors(on: boolean): void;
  /** The attributes of the units that overlap the map's current view. */
  unitsInView(): Array<Record<string, unknown>>;
  dispose(): void;
}

function pattern(state: ActionState): CanvasPattern | string {
  if (state === 'neutral' || state === 'no-data') return '#ffffff';
  const c = document.createElement('canvas');
  c.width = 8;
  c.height = 8;
  const g = c.getContext('2d');
  if (!g) return '#ffffff';
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
  return g.createPattern(c, 'repeat') ?? '#000000';
}

/** Adds the kansenkaart to `map`. */
export function attachKansenkaart(
  map: OlMap,
  data: KansenkaartData,
  options: KansenkaartAttachmentOptions,
): KansenkaartAttachment {
  registerRd();
  let action = options.action;
  let forced = options.forcedColors ?? false;
  const projection = map.getView().getProjection();
  const features = new GeoJSON().readFeatures(data, {
    dataProjection: 'EPSG:28992',
    featureProjection: projection,
  });
  const tuples = data.tuples ?? [];
  const styles = new Map<string, Style>();
  const styleOf = (state: ActionState): Style => {
    const key = `${forced ? 'f' : 'c'}:${state}`;
    let s = styles.get(key);
    if (!s) {
      s = new Style({
        fill: new Fill({ color: forced ? pattern(state) : STATE_COLOURS[state] }),
        ...(state === 'no-data' || forced
          ? { stroke: new Stroke({ color: forced ? '#000000' : '#595959', width: 0.5 }) }
          : {}),
      });
      styles.set(key, s);
    }
    return s;
  };
  const source = new VectorSource({ features });
  const layer = new VectorLayer({
    source,
    opacity: options.opacity ?? 0.75,
    style: (f) => styleOf(f.get(actionColumn(action)) as ActionState),
    properties: { name: 'na-kansenkaart' },
  });
  map.addLayer(layer);

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
  const at = (e: MapBrowserEvent<PointerEvent>): Feature<Geometry> | undefined => {
    let found: Feature<Geometry> | undefined;
    map.forEachFeatureAtPixel(
      e.pixel,
      (f) => {
        found = f as Feature<Geometry>;
        return true;
      },
      { layerFilter: (l) => l === layer },
    );
    return found;
  };
  let hovered: Feature<Geometry> | undefined;
  const keys = [
    map.on('pointermove', (e) => {
      if (e.dragging) return;
      const f = at(e as MapBrowserEvent<PointerEvent>);
      if (f === hovered) return;
      hovered = f;
      options.onHover?.(f ? info(f, e.coordinate) : null);
    }),
    map.on('singleclick', (e) => {
      const f = at(e as MapBrowserEvent<PointerEvent>);
      if (f) options.onSelect?.(info(f, e.coordinate));
    }),
  ];
  return {
    layer,
    setAction(next) {
      action = next;
      layer.changed();
    },
    setForcedColors(on) {
      forced = on;
      layer.changed();
    },
    unitsInView() {
      const size = map.getSize();
      if (!size) return [];
      const extent = map.getView().calculateExtent(size);
      const out: Array<Record<string, unknown>> = [];
      source.forEachFeatureIntersectingExtent(extent, (f) => {
        const p = { ...f.getProperties() };
        delete p.geometry;
        out.push(p);
      });
      return out.sort((a, b) => Number(a.unit) - Number(b.unit));
    },
    dispose() {
      unByKey(keys);
      map.removeLayer(layer);
      source.clear();
    },
  };
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
