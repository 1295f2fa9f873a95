/**
 * A newer view aborts the kansenkaart job in flight inside its Worker (the job pauses between
 * steps and honours the abort) instead of terminating the Worker: the next job runs in the same
 * Worker, with the sources it already loaded, and gives the same map as a fresh Worker.
 */
import { expect } from '@open-wc/testing';
import type { KansenkaartJob } from '../../src/sources/kansenkaart-job.js';
import '../../src/sources/kansenkaart-job.js';
import { createKansenkaartRunner } from '../../widgets/kansenkaart-layer/kansenkaart-runner.js';

const job = (bbox: [number, number, number, number]): KansenkaartJob => ({
  sources: new URL('/demo/data/sources.json', location.href).href,
  cellSize: 25,
  maxCells: 1_000_000,
  area: { bbox },
});

describe('kansenkaart job aborted in its Worker', function () {
  this.timeout(120000);

  it('rejects with the reason, keeps the Worker, and the next job gives the fresh map', async () => {
    const made: Worker[] = [];
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        made.push(this);
      }
    };
    const runner = createKansenkaartRunner();
    const fresh = createKansenkaartRunner();
    try {
      const controller = new AbortController();
      const reason = new DOMException('a newer view', 'AbortError');
      let progressed = 0;
      // Aborted at its first report of progress in the cells phase: mid-computation.
      const running = runner.run(job([190000, 442500, 195000, 447500]), controller.signal, (p) => {
        progressed++;
        if ((p as { phase?: string }).phase === 'cells') controller.abort(reason);
      });
      let caught: unknown;
      try {
        await running;
      } catch (e) {
        caught = e;
      }
      expect(caught).to.equal(reason);
      expect(progressed).to.be.greaterThan(0);
      const next = await runner.run(job([191500, 443500, 194500, 446500]));
      expect(made.length, 'workers made by the runner').to.equal(1);
      expect(runner.mode).to.equal('worker');
      const expected = await fresh.run(job([191500, 443500, 194500, 446500]));
      expect(made.length).to.equal(2);
      expect(next.map?.units.length).to.be.greaterThan(0);
      expect(next.map).to.deep.equal(expected.map);
      expect([...next.unitGrid!]).to.deep.equal([...expected.unitGrid!]);
    } finally {
      window.Worker = Original;
      runner.dispose();
      fresh.dispose();
    }
  });
});
