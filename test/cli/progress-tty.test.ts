/**
 * `check --csv` shows a progress line (rows done / total, rate, ETA) on stderr when stderr is a
 * terminal, and none otherwise (issue #13). The terminal is a real pseudo-terminal made by
 * util-linux `script`; stdout goes to a file, so the terminal sees stderr only.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/shared.js';

const run = promisify(execFile);
const bin = resolve(projectRoot, 'bin/natuurlijke-alliantie.js');
const dir = mkdtempSync(join(tmpdir(), 'na-progress-'));
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** 300 points in the demo town (the default sources). */
function pointsFile(): string {
  const file = join(dir, 'points.csv');
  const lines = ['id,x,y'];
  for (let i = 0; i < 300; i++) lines.push(`p${i},${190000 + (i % 50) * 100},${443000 + i * 10}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('check --csv progress line', () => {
  it('on a terminal: "N / 300 rows · R rows/s · ETA …" on stderr, the CSV on stdout', async () => {
    const file = pointsFile();
    const out = join(dir, 'out-tty.csv');
    const command = `${quote(process.execPath)} ${quote(bin)} check --csv ${quote(file)} --format csv > ${quote(out)}`;
    const { stdout: terminal } = await run('script', ['-qec', command, '/dev/null'], {
      cwd: projectRoot,
      env: { ...process.env, TERM: 'dumb' },
    });
    expect(terminal).toMatch(/\r300 \/ 300 rows · [\d.]+ rows\/s · ETA /);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(301);
  });

  it('not on a terminal: no progress line', async () => {
    const file = pointsFile();
    const { stdout, stderr } = await run(
      process.execPath,
      [bin, 'check', '--csv', file, '--format', 'csv'],
      { cwd: projectRoot },
    );
    expect(stderr).not.toMatch(/rows\/s/);
    expect(stdout.trim().split('\n')).toHaveLength(301);
  });
});
