/**
 * A decorative element over the map (the location marker, the crosshair, the keyboard focus ring):
 * hidden from assistive technology, a `part` the host can style, and styled through the CSSOM,
 * not a style attribute, so a strict CSP allows it.
 */
export function decoration(
  className: string,
  part: string,
  style: Partial<CSSStyleDeclaration>,
): HTMLDivElement {
  const el = document.createElement('div');
  el.className = className;
  el.setAttribute('aria-hidden', 'true');
  el.setAttribute('part', part);
  Object.assign(el.style, style);
  return el;
}
