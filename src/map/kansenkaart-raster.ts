/**
 * The computed kansenkaart on an OpenLayers map as one image, not one vector feature per unit:
 * an `ImageLayer` whose canvas source (in EPSG:28992; OpenLayers reprojects it to the map's
 * projection) draws the 25 m cells of the chosen action's states from the unit grid
 * (kansenkaart-raster-draw.ts). Hover, click and the keyboard crosshair read the unit through
 * the grid (a cell lookup), and the units in view come from the units' rectangles, so neither the
 * number of units nor a change of action costs a long task on the main thread. Same colours,
 * forced-colours patterns, scale styles and interaction as the vector layer of an export
 * (kansenkaart-layer.ts). In the OpenLayers idiom: `setMap(map | null)` moves the layer and its
 * hover/click/keyboard binding to another map or off the map, `dispose()` does that for good; on
 * the map's `change:view` the hit tests, the units in view, the layer's extent and the scale levels
 * follow the new view's projection (the image itself OpenLayers reprojects from EPSG:28992).
 */
import { transform, transformExtent } from 'ol/proj.js';
import ImageLayer from 'ol/layer/Image.js';
import type OlMap from 'ol/Map.js';
import ImageCanvasSource from 'ol/source/ImageCanvas.js';
import type { ActionState } from '../core/kansenkaart/compute.js';
import {
  areasByState,
  areasOfUnits,
  kansenkaartGeoJson,
  unitAttributes,
} from '../core/kansenkaart/output.js';
import { unitIdAt } from '../core/kansenkaart/unit-grid.js';
import type { Lang, LocalizedText, Scale } from '../core/types.js';
import { scaleForResolution } from '../core/zonering-style.js';
import { KansenMapBinding, type KansenHit } from './kansenkaart-interaction.js';
import {
  viewExtentRd,
  type KansenkaartAttachmentOptions,
  type KansenkaartShown,
  type KansenUnitInfo,
} from './kansenkaart-layer.js';
import {
  drawRaster,
  FrameCanvases,
  RasterCanvases,
  type KansenkaartRasterData,
  type RasterLook,
} from './kansenkaart-raster-draw.js';
import { groundFactorAt, registerRd } from './projection.js';

export type { KansenkaartRasterData } from './kansenkaart-raster-draw.js';

export interface KansenkaartRaster extends KansenkaartShown {
  readonly layer: ImageLayer<ImageCanvasSource>;
  /** The map it is on, or null after `setMap(null)` / `dispose()`. */
  readonly map: OlMap | null;
  /** The map it is on, or null (OpenLayers' name). */
  getMap(): OlMap | null;
  /**
   * Moves the layer and its hover/click/keyboard listeners to `map`, or with null takes them off
   * the map (its layers and listener counts are as before). The same map again changes nothing;
   * on a map whose view has another projection the hit tests and the layer's extent follow it.
   */
  setMap(map: OlMap | null): void;
  /** Replaces the map (a new computation), or clears it (`undefined`). */
  setData(data: KansenkaartRasterData | undefined): void;
  /**
   * `setMap(null)` and releases the layer, its canvases and images; nothing works afterwards.
   * Idempotent.
   */
  dispose(): void;
}

/** Options of {@link attachKansenkaartRaster}. */
export interface KansenkaartRasterOptions extends KansenkaartAttachmentOptions {
  /**
   * The size of the image drawn, as a multiple of the map's viewport (OpenLayers' `ratio`;
   * default 1.5: a margin around the view that a drag shows before the image is drawn again).
   * 1 when the data covers only the view (a margin would be empty): the image is 2.25 times
   * smaller, and so is the main thread's work to clear, draw and compose it.
   */
  imageRatio?: number;
}

/**
 * Adds the computed kansenkaart `data` (or nothing yet) to `map` as an image layer (`setMap`
 * moves it to another map or off the map).
 */
export function attachKansenkaartRaster(
  map: OlMap,
  data: KansenkaartRasterData | undefined,
  options: KansenkaartRasterOptions,
): KansenkaartRaster {
  registerRd();
  const look: RasterLook = {
    action: options.action,
    forced: options.forcedColors ?? false,
    lang: options.lang ?? 'nl',
  };
  /** The projection of the view of the map it is on (hit tests, the layer's extent). */
  let projection = map.getView().getProjection();
  /** Ground metres per projection unit at the view's centre (for the scale levels). */
  let groundFactor = 1;
  const scaleAt = (resolution: number): Scale =>
    scaleForResolution(resolution * groundFactor, options.scaleThresholds);
  let canvases = data ? new RasterCanvases(data) : undefined;
  const frames = new FrameCanvases();
  const source = new ImageCanvasSource({
    projection: 'EPSG:28992',
    ratio: options.imageRatio ?? 1.5,
    // Cells stay crisp squares (no smoothing when OpenLayers scales or shifts the image).
    interpolate: false,
    // The source is in EPSG:28992: its resolution is in ground metres.
    canvasFunction: (extent, resolution, pixelRatio, size) => {
      if (!canvases) return frames.take('frame', 1, 1);
      const scale = scaleForResolution(resolution, options.scaleThresholds);
      return drawRaster(canvases, look, scale, extent, resolution, pixelRatio, size, frames);
    },
  });
  const layer = new ImageLayer({
    source,
    opacity: options.opacity ?? 0.75,
    className: 'na-kansenkaart',
    properties: { name: 'na-kansenkaart' },
  });
  const setExtent = (): void => {
    const g = canvases?.data.map.grid;
    layer.setExtent(
      g
        ? transformExtent(
            [g.x0, g.y0, g.x0 + g.cols * g.cellSize, g.y0 + g.rows * g.cellSize],
            'EPSG:28992',
            projection,
          )
        : undefined,
    );
  };

  /** Follows the map's view: its projection (hits, the extent), the scale levels at its centre. */
  const useView = (target: OlMap): void => {
    const view = target.getView();
    projection = view.getProjection();
    groundFactor = groundFactorAt(view);
    setExtent();
    binding.reset();
  };

  const info = (id: number, rd: [number, number]): KansenUnitInfo => {
    const kmap = canvases!.data.map;
    const unit = kmap.units[id]!;
    const tuple = kmap.tuples[unit.tuple]!;
    return {
      properties: unitAttributes(kmap, unit, look.action, look.lang),
      action: look.action,
      state: tuple.states[look.action] as ActionState,
      reason: pick(tuple.reasons[look.action], look.lang),
      rd,
    };
  };
  const hitAt = (_pixel: number[], coordinate: number[]): KansenHit | undefined => {
    if (!canvases || !binding.map) return undefined;
    const rd = transform(coordinate, projection, 'EPSG:28992') as [number, number];
    const id = unitIdAt(canvases.data.map, canvases.data.unitGrid, rd[0], rd[1]);
    if (id < 0) return undefined;
    const resolution = binding.map.getView().getResolution();
    if (resolution !== undefined && canvases.hidden(id, scaleAt(resolution))) return undefined;
    return { key: id, info: () => info(id, rd) };
  };
  const redraw = (): void => {
    source.changed();
    binding.reset();
  };
  const inView = (): number[] => {
    const box = binding.map ? viewExtentRd(binding.map) : undefined;
    if (!canvases || !box) return [];
    return canvases.data.map.units
      .filter((u) => u.bbox[0] <= box[2] && u.bbox[2] >= box[0] && u.bbox[1] <= box[3])
      .filter((u) => u.bbox[3] >= box[1])
      .map((u) => u.id);
  };

  const binding = new KansenMapBinding(layer, hitAt, options, useView);
  binding.setMap(map);

  return binding.serve<KansenkaartRaster>({
    layer,
    setAction(next) {
      look.action = next;
      redraw();
    },
    setForcedColors(on) {
      look.forced = on;
      redraw();
    },
    setLang(next: Lang) {
      look.lang = next;
      redraw();
    },
    setData(next) {
      if (binding.disposed) return;
      canvases?.close();
      canvases = next ? new RasterCanvases(next) : undefined;
      setExtent();
      redraw();
    },
    scaleAt,
    unitAt(coordinate) {
      return hitAt([], coordinate)?.info() ?? null;
    },
    unitsInView() {
      if (!canvases) return [];
      const kmap = canvases.data.map;
      return inView().map((id) => unitAttributes(kmap, kmap.units[id]!, look.action, look.lang));
    },
    areasInView() {
      if (!canvases) return areasByState([]);
      const kmap = canvases.data.map;
      return areasOfUnits(
        kmap,
        inView().map((id) => kmap.units[id]!),
      );
    },
    geoJsonInView() {
      if (!canvases) return '{"type":"FeatureCollection","features":[]}';
      const kmap = canvases.data.map;
      const units = inView().map((id) => kmap.units[id]!);
      return JSON.stringify(kansenkaartGeoJson({ ...kmap, units }, look.action, look.lang));
    },
    dispose() {
      if (binding.disposed) return;
      binding.dispose();
      frames.clear();
      canvases?.close();
      canvases = undefined;
      layer.dispose();
    },
  });
}

function pick(text: LocalizedText | undefined, lang: Lang): string {
  if (!text) return '';
  return (text as unknown as Record<string, string | undefined>)[lang] ?? text.nl;
}
