/**
 * `natuurlijke-alliantie init [dir] [--force]`: a starter for the data of an embedding.
 *
 * Writes into `dir` (default `natuurlijk-systeem`):
 * - `sources.json`: the illustrative demo data (Voorbeeldstad), ready for a first try;
 * - `sources.gemeente.json`: the template for the municipality's own setup: its own zonering
 *   layer plus the national presets (`"extends": ["pdok", "klimaateffectatlas"]`);
 * - the demo layers (`zonering.geojson`, `soil.geojson`, `groundwater.geojson`, `landuse.geojson`);
 * - `README.md`: what each file is, and how relative paths resolve.
 *
 * Every path in both sources files is relative (to the sources file), so the folder can be served
 * under any sub-path. Existing files are not overwritten without `--force`.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { NaError } from '../core/types.js';

/** Where the CLI writes (the same shape as main's Io). */
export interface InitIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Bad input to `init` (exit status 2, like every NaError in the CLI). */
export class InitError extends NaError {
  constructor(message: string) {
    super('init', message);
    this.name = 'InitError';
  }
}

export const INIT_USAGE =
  '  natuurlijke-alliantie init [<dir>] [--force]   # a sources.json template + demo data (default dir: natuurlijk-systeem)';

/** A point (EPSG:28992) inside every demo layer: dekzand flank, Hn21, Gt VI. */
export const DEMO_SAMPLE_POINT: readonly [number, number] = [188000, 447000];

/** The demo layers copied as they are (from the package's demo/data). */
export const DEMO_LAYERS = [
  'zonering.geojson',
  'soil.geojson',
  'groundwater.geojson',
  'landuse.geojson',
] as const;

/** The presets the template switches on (the national layers; online services). */
export const TEMPLATE_PRESETS = ['pdok', 'klimaateffectatlas'] as const;

/** The template for the municipality's own setup (all paths relative to this file). */
export function gemeenteTemplate(): object {
  return {
    extends: [...TEMPLATE_PRESETS],
    sources: [
      {
        id: 'zonering',
        type: 'geojson',
        path: 'zonering.geojson',
        crs: 'EPSG:28992',
        title: 'Landschapszonering (vervang door de eigen laag van de gemeente)',
        licence: 'CC0',
        version: '2026-11-28',
        scale: '1:25.000',
        illustrative: true,
        properties: {
          zone: 'BKNSN_code',
          elevation: 'elevation',
          position: 'position',
          seepage: 'seepage',
        },
      },
    ],
  };
}

const README = `# natuurlijk-systeem: data for natuurlijke-alliantie

Written by \`npx natuurlijke-alliantie init\`. Serve this folder next to the page that holds the
elements, e.g. \`<na-location-check sources="natuurlijk-systeem/sources.json">\` and
\`<na-zonering-layer src="natuurlijk-systeem/zonering.geojson">\`.

| File | What it is |
| --- | --- |
| \`sources.json\` | Ready for a first try: the four demo layers below. Works offline. |
| \`sources.gemeente.json\` | The template for your own setup: your own zonering layer (\`zonering.geojson\`: replace it with your export, or change \`path\` into a \`url\` of your WFS / OGC API Features service) plus the national layers, \`"extends": ["pdok", "klimaateffectatlas"]\` (PDOK/BRO soil, groundwater and elevation; Klimaateffectatlas heat and flooding; online services). Point the elements at this file (or rename it to \`sources.json\`) when you switch. |
| \`zonering.geojson\` | Demo landscape zonering (BKNSN 2023 zones), RD New (EPSG:28992). |
| \`soil.geojson\` | Demo soil map (BRO Bodemkaart codes). |
| \`groundwater.geojson\` | Demo groundwater classes (BRO Gt). |
| \`landuse.geojson\` | Demo land use (heide, bos, bedrijventerrein, bebouwd, grasland, akker, water; BGT/BRT/TOP10NL-like classes), the \`landUse\` fact. |

**The demo layers are ILLUSTRATIVE**: an invented town, "Voorbeeldstad", a 10 × 8 km block
(x 187000–197000, y 441000–449000 in RD New, loosely near Arnhem/Velp). Not real data; do not use
them for any decision. Licence CC0.

## Paths

- \`path\` in a sources file is relative to that sources file; \`url\` is used as given.
- The elements' \`sources\` and \`src\` attributes resolve against the page (as a link would). Keep
  them relative (\`natuurlijk-systeem/sources.json\`, no leading \`/\`) and the setup works when the
  site is deployed under a sub-path (\`https://example.nl/geoportaal/\`): the files are then fetched
  from \`/geoportaal/natuurlijk-systeem/\`.

Check the setup with \`npx natuurlijke-alliantie check 188000 447000 --data natuurlijk-systeem/sources.json\`,
and every source in it with \`npx natuurlijke-alliantie doctor --data natuurlijk-systeem/sources.json\`
(all lines ok for the demo data; for \`sources.gemeente.json\` it checks the online services too).
`;

/** Runs `init`; resolves to the exit status (2 for bad input, with a message on stderr). */
export async function runInit(args: string[], io: InitIo, demoDataDir: string): Promise<number> {
  let dirArg: string | undefined;
  let force = false;
  try {
    const r = parseArgs({
      args,
      options: { force: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (r.positionals.length > 1) throw new Error('init takes one folder');
    dirArg = r.positionals[0];
    force = r.values.force === true;
  } catch (e) {
    throw new InitError(`${e instanceof Error ? e.message : String(e)}\nUsage:\n${INIT_USAGE}`);
  }
  const dir = resolve(dirArg ?? 'natuurlijk-systeem');
  const demoSources = JSON.parse(await readFile(join(demoDataDir, 'sources.json'), 'utf8')) as {
    sources: Array<{ path?: string; samplePoint?: [number, number] }>;
  };
  // `doctor` queries each source at its sample point: one inside every demo layer, so that a fresh
  // setup checks out as all ok (the middle of the demo's extent is built-up, without soil data).
  for (const s of demoSources.sources) s.samplePoint ??= [...DEMO_SAMPLE_POINT];
  const files: Array<[string, () => Promise<void>]> = [
    ...DEMO_LAYERS.map((name): [string, () => Promise<void>] => [
      name,
      () => copyFile(join(demoDataDir, name), join(dir, name)),
    ]),
    ['sources.json', () => writeJson(join(dir, 'sources.json'), demoSources)],
    [
      'sources.gemeente.json',
      () => writeJson(join(dir, 'sources.gemeente.json'), gemeenteTemplate()),
    ],
    ['README.md', () => writeFile(join(dir, 'README.md'), README)],
  ];
  for (const s of demoSources.sources) {
    if (s.path !== undefined && !DEMO_LAYERS.includes(s.path as (typeof DEMO_LAYERS)[number])) {
      throw new Error(`the demo sources.json names ${s.path}, which init does not copy`);
    }
  }
  const existing = files.map(([name]) => name).filter((name) => existsSync(join(dir, name)));
  if (existing.length > 0 && !force) {
    throw new InitError(
      `${relative(process.cwd(), dir) || '.'} already holds ${existing.join(', ')}; ` +
        'nothing was written. Use --force to overwrite them.',
    );
  }
  await mkdir(dir, { recursive: true });
  for (const [, write] of files) await write();
  const shown = relative(process.cwd(), dir) || '.';
  io.out(
    `Wrote ${files.map(([name]) => name).join(', ')} to ${shown}/\n` +
      `Try it: <na-location-check sources="${shown}/sources.json"> ` +
      `(or: natuurlijke-alliantie check 188000 447000 --data ${shown}/sources.json).\n` +
      `Your own setup: ${shown}/sources.gemeente.json (see ${shown}/README.md).\n`,
  );
  return 0;
}

async function writeJson(file: string, data: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
}
