/**
 * Reflow at 320 CSS px (WCAG 1.4.10), also with the text spacing of WCAG 1.4.12 (issue #18): the
 * scenario comparer's file input made the page wider than the window. Real Chromium viewport.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../widgets/scenario-compare/define.js';
import { until } from './helpers/map.js';

const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) c();
  await setViewport({ width: 800, height: 600 });
});

describe('reflow at 320 px', () => {
  for (const spacing of [false, true]) {
    it(`the scenario comparer fits 320 px${spacing ? ' with WCAG text spacing' : ''}`, async () => {
      await setViewport({ width: 320, height: 640 });
      const style = document.createElement('style');
      style.textContent = `body { margin: 0; }${
        spacing
          ? ' body { line-height: 1.5; letter-spacing: 0.12em; word-spacing: 0.16em; } p { margin-bottom: 2em; }'
          : ''
      }`;
      document.head.append(style);
      // As on the demo's scenarios page: the page pads its content by 1rem on each side.
      const page = document.createElement('main');
      page.style.padding = '0 1rem 1rem';
      const el = document.createElement('na-scenario-compare');
      page.append(el);
      document.body.append(page);
      cleanups.push(() => {
        page.remove();
        style.remove();
      });
      await el.updateComplete;
      const input = () => el.shadowRoot?.querySelector<HTMLElement>('[part~="file-input"]');
      await until(() => input() != null, 'the file input');
      expect(input()?.getBoundingClientRect().right).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    });
  }
});
