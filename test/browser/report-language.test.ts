/**
 * One language per report: `<na-location-check lang="en">` at every demo location renders every
 * fact and provenance line without Dutch-only words, taken from the knowledge base's own labels
 * (words of a Dutch label that no English label uses). And the same in Dutch for English-only words.
 */
import { expect } from '@open-wc/testing';
import '../../widgets/location-check/define.js';
import type { NaLocationCheck } from '../../widgets/location-check/location-check.js';
import { defaultKnowledgeBase } from '../../src/core/kb/load.js';
import { makeMap } from './helpers/map.js';

interface DemoLocation {
  id: string;
  x: number;
  y: number;
  expect: { outside?: boolean };
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-zà-ÿ]+/)
    .filter((w) => w.length >= 4);

/** Words spelled the same in Dutch and English (the B1 Dutch texts use "land", as in "het land"). */
const SAME_IN_BOTH = new Set(['land']);

/** Words of labels in `lang` that no label in `other` uses (the knowledge base's own vocabulary). */
function onlyIn(lang: 'nl' | 'en', other: 'nl' | 'en'): Set<string> {
  const kb = defaultKnowledgeBase();
  const texts = (l: 'nl' | 'en'): string[] => [
    ...Object.values(kb.labels).map((t) => t[l]),
    ...kb.zones.map((z) => z.name[l]),
    ...kb.landscapeTypes.map((t) => t.name[l]),
  ];
  const otherWords = new Set(texts(other).flatMap(words));
  return new Set(
    texts(lang)
      .flatMap(words)
      .filter((w) => !otherWords.has(w) && !SAME_IN_BOTH.has(w)),
  );
}

/** The lines a reader sees per fact: label, value, provenance; plus the landscape and the gaps. */
function factLines(el: NaLocationCheck): string[] {
  const root = el.shadowRoot;
  if (!root) throw new Error('no shadow root');
  const selector =
    '[part~="fact-label"], [part~="fact"], [part~="provenance"], .provenance, [part~="landscape"] dd, [part~="missing"] li';
  return [...root.querySelectorAll<HTMLElement>(selector)].map((e) =>
    (e.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

let demo: DemoLocation[] = [];
/** Titles from the demo sources.json: the data's own names, kept in its language (README). */
let sourceTitles: string[] = [];
before(async () => {
  const config = (await (await fetch('/demo/data/sources.json')).json()) as {
    sources: Array<{ title?: string }>;
  };
  sourceTitles = config.sources.flatMap((s) => (s.title === undefined ? [] : [s.title]));
  const res = await fetch('/demo/data/locations.json');
  demo = ((await res.json()) as { locations: DemoLocation[] }).locations.filter(
    (l) => !l.expect.outside,
  );
});

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

for (const [lang, other] of [
  ['en', 'nl'],
  ['nl', 'en'],
] as const) {
  it(`renders every fact and provenance line at every demo location in ${lang} only`, async () => {
    const foreign = onlyIn(other, lang);
    // The vocabulary is big enough to catch a mixed line (e.g. "Afgeleid", "Typisch", "grondwater").
    expect(foreign.size).to.be.greaterThan(50);
    const tm = makeMap({ center: [192000, 445000] });
    const el = document.createElement('na-location-check');
    el.setAttribute('lang', lang);
    el.setAttribute('sources', '/demo/data/sources.json');
    el.map = tm.map;
    document.body.append(el);
    cleanups.push(() => {
      el.remove();
      tm.dispose();
    });
    expect(demo.length).to.be.greaterThan(5);
    const mixed: string[] = [];
    let lines = 0;
    let provenance = 0;
    for (const l of demo) {
      // The first check waits for the sources file: wait for the report event, not the call.
      const ready = new Promise((resolve) =>
        el.addEventListener('na-report-ready', resolve, { once: true }),
      );
      void el.check({ x: l.x, y: l.y, crs: 'EPSG:28992' });
      await ready;
      await el.updateComplete;
      for (const line of factLines(el)) {
        lines += 1;
        if (/^(Source|Bron):/.test(line)) provenance += 1;
        // A source's own title stays as the data names it; everything around it must not.
        const own = sourceTitles.reduce((text, title) => text.split(title).join(' '), line);
        const bad = words(own).filter((w) => foreign.has(w));
        if (bad.length > 0) mixed.push(`${l.id}: "${line}" (${bad.join(', ')})`);
      }
    }
    expect(lines).to.be.greaterThan(demo.length * 5);
    expect(provenance).to.be.greaterThan(demo.length);
    expect(sourceTitles.length).to.be.greaterThan(3);
    expect(mixed).to.deep.equal([]);
  });
}
