/**
 * `check --csv <file>`: the batch check, streamed. Rows are read one at a time, checked by a
 * bounded pool of concurrent checks, and written in input order as soon as they are done, so
 * memory stays flat whatever the number of rows (at most `concurrency` reports are held). With
 * stderr on a terminal, a progress line shows rows done / total, the rate and the time left.
 */
import { once } from 'node:events';
import { csvLine, csvRecords } from '../core/csv.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import { localizeReport, type LocalizedReport } from '../core/localize.js';
import type { Report } from '../core/report.js';
import { parseDecimal, decimalProblem } from '../core/numbers.js';
import { terminalText } from '../core/plain-text.js';
import { reportsToGeoJson } from '../core/report-geojson.js';
import { NaError, type FactSource, type Lang, type Location } from '../core/types.js';
import { checkLocation, isOutsideAllData, memoizedAssessResults } from '../sources/check.js';
import { openLocalFile } from '../sources/node.js';

/** Default number of rows checked at the same time. */
export const DEFAULT_BATCH_CONCURRENCY = 4;

/** Output of the batch. */
export interface BatchIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Options of {@link runBatch}. */
export interface BatchOptions {
  file: string;
  format: 'csv' | 'json' | 'geojson';
  sources: FactSource[];
  kb: KnowledgeBase;
  lang: Lang;
  /** Turns x, y into a checked location (throws on bad input). */
  locate: (x: number, y: number) => Location;
  /** Message for a point outside every source's data. */
  outside: (location: Location) => string;
  /** Errors that count as a bad row (others are internal errors and stop the batch). */
  isInputError: (e: unknown) => e is Error;
  concurrency?: number;
  /** Show progress (default: when stderr is a terminal). */
  progress?: boolean;
}

interface RowResult {
  id: string;
  x: number | string;
  y: number | string;
  /** The report in the output language (JSON and GeoJSON output). */
  report?: LocalizedReport;
  /**
   * The report itself (CSV output): its columns are ids, codes and values, the same in every
   * language, so the CSV path skips localizing the whole report.
   */
  raw?: Report;
  error?: string;
}

const CSV_HEADER = [
  'id',
  'x',
  'y',
  'status',
  'landscape_type',
  'zone',
  'soil_code',
  'texture',
  'gt',
  'hsg',
  'principles',
  'discouraged',
  'missing',
  'illustrative',
  'error',
];

function csvRow(r: RowResult): string {
  const rep = r.raw;
  const fact = (n: string) => rep?.facts.find((f) => f.name === n && f.status === 'ok')?.value;
  const partial = rep?.sources.some((s) => s.status === 'error') ? 'partial' : 'ok';
  return csvLine([
    r.id,
    r.x,
    r.y,
    r.error !== undefined ? 'error' : partial,
    rep?.derived.landscapeType,
    fact('zone'),
    fact('soilCode'),
    rep?.derived.texture,
    fact('gt'),
    rep?.derived.hydrologicSoilGroup,
    rep?.principles.map((p) => p.id).join(';'),
    rep?.discouraged.map((d) => d.action).join(';'),
    rep?.missing
      .filter((m) => m.kind === 'fact')
      .map((m) => (m.kind === 'fact' ? m.fact : ''))
      .join(';'),
    rep?.illustrative,
    r.error,
  ]);
}

/** A coordinate cell: decimal notation only. */
function coordinate(text: string, axis: string): number {
  const d = parseDecimal(text);
  if (!d.ok) {
    throw new NaError(
      'invalid-coordinate',
      `The ${axis} coordinate "${terminalText(text, 40)}" ${decimalProblem(d.why)}${text.includes(',') ? ' (use a decimal point, not a comma)' : ''}.`,
    );
  }
  return d.value;
}

/** Opens the CSV file as a stream of text, refusing what is not a regular file. */
async function openCsv(file: string): Promise<AsyncIterable<string>> {
  const { handle } = await openLocalFile(file, 'CSV file');
  // The stream owns the handle and closes it at the end (or on error).
  return handle.createReadStream({ encoding: 'utf8', autoClose: true }) as AsyncIterable<string>;
}

/** Counts the data rows (for the progress line), streamed. */
async function countRows(file: string): Promise<number> {
  let n = -1;
  for await (const r of csvRecords(await openCsv(file), { fileName: file })) if (r) n++;
  return Math.max(0, n);
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** Writes and waits while stdout's buffer is full (backpressure), so memory stays flat. */
async function write(io: BatchIo, text: string): Promise<void> {
  io.out(text);
  if (io.out === processOut && process.stdout.writableNeedDrain)
    await once(process.stdout, 'drain');
}

/** The default `out` (process.stdout); {@link write} applies backpressure only to it. */
export const processOut = (t: string): void => {
  process.stdout.write(t);
};

/**
 * Runs the batch; resolves to the exit status (0 every row checked, 2 when a row was bad).
 * @throws NaError for a file that cannot be read or has no `id,x,y` header (exit 2).
 */
export async function runBatch(options: BatchOptions, io: BatchIo): Promise<number> {
  const { file, format } = options;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_BATCH_CONCURRENCY));
  const showProgress = options.progress ?? process.stderr.isTTY === true;
  const total = showProgress ? await countRows(file) : undefined;
  const records = csvRecords(await openCsv(file), { fileName: file });

  const first = await records.next();
  if (first.done === true) throw new NaError('csv-empty', `${file}: the CSV file is empty.`);
  const header = first.value.cells.map((h) => h.toLowerCase());
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0)
      throw new NaError(
        'csv-header',
        `${file}:${first.value.line}: the header must have the columns id,x,y (found: ${terminalText(header.join(','), 200)}).`,
      );
    return i;
  };
  const [ci, cx, cy] = [col('id'), col('x'), col('y')];

  // Per run, not per row: places with the same source answers are assessed once (bounded memo).
  const assess = memoizedAssessResults();
  const checkRow = async (cells: string[]): Promise<RowResult> => {
    const id = cells[ci] ?? '';
    const xs = cells[cx] ?? '';
    const ys = cells[cy] ?? '';
    try {
      const location = options.locate(coordinate(xs, 'x'), coordinate(ys, 'y'));
      const report = await checkLocation(options.sources, location, options.kb, { assess });
      if (isOutsideAllData(report)) throw new NaError('outside', options.outside(location));
      return format === 'csv'
        ? { id, x: location.x, y: location.y, raw: report }
        : {
            id,
            x: location.x,
            y: location.y,
            report: localizeReport(report, options.kb, options.lang),
          };
    } catch (e) {
      if (!(e instanceof NaError) && !options.isInputError(e)) throw e;
      const x = parseDecimal(xs);
      const y = parseDecimal(ys);
      return {
        id,
        x: x.ok ? x.value : xs,
        y: y.ok ? y.value : ys,
        error: terminalText(e.message, 500),
      };
    }
  };

  let done = 0;
  let bad = 0;
  let written = 0;
  const started = Date.now();
  let lastProgress = 0;
  const progress = (final = false): void => {
    if (!showProgress) return;
    const now = Date.now();
    if (!final && now - lastProgress < 200) return;
    lastProgress = now;
    const rate = done / Math.max(0.001, (now - started) / 1000);
    const left = total === undefined ? NaN : (total - done) / Math.max(rate, 1e-9);
    io.err(
      `\r${done} / ${total ?? '?'} rows · ${rate.toFixed(1)} rows/s · ETA ${duration(left)}   ${final ? '\n' : ''}`,
    );
  };

  const emit = async (r: RowResult): Promise<void> => {
    if (r.error !== undefined) bad++;
    if (format === 'csv') {
      await write(io, `${csvRow(r)}\n`);
    } else if (format === 'json') {
      const item = JSON.stringify(r, null, 2).replace(/\n/g, '\n  ');
      await write(io, `${written === 0 ? '' : ',\n'}  ${item}`);
    } else if (r.report !== undefined) {
      const feature = reportsToGeoJson([r.report], [r.id]).features[0];
      const item = JSON.stringify(feature, null, 2).replace(/\n/g, '\n    ');
      await write(io, `${written === 0 ? '' : ',\n'}    ${item}`);
    } else return;
    written++;
  };

  if (format === 'csv') await write(io, `${csvLine(CSV_HEADER)}\n`);
  else if (format === 'json') await write(io, '[\n');
  else
    await write(
      io,
      '{\n  "type": "FeatureCollection",\n  "name": "natuurlijke-alliantie-locatiecheck",\n  "features": [\n',
    );

  // A window of at most `concurrency` checks in flight, written in input order.
  const window: Array<Promise<RowResult>> = [];
  let rows = 0;
  for await (const record of records) {
    rows++;
    const p = checkRow(record.cells);
    p.catch(() => undefined); // awaited below in order; avoid an unhandled rejection meanwhile
    window.push(p);
    if (window.length >= concurrency) {
      await emit(await (window.shift() as Promise<RowResult>));
      done++;
      progress();
    }
  }
  while (window.length > 0) {
    await emit(await (window.shift() as Promise<RowResult>));
    done++;
    progress();
  }
  progress(true);

  if (format === 'json') await write(io, written === 0 ? ']\n' : '\n]\n');
  else if (format === 'geojson') await write(io, written === 0 ? '  ]\n}\n' : '\n  ]\n}\n');
  if (bad > 0)
    io.err(
      `natuurlijke-alliantie: ${bad} of ${rows} rows could not be checked (see the error column).\n`,
    );
  return bad > 0 ? 2 : 0;
}
