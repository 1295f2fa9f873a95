/**
 * Every element, mounted with nothing set (no map, no layer, no sources, no data), shows a
 * sensible empty state: visible text that says what to do next, in Dutch and in English, never an
 * empty box and never an exception or console error.
 */
import { expect } from '@open-wc/testing';
import '../../widgets/index.js';

interface Case {
  tag: string;
  /** Words the visible Dutch and English text must contain (what to do next). */
  nl: RegExp;
  en: RegExp;
}

const CASES: Case[] = [
  { tag: 'na-location-check', nl: /kaart/i, en: /map/i },
  { tag: 'na-zonering-layer', nl: /Koppel een kaart/, en: /Connect a map/ },
  { tag: 'na-zonering-legend', nl: /Koppel een zoneringlaag/, en: /Connect a zoning layer/ },
  { tag: 'na-address-search', nl: /Zoek een adres/, en: /Search for an address/ },
  { tag: 'na-scenario-compare', nl: /Koppel|Laad/, en: /Connect|Load/ },
];

/** Text a sighted user sees: text nodes whose element is rendered, visible and not clipped away. */
function visibleText(root: ShadowRoot): string {
  const parts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const parent = node.parentElement;
    if (text === '' || !parent) continue;
    if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const rect = parent.getBoundingClientRect();
    const style = getComputedStyle(parent);
    const clipped = style.clip !== 'auto' && style.clip !== '' && rect.width <= 1;
    if (rect.width <= 1 || rect.height <= 1 || clipped) continue;
    parts.push(text);
  }
  return parts.join(' ');
}

/** Awaits the element's updates until none is pending (an update may request the next one). */
async function settled(el: HTMLElement & { updateComplete?: Promise<unknown> }): Promise<void> {
  const lit = el as HTMLElement & { updateComplete?: Promise<unknown>; isUpdatePending?: boolean };
  do await lit.updateComplete;
  while (lit.isUpdatePending === true);
}

describe('empty states', () => {
  let errors: string[] = [];
  /** Requests started since the test began (`fetch`, the only HTTP path in a page by default). */
  let requests: string[] = [];
  const originalFetch = window.fetch;
  const originalError = console.error;
  const onError = (e: ErrorEvent): void => {
    errors.push(`error event: ${e.message}`);
  };
  const onRejection = (e: PromiseRejectionEvent): void => {
    errors.push(`unhandled rejection: ${String(e.reason)}`);
  };
  beforeEach(() => {
    errors = [];
    requests = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(input instanceof Request ? input.url : String(input));
      return originalFetch(input, init);
    };
    console.error = (...args: unknown[]) => {
      errors.push(args.map(String).join(' '));
      originalError.apply(console, args);
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.fetch = originalFetch;
    console.error = originalError;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  for (const c of CASES) {
    for (const lang of ['nl', 'en'] as const) {
      it(`<${c.tag} lang="${lang}"> with nothing set says what to do next`, async () => {
        expect(customElements.get(c.tag), `${c.tag} is registered`).to.not.equal(undefined);
        const host = document.createElement('div');
        host.style.width = '480px';
        host.setAttribute('lang', lang);
        const el = document.createElement(c.tag) as HTMLElement & {
          updateComplete?: Promise<unknown>;
        };
        host.append(el);
        document.body.append(host);
        try {
          await settled(el);
          // With nothing set, nothing is started on connect that could fail later: no request.
          expect(requests, 'no request with nothing set').to.deep.equal([]);
          const root = el.shadowRoot;
          expect(root, 'shadow root').to.not.equal(null);
          const text = visibleText(root as ShadowRoot);
          expect(text.length, `visible text of <${c.tag}>: "${text}"`).to.be.greaterThan(15);
          expect(text).to.match(lang === 'nl' ? c.nl : c.en);
          const box = el.getBoundingClientRect();
          expect(box.height, 'not a collapsed or blank element').to.be.greaterThan(10);
          expect(errors, 'no console errors or exceptions').to.deep.equal([]);
        } finally {
          host.remove();
        }
      });
    }
  }
});
