/**
 * The command-line interface: a stable contract for scripts and planners.
 *
 *   natuurlijke-alliantie check <x> <y> [--crs EPSG:28992|EPSG:4326|EPSG:3857] [--data <sources.json>]
 *                               [--kb <extension.json>] [--lang nl|en] [--format text|json]
 *   natuurlijke-alliantie check --csv <file> [--format csv|json] ...
 *   natuurlijke-alliantie explain --facts '<json>' [--format json|text] [--lang nl|en]
 *
 * Exit status: 0 done (a partial report included), 2 bad input (message on stderr, no stack trace),
 * 1 an unexpected internal error.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { assess } from '../core/assess.js';
import { normalizeCrs, plausibleFor } from '../core/crs.js';
import {
  defaultKnowledgeBase,
  extendKnowledgeBase,
  parseKnowledgeBaseExtension,
} from '../core/kb/load.js';
import type { KnowledgeBase } from '../core/kb/types.js';
import { localizeReport } from '../core/localize.js';
import { reportsToGeoJson } from '../core/report-geojson.js';
import { checkJsonDepth, MAX_CONFIG_BYTES, MAX_CONFIG_DEPTH } from '../core/json-limits.js';
import { decimalProblem, outOfRange, parseDecimal, underflowingNumbers } from '../core/numbers.js';
import { terminalText } from '../core/plain-text.js';
import { readLocalFile } from '../sources/node.js';
import { processOut, runBatch } from './batch.js';
import { printSourceWarnings } from './warnings.js';
import {
  FACT_NAMES,
  LAND_USES,
  WATER_QUALITIES,
  NaError,
  type Audience,
  type Fact,
  type FactName,
  type Lang,
  type Location,
} from '../core/types.js';
import { checkLocation, isOutsideAllData } from '../sources/check.js';
import { loadSourcesFile } from '../sources/node.js';
import {
  compareCsv,
  compareJson,
  compareText,
  parseScenarioFiles,
  runComparison,
} from './compare.js';
import { naturalSystemFromSources } from '../sources/natural-system.js';
import { DOCTOR_USAGE, runDoctor } from './doctor.js';
import { reportToText } from './text.js';
import { INIT_USAGE, runInit } from './init.js';
import { defined } from '../core/defined.js';
import { KANSENKAART_USAGE, runKansenkaart } from './kansenkaart.js';
import { UsageError } from './usage-error.js';

export { UsageError };

const here = dirname(fileURLToPath(import.meta.url));
/** The package root, from `src/cli` (sources) or `dist/src/cli` (built). */
function packageRoot(): string {
  let dir = here;
  for (let i = 0; i < 5; i++) {
    if (existsSync(resolve(dir, 'package.json')) && existsSync(resolve(dir, 'demo/data')))
      return dir;
    dir = resolve(dir, '..');
  }
  return resolve(here, '../..');
}
/** The embedded demo data (illustrative Voorbeeldstad). */
export function defaultSourcesPath(): string {
  return resolve(packageRoot(), 'demo/data/sources.json');
}

const USAGE = `Usage:
  natuurlijke-alliantie check <x> <y> [--crs EPSG:28992|EPSG:4326|EPSG:3857] [--data <sources.json>]
                              [--kb <extension.json>] [--lang nl|en] [--format text|json|geojson]
                              [--audience professional|bewoner]
  natuurlijke-alliantie check --csv <file> [--format csv|json|geojson] [--crs ...] [--data ...] [--lang ...]
  natuurlijke-alliantie explain --facts '<json>' [--format json|text] [--lang nl|en] [--kb <file>]
                              [--audience professional|bewoner]
  natuurlijke-alliantie compare <a.geojson> <b.geojson> … [--data <sources.json>] [--format json|csv|text] [--lang nl|en]
  ${DOCTOR_USAGE}
${INIT_USAGE}
  ${KANSENKAART_USAGE}

Without --data the embedded, illustrative demo data of "Voorbeeldstad" is used.
For EPSG:4326, x is longitude and y is latitude.
explain --facts keys: ${FACT_NAMES.join(', ')}.
`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}
const processIo: Io = {
  out: processOut,
  err: (t) => process.stderr.write(t),
};

/** Runs the CLI; resolves to the exit status. Never throws. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === 'check') return await runCheck(rest, io);
    if (command === 'explain') return await runExplain(rest, io);
    if (command === 'compare') return await runCompare(rest, io);
    if (command === 'doctor') {
      return await runDoctor(rest, io, defaultSourcesPath());
    }
    if (command === 'init') return await runInit(rest, io, dirname(defaultSourcesPath()));
    if (command === 'kansenkaart') {
      return await runKansenkaart(rest, {
        ...io,
        knowledgeBase,
        readText,
        loadSources: async (path) => {
          if (path !== undefined) await readText(path, 'sources');
          const sources = await loadSourcesFile(path ?? defaultSourcesPath());
          printSourceWarnings(sources, io.err);
          return sources;
        },
      });
    }
    throw new UsageError(
      `Unknown command "${command}". Use "check", "explain", "compare", "doctor", "init" or "kansenkaart".`,
    );
  } catch (e) {
    if (e instanceof UsageError || e instanceof NaError) {
      io.err(`natuurlijke-alliantie: ${terminalText(e.message)}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`natuurlijke-alliantie: internal error: ${terminalText(message)}\n`);
    if (process.env.NA_DEBUG && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return 1;
  }
}

function parse<K extends string>(
  args: string[],
  names: readonly K[],
): { values: Partial<Record<K, string>>; positionals: string[] } {
  const options = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]));
  try {
    const r = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: r.values as Partial<Record<K, string>>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
  }
}

function langOf(value: string | undefined): Lang {
  const lang = value ?? 'nl';
  if (lang !== 'nl' && lang !== 'en')
    throw new UsageError(`--lang must be nl or en, not "${lang}".`);
  return lang;
}

function audienceOf(value: string | undefined): Audience {
  const audience = value ?? 'professional';
  if (audience !== 'professional' && audience !== 'bewoner')
    throw new UsageError(`--audience must be professional or bewoner, not "${audience}".`);
  return audience;
}

async function knowledgeBase(kbFile: string | undefined): Promise<KnowledgeBase> {
  const base = defaultKnowledgeBase();
  if (!kbFile) return base;
  const text = await readText(kbFile, 'knowledge-base extension', MAX_CONFIG_BYTES + 3);
  return extendKnowledgeBase(base, parseKnowledgeBaseExtension(text, kbFile), kbFile);
}

/** Reads a local file (regular files only, bounded size: see {@link readLocalFile}). */
async function readText(path: string, what: string, maxBytes?: number): Promise<string> {
  try {
    const buf = await readLocalFile(path, {
      what: `${what} file`,
      ...defined({ maxBytes }),
    });
    return buf.toString('utf8');
  } catch (e) {
    if (e instanceof NaError && e.code === 'too-large' && maxBytes !== undefined) {
      throw new UsageError(
        `The ${what} file "${path}" is over the limit of ${MAX_CONFIG_BYTES / 1024 / 1024} MiB: this looks like a data file, not a ${what} file.`,
      );
    }
    if (e instanceof NaError) throw new UsageError(e.message);
    throw e;
  }
}

function parseCoordinate(text: string | undefined, axis: string): number {
  if (text === undefined) throw new UsageError(`Missing ${axis} coordinate.\n\n${USAGE}`);
  const d = parseDecimal(text);
  if (!d.ok) {
    throw new UsageError(
      `The ${axis} coordinate "${terminalText(text, 40)}" ${decimalProblem(d.why)}${text.includes(',') ? ' (use a decimal point, not a comma)' : ''}.`,
    );
  }
  return d.value;
}

function makeLocation(x: number, y: number, crsText: string | undefined): Location {
  const location: Location = { x, y, crs: normalizeCrs(crsText ?? 'EPSG:28992') };
  plausibleFor(location);
  return location;
}

async function runCheck(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, [
    'crs',
    'data',
    'kb',
    'lang',
    'format',
    'csv',
    'audience',
  ]);
  const lang = langOf(values.lang);
  const kb = await knowledgeBase(values.kb);
  const dataPath = values.data ?? defaultSourcesPath();
  if (values.data) await readText(dataPath, 'sources'); // a clear message for a missing file
  const sources = await loadSourcesFile(dataPath);
  const warnings = printSourceWarnings(sources, io.err);
  const outside = (location: Location): string =>
    outsideMessage(location) + (warnings.length > 0 ? ` Note: ${warnings.join(' ')}` : '');

  if (values.csv !== undefined) {
    if (positionals.length > 0) throw new UsageError('Give either coordinates or --csv, not both.');
    const format = values.format ?? 'csv';
    if (format !== 'csv' && format !== 'json' && format !== 'geojson')
      throw new UsageError(`--format must be csv, json or geojson with --csv, not "${format}".`);
    return runBatch(
      {
        file: values.csv,
        format,
        sources,
        kb,
        lang,
        locate: (x, y) => makeLocation(x, y, values.crs),
        outside,
        isInputError: (e): e is Error => e instanceof UsageError,
      },
      io,
    );
  }

  if (positionals.length !== 2)
    throw new UsageError(`check needs two coordinates: x y.\n\n${USAGE}`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'geojson')
    throw new UsageError(`--format must be text, json or geojson, not "${format}".`);
  const location = makeLocation(
    parseCoordinate(positionals[0], 'x'),
    parseCoordinate(positionals[1], 'y'),
    values.crs,
  );
  const report = await checkLocation(sources, location, kb);
  if (isOutsideAllData(report)) throw new UsageError(outside(location));
  const localized = localizeReport(report, kb, lang);
  if (format === 'geojson') io.out(`${JSON.stringify(reportsToGeoJson([localized]), null, 2)}\n`);
  else {
    const text = reportToText(localized, { audience: audienceOf(values.audience) });
    io.out(format === 'json' ? `${JSON.stringify(localized, null, 2)}\n` : text);
  }
  return 0;
}

function outsideMessage(location: Location): string {
  return `The point ${location.x}, ${location.y} (${location.crs}) lies outside the data of every source. Check the coordinates and --crs, or use --data with data that covers this place.`;
}

const EXPLAIN_KEYS: readonly FactName[] = FACT_NAMES;

async function runExplain(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, ['facts', 'format', 'lang', 'kb', 'audience']);
  if (positionals.length > 0)
    throw new UsageError(`explain takes no positional arguments.\n\n${USAGE}`);
  if (values.facts === undefined)
    throw new UsageError(`explain needs --facts '<json>'.\n\n${USAGE}`);
  const lang = langOf(values.lang);
  const format = values.format ?? 'json';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be json or text, not "${format}".`);
  let input: unknown;
  try {
    checkJsonDepth(values.facts, MAX_CONFIG_DEPTH, '--facts');
    input = JSON.parse(values.facts);
  } catch (e) {
    throw new UsageError(
      `--facts is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  // JSON.parse turns 1e-400 into 0 and forgets the text: look at the text itself.
  for (const u of underflowingNumbers(values.facts)) {
    throw new UsageError(
      `Fact "${terminalText(u.key ?? '?', 40)}" = ${terminalText(u.raw, 40)} ${decimalProblem('underflow')}.`,
    );
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new UsageError(
      '--facts must be a JSON object such as {"zone":"Dz1","soilCode":"Hn21","gt":"VII"}.',
    );
  }
  const facts: Fact[] = [];
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (!(EXPLAIN_KEYS as readonly string[]).includes(key)) {
      throw new UsageError(
        `Unknown fact "${key}" in --facts. Known facts: ${EXPLAIN_KEYS.join(', ')}.`,
      );
    }
    const numeric = key === 'elevation' || key === 'floodDepth' || key === 'heat';
    if (numeric && typeof value === 'number' && !Number.isFinite(value)) {
      throw new UsageError(`Fact "${key}" is too large to be a number.`);
    }
    if (
      numeric ? typeof value !== 'number' || !Number.isFinite(value) : typeof value !== 'string'
    ) {
      throw new UsageError(
        `Fact "${key}" must be a ${numeric ? 'number' : 'string'}, not ${terminalText(JSON.stringify(value) ?? String(value), 60)}.`,
      );
    }
    if (numeric) {
      const range = outOfRange(key as FactName, value as number);
      if (range !== undefined) throw new UsageError(`Fact "${key}" = ${String(value)} ${range}.`);
    }
    facts.push({
      name: key as FactName,
      status: 'ok',
      value: value as never,
      provenance: { sourceId: 'input', title: lang === 'en' ? 'Given facts' : 'Opgegeven feiten' },
    } as Fact);
  }
  const kb = await knowledgeBase(values.kb);
  const report = assess(facts, kb);
  const vocabulary: Partial<Record<FactName, readonly string[]>> = {
    position: ['ridge', 'flank', 'low'],
    seepage: ['kwel', 'wegzijging', 'neutraal'],
    landUse: [...LAND_USES],
    waterQuality: [...WATER_QUALITIES],
    landscapeType: kb.landscapeTypes.map((t) => t.id),
  };
  for (const [key, allowed] of Object.entries(vocabulary)) {
    const v = (input as Record<string, unknown>)[key];
    if (
      v !== undefined &&
      !allowed.includes(String(v)) &&
      !report.errors.some((e) => e.fact === key)
    ) {
      report.errors.push({
        fact: key as FactName,
        code: String(v),
        message: `Unknown ${key} "${String(v)}" (expected one of ${allowed.join(', ')}).`,
      });
    }
  }
  if (report.errors.length > 0) {
    throw new UsageError(report.errors.map((e) => e.message).join('\n'));
  }
  const localized = localizeReport(report, kb, lang);
  const text = reportToText(localized, { audience: audienceOf(values.audience) });
  io.out(format === 'json' ? `${JSON.stringify(localized, null, 2)}\n` : text);
  return 0;
}

async function runCompare(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, ['data', 'format', 'lang', 'kb']);
  if (positionals.length === 0)
    throw new UsageError(`compare needs one or more scenario files.\n\n${USAGE}`);
  const lang = langOf(values.lang);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv' && format !== 'text') {
    throw new UsageError(`--format must be json, csv or text, not "${format}".`);
  }
  const files = [];
  for (const file of positionals)
    files.push({ name: file, text: await readText(file, 'scenario') });
  const scenarios = parseScenarioFiles(files);
  const dataPath = values.data ?? defaultSourcesPath();
  if (values.data) await readText(dataPath, 'sources');
  const system = await naturalSystemFromSources(await loadSourcesFile(dataPath));
  const result = runComparison(scenarios, system, await knowledgeBase(values.kb));
  if (format === 'csv') io.out(compareCsv(result, lang));
  else if (format === 'text') io.out(compareText(result, lang));
  else io.out(`${JSON.stringify(compareJson(result, lang), null, 2)}\n`);
  return 0;
}
