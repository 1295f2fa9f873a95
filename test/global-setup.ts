import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { projectRoot } from './helpers/shared.js';

/** The CLI tests run the built package: build it first unless the caller just did. */
export default function setup(): void {
  if (process.env.NA_SKIP_BUILD) return;
  execFileSync(resolve(projectRoot, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
}
