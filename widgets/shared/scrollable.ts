/**
 * `${scrollable()}` on a scroll container (`role="region"` with a name): the region is a tab stop
 * (`tabindex="0"`, so keyboard users can scroll it) only while its content overflows; otherwise it
 * is no stop at all (issue #18: non-scrolling regions were tab stops). Follows size changes of the
 * region and of its content with a ResizeObserver; every region is checked once per frame, all of
 * them together.
 */
import { nothing } from 'lit';
import {
  AsyncDirective,
  directive,
  PartType,
  type PartInfo,
  type ElementPart,
} from 'lit/async-directive.js';

/** Whether the element's content overflows it (1 px of rounding allowed). */
export function overflows(el: Element): boolean {
  return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
}

/** Whether the browser renders `el` now (`checkVisibility` where there is one). */
function rendered(el: Element): boolean {
  return typeof el.checkVisibility === 'function'
    ? el.checkVisibility({ contentVisibilityAuto: true })
    : true;
}

/** Regions whose tab stop is to be checked at the next frame. */
const pending = new Set<Element>();
let frame = false;

/**
 * Checks `el` at the next animation frame, with every region checked then: all reads first, then
 * the writes, and only those that change something. Checking each region as it rendered (a read of
 * its scroll size, then a write of its `tabindex`) forced a layout of the page per region: one
 * 100–200 ms task after each comparison of three scenarios (`npm run bench -- main-thread`).
 */
function schedule(el: Element): void {
  pending.add(el);
  if (frame) return;
  frame = true;
  requestAnimationFrame(() => {
    frame = false;
    // A region not rendered now (in a closed `<details>`, or in a section whose layout the browser
    // skips while it is off-screen, `content-visibility: auto`) is not measured: that would force
    // its layout. Its ResizeObserver brings it back here when it is rendered.
    const regions = [...pending].filter((r) => r.isConnected && rendered(r));
    pending.clear();
    const scrolls = regions.map(overflows);
    regions.forEach((r, i) => {
      if (scrolls[i] === r.hasAttribute('tabindex')) return;
      if (scrolls[i]) r.setAttribute('tabindex', '0');
      else r.removeAttribute('tabindex');
    });
  });
}

class ScrollableDirective extends AsyncDirective {
  private el: Element | undefined;
  private observer: ResizeObserver | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('scrollable() goes on an element.');
  }

  render(): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart): typeof nothing {
    if (this.el !== part.element) {
      this.el = part.element;
      this.observe();
    }
    // The content may have changed with this render.
    schedule(this.el);
    return nothing;
  }

  protected override disconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  protected override reconnected(): void {
    this.observe();
  }

  private observe(): void {
    const el = this.el;
    if (!el || typeof ResizeObserver === 'undefined') return;
    this.observer?.disconnect();
    this.observer = new ResizeObserver(() => schedule(el));
    this.observer.observe(el);
    for (const child of el.children) this.observer.observe(child);
  }
}

/** Makes a scroll region a tab stop only while it scrolls. */
export const scrollable = directive(ScrollableDirective);
