/**
 * The module Worker of `<na-kansenkaart-layer>`: computes the kansenkaart (src/core/kansenkaart
 * through src/sources/kansenkaart-job.ts) off the main thread. Loaded by kansenkaart-runner.ts as
 * `new URL('./kansenkaart.worker.js', import.meta.url)`.
 */
import { runKansenkaartJob, type KansenkaartJob } from '../../src/sources/kansenkaart-job.js';
import { serveCoreTask } from '../shared/core-worker-host.js';

serveCoreTask((job: KansenkaartJob, progress) => runKansenkaartJob(job, { onProgress: progress }));
