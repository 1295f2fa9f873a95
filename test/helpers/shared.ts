/**
 * Locates the reference data that tests compare against: official code tables and recorded
 * service responses, vendored into `test/fixtures/shared/` (see its README for source and
 * licence of every file), so that a contributor's clone runs every test on its own.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The folder with the vendored reference data (`domain/…`, `reference/…`). */
export function vendoredDir(): string {
  return resolve(root, 'test/fixtures/shared');
}

export const projectRoot = root;
