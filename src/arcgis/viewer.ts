/**
 * The viewer seam ({@link Viewer}) for the ArcGIS Maps SDK for JavaScript (a `MapView` of
 * `@arcgis/core` 4.30+ or 5.x, the AMD build, or Experience Builder's copy): the same contract as
 * `createOlViewer`, so `<na-location-check>` works on an ArcGIS `MapView` through its `.viewer`.
 *
 * It imports NOTHING from the SDK at run time (types only): it works with the view's own copy of
 * the SDK, whichever that is, so a host never gets a second SDK (the ArcGIS counterpart of the one
 * `ol` rule). It adds a marker element and a crosshair element to the view's UI (`view.ui.add(el,
 * 'manual')`) and event handles; `destroy()` removes exactly those and never touches the host's
 * view or map otherwise. Coordinates are transformed with `src/core/crs.ts` (proj4), so the SDK's
 * projection engine is never needed.
 */
import type Point from '@arcgis/core/geometry/Point.js';
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

/**
 * Wraps an ArcGIS `MapView` in the {@link Viewer} seam. The view's spatial reference must be
 * RD New (28992), Web Mercator (3857/102100) or WGS 84 (4326); it is read on every call, so a
 * view whose spatial reference is only known after it loaded works too.
 *
 * - clicks: `view.on('click')` (the SDK's click waits out a double click, like `singleclick`);
 * - marker: an element in the view's UI (`view.ui.add(el, 'manual')`), styled like the OpenLayers
 *   marker (`--na-marker-color`, falling back to `--na-color-accent`) and kept on its map location
 *   while the view moves (checked once per animation frame; a `view.graphics` graphic is open);
 * - centre, pan, zoom: `view.center`, `view.toMap()`, `view.goTo()` (`zoom` only when the view
 *   has zoom levels, i.e. a tiled basemap or `constraints.lods`);
 * - snapshot: `view.takeScreenshot()` (PNG data URL) with the marker drawn in;
 * - crosshair: an element in the view's UI (`view.ui.add(el, 'manual')`).
 *
 * @throws NaError `unsupported-crs` when the view's spatial reference is set and not supported.
 */
export function createArcgisViewer(view: MapView, options: ArcgisViewerOptions = {}): Viewer {
  const handles = new Set<{ remove(): void }>();
  const removers = new Set<() => void>();
  let destroyed = false;
  let markerAt: Location | undefined;
  let markerElement: HTMLElement | undefined;
  let frame: number | undefined;
  let lastKey = '';

  const mapCrs = (): SupportedCrs => crsOfSpatialReference(view.spatialReference);
  // Fail early on a spatial reference the library cannot transform (when it is known already).
  if (view.spatialReference?.wkid != null) mapCrs();

  /** A point of the view's own SDK copy (a clone of its centre), at a location in the map CRS. */
  const viewPoint = (loc: Location): Point | undefined => {
    const centre = view.center;
    if (centre === null || centre === undefined) return undefined;
    const crs = mapCrs();
    const [x, y] = toCrs([loc.x, loc.y], loc.crs, crs);
    const p = centre.clone();
    p.x = x;
    p.y = y;
    return p;
  };

  const markerColour = (): string => {
    const style = view.container ? getComputedStyle(view.container) : undefined;
    return (
      style?.getPropertyValue('--na-marker-color').trim() ||
      style?.getPropertyValue('--na-color-accent').trim() ||
      options.markerColour ||
      '#00557a'
    );
  };

  /** Screen position (CSS px in the view) of the marker, or undefined when it is not on screen. */
  const markerScreen = (): { x: number; y: number } | undefined => {
    if (markerAt === undefined) return undefined;
    const p = viewPoint(markerAt);
    const screen = p ? view.toScreen(p) : undefined;
    return screen ? { x: screen.x, y: screen.y } : undefined;
  };

  /** Keeps the marker element on its map location while the view moves (one check per frame). */
  const follow = (): void => {
    frame = undefined;
    if (destroyed || markerElement === undefined || markerAt === undefined) return;
    const c = view.center;
    const key = `${c?.x},${c?.y},${view.scale},${view.rotation},${view.width},${view.height}`;
    if (key !== lastKey) {
      lastKey = key;
      const screen = view.ready ? markerScreen() : undefined;
      markerElement.hidden = screen === undefined;
      if (screen) markerElement.style.transform = `translate(${screen.x}px, ${screen.y}px)`;
    }
    frame = requestAnimationFrame(follow);
  };

  const makeMarker = (): HTMLElement => {
    const el = document.createElement('div');
    el.className = 'na-marker';
    el.setAttribute('aria-hidden', 'true');
    el.setAttribute('part', 'marker');
    Object.assign(el.style, {
      position: 'absolute',
      left: '-11px',
      top: '-11px',
      width: '22px',
      height: '22px',
      borderRadius: '50%',
      boxSizing: 'border-box',
      border: '4px solid var(--na-marker-color, var(--na-color-accent, #00557a))',
      background: 'var(--na-marker-fill, rgba(255, 255, 255, 0.7))',
      boxShadow: '0 0 0 2px var(--na-marker-halo, #ffffff)',
      pointerEvents: 'none',
      zIndex: '1',
    } satisfies Partial<CSSStyleDeclaration>);
    return el;
  };

  const onGoToError = (e: unknown): void => {
    // A newer navigation interrupts this one: expected, nothing to report.
    const name = typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
    const message = e instanceof Error ? e.message : '';
    if (/interrupted|abort/i.test(`${name} ${message}`)) return;
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
      markerAt = location ?? undefined;
      if (location === null) {
        if (markerElement) markerElement.hidden = true;
        return;
      }
      if (markerElement === undefined) {
        markerElement = makeMarker();
        view.ui.add(markerElement, 'manual');
      }
      lastKey = '';
      if (frame === undefined) follow();
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
      const target = viewPoint(location);
      if (target === undefined) {
        // No centre yet (the view is not set up): set it; the SDK autocasts the plain point.
        const crs = mapCrs();
        const [x, y] = toCrs([location.x, location.y], location.crs, crs);
        view.center = { x, y, spatialReference: { wkid: wkidOf(crs) } };
        return;
      }
      const withZoom = zoom !== undefined && view.zoom >= 0;
      view.goTo(withZoom ? { target, zoom } : { target }, { animate: false }).catch(onGoToError);
    },

    getTarget() {
      return view.container ?? undefined;
    },

    snapshot() {
      if (destroyed || !view.ready) return Promise.resolve(null);
      return view.takeScreenshot({ format: 'png' }).then(
        (shot) => (destroyed ? null : withMarker(shot.dataUrl, shot.data.width / view.width)),
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
      if (frame !== undefined) cancelAnimationFrame(frame);
      frame = undefined;
      if (markerElement) {
        view.ui?.remove(markerElement);
        markerElement.remove();
        markerElement = undefined;
      }
      markerAt = undefined;
    },
  };

  /** Draws the marker (ring and halo) onto the screenshot, as the OpenLayers snapshot does. */
  function withMarker(dataUrl: string, pixelRatio: number): Promise<string | null> {
    const screen = markerElement && !markerElement.hidden ? markerScreen() : undefined;
    if (screen === undefined) return Promise.resolve(dataUrl);
    return new Promise((resolve) => {
      const img = new Image();
      img.onload = () => {
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext('2d');
        if (!ctx) {
          resolve(dataUrl);
          return;
        }
        ctx.drawImage(img, 0, 0);
        ctx.scale(pixelRatio, pixelRatio);
        ctx.beginPath();
        ctx.arc(screen.x, screen.y, 9, 0, 2 * Math.PI);
        ctx.lineWidth = 6;
        ctx.strokeStyle = '#ffffff';
        ctx.stroke();
        ctx.lineWidth = 4;
        ctx.strokeStyle = markerColour();
        ctx.stroke();
        resolve(canvas.toDataURL('image/png'));
      };
      img.onerror = () => resolve(dataUrl);
      img.src = dataUrl;
    });
  }

  return viewer;
}
