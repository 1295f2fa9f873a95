/**
 * QGIS round trip of the exported zonering style (src/core/style-export.ts): the SLD 1.1 and the
 * QML are loaded into QGIS Server 3.22 (a copy of the demo project per style, built by
 * `startQgisServer({ styles })` of scripts/qgis/server.mjs, which applies them with PyQGIS
 * `loadSldStyle` / `loadNamedStyle`), and a WMS GetMap pixel inside a polygon of each zone must
 * have the colour the legend shows for that zone (and, zoomed out beyond 1:50,000 with the SLD, the
 * colour of its landscape type).
 *
 * Run: npm run test:integration
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQgisServer, type QgisServer } from '../../scripts/qgis/server.mjs';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { zoneringQml, zoneringSld } from '../../src/core/style-export.js';
import { zoneringLegend } from '../../src/core/zonering-style.js';
import { decodePng, hexRgb, pixelAt } from '../helpers/png.js';
import { projectRoot } from '../helpers/shared.js';

type Ring = Array<[number, number]>;
interface ZoneFeature {
  properties: { BKNSN_code: string };
  geometry:
    { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const kb = defaultKnowledgeBase();
const features = (
  JSON.parse(readFileSync(resolve(projectRoot, 'demo/data/zonering.geojson'), 'utf8')) as {
    features: ZoneFeature[];
  }
).features;

function polygonsOf(f: ZoneFeature): Ring[][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

function inRing(p: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] ?? [0, 0];
    const [xj, yj] = ring[j] ?? [0, 0];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

function segmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t =
    len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance from p to the edges of every feature (so the probe keeps clear of all outlines). */
function clearance(p: [number, number]): number {
  let best = Infinity;
  for (const f of features) {
    for (const poly of polygonsOf(f)) {
      for (const ring of poly) {
        for (let i = 0; i + 1 < ring.length; i++) {
          best = Math.min(best, segmentDistance(p, ring[i] ?? [0, 0], ring[i + 1] ?? [0, 0]));
        }
      }
    }
  }
  return best;
}

function inside(p: [number, number], f: ZoneFeature): boolean {
  return polygonsOf(f).some(
    (poly) => inRing(p, poly[0] ?? []) && !poly.slice(1).some((hole) => inRing(p, hole)),
  );
}

/** A point inside `f` far from every outline (grid search), with its clearance in metres. */
function probePoint(f: ZoneFeature): { point: [number, number]; clearance: number } {
  const all = polygonsOf(f).flat(2);
  const xs = all.map((c) => c[0]);
  const ys = all.map((c) => c[1]);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  let best = { point: [minX, minY] as [number, number], clearance: -1 };
  const n = 24;
  for (let i = 1; i < n; i++) {
    for (let j = 1; j < n; j++) {
      const p: [number, number] = [minX + ((maxX - minX) * i) / n, minY + ((maxY - minY) * j) / n];
      if (!inside(p, f)) continue;
      const c = clearance(p);
      if (c > best.clearance) best = { point: p, clearance: c };
    }
  }
  return best;
}

/** One probe per zone code of the demo data: the feature with the best clearance. */
const probes = new Map<string, { point: [number, number]; clearance: number }>();
for (const f of features) {
  const code = f.properties.BKNSN_code;
  const probe = probePoint(f);
  if (probe.clearance > (probes.get(code)?.clearance ?? 0)) probes.set(code, probe);
}

/** The legend's swatch colour of a zone code at a scale (what the user compares the map with). */
function legendColour(code: string, scale: 'wijk/dorp' | 'regio/stad'): string {
  const legend = zoneringLegend(kb, [code], scale, 'nl');
  const entry = legend.entries[0];
  const colour = scale === 'regio/stad' ? entry?.colour : entry?.zones?.[0]?.colour;
  if (colour === undefined) throw new Error(`no legend colour for ${code}`);
  return colour;
}

/** The centre pixel of a 5×5 GetMap around `p` at `metresPerPixel`. */
async function centrePixel(
  server: QgisServer,
  p: [number, number],
  metresPerPixel: number,
): Promise<[number, number, number, number]> {
  const half = 2.5 * metresPerPixel;
  const params = new URLSearchParams({
    SERVICE: 'WMS',
    VERSION: '1.3.0',
    REQUEST: 'GetMap',
    LAYERS: 'zonering',
    STYLES: '',
    CRS: 'EPSG:28992',
    BBOX: [p[0] - half, p[1] - half, p[0] + half, p[1] + half].join(','),
    WIDTH: '5',
    HEIGHT: '5',
    FORMAT: 'image/png',
    TRANSPARENT: 'TRUE',
    DPI: '96',
  });
  const res = await fetch(`${server.url}?${params.toString()}`);
  const type = res.headers.get('content-type') ?? '';
  const body = new Uint8Array(await res.arrayBuffer());
  if (!res.ok || !type.startsWith('image/png')) {
    throw new Error(
      `GetMap: HTTP ${res.status} ${type}: ${Buffer.from(body).toString('utf8', 0, 300)}`,
    );
  }
  return pixelAt(decodePng(body), 2, 2);
}

function expectColour(actual: [number, number, number, number], hex: string, what: string): void {
  const [r, g, b] = hexRgb(hex);
  const message = `${what}: got rgba(${actual.join(',')}), legend ${hex}`;
  expect(actual[3], message).toBe(255);
  for (const [got, want] of [
    [actual[0], r],
    [actual[1], g],
    [actual[2], b],
  ] as const) {
    expect(Math.abs(got - want), message).toBeLessThanOrEqual(3);
  }
}

describe('exported zonering style in QGIS Server', () => {
  let dir: string;
  let sldServer: QgisServer | undefined;
  let qmlServer: QgisServer | undefined;
  // 2 m/px is about 1:7,600 at 96 dpi (zones); 15 m/px about 1:57,000 (landscape types).
  const ZOOMED_IN = 2;
  const ZOOMED_OUT = 15;
  const usable = [...probes.entries()].filter(([, p]) => p.clearance >= 5 * ZOOMED_OUT);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'na-qgis-style-'));
    const sld = join(dir, 'zonering.sld');
    const qml = join(dir, 'zonering.qml');
    writeFileSync(sld, zoneringSld(kb));
    writeFileSync(qml, zoneringQml(kb));
    // One cache folder per style: buildProject() removes the other builds in its cache folder,
    // which would pull the project from under a server that is still running.
    const cache = (name: string): string => resolve(projectRoot, '.cache/qgis-style', name);
    sldServer = await startQgisServer({
      port: 0,
      styles: { zonering: sld },
      cacheDir: cache('sld'),
    });
    qmlServer = await startQgisServer({
      port: 0,
      styles: { zonering: qml },
      cacheDir: cache('qml'),
    });
  }, 240000);

  afterAll(async () => {
    await sldServer?.stop();
    await qmlServer?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has probe points in most zones of the demo data', () => {
    expect(probes.size).toBeGreaterThanOrEqual(15);
    expect(usable.length).toBeGreaterThanOrEqual(8);
  });

  it('SLD: zoomed in, every zone is drawn in its legend colour', async () => {
    if (!sldServer) throw new Error('server not started');
    for (const [code, probe] of probes) {
      if (probe.clearance < 3 * ZOOMED_IN) continue;
      expectColour(
        await centrePixel(sldServer, probe.point, ZOOMED_IN),
        legendColour(code, 'wijk/dorp'),
        `SLD ${code}`,
      );
    }
  });

  it('SLD: zoomed out beyond 1:50,000, the landscape-type colours of the legend', async () => {
    if (!sldServer) throw new Error('server not started');
    for (const [code, probe] of usable) {
      expectColour(
        await centrePixel(sldServer, probe.point, ZOOMED_OUT),
        legendColour(code, 'regio/stad'),
        `SLD ${code} (regio/stad)`,
      );
    }
  });

  it('QML: every zone is drawn in its legend colour', async () => {
    if (!qmlServer) throw new Error('server not started');
    for (const [code, probe] of probes) {
      if (probe.clearance < 3 * ZOOMED_IN) continue;
      expectColour(
        await centrePixel(qmlServer, probe.point, ZOOMED_IN),
        legendColour(code, 'wijk/dorp'),
        `QML ${code}`,
      );
    }
  });
});
