/**
 * Issue #18, items 8 and 14, on the scenario comparer in real Chromium, read from the browser's
 * accessibility tree: an indicator row header is named by its label only (not by its "Uitleg"
 * control); a matrix cell says its verdict and value once (no second reading from a `title`);
 * a matrix or table region is a tab stop only while it scrolls, and follows resizes.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../../widgets/scenario-compare/define.js';
import type { NaScenarioCompare } from '../../widgets/scenario-compare/scenario-compare.js';
import { makeMap, until } from './helpers/map.js';

interface AxNode {
  role: string;
  name: string;
  description: string;
}

/** Chromium's accessibility tree of the page (see `na-ax-tree` in web-test-runner.config.mjs). */
function axTree(): Promise<AxNode[]> {
  return executeServerCommand<AxNode[], undefined>('na-ax-tree');
}

/** A comparer with the three demo scenarios on a map, for one test. */
async function mount(): Promise<{ el: NaScenarioCompare; done: () => void }> {
  const tm = makeMap({ center: [193650, 446080], width: 300, height: 240 });
  const el = document.createElement('na-scenario-compare');
  el.setAttribute('sources', '/demo/data/sources.json');
  el.setAttribute(
    'scenarios',
    ['huidig', 'grijs', 'groenblauw'].map((n) => `/demo/data/scenarios/${n}.geojson`).join(','),
  );
  el.map = tm.map;
  document.body.append(el);
  await el.whenComputed();
  await el.updateComplete;
  return {
    el,
    done: () => {
      el.remove();
      tm.dispose();
    },
  };
}

describe('<na-scenario-compare> names and tab stops (#18)', function () {
  this.timeout(240000);
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('names each indicator row header by its label, without its "Uitleg" control', async () => {
    const { el, done } = await mount();
    try {
      const nodes = await axTree();
      const headers = nodes.filter((n) => n.role === 'rowheader');
      const rows = el.shadowRoot!.querySelectorAll('[part="indicator-table"] tbody tr');
      expect(rows.length).to.be.above(10);
      const paved = headers.find((h) => h.name.startsWith('Verhard'));
      expect(paved, 'the row header of the paved share').to.not.equal(undefined);
      const withExplain = headers.filter((h) => /Uitleg/.test(h.name));
      expect(withExplain.map((h) => h.name)).to.deep.equal([]);
      // The explanation itself stays reachable: one disclosure per row.
      const summaries = nodes.filter((n) => /^Uitleg/.test(n.name));
      expect(summaries.length).to.be.at.least(rows.length);
    } finally {
      done();
    }
  });

  it('reads each matrix cell once: no description repeating the value', async () => {
    const { el, done } = await mount();
    try {
      const nodes = await axTree();
      const cells = nodes.filter(
        (n) => (n.role === 'cell' || n.role === 'gridcell') && /gehaald/.test(n.name),
      );
      const result = el.result!;
      expect(cells.length).to.equal(
        result.scenarios.length * result.futures.length * result.tests.length,
      );
      const twice = cells.filter((c) => c.description !== '');
      expect(twice.map((c) => `${c.name} | ${c.description}`)).to.deep.equal([]);
      // The tooltip for the mouse is still there, on the symbol.
      const symbol = el.shadowRoot!.querySelector('[part="matrix"] td [aria-hidden="true"]');
      expect(symbol?.getAttribute('title') ?? '').to.match(/norm/);
    } finally {
      done();
    }
  });

  it('measures a region once it is rendered: a contributions table when its details open', async () => {
    await setViewport({ width: 320, height: 640 });
    const { el, done } = await mount();
    try {
      const details = el.shadowRoot!.querySelector<HTMLDetailsElement>(
        '[part~="contrib-scenario"]',
      )!;
      const region = details.querySelector<HTMLElement>(
        '[part~="contributions-table"]',
      )!.parentElement!;
      expect(details.open).to.equal(false);
      // Closed, it is not rendered: not measured (that would force its layout), no tab stop.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      expect(region.hasAttribute('tabindex')).to.equal(false);
      // Opened where the user is (off-screen, the browser skips its layout until it is near the
      // view, content-visibility: auto).
      details.open = true;
      details.scrollIntoView();
      await until(
        () => region.scrollWidth > region.clientWidth + 1 && region.tabIndex === 0,
        'the opened table scrolls at 320 px and is a tab stop',
      );
    } finally {
      done();
    }
  });

  it('makes a matrix region a tab stop only while it scrolls, following resizes', async () => {
    await setViewport({ width: 1400, height: 900 });
    const { el, done } = await mount();
    try {
      el.style.display = 'block';
      const regions = () =>
        [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="matrix"]')].map(
          (t) => t.parentElement!,
        );
      expect(regions()).to.have.length(3);
      const scrolls = (r: HTMLElement) => r.scrollWidth > r.clientWidth + 1;
      await until(
        () => regions().every((r) => scrolls(r) === r.hasAttribute('tabindex')),
        'tab stops that match scrolling at 1400 px',
      );
      expect(regions().filter((r) => !scrolls(r)).length).to.be.above(0);
      expect(regions().filter((r) => r.hasAttribute('tabindex'))).to.have.length(
        regions().filter(scrolls).length,
      );
      await setViewport({ width: 320, height: 640 });
      await until(() => regions().every(scrolls), 'the matrices scroll at 320 px');
      await until(
        () => regions().every((r) => r.tabIndex === 0),
        'every scrolling region is a tab stop',
      );
      await setViewport({ width: 1400, height: 900 });
      await until(
        () => regions().every((r) => scrolls(r) === r.hasAttribute('tabindex')),
        'no tab stop again once they fit',
      );
      expect(regions().some((r) => !r.hasAttribute('tabindex'))).to.equal(true);
    } finally {
      done();
    }
  });
});
