/**
 * Real pixels of the page as Chromium painted it (the `na-screenshot` command of
 * web-test-runner.config.mjs), for what a canvas cannot read back: outlines, borders, forced colours.
 */
import { executeServerCommand } from '@web/test-runner-commands';

/** The painted pixels of a rectangle of the page (CSS px, viewport coordinates). */
export async function paintedPixels(rect: {
  x: number;
  y: number;
  width: number;
  height: number;
}): Promise<ImageData> {
  const clip = {
    x: Math.round(rect.x),
    y: Math.round(rect.y),
    width: Math.round(rect.width),
    height: Math.round(rect.height),
  };
  const base64 = await executeServerCommand<string, typeof clip>('na-screenshot', clip);
  if (typeof base64 !== 'string') throw new Error('na-screenshot returned nothing');
  const img = new Image();
  img.src = `data:image/png;base64,${base64}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth;
  canvas.height = img.naturalHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(img, 0, 0);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/** `[r, g, b]` of pixel (x, y). */
export function pixel(data: ImageData, x: number, y: number): [number, number, number] {
  const i = (y * data.width + x) * 4;
  return [data.data[i] ?? 0, data.data[i + 1] ?? 0, data.data[i + 2] ?? 0];
}

/** Largest channel difference between two colours. */
export function channelDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...[0, 1, 2].map((i) => Math.abs((a[i] ?? 0) - (b[i] ?? 0))));
}
