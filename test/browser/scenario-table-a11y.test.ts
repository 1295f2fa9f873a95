/**
 * Table headers of the scenario comparer break between words, never inside one (issue #18: at
 * 320 px "2050-Ld" broke as "205|0-Ld" and "Nu" as "N|u" under `overflow-wrap: anywhere`). Every
 * word of every header cell is measured as laid out (Range client rects) in real Chromium.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../widgets/scenario-compare/define.js';
import type { NaScenarioCompare } from '../../widgets/scenario-compare/scenario-compare.js';
import { makeMap } from './helpers/map.js';

/**
 * Words of the label text under `cell` (not inside a `<details>` explanation) that are laid out on
 * more than one line.
 */
function brokenWords(cell: Element): string[] {
  const broken: string[] = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    // The header's label, not an explanation folded into it (a long identifier may wrap there).
    if (node.parentElement?.closest('details') != null) continue;
    const text = node.textContent ?? '';
    // Words, split at white space and after hyphens (both are allowed break points).
    for (const m of text.matchAll(/[^\s-]+-?/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}

describe('<na-scenario-compare> table headers at 320 px', function () {
  this.timeout(240000);
  it('break only between words', async () => {
    await setViewport({ width: 320, height: 640 });
    const tm = makeMap({ center: [193650, 446080], width: 300, height: 240 });
    tm.map.getView().setResolution(2);
    const el = document.createElement('na-scenario-compare') as NaScenarioCompare;
    el.setAttribute('sources', '/demo/data/sources.json');
    el.setAttribute(
      'scenarios',
      ['huidig', 'grijs', 'groenblauw'].map((n) => `/demo/data/scenarios/${n}.geojson`).join(','),
    );
    el.map = tm.map;
    document.body.append(el);
    try {
      await el.whenComputed();
      await el.updateComplete;
      const headers = [...(el.shadowRoot?.querySelectorAll('th') ?? [])];
      expect(headers.length).to.be.above(5);
      const broken = headers.flatMap((th) => brokenWords(th));
      expect(broken).to.deep.equal([]);
    } finally {
      el.remove();
      tm.dispose();
      await setViewport({ width: 800, height: 600 });
    }
  });
});
