/**
 * The viewer seam ({@link Viewer}) for OpenLayers 10.
 *
 * Owns one marker overlay (an `ol/Overlay` with its own element), the crosshair elements it adds
 * to the viewport, and its listener keys. `dispose()` (the seam's `destroy()`) removes exactly
 * those, so the host's map gets its overlays and listener counts back. When the map gets another
 * view (`change:view`, e.g. in another projection) the marker is moved into it. Coordinate transforms go through `src/core/crs.ts`
 * (proj4), so the adapter does not depend on what the host registered in `ol/proj`; only the map
 * itself needs its projection (e.g. EPSG:28992, see `registerRd()` in src/map/projection.ts).
 */
import type Map from 'ol/Map.js';
import type MapBrowserEvent from 'ol/MapBrowserEvent.js';
import Overlay from 'ol/Overlay.js';
import { unByKey } from 'ol/Observable.js';
import type { EventsKey } from 'ol/events.js';
import { rotate } from 'ol/coordinate.js';
import { get as getProjection, getTransform, getUserProjection } from 'ol/proj.js';
import { normalizeCrs } from '../core/crs-id.js';
import { NaError, type Location, type SupportedCrs } from '../core/types.js';
import { addMapFocusRing } from './map-focus-ring.js';
import { crosshair, decoration } from './decoration.js';
import type { Viewer } from './viewer.js';

/** Options of {@link createOlViewer}. */
export interface OlViewerOptions {
  /** Time in ms to wait for the map's `rendercomplete` before a snapshot is taken anyway. Default 2000. */
  snapshotTimeoutMs?: number;
}

/** The {@link Viewer} seam on one OpenLayers map. */
export interface OlViewer extends Viewer {
  /** The map this viewer wraps (a viewer belongs to one map: for another map, make another viewer). */
  readonly map: Map;
  /** Removes what the viewer added and releases every listener (OpenLayers' name for `destroy`). */
  dispose(): void;
}

/**
 * Wraps an OpenLayers map in the {@link Viewer} seam.
 * The map's view projection (or the user projection, when `useGeographic()`/`setUserProjection()`
 * is active) must be EPSG:28992, EPSG:3857 or EPSG:4326.
 * @throws NaError `unsupported-crs` for any other projection.
 */
export function createOlViewer(map: Map, options: OlViewerOptions = {}): OlViewer {
  const snapshotTimeoutMs = options.snapshotTimeoutMs ?? 2000;
  const keys = new Set<EventsKey>();
  const removers = new Set<() => void>();
  let destroyed = false;
  // Keyboard users see when the map has focus (a host outline is painted under the viewport). The
  // ring is held only while this viewer makes the map interactive (a click handler or the
  // crosshair), so a viewer that only centres the map (address search) adds nothing to it.
  let interactiveUses = 0;
  let releaseRing: (() => void) | undefined;
  const holdFocusRing = (): (() => void) => {
    interactiveUses += 1;
    releaseRing ??= addMapFocusRing(map);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      interactiveUses -= 1;
      if (interactiveUses === 0) {
        releaseRing?.();
        releaseRing = undefined;
      }
    };
  };
  removers.add(() => {
    releaseRing?.();
    releaseRing = undefined;
  });

  const mapCrs = (): SupportedCrs => {
    const proj = getUserProjection() ?? map.getView().getProjection();
    return normalizeCrs(proj.getCode());
  };
  // Fail early on a projection the library cannot transform.
  mapCrs();

  const markerElement = decoration('na-marker', 'marker', {
    width: '22px',
    height: '22px',
    borderRadius: '50%',
    boxSizing: 'border-box',
    border: '4px solid var(--na-marker-color, var(--na-color-accent, #00557a))',
    background: 'var(--na-marker-fill, rgba(255, 255, 255, 0.7))',
    boxShadow: '0 0 0 2px var(--na-marker-halo, #ffffff)',
    pointerEvents: 'none',
  });
  const marker = new Overlay({
    element: markerElement,
    positioning: 'center-center',
    stopEvent: false,
    className: 'na-marker-overlay ol-overlay-container',
  });
  let markerOnMap = false;
  /** The location the marker shows (in its own CRS), to place it again in a new view. */
  let markerAt: Location | null = null;
  let markerViewKey: EventsKey | undefined;

  const toMap = (loc: Location): [number, number] => olTransform([loc.x, loc.y], loc.crs, mapCrs());

  const placeMarker = (): void => {
    marker.setPosition(markerAt === null ? undefined : toMap(markerAt));
  };

  const viewer: OlViewer = {
    map,
    get crs(): SupportedCrs {
      return mapCrs();
    },

    onClick(handler) {
      if (destroyed) return () => undefined;
      const key = map.on('singleclick', (event: MapBrowserEvent) => {
        const [x, y] = event.coordinate;
        if (x === undefined || y === undefined) return;
        handler({ x, y, crs: mapCrs() });
      });
      keys.add(key);
      const releaseRingUse = holdFocusRing();
      return () => {
        releaseRingUse();
        if (keys.delete(key)) unByKey(key);
      };
    },

    showMarker(location) {
      if (destroyed) return;
      markerAt = location;
      if (location !== null && !markerOnMap) {
        map.addOverlay(marker);
        markerOnMap = true;
        // A new view (another projection): the marker is placed again in it.
        markerViewKey = map.on('change:view', placeMarker);
      }
      placeMarker();
    },

    getCenter() {
      const center = map.getView().getCenter();
      const x = center?.[0];
      const y = center?.[1];
      if (x === undefined || y === undefined) {
        throw new NaError('no-center', 'The map view has no centre yet.');
      }
      return { x, y, crs: mapCrs() };
    },

    panBy(dxPx, dyPx) {
      const view = map.getView();
      const center = view.getCenter();
      const resolution = view.getResolution();
      if (center === undefined || resolution === undefined) return;
      const delta = rotate([dxPx * resolution, -dyPx * resolution], view.getRotation());
      view.setCenter([(center[0] ?? 0) + (delta[0] ?? 0), (center[1] ?? 0) + (delta[1] ?? 0)]);
    },

    centerOn(location, zoom) {
      const view = map.getView();
      view.setCenter(toMap(location));
      if (zoom !== undefined) view.setZoom(zoom);
    },

    showArea(location, radiusM) {
      const [cx, cy] = toMap(location);
      const crs = mapCrs();
      const lat = olTransform([location.x, location.y], location.crs, 'EPSG:4326')[1];
      const cosLat = Math.max(0.01, Math.cos((lat * Math.PI) / 180));
      // Half-widths of the area in map units: metres (RD), Web Mercator's scale 1/cos(lat), degrees.
      let rx = radiusM;
      let ry = radiusM;
      if (crs === 'EPSG:3857') {
        rx = radiusM / cosLat;
        ry = rx;
      } else if (crs === 'EPSG:4326') {
        ry = radiusM / 111_320;
        rx = ry / cosLat;
      }
      map.getView().fit([cx - rx, cy - ry, cx + rx, cy + ry], { duration: 0 });
    },

    getTarget() {
      return map.getTargetElement() ?? undefined;
    },

    snapshot() {
      if (destroyed) return Promise.resolve(null);
      return new Promise<string | null>((resolve) => {
        let done = false;
        const finish = (): void => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          if (keys.delete(key)) unByKey(key);
          removers.delete(cancel);
          resolve(composeSnapshot(map, markerOnMap ? marker : undefined, markerElement));
        };
        const cancel = (): void => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          resolve(null);
        };
        const key = map.once('rendercomplete', finish) as EventsKey;
        keys.add(key);
        removers.add(cancel);
        const timer = setTimeout(finish, snapshotTimeoutMs);
        map.render();
      });
    },

    addCrosshair() {
      const viewport = map.getViewport();
      if (destroyed || !viewport) return () => undefined;
      const cross = crosshair();
      viewport.append(cross);
      const remove = (): void => {
        if (removers.delete(remove)) cross.remove();
      };
      removers.add(remove);
      return remove;
    },

    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const key of keys) unByKey(key);
      keys.clear();
      for (const remove of [...removers]) remove();
      removers.clear();
      if (markerViewKey) unByKey(markerViewKey);
      markerViewKey = undefined;
      if (markerOnMap) {
        map.removeOverlay(marker);
        markerOnMap = false;
      }
      markerAt = null;
      marker.setPosition(undefined);
    },

    dispose() {
      viewer.destroy();
    },
  };
  return viewer;
}

/** Draws the map's layer canvases (and the marker) onto one canvas, as in the OpenLayers export example. */
function composeSnapshot(
  map: Map,
  marker: Overlay | undefined,
  markerElement: HTMLElement,
): string | null {
  const size = map.getSize();
  const viewport = map.getViewport();
  const width = size?.[0];
  const height = size?.[1];
  if (!viewport || width === undefined || height === undefined || width <= 0 || height <= 0)
    return null;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  // Every layer canvas, whatever class name a layer was given (`className` replaces `ol-layer`).
  for (const canvas of viewport.querySelectorAll<HTMLCanvasElement>('.ol-layers canvas')) {
    if (canvas.width <= 0) continue;
    const parent = canvas.parentElement;
    const opacity =
      parent && parent.style.opacity !== '' ? parent.style.opacity : canvas.style.opacity;
    ctx.globalAlpha = opacity === '' ? 1 : Number(opacity);
    const match = /^matrix\(([^(]*)\)$/.exec(canvas.style.transform);
    const matrix = match?.[1]
      ? match[1].split(',').map(Number)
      : [
          cssScale(canvas.style.width, canvas.width),
          0,
          0,
          cssScale(canvas.style.height, canvas.height),
          0,
          0,
        ];
    ctx.setTransform(
      matrix[0] ?? 1,
      matrix[1] ?? 0,
      matrix[2] ?? 0,
      matrix[3] ?? 1,
      matrix[4] ?? 0,
      matrix[5] ?? 0,
    );
    const background = parent?.style.backgroundColor;
    if (background) {
      ctx.fillStyle = background;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
    }
    ctx.drawImage(canvas, 0, 0);
  }
  ctx.globalAlpha = 1;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const position = marker?.getPosition();
  if (position) {
    const pixel = map.getPixelFromCoordinate(position);
    const px = pixel?.[0];
    const py = pixel?.[1];
    if (px !== undefined && py !== undefined) {
      const style = getComputedStyle(markerElement);
      ctx.beginPath();
      ctx.arc(px, py, 9, 0, 2 * Math.PI);
      ctx.lineWidth = 6;
      ctx.strokeStyle = style.boxShadow.match(/rgba?\([^)]*\)/)?.[0] ?? 'white';
      ctx.stroke();
      ctx.lineWidth = 4;
      ctx.strokeStyle = style.borderTopColor === '' ? 'black' : style.borderTopColor;
      ctx.stroke();
    }
  }
  try {
    return out.toDataURL('image/png');
  } catch (e) {
    // A cross-origin layer without CORS taints the canvas: print without the map image.
    if (e instanceof DOMException && e.name === 'SecurityError') return null;
    throw e;
  }
}

/** CSS size over canvas size (1 when the canvas has no CSS size). */
function cssScale(cssSize: string, pixels: number): number {
  const scale = parseFloat(cssSize) / pixels;
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

/**
 * Transforms `[x, y]` with the host's `ol/proj` (the same transformation the map itself uses), so
 * the viewer needs no proj4 of its own: EPSG:4326 and EPSG:3857 are built into OpenLayers, and a map
 * in EPSG:28992 has it registered (`registerRd()` of `natuurlijke-alliantie/map`, or the host's own
 * `register(proj4)`).
 * @throws NaError `unsupported-crs` when `ol/proj` does not know `from` or `to` (e.g. an RD location
 *   on a Web Mercator map whose host never registered EPSG:28992).
 */
function olTransform(
  coord: readonly [number, number],
  from: SupportedCrs,
  to: SupportedCrs,
): [number, number] {
  if (from === to) return [coord[0], coord[1]];
  const unknown = [from, to].find((code) => getProjection(code) === null);
  const transform = unknown === undefined ? getTransform(from, to) : null;
  if (transform === null) {
    throw new NaError(
      'unsupported-crs',
      `${unknown ?? `${from} → ${to}`} is not registered in ol/proj; register it (registerRd() from natuurlijke-alliantie/map) to show ${from} locations on a ${to} map.`,
      { crs: unknown ?? from },
    );
  }
  const out = transform([coord[0], coord[1]]);
  return [out[0] ?? Number.NaN, out[1] ?? Number.NaN];
}
