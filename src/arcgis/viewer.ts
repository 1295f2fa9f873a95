/**
 * The viewer seam ({@link Viewer}) for the ArcGIS Maps SDK for JavaScript (`@arcgis/core` 4.30+
 * and 5.x, an optional peer dependency): the same contract as `createOlViewer`, so
 * `<na-location-check>` works on an ArcGIS `MapView` through its `.viewer` property.
 *
 * Owns one `GraphicsLayer` (the marker; added to the view's map on first use), the crosshair
 * element it puts in the view's UI and its event handles; `destroy()` removes exactly those and
 * never touches the host's view or map otherwise. Coordinates are transformed with
 * `src/core/crs.ts` (proj4), so the SDK's projection engine is never needed.
 */
import Graphic from '@arcgis/core/Graphic.js';
import Point from '@arcgis/core/geometry/Point.js';
import GraphicsLayer from '@arcgis/core/layers/GraphicsLayer.js';
import SimpleMarkerSymbol from '@arcgis/core/symbols/SimpleMarkerSymbol.js';
import type MapView from '@arcgis/core/views/MapView.js';
import { normalizeCrs, toCrs } from '../core/crs.js';
import { NaError, type Location, type SupportedCrs } from '../core/types.js';
import type { Viewer } from '../map/viewer.js';

/** Options of {@link createArcgisViewer}. */
export interface ArcgisViewerOptions {
  /** Colour of the marker ring when the view's container sets no `--na-marker-color`. */
  markerColour?: string;
}

/** Well-known ids the SDK uses for the supported CRSs (102100/102113/900913: Web Mercator). */
const WKID_CRS: Readonly<Record<number, SupportedCrs>> = {
  28992: 'EPSG:28992',
  3857: 'EPSG:3857',
  102100: 'EPSG:3857',
  102113: 'EPSG:3857',
  900913: 'EPSG:3857',
  4326: 'EPSG:4326',
};

/**
 * The CRS of an ArcGIS spatial reference.
 * @throws NaError `unsupported-crs` for any other spatial reference.
 */
export function crsOfSpatialReference(
  sr: { wkid?: number | null; latestWkid?: number | null } | null | undefined,
): SupportedCrs {
  const wkid = sr?.wkid ?? sr?.latestWkid ?? undefined;
  if (wkid === undefined) {
    throw new NaError('unsupported-crs', 'The view has no spatial reference (wkid) yet.');
  }
  return WKID_CRS[wkid] ?? normalizeCrs(`EPSG:${wkid}`);
}

/** The SDK's `wkid` of a supported CRS. */
export function wkidOf(crs: SupportedCrs): number {
  return crs === 'EPSG:28992' ? 28992 : crs === 'EPSG:4326' ? 4326 : 3857;
}

/** `#rrggbb` (or `#rgb`) and an alpha as the SDK's `[r, g, b, a]`; other strings give undefined. */
function rgba(hex: string, alpha: number): [number, number, number, number] | undefined {
  const h = hex.trim();
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(h);
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(h);
  const parts = long
    ? [long[1], long[2], long[3]]
    : short
      ? [short[1], short[2], short[3]].map((c) => `${c}${c}`)
      : undefined;
  if (!parts) return undefined;
  const [r, g, b] = parts.map((p) => parseInt(p ?? '0', 16));
  return [r ?? 0, g ?? 0, b ?? 0, alpha];
}

/**
 * Wraps an ArcGIS `MapView` in the {@link Viewer} seam. The view's spatial reference must be
 * RD New (28992), Web Mercator (3857/102100) or WGS 84 (4326); it is read on every call, so a
 * view whose spatial reference is only known after it loaded works too.
 *
 * - clicks: `view.on('click')` (the SDK's click waits out a double click, like `singleclick`);
 * - marker: a graphic in a `GraphicsLayer` of its own (`listMode: 'hide'`), ring colour from the
 *   container's `--na-marker-color` (or `--na-color-accent`);
 * - centre, pan, zoom: `view.center`, `view.toMap()`, `view.goTo()` (`zoom` only when the view
 *   has zoom levels, i.e. a tiled basemap or `constraints.lods`);
 * - snapshot: `view.takeScreenshot()` (PNG data URL, marker included);
 * - crosshair: an element in the view's UI (`view.ui.add(el, 'manual')`).
 *
 * @throws NaError `unsupported-crs` when the view's spatial reference is set and not supported.
 */
export function createArcgisViewer(view: MapView, options: ArcgisViewerOptions = {}): Viewer {
  const handles = new Set<{ remove(): void }>();
  const removers = new Set<() => void>();
  let destroyed = false;
  let markerLayer: GraphicsLayer | undefined;
  let markerGraphic: Graphic | undefined;

  const mapCrs = (): SupportedCrs => crsOfSpatialReference(view.spatialReference);
  // Fail early on a spatial reference the library cannot transform (when it is known already).
  if (view.spatialReference?.wkid != null) mapCrs();

  const toMapPoint = (loc: Location): Point => {
    const crs = mapCrs();
    const [x, y] = toCrs([loc.x, loc.y], loc.crs, crs);
    return new Point({ x, y, spatialReference: { wkid: wkidOf(crs) } });
  };

  const markerSymbol = (): SimpleMarkerSymbol => {
    const style = view.container ? getComputedStyle(view.container) : undefined;
    const fromCss =
      style?.getPropertyValue('--na-marker-color').trim() ||
      style?.getPropertyValue('--na-color-accent').trim() ||
      '';
    const ring = rgba(fromCss, 1) ?? rgba(options.markerColour ?? '#00557a', 1);
    return new SimpleMarkerSymbol({
      style: 'circle',
      size: 14,
      color: [255, 255, 255, 0.7],
      outline: { color: ring ?? [0, 85, 122, 1], width: 3 },
    });
  };

  const onGoToError = (e: unknown): void => {
    // A newer navigation interrupts this one: expected, nothing to report.
    if (e instanceof Error && /interrupted|abort/i.test(`${e.name} ${e.message}`)) return;
    if (
      typeof e === 'object' &&
      e !== null &&
      'name' in e &&
      /interrupted|abort/i.test(String(e.name))
    )
      return;
    console.warn('natuurlijke-alliantie: view.goTo failed', e);
  };

  const viewer: Viewer = {
    get crs(): SupportedCrs {
      return mapCrs();
    },

    onClick(handler) {
      if (destroyed) return () => undefined;
      const handle = view.on('click', (event) => {
        const p = event.mapPoint;
        if (p === null || p === undefined || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return;
        const crs = mapCrs();
        const fromCrs = crsOfSpatialReference(p.spatialReference);
        const [x, y] = fromCrs === crs ? [p.x, p.y] : toCrs([p.x, p.y], fromCrs, crs);
        handler({ x, y, crs });
      });
      handles.add(handle);
      return () => {
        if (handles.delete(handle)) handle.remove();
      };
    },

    showMarker(location) {
      if (destroyed) return;
      if (location === null) {
        if (markerGraphic && markerLayer) markerLayer.remove(markerGraphic);
        markerGraphic = undefined;
        return;
      }
      if (markerLayer === undefined) {
        markerLayer = new GraphicsLayer({ title: 'na-marker', listMode: 'hide' });
        view.map?.add(markerLayer);
      }
      const geometry = toMapPoint(location);
      if (markerGraphic === undefined) {
        markerGraphic = new Graphic({ geometry, symbol: markerSymbol() });
        markerLayer.add(markerGraphic);
      } else {
        markerGraphic.geometry = geometry;
      }
    },

    getCenter() {
      const c = view.center;
      if (c === null || c === undefined || !Number.isFinite(c.x) || !Number.isFinite(c.y)) {
        throw new NaError('no-center', 'The map view has no centre yet.');
      }
      const crs = mapCrs();
      const fromCrs = crsOfSpatialReference(c.spatialReference ?? view.spatialReference);
      const [x, y] = fromCrs === crs ? [c.x, c.y] : toCrs([c.x, c.y], fromCrs, crs);
      return { x, y, crs };
    },

    panBy(dxPx, dyPx) {
      if (destroyed || !view.ready || view.width <= 0 || view.height <= 0) return;
      // Screen to map handles rotation (and padding) the way the SDK draws the view.
      const target = view.toMap({ x: view.width / 2 + dxPx, y: view.height / 2 + dyPx });
      if (target) view.center = target;
    },

    centerOn(location, zoom) {
      if (destroyed) return;
      const target = toMapPoint(location);
      const withZoom = zoom !== undefined && view.zoom >= 0;
      view.goTo(withZoom ? { target, zoom } : { target }, { animate: false }).catch(onGoToError);
    },

    getTarget() {
      return view.container ?? undefined;
    },

    snapshot() {
      if (destroyed || !view.ready) return Promise.resolve(null);
      return view.takeScreenshot({ format: 'png' }).then(
        (shot) => (destroyed ? null : shot.dataUrl),
        (e: unknown) => {
          console.warn('natuurlijke-alliantie: view.takeScreenshot failed', e);
          return null;
        },
      );
    },

    addCrosshair() {
      if (destroyed || !view.ui) return () => undefined;
      const cross = document.createElement('div');
      cross.className = 'na-crosshair';
      cross.setAttribute('aria-hidden', 'true');
      cross.setAttribute('part', 'crosshair');
      const colour = 'var(--na-crosshair-color, var(--na-color-accent, #00557a))';
      Object.assign(cross.style, {
        position: 'absolute',
        left: '50%',
        top: '50%',
        width: '40px',
        height: '40px',
        marginLeft: '-20px',
        marginTop: '-20px',
        pointerEvents: 'none',
        zIndex: '2',
        background:
          `linear-gradient(${colour}, ${colour}) center / 3px 100% no-repeat, ` +
          `linear-gradient(${colour}, ${colour}) center / 100% 3px no-repeat`,
        filter: 'drop-shadow(0 0 1px #ffffff) drop-shadow(0 0 1px #ffffff)',
      } satisfies Partial<CSSStyleDeclaration>);
      view.ui.add(cross, 'manual');
      const remove = (): void => {
        if (!removers.delete(remove)) return;
        view.ui?.remove(cross);
        cross.remove();
      };
      removers.add(remove);
      return remove;
    },

    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const handle of handles) handle.remove();
      handles.clear();
      for (const remove of [...removers]) remove();
      removers.clear();
      if (markerLayer) {
        view.map?.remove(markerLayer);
        markerLayer.destroy();
        markerLayer = undefined;
      }
      markerGraphic = undefined;
    },
  };
  return viewer;
}
