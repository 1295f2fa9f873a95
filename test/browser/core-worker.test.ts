/**
 * The comparison of the scenario comparer off the main thread (#11), in real Chromium: the module
 * Worker (widgets/scenario-compare/compare.worker.ts through widgets/shared/core-worker.ts) gives
 * the same result as the core on the main thread; a job is aborted by its signal (the worker is
 * stopped, the next job gets a fresh one); without a worker (the file is missing, as when a host's
 * bundler did not emit it, or the constructor throws) the runner falls back to the main thread.
 */
import { expect } from '@open-wc/testing';
import { compareScenarios, type CompareResult } from '../../src/core/scenario/compare.js';
import { runCompareJob, type CompareJob } from '../../src/core/scenario/compare-job.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { naturalSystem } from '../../src/core/scenario/overlay.js';
import { parseScenario } from '../../src/core/scenario/scenario.js';
import { systemPolygonsFromSources } from '../../src/sources/natural-system.js';
import { CoreWorkerRunner, yieldToBrowser } from '../../widgets/shared/core-worker.js';
import { createCompareRunner } from '../../widgets/scenario-compare/compare-runner.js';
import { runCompareJobInSteps } from '../../src/core/scenario/compare-job.js';
import { demoSources } from './helpers/demo.js';

const NAMES = ['huidig', 'grijs', 'groenblauw'];

async function demoJob(): Promise<CompareJob> {
  const scenarios = await Promise.all(
    NAMES.map(async (n) => {
      const r = await fetch(`/demo/data/scenarios/${n}.geojson`);
      return parseScenario(await r.json(), { fileName: `${n}.geojson` });
    }),
  );
  const { zones, soil, groundwater, seepage } = await systemPolygonsFromSources(
    await demoSources(),
  );
  return { scenarios, system: { zones, soil, groundwater, seepage }, params: {} };
}

let job: CompareJob;
let expected: CompareResult;
before(async function () {
  this.timeout(120000);
  job = await demoJob();
  expected = compareScenarios(
    job.scenarios,
    naturalSystem(job.system),
    defaultKnowledgeBase(),
    job.params,
  );
});

describe('compare in a module Worker', function () {
  this.timeout(120000);

  it('gives the result of the core on the main thread', async () => {
    const runner = createCompareRunner();
    try {
      const result = await runner.run(job);
      expect(runner.mode).to.equal('worker');
      expect(result.ranking).to.deep.equal(expected.ranking);
      expect(result).to.deep.equal(JSON.parse(JSON.stringify(expected)));
    } finally {
      runner.dispose();
    }
  });

  it('is aborted by its signal, and the next job runs in a fresh worker', async () => {
    const runner = createCompareRunner();
    try {
      await runner.run(job);
      const controller = new AbortController();
      const running = runner.run(job, controller.signal);
      const reason = new DOMException('newer', 'AbortError');
      controller.abort(reason);
      let caught: unknown;
      try {
        await running;
      } catch (e) {
        caught = e;
      }
      expect(caught).to.equal(reason);
      const again = await runner.run(job);
      expect(again.ranking).to.deep.equal(expected.ranking);
      expect(runner.mode).to.equal('worker');
    } finally {
      runner.dispose();
    }
  });

  it('reports an error thrown in the worker with its name and message', async () => {
    const runner = createCompareRunner();
    try {
      let caught: unknown;
      try {
        // A scenario without features: the core throws while comparing.
        await runner.run({
          ...job,
          scenarios: [{ ...job.scenarios[0]!, features: null as never }],
        });
      } catch (e) {
        caught = e;
      }
      expect(caught).to.be.instanceOf(Error);
      expect((caught as Error).message)
        .to.be.a('string')
        .and.not.equal('');
      expect(runner.mode).to.equal('worker');
    } finally {
      runner.dispose();
    }
  });

  it('falls back to the main thread when the worker file is missing', async () => {
    let steps = 0;
    const runner = new CoreWorkerRunner<CompareJob, CompareResult>({
      create: () =>
        new Worker(new URL('./no-such-file.worker.js', import.meta.url), { type: 'module' }),
      fallback: (j, signal) =>
        runCompareJobInSteps(j, () => {
          steps += 1;
          return yieldToBrowser(signal);
        }),
    });
    const result = await runner.run(job);
    expect(runner.mode).to.equal('main');
    expect(steps).to.equal(job.scenarios.length + 1);
    expect(result.ranking).to.deep.equal(expected.ranking);
    // Later jobs go straight to the main thread.
    const again = await runner.run(job);
    expect(again.ranking).to.deep.equal(expected.ranking);
    expect(steps).to.equal(2 * (job.scenarios.length + 1));
  });

  it('falls back when no Worker can be made, and the fallback can be aborted', async () => {
    const runner = new CoreWorkerRunner<CompareJob, CompareResult>({
      create: () => {
        throw new DOMException('blocked by the page', 'SecurityError');
      },
      fallback: (j, signal) => runCompareJobInSteps(j, () => yieldToBrowser(signal)),
    });
    const controller = new AbortController();
    const reason = new DOMException('stop', 'AbortError');
    const running = runner.run(job, controller.signal);
    controller.abort(reason);
    let caught: unknown;
    try {
      await running;
    } catch (e) {
      caught = e;
    }
    expect(caught).to.equal(reason);
    expect(runner.mode).to.equal('main');
    expect((runner.fallbackReason as DOMException).name).to.equal('SecurityError');
    expect(runCompareJob(job).ranking).to.deep.equal(expected.ranking);
  });
});
