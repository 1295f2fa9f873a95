/**
 * Registering an element twice never throws: a second import of a define module, a second call of
 * its `define…()` function and a SECOND COPY of the library on the same page (the self-contained
 * script-tag bundle, with its own Lit and its own classes) all leave the first registration in
 * place; only another copy's attempt warns.
 */
import { expect } from '@open-wc/testing';
import {
  defineElement,
  defineAddressSearch,
  defineKansenkaartLayer,
  defineKansenkaartLegend,
  defineLocationCheck,
  defineScenarioCompare,
  defineZoneringLayer,
  defineZoneringLegend,
  NaAddressSearch,
  NaKansenkaartLayer,
  NaKansenkaartLegend,
  NaLocationCheck,
  NaScenarioCompare,
  NaZoneringLayer,
  NaZoneringLegend,
} from '../../widgets/index.js';

const ELEMENTS = [
  { tag: 'na-location-check', cls: NaLocationCheck, define: defineLocationCheck },
  { tag: 'na-zonering-layer', cls: NaZoneringLayer, define: defineZoneringLayer },
  { tag: 'na-zonering-legend', cls: NaZoneringLegend, define: defineZoneringLegend },
  { tag: 'na-address-search', cls: NaAddressSearch, define: defineAddressSearch },
  { tag: 'na-scenario-compare', cls: NaScenarioCompare, define: defineScenarioCompare },
  { tag: 'na-kansenkaart-layer', cls: NaKansenkaartLayer, define: defineKansenkaartLayer },
  { tag: 'na-kansenkaart-legend', cls: NaKansenkaartLegend, define: defineKansenkaartLegend },
] as const;

/**
 * The elements of the script-tag bundles (widgets/bundle.ts): all of them, the kansenkaart
 * elements on demand (`loadKansenkaart()`, or when one appears in the page).
 */
const BUNDLED = ELEMENTS;

describe('registration', () => {
  let warnings: string[] = [];
  const originalWarn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  it('registers every element once on import', () => {
    for (const { tag, cls } of ELEMENTS) expect(customElements.get(tag), tag).to.equal(cls);
  });

  it('define…() again: no exception, no warning, same class', () => {
    for (const { tag, cls, define } of ELEMENTS) {
      expect(() => define()).to.not.throw();
      expect(define()).to.equal(false);
      expect(customElements.get(tag)).to.equal(cls);
    }
    expect(warnings).to.deep.equal([]);
  });

  it('importing a define module a second time (another module instance) does not throw', async () => {
    // A query string makes the browser evaluate the module again, as a second bundle would.
    // @ts-expect-error TypeScript cannot resolve a module specifier with a query string.
    const again = (await import('../../widgets/location-check/define.js?second-import')) as {
      LOCATION_CHECK_TAG: string;
    };
    expect(again.LOCATION_CHECK_TAG).to.equal('na-location-check');
    expect(customElements.get('na-location-check')).to.equal(NaLocationCheck);
  });

  it('another class for a taken tag (a second copy) warns and keeps the first', () => {
    class OtherCopy extends HTMLElement {}
    for (const { tag, cls } of ELEMENTS) {
      let result: boolean | undefined;
      expect(() => {
        result = defineElement(tag, OtherCopy);
      }).to.not.throw();
      expect(result).to.equal(false);
      expect(customElements.get(tag)).to.equal(cls);
    }
    expect(warnings).to.have.length(ELEMENTS.length);
    for (const { tag } of ELEMENTS) {
      expect(
        warnings.some((w) => w.includes(`<${tag}>`) && /another copy/.test(w)),
        tag,
      ).to.equal(true);
    }
  });

  it('a second copy of the whole library (the standalone script-tag bundle) loads without error', async () => {
    const url = '/dist/bundle/natuurlijke-alliantie.standalone.js';
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.ok, `${url} is missing: run npm run build:bundle first`).to.equal(true);
    const errors: string[] = [];
    const onError = (e: ErrorEvent): void => {
      errors.push(e.message);
    };
    window.addEventListener('error', onError);
    try {
      const copy = (await import(/* @vite-ignore */ url)) as {
        NaLocationCheck: unknown;
        loadKansenkaart: () => Promise<void>;
      };
      // Its own classes: a real second copy, not the modules of this page.
      expect(copy.NaLocationCheck).to.not.equal(NaLocationCheck);
      // The kansenkaart elements' chunk (chunks/ beside the bundle) loads on demand.
      await copy.loadKansenkaart();
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    for (const { tag, cls } of BUNDLED) {
      expect(customElements.get(tag), tag).to.equal(cls);
      expect(
        warnings.some((w) => w.includes(`<${tag}>`)),
        `warning for ${tag}`,
      ).to.equal(true);
    }
    // The elements of the first copy still work.
    const el = document.createElement('na-zonering-legend');
    document.body.append(el);
    await (el as NaZoneringLegend).updateComplete;
    expect(el.shadowRoot?.textContent ?? '').to.match(/zoneringlaag/);
    el.remove();
  });
});
