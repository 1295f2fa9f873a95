/**
 * The zonering as an ArcGIS Maps SDK layer: a `GroupLayer` of two client-side `FeatureLayer`s made
 * from the polygons of a {@link PolygonSource}, with unique-value renderers on the zone attribute
 * in exactly the colours of the OpenLayers layer and the legend (zones when zoomed in, landscape
 * types beyond the region threshold, switched with `minScale`/`maxScale`).
 *
 * The SDK classes are passed in (`{ FeatureLayer, GroupLayer, Graphic }`), never imported here:
 * the layer is made with the host's own copy of the SDK (npm `@arcgis/core`, the AMD build loaded
 * by Experience Builder, …), so a page never holds two.
 */
import { ringSignedArea } from '../core/geometry.js';
import { defined } from '../core/defined.js';
import type Graphic from '@arcgis/core/Graphic.js';
import type FeatureLayer from '@arcgis/core/layers/FeatureLayer.js';
import type GroupLayer from '@arcgis/core/layers/GroupLayer.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import type { Lang, PolygonSource, Scale, SupportedCrs } from '../core/types.js';
import type { ScaleThresholds } from '../core/zonering-style.js';
import { regionScale, zoneringRendererJson } from './renderer-spec.js';
import { wkidOf } from './viewer.js';

/** The SDK classes the layer is made with (the host's own copy). */
export interface ArcgisLayerClasses {
  FeatureLayer: typeof FeatureLayer;
  GroupLayer: typeof GroupLayer;
  Graphic: typeof Graphic;
}

/** Options of {@link createArcgisZoneringLayer}. */
export interface ArcgisZoneringLayerOptions {
  /** CRS to ask the source for: the view's (default `EPSG:3857`, the SDK's usual Web Mercator). */
  crs?: SupportedCrs;
  /** Property with the BKNSN zone code (default `BKNSN_code`). */
  zoneProperty?: string;
  /** Layer opacity 0–1 (default 0.7, like `<na-zonering-layer>`). */
  opacity?: number;
  /** Where the map switches to landscape types (ground m/px); see `ScaleThresholds`. */
  scaleThresholds?: Partial<ScaleThresholds>;
  /** Language of the legend labels (default `nl`). */
  lang?: Lang;
  /** Title in the host's layer list (default `Landschapszonering`). */
  title?: string;
  /** Abort loading the polygons. */
  signal?: AbortSignal;
}

type Ring = number[][];

/** The SDK wants outer rings clockwise and holes counter-clockwise (GeoJSON: the reverse). */
function oriented(ring: Ring, outer: boolean): Ring {
  const clockwise = ringSignedArea(ring) < 0;
  return clockwise === outer ? ring : [...ring].reverse();
}

/** GeoJSON Polygon/MultiPolygon coordinates as SDK rings (all polygons in one geometry). */
export function geoJsonRings(geometry: { type: string; coordinates: unknown }): Ring[] {
  const polygons = (
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  ) as Ring[][];
  if (!Array.isArray(polygons)) return [];
  return polygons.flatMap((poly) =>
    Array.isArray(poly)
      ? poly.map((ring, i) =>
          oriented(
            ring.map((c) => [c[0] ?? 0, c[1] ?? 0]),
            i === 0,
          ),
        )
      : [],
  );
}

/**
 * Loads the polygons of `source` (in `options.crs`) and returns the zonering as a `GroupLayer`
 * (`listMode: 'hide-children'`) of two client-side feature layers: zone colours up to the region
 * scale, landscape-type colours beyond it. Add it with `view.map.add(layer)`; remove it with
 * `view.map.remove(layer)` and `layer.destroy()`. Each feature keeps the zone code (`zoneProperty`)
 * and the zone name (`name`) for popups.
 *
 * @example
 * import FeatureLayer from '@arcgis/core/layers/FeatureLayer.js';
 * import GroupLayer from '@arcgis/core/layers/GroupLayer.js';
 * import Graphic from '@arcgis/core/Graphic.js';
 * const layer = await createArcgisZoneringLayer({ FeatureLayer, GroupLayer, Graphic }, source, kb,
 *   { crs: 'EPSG:28992' });
 * view.map.add(layer);
 */
export async function createArcgisZoneringLayer(
  sdk: ArcgisLayerClasses,
  source: PolygonSource,
  kb: KnowledgeBase,
  options: ArcgisZoneringLayerOptions = {},
): Promise<GroupLayer> {
  const crs = options.crs ?? 'EPSG:3857';
  const zoneProperty = options.zoneProperty ?? 'BKNSN_code';
  const lang = options.lang ?? 'nl';
  const fc = await source.polygons(crs, defined({ signal: options.signal }));
  const spatialReference = { wkid: wkidOf(crs) };
  const names = new Map(kb.zones.map((z) => [z.code, z.name[lang] ?? z.name.nl]));
  const graphics = (): Graphic[] =>
    fc.features.map((f, i) => {
      const raw = f.properties[zoneProperty];
      const code =
        typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
      return new sdk.Graphic({
        geometry: { type: 'polygon', rings: geoJsonRings(f.geometry), spatialReference },
        attributes: { ObjectID: i + 1, [zoneProperty]: code, name: names.get(code) ?? code },
      });
    });
  const split = regionScale(options.scaleThresholds);
  const featureLayer = (
    scale: Scale,
    range: { minScale: number; maxScale: number },
  ): FeatureLayer =>
    new sdk.FeatureLayer({
      title: scale,
      source: graphics(),
      objectIdField: 'ObjectID',
      geometryType: 'polygon',
      spatialReference,
      fields: [
        { name: 'ObjectID', type: 'oid' },
        { name: zoneProperty, type: 'string' },
        { name: 'name', type: 'string' },
      ],
      outFields: ['*'],
      renderer: zoneringRendererJson(kb, scale, { zoneProperty, lang }),
      popupEnabled: false,
      ...range,
    });
  return new sdk.GroupLayer({
    title: options.title ?? (lang === 'en' ? 'Landscape zonering' : 'Landschapszonering'),
    opacity: options.opacity ?? 0.7,
    listMode: 'hide-children',
    layers: [
      // minScale: the most zoomed-out scale at which a layer shows; maxScale: the most zoomed-in.
      featureLayer('regio/stad', { minScale: 0, maxScale: split }),
      featureLayer('wijk/dorp', { minScale: split, maxScale: 0 }),
    ],
  });
}
