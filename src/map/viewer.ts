/**
 * The viewer seam: what a widget needs from a web map, independent of the map library.
 *
 * Widgets talk to a map only through this interface. `createOlViewer()` (src/map/ol-viewer.ts)
 * implements it for OpenLayers; an ArcGIS Maps SDK adapter (src/arcgis/) implements the same seam.
 * No `ol` import here.
 */
import type { Location, SupportedCrs } from '../core/types.js';

/**
 * A map as the widgets see it. Every location is in the map's CRS ({@link Viewer.crs}) unless a
 * method says otherwise. An adapter owns only what it adds (marker, crosshair, listeners) and
 * removes exactly that on {@link Viewer.destroy}; it never disposes the host's map.
 */
export interface Viewer {
  /** CRS of the map's coordinates (the view projection, or the user projection when one is set). */
  readonly crs: SupportedCrs;
  /**
   * Calls `handler` with the location of every single click or tap on the map (not on a drag or
   * double click). Location in {@link Viewer.crs}.
   * @returns a function that removes this handler (idempotent).
   */
  onClick(handler: (location: Location) => void): () => void;
  /**
   * Shows the marker of the checked location (any supported CRS; the adapter transforms it),
   * or hides it with `null`. There is one marker per viewer.
   */
  showMarker(location: Location | null): void;
  /** Centre of the map view, in {@link Viewer.crs}. */
  getCenter(): Location;
  /**
   * Moves the view by a screen distance in CSS pixels: positive `dxPx` moves the centre to the
   * right (east on an unrotated map), positive `dyPx` moves it down (south). Rotation is respected.
   */
  panBy(dxPx: number, dyPx: number): void;
  /** Centres the map on a location (any supported CRS), optionally at a zoom level. */
  centerOn(location: Location, zoom?: number): void;
  /**
   * Centres the map on a location (any supported CRS) and zooms so that about `radiusM` metres
   * around it fit the view (e.g. 75 m for an address, 2500 m for a town), whatever the map's
   * projection and zoom levels. Optional: where an adapter lacks it, callers use `centerOn`.
   */
  showArea?(location: Location, radiusM: number): void;
  /** The element the map is rendered into (the host's target element), if the map has one. */
  getTarget(): HTMLElement | undefined;
  /**
   * A PNG data URL of the map as currently rendered (for printing), with the marker drawn in;
   * `null` when it cannot be made (no rendered map, or cross-origin tiles taint the canvas).
   */
  snapshot(): Promise<string | null>;
  /**
   * Shows a crosshair in the centre of the map (keyboard mode).
   * @returns a function that removes this crosshair (idempotent).
   */
  addCrosshair(): () => void;
  /** Removes everything the adapter added to the map and releases every listener. Idempotent. */
  destroy(): void;
}
