/**
 * Hatched fills of the zonering for forced-colours (high contrast) mode (#18, WCAG 1.4.1): the
 * browser does not change what a canvas draws, so in that mode the zones keep their colours and
 * get a hatching ({@link zoneringHatch}) as a second cue that does not depend on seeing colour.
 */
import type { ZoneringHatch } from '../core/zonering-style.js';

/** The media query of forced-colours mode. */
export const FORCED_COLOURS_QUERY = '(forced-colors: active)';

/** The forced-colours media query list, or undefined where there is no `matchMedia`. */
export function forcedColoursQuery(): MediaQueryList | undefined {
  return typeof matchMedia === 'function' ? matchMedia(FORCED_COLOURS_QUERY) : undefined;
}

/**
 * A repeating canvas pattern: `colour` with thin dark lines of `hatch`, for an OpenLayers `Fill`.
 * Falls back to the plain colour where no 2D canvas can be made.
 * @param pixelRatio - device pixels per CSS pixel (lines 1 CSS px wide, spacing in CSS px)
 */
export function hatchPattern(
  colour: string,
  hatch: ZoneringHatch,
  pixelRatio = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1,
): CanvasPattern | string {
  const step = Math.max(1, Math.round(hatch.spacingPx * pixelRatio));
  const canvas = document.createElement('canvas');
  canvas.width = step;
  canvas.height = step;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return colour;
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, step, step);
  ctx.strokeStyle = '#000000';
  ctx.lineWidth = Math.max(1, Math.round(pixelRatio));
  ctx.beginPath();
  if (hatch.angle === 0) {
    ctx.moveTo(0, step / 2);
    ctx.lineTo(step, step / 2);
  } else if (hatch.angle === 90) {
    ctx.moveTo(step / 2, 0);
    ctx.lineTo(step / 2, step);
  } else {
    // Diagonals through the tile and its neighbours' corners, so the lines join across tiles.
    const rising = hatch.angle === 45;
    for (const offset of [-step, 0, step]) {
      if (rising) {
        ctx.moveTo(offset, step);
        ctx.lineTo(offset + step, 0);
      } else {
        ctx.moveTo(offset, 0);
        ctx.lineTo(offset + step, step);
      }
    }
  }
  ctx.stroke();
  return ctx.createPattern(canvas, 'repeat') ?? colour;
}
