/**
 * <na-location-check> for residents (issue #15) in Chromium, on the demo data: the summary first,
 * `audience="bewoner"` (default) with the plot scale first and the city's principles folded, and
 * `audience="professional"` with the full report; source lines a reader can find; the
 * municipality's links as safe links, their text rendered as text.
 */
import { expect } from '@open-wc/testing';
import '../../widgets/location-check/define.js';
import type { NaLocationCheck } from '../../widgets/location-check/location-check.js';
import { defaultKnowledgeBase, extendKnowledgeBase } from '../../src/core/kb/load.js';
import type { KnowledgeBase } from '../../src/core/kb/types.js';
import { makeMap } from './helpers/map.js';

const DEKZANDRUG = { x: 195138, y: 445488, crs: 'EPSG:28992' as const };
const INTERNAL = /BRIEF|§|SERVICES\.md|\.md\b|[Ss]ynthesis|Description, typical position/;

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

async function mount(
  attrs: Record<string, string> = {},
  kb?: KnowledgeBase,
): Promise<NaLocationCheck> {
  const tm = makeMap({ center: [192000, 445000], width: 400, height: 300 });
  tm.map.getView().setResolution(30);
  tm.map.renderSync();
  const el = document.createElement('na-location-check');
  el.setAttribute('no-search', '');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.setAttribute('sources', '/demo/data/sources.json');
  if (kb) el.knowledgeBase = kb;
  el.map = tm.map;
  document.body.append(el);
  cleanups.push(() => {
    el.remove();
    tm.dispose();
  });
  await el.updateComplete;
  // The sources file loads first; the check runs once it is there.
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no na-report-ready')), 15000);
    el.addEventListener(
      'na-report-ready',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
  void el.check(DEKZANDRUG);
  await ready;
  await el.updateComplete;
  return el;
}

function all(el: NaLocationCheck, selector: string): HTMLElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])];
}
function one(el: NaLocationCheck, selector: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}
/** Whether a comes before b in document order. */
function before(a: Element, b: Element): boolean {
  return Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
}

describe('na-location-check for residents', () => {
  it('bewoner (default): summary first, plot scale first, the city folded, missing in one line', async () => {
    const el = await mount();
    expect(el.audience).to.equal('bewoner');
    const summary = one(el, '[part~="summary"]');
    const lines = all(el, '[part~="summary-line"]');
    expect(lines.length).to.be.within(3, 5);
    expect(one(el, '#summary-heading').textContent).to.equal('In het kort');
    expect(lines[0]?.textContent).to.contain('Regenwater kan hier de grond in.');
    // Each line: the reason on demand, with its certainty.
    const why = one(el, '[part~="summary-why"]') as HTMLDetailsElement;
    expect(why.open).to.equal(false);
    expect(why.textContent).to.match(/Zekerheid: (zeker|redelijk zeker|onzeker)/);
    const scales = all(el, '[part~="scale"]').map((s) => s.dataset.scale);
    expect(scales[0]).to.equal('perceel/tuin');
    expect(before(summary, one(el, '[part~="principles"]'))).to.equal(true);
    expect(before(one(el, '[part~="principles"]'), one(el, '[part~="landscape"]'))).to.equal(true);
    const city = one(el, '[part~="municipality"]') as HTMLDetailsElement;
    expect(city.open).to.equal(false);
    expect(city.querySelector('summary')?.textContent).to.contain('Wat de gemeente hier doet');
    expect(city.querySelector('[data-scale="regio/stad"]')).to.not.equal(null);
    const missing = el.shadowRoot?.querySelector('[part~="missing-line"]');
    if (missing) expect(missing.textContent).to.match(/Voor \d+ adviezen ontbreken gegevens: /);
  });

  it('professional: the full report, scale by scale, nothing folded', async () => {
    const el = await mount({ audience: 'professional' });
    expect(all(el, '[part~="summary-line"]').length).to.be.within(3, 5);
    expect(all(el, '[part~="municipality"]')).to.have.length(0);
    const scales = all(el, '[part~="scale"]').map((s) => s.dataset.scale);
    expect(scales[0]).to.equal('regio/stad');
    expect(scales[scales.length - 1]).to.equal('perceel/tuin');
    expect(all(el, '[part~="missing-line"]')).to.have.length(0);
    expect(before(one(el, '[part~="landscape"]'), one(el, '[part~="principles"]'))).to.equal(true);
  });

  it('shows sources a reader can find, never an internal document', async () => {
    for (const audience of ['bewoner', 'professional']) {
      const el = await mount({ audience });
      const sources = all(el, '[part~="principle-source"]');
      expect(sources.length).to.be.greaterThan(10);
      for (const s of sources) expect(s.textContent ?? '').to.not.match(INTERNAL);
      for (const a of all(el, '[part~="principle-source"] a')) {
        expect(a.getAttribute('href')).to.match(/^https:\/\//);
        expect(a.getAttribute('rel')).to.contain('noopener');
      }
    }
  });

  it("renders the municipality's links next to the plot advice, as safe links", async () => {
    const kb = extendKnowledgeBase(defaultKnowledgeBase(), {
      links: [
        {
          id: 'subsidie-regenton',
          principles: ['perceel-regenton'],
          url: 'https://example.org/subsidie?x=1&y=2',
          label: { nl: 'Subsidie <img src=x onerror=alert(1)>', en: 'Grant' },
        },
      ],
    });
    const el = await mount({}, kb);
    const item = one(el, '[data-principle="perceel-regenton"]');
    const link = item.querySelector<HTMLAnchorElement>('[part~="links"] a');
    expect(link?.getAttribute('href')).to.equal('https://example.org/subsidie?x=1&y=2');
    expect(link?.textContent?.trim()).to.equal('Subsidie <img src=x onerror=alert(1)>');
    expect(item.querySelector('img')).to.equal(null);
    expect(link?.getAttribute('rel')).to.contain('noopener');
    // Other plot advice has no link.
    expect(
      one(el, '[data-principle="perceel-tegels-eruit"]').querySelector('[part~="links"]'),
    ).to.equal(null);
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount({ lang: 'en' });
    expect(one(el, '#summary-heading').textContent).to.equal('In short');
    expect(all(el, '[part~="summary-line"]')[0]?.textContent).to.contain(
      'Rainwater can soak into the ground here.',
    );
    const city = one(el, '[part~="municipality"] summary');
    expect(city.textContent).to.contain('What the municipality does here');
  });
});
