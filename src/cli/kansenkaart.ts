/**
 * `natuurlijke-alliantie kansenkaart`: the kansenkaart of an area as a file for QGIS or a report,
 * with its summary on stdout and a style (QML and SLD, same base name) next to it.
 *
 *   natuurlijke-alliantie kansenkaart [--data sources.json] [--bbox x1 y1 x2 y2 | --area boundary.geojson]
 *       [--action infiltreren] [--cell 25] --out kansen.(geojson|fgb|gpkg|csv)
 *       [--format text|json|csv] [--lang nl|en] [--kb extension.json]
 *
 * Without --bbox or --area the coverage of the data is mapped. .fgb and .gpkg are written with
 * GDAL's ogr2ogr (from the GeoJSON); without GDAL the command says so and exits 2.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { decimalProblem, parseDecimal } from '../core/numbers.js';
import { defined } from '../core/defined.js';
import type { KansenArea } from '../core/kansenkaart/compute.js';
import {
  kansenkaartCsv,
  kansenkaartGeoJson,
  kansenkaartQml,
  kansenkaartSld,
  summarizeKansenkaart,
  summaryCsv,
  summaryText,
} from '../core/kansenkaart/output.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import type { PolyGeom, Ring } from '../core/geometry.js';
import { terminalText } from '../core/plain-text.js';
import { ACTIONS, type Action, type FactSource, type Lang } from '../core/types.js';
import { kansenkaartFromSources } from '../sources/kansenkaart.js';
import { kansenkaartSourceMessages } from '../sources/kansenkaart-messages.js';
import { localizedMessage } from '../core/messages.js';
import { UsageError } from './usage-error.js';

export const KANSENKAART_USAGE = `natuurlijke-alliantie kansenkaart [--data <sources.json>] [--bbox x1 y1 x2 y2 | --area <boundary.geojson>]
                              [--action ${ACTIONS[0]}] [--cell 25] --out <kansen.geojson|.fgb|.gpkg|.csv>
                              [--format text|json|csv] [--lang nl|en] [--kb <extension.json>]`;

/** What the command needs from the CLI around it. */
export interface KansenkaartDeps {
  out: (text: string) => void;
  err: (text: string) => void;
  loadSources: (path: string | undefined) => Promise<FactSource[]>;
  knowledgeBase: (file: string | undefined) => Promise<KnowledgeBase>;
  readText: (path: string, what: string) => Promise<string>;
}

const FORMATS = ['.geojson', '.json', '.fgb', '.gpkg', '.csv'] as const;

/** Runs the command; resolves to the exit status (0), throws UsageError on bad input. */
export async function runKansenkaart(args: string[], deps: KansenkaartDeps): Promise<number> {
  const { bbox, rest } = takeBbox(args);
  let values: Record<string, string | undefined>;
  try {
    const names = ['data', 'area', 'action', 'cell', 'out', 'format', 'lang', 'kb'];
    const r = parseArgs({
      args: rest,
      options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
      allowPositionals: false,
      strict: true,
    });
    values = r.values as Record<string, string | undefined>;
  } catch (e) {
    throw new UsageError(
      `${e instanceof Error ? e.message : String(e)}\n\nUsage:\n  ${KANSENKAART_USAGE}`,
    );
  }
  const lang: Lang = values.lang ?? 'nl';
  if (lang !== 'nl' && lang !== 'en')
    throw new UsageError(`--lang must be nl or en, not "${terminalText(lang, 20)}".`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'csv')
    throw new UsageError(`--format must be text, json or csv, not "${terminalText(format, 20)}".`);
  const action = (values.action ?? 'infiltreren') as Action;
  if (!ACTIONS.includes(action))
    throw new UsageError(
      `--action "${terminalText(String(action), 40)}" is not an action; use one of ${ACTIONS.join(', ')}.`,
    );
  const out = values.out;
  if (out === undefined)
    throw new UsageError(
      `kansenkaart needs --out <file> (.geojson, .fgb, .gpkg or .csv).\n\nUsage:\n  ${KANSENKAART_USAGE}`,
    );
  const ext = extname(out).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(ext))
    throw new UsageError(
      `--out "${terminalText(out, 80)}" must end in .geojson, .fgb, .gpkg or .csv.`,
    );
  if (bbox && values.area !== undefined)
    throw new UsageError('Give either --bbox or --area, not both.');
  const cell = values.cell === undefined ? undefined : number(values.cell, '--cell');
  if (cell !== undefined && !(cell >= 1 && cell <= 1000))
    throw new UsageError(`--cell must be between 1 and 1000 m, not ${cell}.`);
  let area: KansenArea | undefined;
  if (bbox) area = { bbox };
  else if (values.area !== undefined)
    area = { boundary: parseBoundary(await deps.readText(values.area, 'boundary'), values.area) };

  const kb = await deps.knowledgeBase(values.kb);
  const sources = await deps.loadSources(values.data);
  let lastShown = -1;
  let long = false; // progress only for long runs (≥ 100,000 cells)
  const result = await kansenkaartFromSources(sources, kb, {
    ...defined({ area, cellSize: cell }),
    onProgress: (phase, done, total) => {
      if (phase === 'cells' && total >= 100_000) long = true;
      if (!long) return;
      const pct = Math.floor((done / total) * 10) * 10;
      const key = (phase === 'cells' ? 0 : 1000) + pct;
      if (key === lastShown) return;
      lastShown = key;
      const what = phase === 'cells' ? 'cells' : 'polygons read';
      deps.err(`natuurlijke-alliantie kansenkaart: ${what} ${pct}% (${done}/${total})\n`);
    },
  }).catch((e: unknown) => {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  });
  for (const s of result.skipped)
    deps.err(
      `natuurlijke-alliantie: warning: source "${terminalText(s.id, 60)}" left out: ${s.reason}\n`,
    );
  // A source that failed does not stop the map: its facts are missing; say which and why.
  const failedLines = result.failed.map(
    (f) =>
      `${terminalText(f.userMessage[lang] ?? f.userMessage.nl, 600)} (${terminalText(f.code, 40)}: ${terminalText(f.message, 300)})`,
  );
  for (const line of failedLines) deps.err(`natuurlijke-alliantie: warning: ${line}\n`);
  const { map } = result;
  if (map.cells === 0)
    throw new UsageError(
      'The area contains no cell centre: it is empty or too small for the cell size.',
    );

  const geojson = kansenkaartGeoJson(map, action, lang);
  if (ext === '.csv') await writeFile(out, kansenkaartCsv(map, action, lang));
  else if (ext === '.geojson' || ext === '.json') await writeFile(out, JSON.stringify(geojson));
  else await ogrWrite(geojson, out, ext === '.fgb' ? 'FlatGeobuf' : 'GPKG');
  if (ext !== '.csv') {
    const base = join(dirname(out), basename(out, extname(out)));
    await writeFile(`${base}.qml`, kansenkaartQml({ lang }));
    await writeFile(`${base}.sld`, kansenkaartSld({ lang }));
  }
  const summary = summarizeKansenkaart(map, kb);
  if (format === 'json')
    deps.out(
      `${JSON.stringify({ action, skippedSources: result.skipped, failedSources: result.failed, ...summary }, null, 2)}\n`,
    );
  else if (format === 'csv') deps.out(summaryCsv(summary, lang));
  else {
    deps.out(summaryText(summary, kb, lang));
    if (failedLines.length > 0)
      deps.out(
        `\n${localizedMessage(kansenkaartSourceMessages, 'failedHeading')[lang]}:\n${failedLines.map((l) => `- ${l}\n`).join('')}`,
      );
  }
  return 0;
}

/** `--bbox x1 y1 x2 y2` (four arguments) or `--bbox x1,y1,x2,y2`; the other arguments. */
function takeBbox(args: string[]): {
  bbox?: [number, number, number, number];
  rest: string[];
} {
  const i = args.findIndex((a) => a === '--bbox' || a.startsWith('--bbox='));
  if (i < 0) return { rest: args };
  const arg = args[i] as string;
  let parts: string[];
  let used: number;
  if (arg.startsWith('--bbox=')) {
    parts = arg.slice(7).split(',');
    used = 1;
  } else if ((args[i + 1] ?? '').includes(',')) {
    parts = (args[i + 1] as string).split(',');
    used = 2;
  } else {
    parts = args.slice(i + 1, i + 5);
    used = 5;
  }
  if (parts.length !== 4 || parts.some((p) => p.startsWith('--')))
    throw new UsageError('--bbox needs four numbers: x1 y1 x2 y2 (EPSG:28992, metres).');
  const [x1, y1, x2, y2] = parts.map((p, k) => number(p, `--bbox value ${k + 1}`)) as [
    number,
    number,
    number,
    number,
  ];
  const bbox: [number, number, number, number] = [
    Math.min(x1, x2),
    Math.min(y1, y2),
    Math.max(x1, x2),
    Math.max(y1, y2),
  ];
  if (bbox[0] === bbox[2] || bbox[1] === bbox[3])
    throw new UsageError('--bbox is empty: x1 must differ from x2 and y1 from y2.');
  checkRd(bbox, '--bbox');
  return { bbox, rest: [...args.slice(0, i), ...args.slice(i + used)] };
}

function number(text: string, what: string): number {
  const d = parseDecimal(text.trim());
  if (!d.ok)
    throw new UsageError(
      `${what} "${terminalText(text, 40)}" ${decimalProblem(d.why)}${text.includes(',') ? ' (use a decimal point)' : ''}.`,
    );
  return d.value;
}

/** RD New: x 0–300 km, y 300–625 km (the Netherlands). */
function checkRd(b: readonly number[], what: string): void {
  const [x1, y1, x2, y2] = b as [number, number, number, number];
  if (x1 < -7000 || x2 > 300_000 || y1 < 289_000 || y2 > 629_000)
    throw new UsageError(
      `${what} [${b.join(', ')}] is not in EPSG:28992 (RD New) over the Netherlands; give metres in RD (reproject a boundary with ogr2ogr -t_srs EPSG:28992).`,
    );
}

/** A boundary: GeoJSON Polygon/MultiPolygon, a Feature or a FeatureCollection of them, in RD. */
export function parseBoundary(text: string, file: string): PolyGeom {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(
      `The boundary file "${terminalText(file, 80)}" is not JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const polygons: Ring[][] = [];
  const bad = (why: string): never => {
    throw new UsageError(`The boundary file "${terminalText(file, 80)}" ${why}`);
  };
  const rings = (v: unknown): Ring[] => {
    if (!Array.isArray(v) || v.length === 0) return bad('has a polygon without rings.');
    return v.map((r: unknown) => {
      if (!Array.isArray(r) || r.length < 4)
        return bad('has a ring with fewer than four positions.');
      return r.map((p: unknown) => {
        if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
          return bad('has a position that is not two numbers.');
        return [p[0] as number, p[1] as number] as [number, number];
      });
    });
  };
  const geometry = (g: unknown): void => {
    const o = g as { type?: unknown; coordinates?: unknown } | null;
    if (o?.type === 'Polygon') polygons.push(rings(o.coordinates));
    else if (o?.type === 'MultiPolygon' && Array.isArray(o.coordinates))
      for (const p of o.coordinates) polygons.push(rings(p));
    else bad('must hold Polygon or MultiPolygon geometries.');
  };
  const o = json as { type?: unknown; features?: unknown; geometry?: unknown } | null;
  if (o?.type === 'FeatureCollection' && Array.isArray(o.features))
    for (const f of o.features) geometry((f as { geometry?: unknown } | null)?.geometry);
  else if (o?.type === 'Feature') geometry(o.geometry);
  else geometry(o);
  if (polygons.length === 0) bad('has no polygon.');
  const xs = polygons.flatMap((p) => p.flatMap((r) => r.map((q) => q[0])));
  const ys = polygons.flatMap((p) => p.flatMap((r) => r.map((q) => q[1])));
  checkRd(
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
    `The boundary "${terminalText(file, 80)}"`,
  );
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] as Ring[] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Writes GeoJSON as FlatGeobuf or GeoPackage through GDAL's ogr2ogr. */
async function ogrWrite(
  geojson: unknown,
  out: string,
  driver: 'FlatGeobuf' | 'GPKG',
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'na-kansen-'));
  try {
    const src = join(dir, 'kansenkaart.geojson');
    await writeFile(src, JSON.stringify(geojson));
    await rm(out, { force: true });
    await new Promise<void>((resolve, reject) => {
      execFile(
        'ogr2ogr',
        ['-f', driver, '-a_srs', 'EPSG:28992', '-nln', 'kansenkaart', out, src],
        (error, _stdout, stderr) => {
          if (!error) resolve();
          else if ((error as NodeJS.ErrnoException).code === 'ENOENT')
            reject(
              new UsageError(
                `Writing ${driver === 'GPKG' ? '.gpkg' : '.fgb'} needs GDAL's ogr2ogr, which is not installed: install GDAL (apt-get install gdal-bin) or write .geojson.`,
              ),
            );
          else reject(new Error(`ogr2ogr failed: ${terminalText(String(stderr), 500)}`));
        },
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
