/**
 * The demo's base layers: an offline base drawn from the demo data (the zonering polygons in calm
 * greys by elevation, like a soft relief map) and PDOK's BRT-Achtergrondkaart (WMTS, online).
 * Presentation only: no domain logic.
 */
import type Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import WMTS from 'ol/source/WMTS.js';
import Fill from 'ol/style/Fill.js';
import Style from 'ol/style/Style.js';
import { registerRd, rdTileGrid } from '../src/map/projection.js';

/** PDOK BRT-Achtergrondkaart WMTS (RD tile matrix set). */
export const PDOK_BRT_WMTS = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0';

/** Reads a GeoJSON file of the demo data into features in the map's projection. */
export async function loadDemoFeatures(
  url: string,
  featureProjection: string,
  signal?: AbortSignal,
): Promise<Feature[]> {
  const response = await fetch(url, signal ? { signal } : {});
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const json: unknown = await response.json();
  // The demo files are in RD New (EPSG:28992).
  registerRd();
  return new GeoJSON().readFeatures(json, {
    dataProjection: 'EPSG:28992',
    featureProjection,
  }) as Feature[];
}

const LOW = [214, 214, 208];
const HIGH = [246, 246, 243];

/** A grey between LOW and HIGH for `t` in 0..1. */
function grey(t: number): string {
  const c = LOW.map((low, i) => Math.round(low + ((HIGH[i] ?? low) - low) * t));
  return `rgb(${c.join(', ')})`;
}

/**
 * The offline base layer: the polygons filled in greys from low (darker) to high (lighter) by
 * their `elevation` property (m +NAP); polygons without one get the middle grey.
 */
export function offlineBaseLayer(features: Feature[]): VectorLayer<VectorSource<Feature>, Feature> {
  const elevations = features
    .map((f) => f.get('elevation') as unknown)
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const min = elevations.length > 0 ? Math.min(...elevations) : 0;
  const max = elevations.length > 0 ? Math.max(...elevations) : 1;
  const styles = new Map<string, Style>();
  const styleOf = (t: number): Style => {
    const colour = grey(t);
    let style = styles.get(colour);
    if (!style) {
      style = new Style({ fill: new Fill({ color: colour }) });
      styles.set(colour, style);
    }
    return style;
  };
  return new VectorLayer({
    className: 'demo-base-offline',
    source: new VectorSource({ features }),
    properties: { title: 'Ondergrond (demodata)' },
    style: (feature) => {
      const e = feature.get('elevation') as unknown;
      const t = typeof e === 'number' && max > min ? (e - min) / (max - min) : 0.5;
      // Steps of 1/8 keep the base calm (few distinct greys) and the style cache small.
      return styleOf(Math.round(t * 8) / 8);
    },
  });
}

/**
 * PDOK's BRT-Achtergrondkaart as a WMTS layer in RD (`NetherlandsRDNewQuad`), hidden until
 * switched on. `layer`: `grijs` (default), `standaard`, `pastel` or `water`.
 */
export function pdokBaseLayer(layer = 'grijs'): TileLayer<WMTS> {
  return new TileLayer({
    className: 'demo-base-pdok',
    visible: false,
    properties: { title: 'BRT-Achtergrondkaart (PDOK)' },
    source: new WMTS({
      url: PDOK_BRT_WMTS,
      layer,
      matrixSet: 'EPSG:28992',
      format: 'image/png',
      style: 'default',
      projection: registerRd(),
      tileGrid: rdTileGrid(),
      requestEncoding: 'KVP',
      crossOrigin: 'anonymous',
      attributions: 'Kaartgegevens © Kadaster / PDOK (CC BY 4.0)',
      wrapX: false,
    }),
  });
}
