/**
 * The module Worker of `<na-kansenkaart-layer>`: computes the kansenkaart (src/core/kansenkaart
 * through src/sources/kansenkaart-job.ts) off the main thread. Loaded by kansenkaart-runner.ts as
 * `new URL('./kansenkaart.worker.js', import.meta.url)`. The result carries the grid of unit ids the
 * page draws and hit-tests (see src/core/kansenkaart/unit-grid.ts), built here as well.
 */
import { runKansenkaartJob, type KansenkaartJob } from '../../src/sources/kansenkaart-job.js';
import { serveCoreTask } from '../shared/core-worker-host.js';

serveCoreTask(
  (job: KansenkaartJob, progress) => runKansenkaartJob(job, { onProgress: progress }),
  // The unit grid (a cell per element) is moved to the page, not copied.
  (result) => (result.unitGrid ? [result.unitGrid.buffer] : []),
);
