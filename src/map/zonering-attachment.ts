/**
 * Everything the zonering adds to an OpenLayers map, as one unit with one place to attach and
 * detach (`setMap(map | null)`, OpenLayers' idiom): the layer, the hover tooltip, the focus ring and
 * the hover/focus binding. `dispose()` detaches and releases the layer. Used by
 * `<na-zonering-layer>`; hosts without web components can use it directly.
 */
import type { EventsKey } from 'ol/events.js';
import type OlMap from 'ol/Map.js';
import type View from 'ol/View.js';
import { unByKey } from 'ol/Observable.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import type { Lang, PolygonSource } from '../core/types.js';
import { ZoneTooltip } from './zone-tooltip.js';
import { MapFocusRing } from './map-focus-ring.js';
import {
  bindZoneringHover,
  type CentreReport,
  createZoneringLayer,
  type ZoneHover,
  type ZoneringLayer,
  type ZoneringLayerOptions,
} from './zonering-layer.js';
import type { ZoneringMapLayer } from './zonering-feature-style.js';

/** Options of {@link attachZonering}. */
export interface ZoneringAttachmentOptions extends ZoneringLayerOptions {
  /** Show the hovered zone's name in a tooltip on the map (default true). */
  tooltip?: boolean;
  /** Called with the zone under the pointer / at the focused map's centre, or null. */
  onHover?: (hover: ZoneHover | null) => void;
  /**
   * Called after every keyboard-relevant change of the view (focus, and every pan or zoom while
   * the map has focus or shows the keyboard crosshair), also when no zone is at the centre.
   */
  onCentre?: (centre: CentreReport) => void;
  /** Draw a focus ring inside the map, above the canvases (default true); see `addMapFocusRing`. */
  focusRing?: boolean;
}

/** The zonering on a map (by default the vector layer; see `attachZoneringLayer` for tiles). */
export interface ZoneringAttachment<L extends ZoneringMapLayer = ZoneringLayer> {
  /** The map it is on, or null after `setMap(null)` / `dispose()`. */
  readonly map: OlMap | null;
  readonly layer: L;
  /**
   * Resolves with the number of features once the polygons for the first map's projection are
   * loaded; rejects when loading fails (or with the abort reason after {@link dispose}).
   */
  readonly loaded: Promise<number>;
  /** The map it is on, or null (OpenLayers' name). */
  getMap(): OlMap | null;
  /**
   * Moves everything to `map`, or with null takes it off the map (layer, tooltip, focus ring,
   * every listener; the map's layers, overlays and listener counts are as before). The same map
   * again changes nothing. On a map whose view has another projection the polygons are loaded
   * again for it.
   */
  setMap(map: OlMap | null): void;
  setVisible(visible: boolean): void;
  /** Opacity 0–1 (clamped). */
  setOpacity(opacity: number): void;
  setLang(lang: Lang): void;
  /**
   * `setMap(null)`, stops loading and disposes the layer. Idempotent. Never touches anything the
   * host added.
   */
  dispose(): void;
}

/**
 * Adds the zonering of `source` to `map`: a {@link ZoneringLayer} (loaded right away, visible or
 * not), a tooltip overlay with the hovered zone's name, and the hover/focus binding. When the map
 * gets a view in another projection, the polygons are loaded again for it.
 */
export function attachZonering(
  map: OlMap,
  source: PolygonSource,
  kb: KnowledgeBase,
  options: ZoneringAttachmentOptions = {},
): ZoneringAttachment {
  const {
    tooltip: withTooltip = true,
    onHover,
    onCentre,
    focusRing = true,
    ...layerOptions
  } = options;
  const layer = createZoneringLayer(source, kb, layerOptions);
  const loaded = layer.load(map.getView().getProjection());
  return attachZoneringLayer(map, layer, loaded, {
    tooltip: withTooltip,
    onHover,
    onCentre,
    focusRing,
    // A new view, or another map, in another projection: the polygons are loaded again for it.
    onView(view) {
      layer.load(view.getProjection()).catch((e: unknown) => {
        console.warn('na-zonering: loading for the new view failed', e);
      });
    },
  });
}

/** Options of {@link attachZoneringLayer}. */
export interface ZoneringLayerAttachmentOptions extends Pick<
  ZoneringAttachmentOptions,
  'tooltip' | 'onHover' | 'onCentre' | 'focusRing'
> {
  /**
   * Called when the map gets another view (`change:view`) and when the attachment moves to a map
   * whose view has another projection than the last one, e.g. to load the features again for it.
   */
  onView?: (view: View) => void;
}

/**
 * Adds a zonering layer that is already made (the vector layer, or the tile layer of
 * `zonering-tiles.ts`) to `map` with its tooltip, hover/focus binding and focus ring; `loaded`
 * settles when its features are there. Disposing removes all of it and disposes the layer.
 */
export function attachZoneringLayer<L extends ZoneringMapLayer>(
  map: OlMap,
  layer: L,
  loaded: Promise<number>,
  options: ZoneringLayerAttachmentOptions = {},
): ZoneringAttachment<L> {
  const { tooltip: withTooltip = true, onHover, onCentre, focusRing = true, onView } = options;
  const tooltip = withTooltip ? new ZoneTooltip() : undefined;
  const ring = focusRing ? new MapFocusRing() : undefined;
  let olMap: OlMap | null = null;
  let viewKey: EventsKey | undefined;
  let releaseHover: (() => void) | undefined;
  /** Code of the projection of the view the features were last made for. */
  let projection = map.getView().getProjection().getCode();
  let disposed = false;
  // Report a failed load once here (callers may not await `loaded`); an abort by dispose is quiet.
  loaded.catch((e: unknown) => {
    if (!disposed) console.warn('na-zonering: loading failed', e);
  });
  const viewChanged = (view: View): void => {
    projection = view.getProjection().getCode();
    onView?.(view);
  };
  const setMap = (next: OlMap | null): void => {
    if (disposed || next === olMap) return;
    if (olMap) {
      if (viewKey) unByKey(viewKey);
      viewKey = undefined;
      releaseHover?.();
      releaseHover = undefined;
      tooltip?.setMap(null);
      ring?.setMap(null);
      olMap.removeLayer(layer);
    }
    olMap = next;
    if (!next) return;
    if (next.getView().getProjection().getCode() !== projection) viewChanged(next.getView());
    next.addLayer(layer);
    tooltip?.setMap(next);
    releaseHover = bindZoneringHover(
      next,
      layer,
      (hover) => {
        if (hover === null) tooltip?.hide();
        else tooltip?.show(hover.coordinate, hover.name);
        onHover?.(hover);
      },
      onCentre,
    );
    ring?.setMap(next);
    viewKey = next.on('change:view', () => viewChanged(next.getView()));
  };
  setMap(map);
  return {
    get map() {
      return olMap;
    },
    layer,
    loaded,
    getMap() {
      return olMap;
    },
    setMap,
    setVisible(visible) {
      layer.setVisible(visible);
    },
    setOpacity(opacity) {
      layer.setOpacity(Number.isFinite(opacity) ? Math.min(1, Math.max(0, opacity)) : 1);
    },
    setLang(lang) {
      layer.setLang(lang);
    },
    dispose() {
      if (disposed) return;
      setMap(null);
      disposed = true;
      tooltip?.dispose();
      ring?.dispose();
      layer.dispose();
    },
  };
}
