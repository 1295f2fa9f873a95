/** Print and download helpers of `<na-location-check>` (pure, apart from decoding an image). */
import type { Location } from '../../src/core/types.js';

/** File name of the JSON download, with the coordinates, e.g. `na-locatie-155000-463000-EPSG28992.json`. */
export function reportFileName(loc: Location | undefined): string {
  if (!loc) return 'na-locatie.json';
  const digits = loc.crs === 'EPSG:4326' ? 6 : 0;
  const n = (v: number): string => v.toFixed(digits).replace('-', 'm');
  return `na-locatie-${n(loc.x)}-${n(loc.y)}-${loc.crs.replace(':', '')}.json`;
}

/** Waits until the map image can be printed; a failure is logged, printing goes on without it. */
export async function decodeImage(img: HTMLImageElement | null): Promise<void> {
  if (!img) return;
  try {
    await img.decode();
  } catch (e) {
    console.warn('na-location-check: the map image could not be decoded for printing.', e);
  }
}
