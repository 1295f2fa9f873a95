/**
 * The "Waarom hier?" disclosures of the report (issue #18, WCAG 2.4.6 and 1.4.1): each has its
 * own accessible name (the principle it explains), an open/closed cue that is not colour (a
 * chevron that turns), and an underline. Real Chromium, a real report of the demo data.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/location-check/define.js';
import type { NaLocationCheck } from '../../widgets/location-check/location-check.js';
import { makeMap, until } from './helpers/map.js';

describe('<na-location-check> "Waarom hier?"', () => {
  it('has a unique name per principle and an open/closed cue', async () => {
    const tm = makeMap({ center: [192000, 445000] });
    const el = document.createElement('na-location-check') as NaLocationCheck;
    el.setAttribute('sources', '/demo/data/sources.json');
    el.map = tm.map;
    document.body.append(el);
    try {
      const res = await fetch('/demo/data/locations.json');
      const { locations } = (await res.json()) as {
        locations: Array<{ id: string; x: number; y: number }>;
      };
      const ridge = locations.find((l) => l.id === 'dekzandrug');
      if (!ridge) throw new Error('no dekzandrug in locations.json');
      await until(() => el.shadowRoot?.querySelector('[part~="keyboard-toggle"]') != null, 'ready');
      await el.check({ x: ridge.x, y: ridge.y, crs: 'EPSG:28992' });
      await until(() => el.state === 'report', 'the report', 8000);
      await el.updateComplete;
      const summaries = [
        ...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part~="why"] > summary') ?? []),
      ];
      expect(summaries.length).to.be.above(2);
      const names = summaries.map((s) => (s.textContent ?? '').replace(/\s+/g, ' ').trim());
      for (const n of names) expect(n).to.match(/^Waarom hier\? \S/);
      expect(new Set(names).size).to.equal(names.length);

      const summary = summaries[0] as HTMLElement;
      const closed = getComputedStyle(summary, '::before');
      expect(closed.content).to.not.equal('none');
      expect(parseFloat(closed.borderRightWidth)).to.be.at.least(2);
      const closedTransform = closed.transform;
      expect(getComputedStyle(summary).textDecorationLine).to.contain('underline');
      summary.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => (summary.parentElement as HTMLDetailsElement).open, 'the disclosure open');
      await until(
        () => getComputedStyle(summary, '::before').transform !== closedTransform,
        'the chevron to turn',
      );
    } finally {
      el.remove();
      tm.dispose();
    }
  });
});
