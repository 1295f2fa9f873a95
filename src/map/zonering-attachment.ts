/**
 * Everything the zonering adds to an OpenLayers map, as one unit with one place to detach: the
 * layer, the hover tooltip and the hover/focus binding. Used by `<na-zonering-layer>`; hosts
 * without web components can use it directly.
 */
import type { EventsKey } from 'ol/events.js';
import type OlMap from 'ol/Map.js';
import { unByKey } from 'ol/Observable.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import type { Lang, PolygonSource } from '../core/types.js';
import { createZoneTooltip, type ZoneTooltip } from './zone-tooltip.js';
import { addMapFocusRing } from './map-focus-ring.js';
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
  readonly map: OlMap;
  readonly layer: L;
  /**
   * Resolves with the number of features once the polygons for the map's projection are loaded;
   * rejects when loading fails (or with the abort reason after {@link dispose}).
   */
  readonly loaded: Promise<number>;
  setVisible(visible: boolean): void;
  /** Opacity 0–1 (clamped). */
  setOpacity(opacity: number): void;
  setLang(lang: Lang): void;
  /**
   * Removes the layer and tooltip from the map, releases every listener and stops loading.
   * Idempotent. Never touches anything the host added.
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
  // When the map gets a view in another projection, the polygons are loaded again for it.
  const viewKey = map.on('change:view', () => {
    layer.load(map.getView().getProjection()).catch((e: unknown) => {
      console.warn('na-zonering: loading for the new view failed', e);
    });
  });
  const loaded = layer.load(map.getView().getProjection());
  return attachZoneringLayer(map, layer, loaded, {
    ...(withTooltip ? {} : { tooltip: false }),
    ...(onHover === undefined ? {} : { onHover }),
    ...(onCentre === undefined ? {} : { onCentre }),
    focusRing,
    keys: [viewKey],
  });
}

/** Options of {@link attachZoneringLayer}. */
export interface ZoneringLayerAttachmentOptions extends Pick<
  ZoneringAttachmentOptions,
  'tooltip' | 'onHover' | 'onCentre' | 'focusRing'
> {
  /** Listener keys to release on dispose (besides the ones made here). */
  keys?: EventsKey[];
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
  const { tooltip: withTooltip = true, onHover, onCentre, focusRing = true } = options;
  map.addLayer(layer);
  const tooltip: ZoneTooltip | undefined = withTooltip ? createZoneTooltip(map) : undefined;
  const release = bindZoneringHover(
    map,
    layer,
    (hover) => {
      if (hover === null) tooltip?.hide();
      else tooltip?.show(hover.coordinate, hover.name);
      onHover?.(hover);
    },
    onCentre,
  );
  const releaseRing = focusRing ? addMapFocusRing(map) : () => undefined;
  const keys: EventsKey[] = [...(options.keys ?? [])];
  let disposed = false;
  // Report a failed load once here (callers may not await `loaded`); an abort by dispose is quiet.
  loaded.catch((e: unknown) => {
    if (!disposed) console.warn('na-zonering: loading failed', e);
  });
  return {
    map,
    layer,
    loaded,
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
      disposed = true;
      unByKey(keys);
      release();
      releaseRing();
      tooltip?.dispose();
      map.removeLayer(layer);
      layer.dispose();
    },
  };
}
