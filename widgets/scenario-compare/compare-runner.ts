/**
 * Where `<na-scenario-compare>` runs its comparison: in a module Worker (compare.worker.ts), or,
 * when there is none, on the main thread in steps that yield to the browser between scenarios.
 */
import type { CompareResult } from '../../src/core/scenario/compare.js';
import type { CompareJob } from '../../src/core/scenario/compare-job.js';
import { lazyModule } from '../shared/lazy-module.js';
import { CoreWorkerRunner, yieldToBrowser } from '../shared/core-worker.js';

/** Whether new runners may use a Worker (tests and hosts can turn it off). */
/**
 * The comparison engine (indicators, knowledge base, overlay) for the fallback on the main thread:
 * imported on the first comparison without a worker (a chunk of its own), never up front.
 */
const compareJob = lazyModule(() => import('../../src/core/scenario/compare-job.js'));

export const compareWorkerSettings = { enabled: true };

/** A runner for comparison jobs. */
export function createCompareRunner(): CoreWorkerRunner<CompareJob, CompareResult> {
  return new CoreWorkerRunner<CompareJob, CompareResult>({
    create: () => {
      if (!compareWorkerSettings.enabled) throw new Error('Workers are turned off.');
      return new Worker(new URL('./compare.worker.js', import.meta.url), { type: 'module' });
    },
    fallback: async (job, signal) => {
      const { runCompareJobInSteps } = await compareJob.load();
      signal.throwIfAborted();
      return runCompareJobInSteps(job, () => yieldToBrowser(signal));
    },
  });
}
