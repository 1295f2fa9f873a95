/** The file name of a URL or path, for messages (no DOM, no network). */

/** The last part of a path or address, for messages (`…/data/sources.json` → `sources.json`). */
export function fileNameOf(location: string): string {
  const path = location.split(/[?#]/)[0] ?? location;
  const name = path.split('/').pop() ?? '';
  return name === '' ? location : name;
}
