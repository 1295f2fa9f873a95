import type { ReactiveElement } from 'lit';
/**
 * Where focus goes when the focused control removes its own item (WCAG 2.4.3): to the same control
 * of the next item, else of the previous one, else to a fallback part. Never to `<body>`.
 */

/**
 * After `host` has re-rendered, focuses the `part` control at `index` among the remaining ones
 * (the next item's), else the last one (the previous item's), else the first element of
 * `fallbackPart`. Resolves with the element focused, or null when there was none.
 */
export async function refocusAfterRemoval(
  host: ReactiveElement,
  part: string,
  index: number,
  fallbackPart: string,
): Promise<HTMLElement | null> {
  await host.updateComplete;
  const root = host.renderRoot as ParentNode;
  const left = [...root.querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
  const target =
    left[index] ??
    left.at(-1) ??
    root.querySelector<HTMLElement>(`[part~="${fallbackPart}"]`) ??
    null;
  target?.focus();
  return target;
}
