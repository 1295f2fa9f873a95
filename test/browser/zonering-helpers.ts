/**
 * Helpers of the zonering browser tests: the demo zonering as a PolygonSource, reading the colour
 * the zonering layer drew at a map coordinate, and axe checks.
 */
import axe from 'axe-core';
import type OlMap from 'ol/Map.js';
import { toCrs } from '../../src/core/crs.js';
import type { SupportedCrs } from '../../src/core/types.js';
import { GeoJsonSource } from '../../src/sources/geojson.js';

let demoData: unknown;

/** The demo town's zonering (EPSG:28992, `BKNSN_code`) as a GeoJsonSource; fetched once. */
export async function demoSource(): Promise<GeoJsonSource> {
  if (demoData === undefined) {
    const response = await fetch('/demo/data/zonering.geojson');
    if (!response.ok) throw new Error(`demo data: HTTP ${response.status}`);
    demoData = await response.json();
  }
  return new GeoJsonSource({
    id: 'zonering',
    title: 'Zonering Voorbeeldstad',
    data: demoData,
    properties: { zone: 'BKNSN_code' },
    illustrative: true,
  });
}

/** Known locations of the demo data (RD), each at least 20 m inside its polygon. */
export const PLACES = {
  stuwwalTop: { rd: [190038, 448663] as [number, number], zone: 'Sw1', type: 'stuwwal' },
  dekzandrug: { rd: [195138, 445488] as [number, number], zone: 'Dz1', type: 'dekzand' },
  rivierkom: { rd: [193313, 441513] as [number, number], zone: 'Rg2', type: 'rivierengebied' },
  centrum: { rd: [192363, 444388] as [number, number], zone: 'A', type: 'overig' },
} as const;

/** Renders the map and resolves when it reports `rendercomplete`. */
export function rendered(map: OlMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('rendercomplete', () => resolve());
    map.render();
  });
}

/** The pixel (CSS px) of an RD location on the map. */
export function pixelOf(map: OlMap, rd: [number, number]): [number, number] {
  const code = map.getView().getProjection().getCode() as SupportedCrs;
  const pixel = map.getPixelFromCoordinate(toCrs(rd, 'EPSG:28992', code));
  if (pixel === null || pixel === undefined) throw new Error('map not rendered');
  return [pixel[0] as number, pixel[1] as number];
}

/** The canvas of the zonering layer (its own canvas: class `na-zonering-layer`). */
export function layerCanvas(map: OlMap): HTMLCanvasElement {
  const canvas = map.getViewport()?.querySelector<HTMLCanvasElement>('.na-zonering-layer canvas');
  if (!canvas) throw new Error('no zonering canvas');
  return canvas;
}

/**
 * The RGBA drawn by the zonering layer around an RD location: the most frequent value in a 7×7
 * block of canvas pixels (robust against an outline or a label passing through).
 */
export function colourAt(map: OlMap, rd: [number, number]): [number, number, number, number] {
  const canvas = layerCanvas(map);
  const size = map.getSize() as [number, number];
  const ratio = canvas.width / size[0];
  const [px, py] = pixelOf(map, rd);
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  const x = Math.round(px * ratio) - 3;
  const y = Math.round(py * ratio) - 3;
  const data = ctx.getImageData(x, y, 7, 7).data;
  const counts = new Map<string, number>();
  for (let i = 0; i < data.length; i += 4) {
    const key = `${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '0,0,0,0';
  return best.split(',').map(Number) as [number, number, number, number];
}

/** `#rrggbb` or `rgb(r, g, b)` → `[r, g, b]`. */
export function rgb(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i] as string, 16)) as [number, number, number];
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  if (m) return [1, 2, 3].map((i) => Number(m[i])) as [number, number, number];
  throw new Error(`not a colour: ${colour}`);
}

/** True when two RGB triples differ by at most `tolerance` per channel. */
export function closeRgb(a: readonly number[], b: readonly number[], tolerance = 3): boolean {
  return [0, 1, 2].every((i) => Math.abs((a[i] ?? 0) - (b[i] ?? 0)) <= tolerance);
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on an element; returns the violations as readable lines. */
export async function axeViolations(element: Element): Promise<string[]> {
  const result = await axe.run(element, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
  );
}
