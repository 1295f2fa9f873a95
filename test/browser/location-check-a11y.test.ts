/**
 * <na-location-check>: every state (empty, loading, report, no-data, partial, error) renders the
 * right message and has no axe-core WCAG 2.1 A/AA violations.
 */
import { expect } from '@open-wc/testing';
import axe from 'axe-core';
import '../../widgets/location-check/define.js';
import type { NaLocationCheck } from '../../widgets/location-check/location-check.js';
import type { FactSource, Location, SourceResult } from '../../src/core/types.js';
import { demoSources } from './helpers/demo.js';
import { makeMap, realClick, until, type TestMap } from './helpers/map.js';

let DEKZANDRUG: Location = { x: 0, y: 0, crs: 'EPSG:28992' };
let OUTSIDE: Location = { x: 0, y: 0, crs: 'EPSG:28992' };

before(async () => {
  const res = await fetch('/demo/data/locations.json');
  const { locations } = (await res.json()) as {
    locations: Array<{ id: string; x: number; y: number }>;
  };
  const at = (id: string): Location => {
    const l = locations.find((ll) => ll.id === id);
    if (!l) throw new Error(`Demo location ${id} missing`);
    return { x: l.x, y: l.y, crs: 'EPSG:28992' };
  };
  DEKZANDRUG = at('dekzandrug');
  OUTSIDE = at('buiten');
});

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

async function noViolations(el: Element, state: string): Promise<void> {
  const result = await axe.run(el, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
  const text = result.violations
    .map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
  expect(result.violations, `${state}:\n${text}`).to.deep.equal([]);
}

function part(el: NaLocationCheck, name: string): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

async function mount(options: {
  sources?: FactSource[];
  sourcesUrl?: string;
  map?: boolean;
}): Promise<{
  el: NaLocationCheck;
  tm?: TestMap;
}> {
  const el = document.createElement('na-location-check');
  let tm: TestMap | undefined;
  if (options.map !== false) {
    tm = makeMap({ center: [192000, 445000] });
    tm.map.getView().setResolution(30);
    tm.map.renderSync();
    el.map = tm.map;
  }
  if (options.sources) el.sources = options.sources;
  if (options.sourcesUrl) el.setAttribute('sources', options.sourcesUrl);
  document.body.append(el);
  cleanups.push(() => {
    el.remove();
    tm?.dispose();
  });
  await el.updateComplete;
  return { el, ...(tm ? { tm } : {}) };
}

const failing: FactSource = {
  id: 'kapot',
  title: 'Kapotte bron',
  provides: ['gt'],
  query: () => Promise.reject(new Error('HTTP 503 Service Unavailable')),
};

const hanging: FactSource = {
  id: 'hangt',
  title: 'Bron die niet antwoordt',
  provides: ['zone'],
  query: (_l, options) =>
    new Promise<SourceResult>((_resolve, reject) => {
      options?.signal?.addEventListener('abort', () => reject(options.signal?.reason));
    }),
};

describe('<na-location-check> states and accessibility', () => {
  it('empty: without a map, without sources, and ready for a click', async () => {
    const a = await mount({ map: false });
    expect(a.el.state).to.equal('empty');
    expect(part(a.el, 'message')?.textContent).to.contain('geen kaart');
    await noViolations(a.el, 'empty (no map)');

    const b = await mount({});
    expect(part(b.el, 'message')?.textContent).to.contain('geen gegevensbronnen');
    await noViolations(b.el, 'empty (no sources)');

    const c = await mount({ sourcesUrl: '/demo/data/sources.json' });
    await until(
      () => part(c.el, 'message')?.textContent?.includes('Klik op de kaart') === true,
      'intro',
    );
    await noViolations(c.el, 'empty (ready)');
  });

  it('loading: aria-busy and a spinner with text', async () => {
    const { el, tm } = await mount({ sources: [hanging] });
    realClick(tm!.map, DEKZANDRUG);
    await until(() => el.state === 'loading', 'loading');
    await el.updateComplete;
    expect(part(el, 'panel')?.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'spinner')).to.not.equal(null);
    expect(part(el, 'loading')?.textContent).to.contain('Gegevens ophalen');
    await noViolations(el, 'loading');
  });

  it('report: no violations, with the keyboard mode open and every "Waarom hier?" open', async () => {
    const { el, tm } = await mount({ sourcesUrl: '/demo/data/sources.json' });
    await until(
      () => el.shadowRoot?.querySelector('[part~="keyboard-toggle"]') !== null,
      'toolbar',
    );
    realClick(tm!.map, DEKZANDRUG);
    await until(() => el.state === 'report', 'report', 8000);
    await el.updateComplete;
    await noViolations(el, 'report');
    for (const d of el.shadowRoot?.querySelectorAll('details') ?? []) d.open = true;
    el.setKeyboardMode(true);
    await el.updateComplete;
    await noViolations(el, 'report (details open, keyboard mode)');
  });

  it('no-data: a clear Dutch message outside the data', async () => {
    const { el } = await mount({ sourcesUrl: '/demo/data/sources.json' });
    await until(
      () => part(el, 'message')?.textContent?.includes('Klik op de kaart') === true,
      'sources',
    );
    await el.check(OUTSIDE);
    await el.updateComplete;
    expect(el.state).to.equal('no-data');
    expect(part(el, 'message')?.textContent).to.contain('Deze plek ligt buiten het gebied');
    await noViolations(el, 'no-data');
  });

  it('no-data: a source inside its area without a value explains why', async () => {
    const builtUp: FactSource = {
      id: 'bodem',
      title: 'Bodemkaart',
      provides: ['soilCode'],
      query: async () => ({
        sourceId: 'bodem',
        title: 'Bodemkaart',
        status: 'no-data',
        reason: 'built-up-not-mapped',
        facts: [
          {
            name: 'soilCode',
            status: 'no-data',
            reason: 'built-up-not-mapped',
            provenance: { sourceId: 'bodem', title: 'Bodemkaart' },
          },
        ],
      }),
    };
    const { el } = await mount({ sources: [builtUp] });
    await el.check(DEKZANDRUG);
    await el.updateComplete;
    expect(el.state).to.equal('no-data');
    const text = part(el, 'message')?.textContent ?? '';
    expect(text).to.contain('geen gegevens over het landschap');
    expect(text.length).to.be.greaterThan(60);
    await noViolations(el, 'no-data (built-up)');
  });

  it('partial: a warning names the failed source and why; the rest is shown', async () => {
    const { el } = await mount({ sources: [...(await demoSources()), failing] });
    await el.check(DEKZANDRUG);
    await el.updateComplete;
    expect(el.state).to.equal('partial');
    const warning = part(el, 'warning')?.textContent ?? '';
    expect(warning).to.contain('Niet alle bronnen');
    expect(warning).to.contain('Kapotte bron: De bron gaf een fout');
    // The source's own English message (a plain Error, no user message) only as technical detail.
    expect(warning).not.to.contain('HTTP 503');
    const detail = el.shadowRoot?.querySelector('[data-source="kapot"] [part~="technical-detail"]');
    expect(detail?.getAttribute('lang')).to.equal('en');
    expect(detail?.textContent).to.contain('HTTP 503');
    expect(
      el.shadowRoot?.querySelector('[data-source="kapot"] [part~="chip"]')?.textContent?.trim(),
    ).to.equal('fout');
    expect(el.shadowRoot?.querySelector('[data-zone]')).to.not.equal(null);
    expect(part(el, 'status')?.textContent).to.contain('Niet alle bronnen gaven antwoord.');
    await noViolations(el, 'partial');
  });

  it('error: every source failed', async () => {
    const { el } = await mount({ sources: [failing] });
    await el.check(DEKZANDRUG);
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(part(el, 'message')?.textContent).to.contain('Het lukte niet');
    expect(part(el, 'status')?.textContent?.trim()).to.equal('Controle mislukt.');
    await noViolations(el, 'error');
  });

  it('error: the sources file cannot be loaded', async () => {
    const { el } = await mount({ sourcesUrl: '/demo/data/does-not-exist.json' });
    await until(() => el.state === 'error', 'config error');
    await el.updateComplete;
    expect(part(el, 'message')?.textContent).to.contain(
      'De lijst met bronnen kon niet worden geladen.',
    );
    await noViolations(el, 'error (config)');
  });
});
