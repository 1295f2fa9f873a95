/**
 * Theming with a real municipal token package (Gemeente Den Haag, NL Design System) and
 * demo/theme.css: the house style reaches the components' shadow roots without touching them, and
 * every visible text stays readable in light, dark (prefers-color-scheme) and forced colours
 * (emulated with `emulateMedia`): its colour differs from the background under it and has a
 * contrast ratio of at least 4.5 (3 for large text). Also with the token package alone (light
 * tokens only) under a dark system setting.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../widgets/index.js';

const TOKENS = '/node_modules/@gemeente-denhaag/design-tokens-components/dist/theme/index.css';
const PAGE_CSS = '/demo/theme.css';
const TAGS = [
  'na-location-check',
  'na-zonering-layer',
  'na-zonering-legend',
  'na-address-search',
  'na-scenario-compare',
];

type Rgba = [number, number, number, number];

/** Parses a computed colour: `rgb()`, `rgba()` or `color(srgb …)` (as color-mix() computes). */
function parseColour(value: string): Rgba {
  const rgb = /^rgba?\(([^)]+)\)$/.exec(value.trim());
  if (rgb?.[1]) {
    const p = rgb[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
  }
  const srgb = /^color\(srgb\s+([^)]+)\)$/.exec(value.trim());
  if (srgb?.[1]) {
    const p = srgb[1]
      .split(/[\s/]+/)
      .filter(Boolean)
      .map(Number);
    return [(p[0] ?? 0) * 255, (p[1] ?? 0) * 255, (p[2] ?? 0) * 255, p[3] ?? 1];
  }
  throw new Error(`unparsed colour "${value}"`);
}

function over(top: Rgba, below: Rgba): Rgba {
  const a = top[3];
  return [
    top[0] * a + below[0] * (1 - a),
    top[1] * a + below[1] * (1 - a),
    top[2] * a + below[2] * (1 - a),
    1,
  ];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The canvas colour of the page (what shows where nothing paints a background). */
function canvas(): Rgba {
  const probe = document.createElement('div');
  probe.style.background = 'Canvas';
  document.body.append(probe);
  const c = parseColour(getComputedStyle(probe).backgroundColor);
  probe.remove();
  return c;
}

/** The opaque background under an element: its own and its ancestors' (across shadow roots). */
function backgroundOf(el: Element): Rgba {
  const layers: Rgba[] = [];
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const c = parseColour(getComputedStyle(node).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return layers.reduceRight<Rgba>((below, top) => over(top, below), canvas());
}

interface TextProblem {
  tag: string;
  text: string;
  colour: string;
  background: string;
  ratio: number;
}

/** Every visible text in the elements' shadow roots with too little contrast. */
function unreadable(root: Element): { checked: number; problems: TextProblem[] } {
  const problems: TextProblem[] = [];
  let checked = 0;
  for (const tag of TAGS) {
    const el = root.querySelector(tag);
    const shadow = el?.shadowRoot;
    if (!shadow) throw new Error(`${tag} has no shadow root`);
    const walker = document.createTreeWalker(shadow, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const parent = n.parentElement;
      if (text === '' || !parent) continue;
      if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const rect = parent.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1) continue; // visually hidden (screen readers only)
      const style = getComputedStyle(parent);
      const bg = backgroundOf(parent);
      const fg = over(parseColour(style.color), bg);
      const ratio = contrast(fg, bg);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      checked += 1;
      if (ratio < (large ? 3 : 4.5)) {
        problems.push({
          tag,
          text: text.slice(0, 40),
          colour: style.color,
          background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`,
          ratio: Math.round(ratio * 100) / 100,
        });
      }
    }
  }
  return { checked, problems };
}

async function loadCss(href: string): Promise<HTMLLinkElement> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise<void>((resolve, reject) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => reject(new Error(`could not load ${href}`)), {
      once: true,
    });
  });
  document.head.append(link);
  await loaded;
  return link;
}

async function mount(): Promise<HTMLElement> {
  const page = document.createElement('div');
  page.className = 'denhaag-theme theme-page';
  page.style.width = '520px';
  for (const tag of TAGS) page.append(document.createElement(tag));
  document.body.append(page);
  // Every element rendered, with no update pending (an update may request the next one), and the
  // page's fonts loaded: the computed styles below are final.
  for (const el of page.children) {
    const lit = el as HTMLElement & {
      updateComplete?: Promise<unknown>;
      isUpdatePending?: boolean;
    };
    do await lit.updateComplete;
    while (lit.isUpdatePending === true);
  }
  await document.fonts.ready;
  return page;
}

/**
 * Emulates the colour scheme and forced colours (DevTools protocol, see the `na-emulate-media`
 * command in web-test-runner.config.mjs).
 */
async function emulateMedia(media: { colorScheme: string; forcedColors: string }): Promise<void> {
  await executeServerCommand('na-emulate-media', media);
}

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

describe('theming with a municipal token package (Den Haag)', () => {
  const links: HTMLLinkElement[] = [];
  let page: HTMLElement;

  before(async () => {
    links.push(await loadCss(TOKENS), await loadCss(PAGE_CSS));
    page = await mount();
  });
  after(async () => {
    page.remove();
    for (const l of links) l.remove();
    await emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
  });

  it('reaches the shadow roots: the house font and colours, through the NLDS tokens', async () => {
    await emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
    await frame();
    const check = page.querySelector('na-location-check') as HTMLElement;
    expect(getComputedStyle(check).fontFamily).to.contain('TheSans');
    // The widgets' internal tokens resolve to Den Haag's: green-3 buttons, grey-5 text.
    const token = (name: string): string => getComputedStyle(check).getPropertyValue(name).trim();
    expect(token('--_accent').replace(/\s+/g, ' ')).to.equal('hsl(138 58% 33%)');
    expect(token('--_text').replace(/\s+/g, '')).to.equal('hsla(0,0%,18%,1)');
    expect(parseColour(getComputedStyle(check).color).slice(0, 3).map(Math.round)).to.deep.equal([
      46, 46, 46,
    ]);
  });

  it('forced colours are really active in the forced-colours cases', async () => {
    const drop = page
      .querySelector('na-scenario-compare')
      ?.shadowRoot?.querySelector('[part~="dropzone"]');
    if (!drop) throw new Error('no drop zone');
    const normal = getComputedStyle(drop).backgroundColor;
    await emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
    await frame();
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    // The system colours take over: the author's tinted background is replaced.
    expect(getComputedStyle(drop).backgroundColor).to.not.equal(normal);
    await emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
    await frame();
    expect(matchMedia('(forced-colors: active)').matches).to.equal(false);
  });

  for (const [name, media] of [
    ['light', { colorScheme: 'light', forcedColors: 'none' }],
    ['dark', { colorScheme: 'dark', forcedColors: 'none' }],
    ['forced colours', { colorScheme: 'light', forcedColors: 'active' }],
    ['forced colours + dark', { colorScheme: 'dark', forcedColors: 'active' }],
  ] as const) {
    it(`every visible text is readable: ${name}`, async () => {
      await emulateMedia(media);
      await frame();
      await frame();
      const { checked, problems } = unreadable(page);
      expect(checked, 'texts checked').to.be.greaterThan(20);
      expect(problems, JSON.stringify(problems, null, 1)).to.deep.equal([]);
    });
  }

  it('the token package alone (light tokens only) under a dark system setting stays readable', async () => {
    const pageCss = links.pop();
    pageCss?.remove();
    try {
      await emulateMedia({ colorScheme: 'dark', forcedColors: 'none' });
      await frame();
      await frame();
      const { checked, problems } = unreadable(page);
      expect(checked).to.be.greaterThan(20);
      expect(problems, JSON.stringify(problems, null, 1)).to.deep.equal([]);
    } finally {
      links.push(await loadCss(PAGE_CSS));
    }
  });
});
