/**
 * The viewer seam ({@link Viewer}) for the ArcGIS Maps SDK for JavaScript (a `MapView` of
 * `@arcgis/core` 4.30+ or 5.x, the AMD build, or Experience Builder's copy): the same contract as
 * `createOlViewer`, so `<na-location-check>` works on an ArcGIS `MapView` through its `.viewer`.
 *
 * It imports NOTHING from the SDK at run time (types only): it works with the view's own copy of
 * the SDK, whichever that is, so a host never gets a second SDK (the ArcGIS counterpart of the one
 * `ol` rule): the marker is a plain object that `view.graphics` autocasts to the view's own
 * `Graphic`. It adds that one graphic to `view.graphics`, a crosshair element to the view's UI
 * (`view.ui.add(el, 'manual')`) and event handles; `destroy()` removes exactly those and never
 * touches the host's view or map otherwise. Coordinates are transformed with `src/core/crs.ts`
 * (proj4), so the SDK's projection engine is never needed.
 */
import type Graphic from '@arcgis/core/Graphic.js';
import type { GraphicProperties } from '@arcgis/core/Graphic.js';
import type Point from '@arcgis/core/geometry/Point.js';
import type MapView from '@arcgis/core/views/MapView.js';
import type * as ReactiveUtils from '@arcgis/core/core/reactiveUtils.js';
import { normalizeCrs, toCrs } from '../core/crs.js';
import { NaError, type Location, type SupportedCrs } from '../core/types.js';
import { crosshair } from '../map/decoration.js';
import type { Viewer } from '../map/viewer.js';

/** Options of {@link createArcgisViewer}. */
export interface ArcgisViewerOptions {
  /** Colour of the marker ring when the view's container sets no `--na-marker-color`. */
  markerColour?: string;
  /**
   * `reactiveUtils` of the host's own SDK copy (`@arcgis/core/core/reactiveUtils.js`, or the AMD
   * `esri/core/reactiveUtils`): with it the marker follows a change of `view.spatialReference`
   * (e.g. another basemap), re-projected from the location it was given. Without it the host calls
   * `showMarker` again after such a change (the adapter imports nothing from the SDK itself).
   */
  reactiveUtils?: Pick<typeof ReactiveUtils, 'watch'>;
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
 * - marker: one graphic in `view.graphics` (a point with a simple-marker ring) that the SDK draws
 *   at its map location, so it follows every pan, zoom and rotation with nothing to watch or poll
 *   (no animation frames); ring colour from the container's `--na-marker-color` (or
 *   `--na-color-accent`), fill from `--na-marker-fill`, read when the marker is placed. The
 *   point is in the view's spatial reference; the location it was given is kept, and with
 *   `options.reactiveUtils` (the host's own) a later change of `view.spatialReference` re-projects
 *   the marker into the new one (one watch handle, removed by `destroy()`); without it the host
 *   calls `showMarker` again (importing `reactiveUtils` here would mean a second SDK copy, and
 *   `view.watch` is deprecated);
 * - centre, pan, zoom: `view.center`, `view.toMap()`, `view.goTo()` (`zoom` only when the view
 *   has zoom levels, i.e. a tiled basemap or `constraints.lods`);
 * - snapshot: `view.takeScreenshot()` (PNG data URL; the marker graphic is part of it);
 * - crosshair: an element in the view's UI (`view.ui.add(el, 'manual')`).
 *
 * @throws NaError `unsupported-crs` when the view's spatial reference is set and not supported.
 */
export function createArcgisViewer(view: MapView, options: ArcgisViewerOptions = {}): Viewer {
  const handles = new Set<{ remove(): void }>();
  const removers = new Set<() => void>();
  let destroyed = false;
  let marker: Graphic | undefined;
  /** Where the marker stands, in the CRS it was given in (re-projected when the view's changes). */
  let markerAt: Location | undefined;

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
    // The centre may still be in the former spatial reference right after the view's changed.
    if (view.spatialReference) p.spatialReference = view.spatialReference;
    return p;
  };

  /**
   * The marker's ring and fill colours as the CSS of the view's container resolves them
   * (`--na-marker-color`, else `--na-color-accent`, else the option; `--na-marker-fill`): read from
   * a hidden probe element, so custom properties that refer to other ones (`var(--brand)`) arrive
   * as the `rgb()` colours the SDK's `Color` understands.
   */
  const markerColours = (): { ring: string; fill: string } => {
    const fallback = options.markerColour || '#00557a';
    const host = view.container;
    if (!host) return { ring: fallback, fill: 'rgba(255, 255, 255, 0.7)' };
    const probe = document.createElement('span');
    probe.hidden = true;
    probe.style.color = `var(--na-marker-color, var(--na-color-accent, ${fallback}))`;
    probe.style.backgroundColor = 'var(--na-marker-fill, rgba(255, 255, 255, 0.7))';
    host.append(probe);
    const style = getComputedStyle(probe);
    const colours = { ring: style.color || fallback, fill: style.backgroundColor };
    probe.remove();
    return colours;
  };

  /**
   * The marker as a plain object: `view.graphics` autocasts it (its `itemType` is the view's own
   * `Graphic`, the symbol and point are autocast by that `Graphic`), so no SDK class is imported.
   * A ring like the OpenLayers marker's (sizes in points: 16 pt ≈ 21 px, 3 pt ≈ 4 px).
   */
  const markerGraphic = (at: Point): GraphicProperties => {
    const { ring, fill } = markerColours();
    return {
      geometry: at,
      symbol: {
        type: 'simple-marker',
        style: 'circle',
        size: 16,
        color: fill,
        outline: { color: ring, width: 3 },
      },
    };
  };

  const onGoToError = (e: unknown): void => {
    // A newer navigation interrupts this one: expected, nothing to report.
    const name = typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
    const message = e instanceof Error ? e.message : '';
    if (/interrupted|abort/i.test(`${name} ${message}`)) return;
    console.warn('natuurlijke-alliantie: view.goTo failed', e);
  };

  /** The view's spatial reference changed: the marker moves into the new one. */
  const reproject = (): void => {
    if (destroyed || marker === undefined || markerAt === undefined) return;
    let at: Point | undefined;
    try {
      at = viewPoint(markerAt);
    } catch (e) {
      // A spatial reference the library cannot transform: no marker rather than a wrong one.
      console.warn('natuurlijke-alliantie: the marker cannot follow the view', e);
    }
    if (at === undefined) viewer.showMarker(null);
    else marker.geometry = at;
  };
  if (options.reactiveUtils) {
    handles.add(
      options.reactiveUtils.watch(
        () => view.spatialReference,
        () => reproject(),
      ),
    );
  }

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
      const at = location === null ? undefined : viewPoint(location);
      if (marker !== undefined) {
        view.graphics.remove(marker);
        marker = undefined;
      }
      markerAt = at === undefined || location === null ? undefined : location;
      if (at === undefined) return;
      // Added as a plain object: the collection autocasts it and holds the Graphic it made.
      view.graphics.add(markerGraphic(at) as Graphic);
      marker = view.graphics.at(-1) ?? undefined;
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
        (shot) => (destroyed ? null : shot.dataUrl),
        (e: unknown) => {
          console.warn('natuurlijke-alliantie: view.takeScreenshot failed', e);
          return null;
        },
      );
    },

    addCrosshair() {
      if (destroyed || !view.ui) return () => undefined;
      // The same element as on an OpenLayers map (borders, so forced colours keep it).
      const cross = crosshair();
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
      if (marker !== undefined) view.graphics.remove(marker);
      marker = undefined;
      markerAt = undefined;
    },
  };

  return viewer;
}
