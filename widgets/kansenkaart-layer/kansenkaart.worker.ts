/**
 * The module Worker of `<na-kansenkaart-layer>`: computes the kansenkaart (src/core/kansenkaart
 * through src/sources/kansenkaart-job.ts) off the main thread. Loaded by kansenkaart-runner.ts as
 * `new URL('./kansenkaart.worker.js', import.meta.url)`. The result carries the grid of unit ids
 * the page hit-tests (see src/core/kansenkaart/unit-grid.ts) and, per action, the image the page
 * draws (a pixel per cell; with and without the units too small for regio/stad), painted here so
 * that the page only scales them; grid, images and the units (as typed arrays) are moved to the
 * page, not copied.
 */
import { ACTIONS } from '../../src/core/types.js';
import { packUnits, paintAction, type PackedUnits } from '../../src/core/kansenkaart/unit-grid.js';
import { runKansenkaartJob, type KansenkaartJob } from '../../src/sources/kansenkaart-job.js';
import { pauseInWorker, serveCoreTask } from '../shared/core-worker-host.js';
import { REGIONAL_MIN_HA, type KansenkaartWorkerResult } from './kansenkaart-runner.js';

async function paint(result: KansenkaartWorkerResult): Promise<void> {
  const { map, unitGrid } = result;
  if (!map || !unitGrid || typeof createImageBitmap !== 'function') return;
  const { cols, rows, cellSize } = map.grid;
  const image = (px: Uint8ClampedArray<ArrayBuffer>): Promise<ImageBitmap> =>
    createImageBitmap(new ImageData(px, cols, rows));
  const minCells = (REGIONAL_MIN_HA * 10_000) / (cellSize * cellSize);
  const images: NonNullable<KansenkaartWorkerResult['images']> = {};
  for (const action of ACTIONS)
    images[action] = {
      all: await image(paintAction(map, unitGrid, action)),
      regional: await image(paintAction(map, unitGrid, action, minCells)),
    };
  result.images = images;
}

serveCoreTask(
  async (job: KansenkaartJob, progress, signal): Promise<KansenkaartWorkerResult> => {
    // Paused between steps, so that an abort (the view moved on) stops this job and the next one
    // finds the sources this worker loaded.
    const result: KansenkaartWorkerResult = await runKansenkaartJob(job, {
      onProgress: progress,
      signal,
      pause: () => pauseInWorker(signal),
    });
    signal.throwIfAborted();
    try {
      await paint(result);
    } catch {
      // No images (e.g. no ImageData in this Worker): the page paints them itself.
    }
    // The units as typed arrays (moved, not cloned object by object); the runner unpacks them.
    if (result.map) {
      result.packedUnits = packUnits(result.map.units);
      result.map = { ...result.map, units: [] };
    }
    return result;
  },
  (result) => [
    ...(result.unitGrid ? [result.unitGrid.buffer] : []),
    ...Object.values(result.packedUnits ?? {}).map((a: PackedUnits[keyof PackedUnits]) => a.buffer),
    ...Object.values(result.images ?? {}).flatMap((i) => [i.all, i.regional]),
  ],
);
