/**
 * Locates the read-only shared folder with the domain code tables and recorded service responses
 * (`../shared` beside the project). CI clones may live elsewhere: set NA_SHARED_DIR then.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function sharedDir(): string {
  const candidates = [process.env.NA_SHARED_DIR, resolve(root, '../shared'), '/work/shared'];
  for (const c of candidates) {
    if (c && existsSync(resolve(c, 'domain/BRIEF.md'))) return c;
  }
  throw new Error(
    'The shared folder (domain code tables, recorded responses) was not found; set NA_SHARED_DIR.',
  );
}

export const projectRoot = root;
