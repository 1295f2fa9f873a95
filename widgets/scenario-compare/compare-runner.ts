/**
 * Where `<na-scenario-compare>` runs its comparison: in a module Worker (compare.worker.ts), or,
 * when there is none, on the main thread in steps that yield to the browser between scenarios.
 */
import type { CompareResult } from '../../src/core/scenario/compare.js';
import { runCompareJobInSteps, type CompareJob } from '../../src/core/scenario/compare-job.js';
import { CoreWorkerRunner, yieldToBrowser } from '../shared/core-worker.js';

/** Whether new runners may use a Worker (tests and hosts can turn it off). */
export const compareWorkerSettings = { enabled: true };

/** A runner for comparison jobs. */
export function createCompareRunner(): CoreWorkerRunner<CompareJob, CompareResult> {
  return new CoreWorkerRunner<CompareJob, CompareResult>({
    create: () => {
      if (!compareWorkerSettings.enabled) throw new Error('Workers are turned off.');
      return new Worker(new URL('./compare.worker.js', import.meta.url), { type: 'module' });
    },
    fallback: (job, signal) => runCompareJobInSteps(job, () => yieldToBrowser(signal)),
  });
}
