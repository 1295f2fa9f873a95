/**
 * `${scrollable()}` on a scroll container (`role="region"` with a name): the region is a tab stop
 * (`tabindex="0"`, so keyboard users can scroll it) only while its content overflows; otherwise it
 * is no stop at all (issue #18: non-scrolling regions were tab stops). Follows size changes of the
 * region and of its content with a ResizeObserver.
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

function sync(el: Element): void {
  if (overflows(el)) el.setAttribute('tabindex', '0');
  else el.removeAttribute('tabindex');
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
    queueMicrotask(() => {
      if (this.el) sync(this.el);
    });
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
    this.observer = new ResizeObserver(() => sync(el));
    this.observer.observe(el);
    for (const child of el.children) this.observer.observe(child);
  }
}

/** Makes a scroll region a tab stop only while it scrolls. */
export const scrollable = directive(ScrollableDirective);
