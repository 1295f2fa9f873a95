/**
 * No element schedules an update from inside `updated()` (Lit's `change-in-update` warning: an
 * extra render per change). This file runs in the `lit-dev` group of web-test-runner.config.mjs,
 * which loads Lit's development build, so Lit itself checks every update and warns through
 * `console.warn`; the test fails on any such warning. Real elements, a real map, the
 * Locatieserver stand-in and the demo data.
 */
import { expect } from '@open-wc/testing';
import '../../../widgets/index.js';
import { makeMap, until, type TestMap } from '../helpers/map.js';

const warnings: string[] = [];
const originalWarn = console.warn;
before(() => {
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
    originalWarn.apply(console, args);
  };
});
after(() => {
  console.warn = originalWarn;
});

// Lit warns once per message and page; forget the issued ones so each test sees its own.
beforeEach(() => {
  warnings.length = 0;
  (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings?.clear();
});

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function changeInUpdate(): string[] {
  return warnings.filter((w) => w.includes('change-in-update'));
}

function mapFor(): TestMap {
  const tm = makeMap({ center: [192000, 445000] });
  tm.map.getView().setResolution(30);
  cleanups.push(() => tm.dispose());
  return tm;
}

function add<E extends HTMLElement>(el: E): E {
  document.body.append(el);
  cleanups.push(() => el.remove());
  return el;
}

describe('Lit dev mode: no update scheduled inside updated()', () => {
  it('runs the elements on the development build of Lit', () => {
    const ctor = customElements.get('na-location-check') as unknown as {
      enabledWarnings?: unknown;
    };
    expect(ctor.enabledWarnings, 'Lit development build').to.be.an('array');
    expect(ctor.enabledWarnings).to.include('change-in-update');
  });

  it('<na-scenario-compare>: setting and changing the scenarios attribute', async () => {
    const el = document.createElement('na-scenario-compare');
    el.setAttribute('scenarios', '/demo/data/scenarios/huidig.geojson');
    el.map = mapFor().map;
    add(el);
    await until(() => el.loaded.length === 1, 'the first scenario');
    el.setAttribute(
      'scenarios',
      '/demo/data/scenarios/huidig.geojson, /demo/data/scenarios/groenblauw.geojson',
    );
    await until(() => el.loaded.length === 2, 'the second scenario');
    el.setAttribute('scenarios', '/demo/data/scenarios/groenblauw.geojson');
    await until(() => el.loaded.length === 1, 'one scenario again');
    await el.updateComplete;
    expect(changeInUpdate()).to.deep.equal([]);
  });

  it('<na-location-check>: a permalink switched on after connecting is read and checked', async () => {
    history.replaceState(null, '', `${location.pathname}?na-check=192363,444388,EPSG:28992`);
    cleanups.push(() => history.replaceState(null, '', location.pathname));
    const el = document.createElement('na-location-check');
    el.setAttribute('sources', '/demo/data/sources.json');
    el.map = mapFor().map;
    add(el);
    await el.updateComplete;
    const ready = new Promise((resolve) =>
      el.addEventListener('na-report-ready', resolve, { once: true }),
    );
    el.setAttribute('permalink', '');
    await ready;
    await el.updateComplete;
    expect(el.state).to.equal('report');
    expect(changeInUpdate()).to.deep.equal([]);
  });

  it('<na-address-search>: reverse geocoding switched on and off', async () => {
    const el = document.createElement('na-address-search');
    el.setAttribute('base-url', '/locatieserver/');
    el.setAttribute('reverse', '');
    el.map = mapFor().map;
    add(el);
    await el.updateComplete;
    el.removeAttribute('reverse');
    await el.updateComplete;
    el.setAttribute('reverse', '');
    await el.updateComplete;
    expect(changeInUpdate()).to.deep.equal([]);
  });

  it('the zonering layer and legend, kansenkaart layer and legend on a map', async () => {
    const tm = mapFor();
    for (const tag of [
      'na-zonering-layer',
      'na-zonering-legend',
      'na-kansenkaart-layer',
      'na-kansenkaart-legend',
    ] as const) {
      const el = document.createElement(tag) as HTMLElement & {
        map?: unknown;
        updateComplete: Promise<boolean>;
      };
      el.map = tm.map;
      add(el);
      await el.updateComplete;
      el.setAttribute('lang', 'en');
      await el.updateComplete;
    }
    expect(changeInUpdate()).to.deep.equal([]);
  });
});
