/**
 * What of the zonering is in the map's view: the zone codes and their types, kept up to date for
 * the legend. Apart from {@link ./zonering-layer.ts} so that `<na-zonering-legend>` loads without
 * the layer class (and the projection code it brings).
 */
import type { EventsKey } from 'ol/events.js';
import type OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import type { Scale } from '../core/types.js';
import type { ZoneringMapLayer } from './zonering-feature-style.js';
import { zoneringType, type ZoneringTypeRef } from './zonering-style.js';

/** What of the zonering is in the current view. */
export interface ZonesInView {
  /** Scale level at the view's resolution. */
  scale: Scale;
  /** Zone codes of the features that intersect the view extent (sorted). */
  codes: string[];
  /** Their types (landscape types, or groups for A/W), each once. */
  types: ZoneringTypeRef[];
  /**
   * True when the layer shows nothing at this resolution until the view zooms in (a layer read
   * per extent from a FlatGeobuf file, above its limit or over its budget).
   */
  zoomIn: boolean;
}

/**
 * The zone codes and types present in the map's current view extent (features whose geometry
 * intersects it). Empty before the map has a size or the layer has loaded.
 */
export function zonesInView(layer: ZoneringMapLayer, map: OlMap): ZonesInView {
  const view = map.getView();
  const size = map.getSize();
  const resolution = view.getResolution();
  const scale = layer.scaleAt(resolution ?? Infinity);
  const zoomIn = resolution !== undefined && layer.zoomInAt?.(resolution) === true;
  if (size === undefined || resolution === undefined) {
    return { scale, codes: [], types: [], zoomIn };
  }
  const extent = view.calculateExtent(size);
  const codes = new Set<string>();
  layer.forEachFeatureInExtent(extent, (feature) => {
    const code = layer.codeOf(feature);
    if (code !== undefined) codes.add(code);
  });
  const types = new Map<string, ZoneringTypeRef>();
  for (const code of codes) {
    const t = zoneringType(layer.knowledgeBase, code);
    if (t !== undefined) types.set(`${t.kind}:${t.id}`, t);
  }
  return { scale, codes: [...codes].sort(), types: [...types.values()], zoomIn };
}

/**
 * Calls `onChange` with {@link zonesInView} now, after every map move (`moveend`), and when the
 * layer's features change (loaded). Returns a function that releases the listeners (idempotent).
 */
export function watchZonesInView(
  map: OlMap,
  layer: ZoneringMapLayer,
  onChange: (inView: ZonesInView) => void,
): () => void {
  const update = (): void => onChange(zonesInView(layer, map));
  const keys: EventsKey[] = [map.on('moveend', update), layer.onFeaturesChange(update)];
  update();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    unByKey(keys);
  };
}
