/**
 * Focus is never lost to <body> (WCAG 2.4.3, issue #18): dismissing an error or removing a
 * scenario with the keyboard moves focus to the next such control, else to the file input.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/scenario-compare/define.js';
import type { NaScenarioCompare } from '../../widgets/scenario-compare/scenario-compare.js';
import { until } from './helpers/map.js';
import { squaresScenario } from './helpers/scenarios.js';

/** A small valid scenario (RD, one grass square on the demo's dekzandrug). */
function scenario(name: string, dx: number): Record<string, unknown> {
  return squaresScenario(name, ['gras'], [195100 + dx, 445470]);
}

const BAD = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { type: 'zwembad' }, geometry: null }],
});

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/** Each test builds its own element. */
async function mount(): Promise<NaScenarioCompare> {
  const el = document.createElement('na-scenario-compare');
  document.body.append(el);
  cleanups.push(() => el.remove());
  await el.updateComplete;
  return el;
}

function parts(el: NaScenarioCompare, name: string): HTMLElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])];
}
const active = (el: NaScenarioCompare): Element | null | undefined => el.shadowRoot?.activeElement;

async function loadFiles(el: NaScenarioCompare, files: File[]): Promise<void> {
  const input = parts(el, 'file-input')[0] as HTMLInputElement;
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<na-scenario-compare> focus after removing', () => {
  it('dismissing the errors one by one keeps focus in the widget, last on the file input', async () => {
    const el = await mount();
    await loadFiles(el, [new File([BAD], 'fout-1.geojson'), new File([BAD], 'fout-2.geojson')]);
    await until(() => parts(el, 'dismiss').length === 2, 'two errors');
    parts(el, 'dismiss')[0]?.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => parts(el, 'dismiss').length === 1, 'one error left');
    await el.updateComplete;
    expect(active(el)).to.equal(parts(el, 'dismiss')[0]);
    await sendKeys({ press: 'Enter' });
    await until(() => parts(el, 'dismiss').length === 0, 'no error left');
    await el.updateComplete;
    expect(document.activeElement).to.equal(el);
    expect(active(el)).to.equal(parts(el, 'file-input')[0]);
  });

  it('removing the scenarios one by one keeps focus in the widget, last on the file input', async () => {
    const el = await mount();
    void el.addScenario(scenario('A', 0), 'a.geojson');
    void el.addScenario(scenario('B', 60), 'b.geojson');
    await until(() => parts(el, 'remove').length === 2, 'two scenarios');
    parts(el, 'remove')[1]?.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => parts(el, 'remove').length === 1, 'one scenario left');
    await el.updateComplete;
    // The removed one was last: focus goes to the previous scenario's button.
    expect(active(el)).to.equal(parts(el, 'remove')[0]);
    await sendKeys({ press: 'Enter' });
    await until(() => parts(el, 'remove').length === 0, 'no scenario left');
    await el.updateComplete;
    expect(document.activeElement).to.equal(el);
    expect(active(el)).to.equal(parts(el, 'file-input')[0]);
  });
});
