/**
 * Browser-test helpers for `<na-kansenkaart-layer>` computing a map: its layer on the host's map,
 * and the pixels that layer painted (read from its own canvas, `className: 'na-kansenkaart'`).
 */
import type OlMap from 'ol/Map.js';
import type BaseLayer from 'ol/layer/Base.js';
import type { KansenUnit } from '../../../src/core/kansenkaart/compute.js';
import '../../../widgets/kansenkaart-layer/define.js';
import type { NaKansenkaartLayer } from '../../../widgets/kansenkaart-layer/kansenkaart-layer.js';

/** The kansenkaart layer on `map` (undefined: none). */
export function kansenLayer(map: OlMap): BaseLayer | undefined {
  return map
    .getLayers()
    .getArray()
    .find((l) => l.get('name') === 'na-kansenkaart');
}

/** The RGBA of the kansenkaart layer at a map coordinate, as painted (after a render). */
export function kansenPixel(map: OlMap, coordinate: number[]): [number, number, number, number] {
  map.renderSync();
  const canvas = (map.getViewport() as HTMLElement | undefined)?.querySelector<HTMLCanvasElement>(
    '.na-kansenkaart canvas, canvas.na-kansenkaart',
  );
  if (!canvas) throw new Error('The kansenkaart layer has no canvas.');
  const pixel = map.getPixelFromCoordinate(coordinate);
  const ratio = canvas.width / (map.getSize()?.[0] ?? canvas.width);
  const g = canvas.getContext('2d');
  if (!pixel || !g) throw new Error('The coordinate has no pixel.');
  const d = g.getImageData(Math.floor(pixel[0]! * ratio), Math.floor(pixel[1]! * ratio), 1, 1).data;
  return [d[0]!, d[1]!, d[2]!, d[3]!];
}

/** Whether a pixel shows `hex` (RGB within 4, whatever the layer's opacity; not transparent). */
export function shows(px: readonly number[], hex: string): boolean {
  const n = Number.parseInt(hex.slice(1), 16);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return px[3]! > 0 && rgb.every((v, i) => Math.abs(v - px[i]!) <= 4);
}

/** The centre of a unit's rectangle (EPSG:28992). */
export function unitCentre(u: KansenUnit): [number, number] {
  return [(u.bbox[0] + u.bbox[2]) / 2, (u.bbox[1] + u.bbox[3]) / 2];
}

/** Width and height of a unit in cells. */
export function unitCells(u: KansenUnit, cellSize: number): [number, number] {
  return [(u.bbox[2] - u.bbox[0]) / cellSize, (u.bbox[3] - u.bbox[1]) / cellSize];
}

/** A `<na-kansenkaart-layer>` on `map` with `attrs` (e.g. `sources`, `bbox`), added to the page. */
export function computingLayer(map: OlMap, attrs: Record<string, string>): NaKansenkaartLayer {
  const el = document.createElement('na-kansenkaart-layer');
  el.map = map;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  return el;
}
