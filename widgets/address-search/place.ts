/** Moves a map to a place chosen in `<na-address-search>`, at a scale that fits its kind. */
import type { Viewer } from '../../src/map/viewer.js';
import type { AddressSelectDetail } from './events.js';

/** Radius (m) around a chosen object that the map shows, by Locatieserver type. */
const RADIUS_BY_TYPE: Readonly<Record<string, number>> = {
  adres: 75,
  perceel: 75,
  appartementsrecht: 75,
  hectometerpaal: 150,
  weg: 300,
  postcode: 300,
  buurt: 600,
  wijk: 1200,
  woonplaats: 2500,
  gemeente: 6000,
  waterschap: 25000,
  provincie: 40000,
};
const DEFAULT_RADIUS_M = 500;

/** Centres `viewer` on the chosen place, showing about the radius of its kind around it. */
export function showPlace(viewer: Viewer, detail: AddressSelectDetail): void {
  const radius = RADIUS_BY_TYPE[detail.type] ?? DEFAULT_RADIUS_M;
  // An RD map has EPSG:28992 in its ol/proj; any other map knows lon/lat (no proj4 needed).
  const location =
    viewer.crs === 'EPSG:28992'
      ? detail.location
      : { x: detail.lon, y: detail.lat, crs: 'EPSG:4326' as const };
  if (viewer.showArea) viewer.showArea(location, radius);
  else viewer.centerOn(location);
}
