/**
 * Where `<na-kansenkaart-layer>` computes the kansenkaart: in a module Worker
 * (kansenkaart.worker.ts), or, when there is none, on the main thread in steps that yield to the
 * browser (rows of the grid, then batches of polygons).
 */
import {
  runKansenkaartJob,
  type KansenkaartJob,
  type KansenkaartJobProgress,
  type KansenkaartJobResult,
} from '../../src/sources/kansenkaart-job.js';
import { CoreWorkerRunner, yieldToBrowser } from '../shared/core-worker.js';

/** Whether new runners may use a Worker (tests and hosts can turn it off). */
export const kansenkaartWorkerSettings = { enabled: true };

/** A runner for kansenkaart jobs. */
export function createKansenkaartRunner(): CoreWorkerRunner<KansenkaartJob, KansenkaartJobResult> {
  return new CoreWorkerRunner<KansenkaartJob, KansenkaartJobResult>({
    create: () => {
      if (!kansenkaartWorkerSettings.enabled) throw new Error('Workers are turned off.');
      return new Worker(new URL('./kansenkaart.worker.js', import.meta.url), { type: 'module' });
    },
    fallback: (job, signal, onProgress) =>
      runKansenkaartJob(job, {
        signal,
        pause: () => yieldToBrowser(signal),
        ...(onProgress ? { onProgress: (p: KansenkaartJobProgress) => onProgress(p) } : {}),
      }),
  });
}
