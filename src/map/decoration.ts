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

/**
 * The keyboard crosshair over the centre of a map (OpenLayers viewport or ArcGIS view UI): two
 * bars drawn as borders, not background gradients, because forced colours (Windows high
 * contrast) remove background images but repaint borders in the system text colour. Colour from
 * `--na-crosshair-color`, falling back to `--na-color-accent`.
 */
export function crosshair(): HTMLDivElement {
  const cross = decoration('na-crosshair', 'crosshair', {
    position: 'absolute',
    left: '50%',
    top: '50%',
    width: '40px',
    height: '40px',
    marginLeft: '-20px',
    marginTop: '-20px',
    pointerEvents: 'none',
    zIndex: '2',
    filter: 'drop-shadow(0 0 1px #ffffff) drop-shadow(0 0 1px #ffffff)',
  });
  const colour = 'var(--na-crosshair-color, var(--na-color-accent, #00557a))';
  for (const vertical of [true, false]) {
    const bar = document.createElement('div');
    Object.assign(bar.style, {
      position: 'absolute',
      boxSizing: 'border-box',
      ...(vertical
        ? { left: '50%', top: '0', bottom: '0', width: '0', marginLeft: '-1.5px' }
        : { top: '50%', left: '0', right: '0', height: '0', marginTop: '-1.5px' }),
      [vertical ? 'borderLeft' : 'borderTop']: `3px solid ${colour}`,
    } satisfies Partial<CSSStyleDeclaration>);
    cross.append(bar);
  }
  return cross;
}
