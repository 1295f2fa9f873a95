/**
 * `defineOnDemand` (the script-tag bundle's kansenkaart elements, widgets/bundle.ts): the code
 * loads once, when the first of its tags appears in the document (also nested in an added
 * subtree), the element is upgraded with the properties set before, and the returned function
 * loads at once.
 */
import { expect } from '@open-wc/testing';
import { defineOnDemand } from '../../widgets/shared/define-on-demand.js';
import { until } from './helpers/map.js';

describe('defineOnDemand', () => {
  it('loads when a tag first appears in the page, once, and upgrades the element', async () => {
    let loads = 0;
    class Lazy extends HTMLElement {
      value?: unknown;
    }
    const load = defineOnDemand(['na-test-lazy-a', 'na-test-lazy-b'], () => {
      loads++;
      customElements.define('na-test-lazy-a', Lazy);
      return Promise.resolve();
    });
    // Another element appears first: once an observer registered after defineOnDemand's own has
    // seen it, defineOnDemand's observer has seen it too (observers are notified in the order they
    // were made), and nothing may have loaded.
    const other = document.createElement('div');
    await new Promise<void>((seen) => {
      const witness = new MutationObserver(() => {
        witness.disconnect();
        seen();
      });
      witness.observe(document.body, { childList: true, subtree: true });
      document.body.append(other);
    });
    other.remove();
    expect(loads).to.equal(0);
    const host = document.createElement('div');
    const el = document.createElement('na-test-lazy-a') as Lazy;
    el.value = 42;
    host.append(el);
    document.body.append(host);
    await until(() => loads === 1, 'the load');
    await customElements.whenDefined('na-test-lazy-a');
    expect(el).to.be.instanceOf(Lazy);
    expect(el.value).to.equal(42);
    document.body.append(document.createElement('na-test-lazy-b'));
    await load();
    expect(loads).to.equal(1);
    host.remove();
  });

  it('loads at once when called, and again after a failed load', async () => {
    let loads = 0;
    const load = defineOnDemand(['na-test-lazy-c'], () => {
      loads++;
      return loads === 1 ? Promise.reject(new Error('chunk missing')) : Promise.resolve();
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      let failed = false;
      await load().catch(() => (failed = true));
      expect(failed).to.equal(true);
      expect(errors.length).to.equal(1);
      await load();
      expect(loads).to.equal(2);
    } finally {
      console.error = original;
    }
  });
});
