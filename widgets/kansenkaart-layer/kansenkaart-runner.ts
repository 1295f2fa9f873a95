/**
 * Where `<na-kansenkaart-layer>` computes the kansenkaart: in a module Worker
 * (kansenkaart.worker.ts), or, when there is none, on the main thread in steps that yield to the
 * browser (rows of the grid, then batches of polygons).
 */
import type {
  KansenkaartJob,
  KansenkaartJobProgress,
  KansenkaartJobResult,
} from '../../src/sources/kansenkaart-job.js';
import type { Action } from '../../src/core/types.js';
import { unpackUnits, type PackedUnits } from '../../src/core/kansenkaart/unit-grid.js';
import { CoreWorkerRunner, yieldToBrowser } from '../shared/core-worker.js';

/**
 * The Worker's result: the job's, and the images of the actions it painted (see the Worker). As
 * sent, its units are `packedUnits` (typed arrays, moved) and `map.units` is empty; the runner
 * makes them into `map.units` again ({@link receiveKansenkaart}).
 */
export type KansenkaartWorkerResult = KansenkaartJobResult & {
  images?: Partial<Record<Action, { all: ImageBitmap; regional: ImageBitmap }>>;
  packedUnits?: PackedUnits;
};

/** A result as the Worker sent it with its units in `map.units` again. */
export function receiveKansenkaart(result: KansenkaartWorkerResult): KansenkaartWorkerResult {
  const { packedUnits, ...rest } = result;
  if (!packedUnits || !rest.map) return rest;
  return { ...rest, map: { ...rest.map, units: unpackUnits(packedUnits) } };
}

/** Units under this area (ha) are left out at regio/stad (as REGION_MIN_UNIT_HA of src/map). */
export const REGIONAL_MIN_HA = 1;

/** Whether new runners may use a Worker (tests and hosts can turn it off). */
export const kansenkaartWorkerSettings = { enabled: true };

/** A runner for kansenkaart jobs. */
export function createKansenkaartRunner(): CoreWorkerRunner<
  KansenkaartJob,
  KansenkaartWorkerResult
> {
  return new CoreWorkerRunner<KansenkaartJob, KansenkaartWorkerResult>({
    create: () => {
      if (!kansenkaartWorkerSettings.enabled) throw new Error('Workers are turned off.');
      return new Worker(new URL('./kansenkaart.worker.js', import.meta.url), { type: 'module' });
    },
    // The job pauses between steps: a newer view stops it without losing the loaded sources.
    abortInWorker: true,
    receive: receiveKansenkaart,
    // The computation (sources, rule engine) is not part of the element's first load: the
    // Worker has its own copy, and the fallback imports it on first use.
    fallback: async (job, signal, onProgress) => {
      const { runKansenkaartJob } = await import('../../src/sources/kansenkaart-job.js');
      return runKansenkaartJob(job, {
        signal,
        pause: () => yieldToBrowser(signal),
        ...(onProgress ? { onProgress: (p: KansenkaartJobProgress) => onProgress(p) } : {}),
      });
    },
  });
}
