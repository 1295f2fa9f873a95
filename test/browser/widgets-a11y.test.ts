/**
 * Smaller accessibility findings of issue #18 in the widgets: the keyboard-mode toggle keeps a
 * pressed state in forced colours, and the legend's opacity is announced once (by the slider).
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../widgets/location-check/define.js';
import type { NaLocationCheck } from '../../widgets/location-check/location-check.js';
import '../../widgets/zonering-layer/define.js';
import '../../widgets/zonering-legend/define.js';
import { makeMap, until } from './helpers/map.js';
import { channelDistance, paintedPixels, pixel } from './helpers/pixels.js';
import { demoSource } from './zonering-helpers.js';

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The painted colour in the middle of the left padding of a button (its background). */
async function buttonBackground(button: HTMLElement): Promise<[number, number, number]> {
  const r = button.getBoundingClientRect();
  const data = await paintedPixels(r);
  return pixel(data, 5, Math.floor(data.height / 2));
}

describe('keyboard-mode toggle in forced colours', () => {
  it('shows whether it is pressed (background differs from the unpressed state)', async () => {
    const tm = makeMap({ center: [192000, 445000] });
    const el = document.createElement('na-location-check') as NaLocationCheck;
    el.setAttribute('sources', '/demo/data/sources.json');
    el.map = tm.map;
    document.body.append(el);
    cleanups.push(() => {
      el.remove();
      tm.dispose();
    });
    const toggle = (): HTMLElement | null | undefined =>
      el.shadowRoot?.querySelector<HTMLElement>('[part~="keyboard-toggle"]');
    await until(() => toggle() != null, 'the toggle');
    await executeServerCommand('na-emulate-media', { colorScheme: '', forcedColors: 'active' });
    cleanups.push(async () => {
      await executeServerCommand('na-emulate-media', { colorScheme: '', forcedColors: '' });
    });
    const button = toggle() as HTMLElement;
    const off = await buttonBackground(button);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    // Move focus away so the focus ring is not what differs.
    (el.shadowRoot?.querySelector('[part~="keyboard-pad"]') as HTMLElement | null)?.blur();
    const on = await buttonBackground(button);
    expect(channelDistance(on, off)).to.be.above(80);
  });
});

describe('legend opacity', () => {
  it('is announced once: by the slider, not by a second live region', async () => {
    const tm = makeMap({ center: [192000, 445000] });
    const layer = document.createElement('na-zonering-layer');
    layer.source = await demoSource();
    layer.map = tm.map;
    const legend = document.createElement('na-zonering-legend');
    legend.layer = layer;
    document.body.append(layer, legend);
    cleanups.push(() => {
      legend.remove();
      layer.remove();
      tm.dispose();
    });
    await layer.whenLoaded();
    await until(() => legend.state === 'ready', 'the legend');
    const root = legend.shadowRoot as ShadowRoot;
    const slider = root.querySelector<HTMLInputElement>('input[part~="opacity"]');
    slider?.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await legend.updateComplete;
    expect(slider?.getAttribute('aria-valuetext')).to.equal('65%');
    // Visible value, hidden from assistive technology; no live region repeats it.
    const value = root.querySelector('[part~="opacity-value"]');
    expect(value?.textContent?.trim()).to.equal('65%');
    expect(value?.closest('[aria-hidden="true"]')).to.not.equal(null);
    expect(root.querySelectorAll('output, [role="status"], [aria-live]').length).to.equal(0);
  });
});
