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
