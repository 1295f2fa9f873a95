/**
 * `natuurlijke-alliantie doctor [--data sources.json] [--origin https://kaart.gemeente.nl]
 *   [--lang nl|en] [--format text|json] [--timeout ms]`: checks a live setup, source by source
 * (see `diagnose` in src/sources/diagnose.ts), and prints a table with ok / warning / error and a
 * hint per line. Exit status 0 when every line is ok, 1 otherwise, 2 for bad input.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { Lang } from '../core/types.js';
import { stripControl } from '../core/plain-text.js';
import { parseSourcesConfig } from '../sources/config.js';
import { diagnose } from '../sources/diagnose.js';
import type { Diagnosis, DiagnosisLine } from '../sources/diagnose.js';
import type { FetchLike } from '../sources/http.js';
import { loadBytes, loadText } from '../sources/node.js';
import { defined } from '../core/defined.js';
import { UsageError } from './usage-error.js';

export const DOCTOR_USAGE = `natuurlijke-alliantie doctor [--data <sources.json>] [--origin <page origin>] [--lang nl|en]
                             [--format text|json] [--timeout <ms>]`;

export interface DoctorIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * Runs `doctor`; resolves to the exit status (0 all ok, 1 otherwise). Throws UsageError or
 * NaError (a sources file that cannot be read or is invalid) for bad input.
 * @param defaultData the sources file used without `--data`.
 */
export async function runDoctor(
  args: string[],
  io: DoctorIo,
  defaultData: string,
  options: { fetch?: FetchLike } = {},
): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        data: { type: 'string' },
        origin: { type: 'string' },
        lang: { type: 'string' },
        format: { type: 'string' },
        timeout: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw new UsageError(`${e instanceof Error ? e.message : String(e)}\n\n${DOCTOR_USAGE}`);
  }
  const lang: Lang = values.lang ?? 'nl';
  if (lang !== 'nl' && lang !== 'en') {
    throw new UsageError(`--lang must be nl or en, not "${lang}".`);
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--format must be text or json, not "${format}".`);
  }
  const origin = values.origin;
  if (origin !== undefined) {
    let ok = false;
    try {
      const u = new URL(origin);
      ok =
        (u.protocol === 'https:' || u.protocol === 'http:') &&
        u.origin === origin.replace(/\/$/, '');
    } catch {
      ok = false;
    }
    if (!ok) {
      throw new UsageError(
        `--origin must be a page origin such as https://kaart.gemeente.nl (scheme and host, no path), not "${origin}".`,
      );
    }
  }
  const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs >= 100)) {
    throw new UsageError(
      `--timeout must be a whole number of milliseconds ≥ 100, not "${values.timeout}".`,
    );
  }

  const file = values.data ?? defaultData;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `The sources file "${file}" does not exist.`
        : `Cannot read the sources file "${file}" (${code ?? String(e)}).`,
    );
  }
  const config = parseSourcesConfig(text, file);
  const diagnosis = await diagnose(config, {
    baseUrl: pathToFileURL(resolve(file)).href,
    load: (location) => loadText(location),
    loadBytes: (location) => loadBytes(location),
    ...defined({ origin: origin?.replace(/\/$/, ''), timeoutMs, fetch: options.fetch }),
  });
  io.out(
    format === 'json' ? `${JSON.stringify(diagnosis, null, 2)}\n` : doctorTable(diagnosis, lang),
  );
  return diagnosis.ok ? 0 : 1;
}

const STATUS_TEXT: Record<string, Record<DiagnosisLine['status'], string>> = {
  nl: { ok: 'ok', warning: 'waarschuwing', error: 'fout' },
  en: { ok: 'ok', warning: 'warning', error: 'error' },
};
const HEAD: Record<string, string[]> = {
  nl: ['bron', 'controle', 'uitkomst', 'bevinding', 'wat te doen'],
  en: ['source', 'check', 'result', 'finding', 'what to do'],
};

/** The diagnosis as a plain-text table, one line per check, and a closing count. */
export function doctorTable(diagnosis: Diagnosis, lang: Lang): string {
  const l = lang === 'en' ? 'en' : 'nl';
  const rows = diagnosis.lines.map((d) => [
    d.sourceId,
    d.check,
    (STATUS_TEXT[l] as Record<string, string>)[d.status] as string,
    d.message[l] ?? d.message.en,
    d.hint[l] ?? d.hint.en,
  ]);
  const head = HEAD[l] as string[];
  const widths = [0, 1, 2].map((i) =>
    Math.max(head[i]?.length ?? 0, ...rows.map((r) => r[i]?.length ?? 0)),
  );
  const fmt = (r: string[]): string =>
    [
      ...[0, 1, 2].map((i) => (r[i] ?? '').padEnd(widths[i] as number)),
      r[3] ?? '',
      r[4] === '' || r[4] === undefined ? '' : `→ ${r[4]}`,
    ]
      .join('  ')
      .trimEnd();
  const count = (s: DiagnosisLine['status']): number =>
    diagnosis.lines.filter((d) => d.status === s).length;
  const tail =
    l === 'en'
      ? `${count('ok')} ok, ${count('warning')} warnings, ${count('error')} errors`
      : `${count('ok')} ok, ${count('warning')} waarschuwingen, ${count('error')} fouten`;
  // Source ids and findings come from the sources file and the services: plain text only.
  return stripControl(`${[fmt(head), ...rows.map(fmt)].join('\n')}\n\n${tail}\n`);
}
