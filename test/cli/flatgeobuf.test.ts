/**
 * The CLI reads a local FlatGeobuf file (a `flatgeobuf` source with a `path`), as a user would run
 * it: the built binary, a sources file in test/fixtures/flatgeobuf.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/shared.js';

const run = promisify(execFile);
const bin = resolve(projectRoot, 'bin/natuurlijke-alliantie.js');
const data = resolve(projectRoot, 'test/fixtures/flatgeobuf/sources.json');

async function check(x: number, y: number): Promise<{ facts: Array<Record<string, unknown>> }> {
  const { stdout } = await run(process.execPath, [
    bin,
    'check',
    String(x),
    String(y),
    '--data',
    data,
    '--format',
    'json',
  ]);
  return JSON.parse(stdout) as { facts: Array<Record<string, unknown>> };
}

describe('CLI check on a local .fgb', () => {
  it('finds the zone of the square under the point, and none in a hole', async () => {
    const inSquare = await check(150_090, 460_030); // square 0 (Z0), outside its hole
    expect(inSquare.facts.find((f) => f.name === 'zone')).toMatchObject({
      status: 'ok',
      value: 'Z0',
    });
    const inSquare7 = await check(151_430, 460_030); // square 7: x 151,400–151,580
    expect(inSquare7.facts.find((f) => f.name === 'zone')).toMatchObject({ value: 'Z7' });
    const inHole = await check(150_090, 460_090); // the hole of square 0
    expect(inHole.facts.find((f) => f.name === 'zone')?.status).not.toBe('ok');
  });
});
