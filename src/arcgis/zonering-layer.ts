/**
 * The zonering as an ArcGIS Maps SDK layer: a `GroupLayer` of two client-side `FeatureLayer`s
 * made from the polygons of a {@link PolygonSource}, with `UniqueValueRenderer`s on the zone
 * attribute in exactly the colours of the OpenLayers layer and the legend (zones when zoomed in,
 * landscape types beyond the region threshold, switched with `minScale`/`maxScale`).
 */
import Graphic from '@arcgis/core/Graphic.js';
import Polygon from '@arcgis/core/geometry/Polygon.js';
import FeatureLayer from '@arcgis/core/layers/FeatureLayer.js';
import GroupLayer from '@arcgis/core/layers/GroupLayer.js';
import UniqueValueRenderer from '@arcgis/core/renderers/UniqueValueRenderer.js';
import SimpleFillSymbol from '@arcgis/core/symbols/SimpleFillSymbol.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import type { Lang, PolygonSource, Scale, SupportedCrs } from '../core/types.js';
import type { ScaleThresholds } from '../core/zonering-style.js';
import { regionScale, zoneringRendererSpec, type FillSpec } from './renderer-spec.js';
import { wkidOf } from './viewer.js';

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

function fillSymbol(spec: FillSpec): SimpleFillSymbol {
  return new SimpleFillSymbol({
    style: 'solid',
    color: spec.color,
    outline: { color: spec.outline.color, width: spec.outline.width, style: 'solid' },
  });
}

/** A unique-value renderer for the zonering at a scale (see `zoneringRendererSpec`). */
export function createZoneringRenderer(
  kb: KnowledgeBase,
  scale: Scale,
  options: { zoneProperty?: string; lang?: Lang } = {},
): UniqueValueRenderer {
  const spec = zoneringRendererSpec(kb, scale, options);
  return new UniqueValueRenderer({
    field: spec.field,
    defaultLabel: spec.defaultLabel,
    defaultSymbol: fillSymbol(spec.defaultSymbol),
    uniqueValueInfos: spec.uniqueValueInfos.map((info) => ({
      value: info.value,
      label: info.label,
      symbol: fillSymbol(info.symbol),
    })),
  });
}

type Ring = number[][];

/** Signed area (shoelace); negative for a clockwise ring in a y-up CRS. */
function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] ?? [0, 0];
    const b = ring[i + 1] ?? [0, 0];
    s += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
  }
  return s / 2;
}

/** The SDK wants outer rings clockwise and holes counter-clockwise (GeoJSON: the reverse). */
function oriented(ring: Ring, outer: boolean): Ring {
  const clockwise = signedArea(ring) < 0;
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
 */
export async function createArcgisZoneringLayer(
  source: PolygonSource,
  kb: KnowledgeBase,
  options: ArcgisZoneringLayerOptions = {},
): Promise<GroupLayer> {
  const crs = options.crs ?? 'EPSG:3857';
  const zoneProperty = options.zoneProperty ?? 'BKNSN_code';
  const lang = options.lang ?? 'nl';
  const fc = await source.polygons(
    crs,
    options.signal === undefined ? {} : { signal: options.signal },
  );
  const spatialReference = { wkid: wkidOf(crs) };
  const names = new Map(kb.zones.map((z) => [z.code, z.name[lang] ?? z.name.nl]));
  const graphics = (): Graphic[] =>
    fc.features.map((f, i) => {
      const raw = f.properties[zoneProperty];
      const code =
        typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
      return new Graphic({
        geometry: new Polygon({ rings: geoJsonRings(f.geometry), spatialReference }),
        attributes: { ObjectID: i + 1, [zoneProperty]: code, name: names.get(code) ?? code },
      });
    });
  const split = regionScale(options.scaleThresholds);
  const featureLayer = (
    scale: Scale,
    title: string,
    range: { minScale: number; maxScale: number },
  ) =>
    new FeatureLayer({
      title,
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
      renderer: createZoneringRenderer(kb, scale, { zoneProperty, lang }),
      popupEnabled: false,
      ...range,
    });
  return new GroupLayer({
    title: options.title ?? (lang === 'en' ? 'Landscape zonering' : 'Landschapszonering'),
    opacity: options.opacity ?? 0.7,
    listMode: 'hide-children',
    layers: [
      // minScale: the most zoomed-out scale at which a layer shows; maxScale: the most zoomed-in.
      featureLayer('regio/stad', 'regio/stad', { minScale: 0, maxScale: split }),
      featureLayer('wijk/dorp', 'wijk/dorp', { minScale: split, maxScale: 0 }),
    ],
  });
}
