/**
 * The module Worker of `<na-scenario-compare>`: runs the comparison (src/core/scenario) off the
 * main thread. Loaded by compare-runner.ts as `new URL('./compare.worker.js', import.meta.url)`.
 */
import { runCompareJob, type CompareJob } from '../../src/core/scenario/compare-job.js';
import { serveCoreTask } from '../shared/core-worker-host.js';

serveCoreTask((job: CompareJob) => runCompareJob(job));
