/**
 * docs/layout.md and the demo page that shows its recipes (demo/layouts.html) cannot drift apart:
 * every CSS block of the doc is in demo/layouts.css as written, and the page uses the doc's markup
 * classes and elements.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/shared.js';

const read = (p: string): string => readFileSync(resolve(projectRoot, p), 'utf8');

describe('layout recipes', () => {
  const doc = read('docs/layout.md');
  const blocks = [...doc.matchAll(/```css\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '');

  it('has the three recipes (side panel, over the map, phone bottom sheet)', () => {
    expect(blocks.length).toBe(3);
    expect(blocks[0]).toContain('.na-layout--side');
    expect(blocks[1]).toContain('.na-layout--over');
    expect(blocks[2]).toMatch(/@media \(max-width: 40rem\)/);
    // No recipe assumes the host's z-index scale: stacking stays local to the wrapper.
    for (const b of blocks.slice(1)) expect(b).toContain('isolation: isolate');
  });

  it('demo/layouts.css holds every CSS block of the doc as written', () => {
    const css = read('demo/layouts.css');
    for (const b of blocks) expect(css).toContain(b);
  });

  it('the demo page uses the doc markup: the wrapper classes and map-target="#map"', () => {
    const html = read('demo/layouts.html');
    const markup = /```html\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? '';
    for (const cls of ['na-layout__map', 'na-layout__panel', 'na-layout--side']) {
      expect(markup).toContain(cls);
      expect(html).toContain(cls);
    }
    expect(html.match(/map-target="#map"/g)?.length).toBe(2);
  });
});
