import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline styles through the CSSOM (`element.style.setProperty`), never through a `style`
 * attribute. Lit's `styleMap` writes a `style="…"` attribute on first render, which a strict
 * Content-Security-Policy (`style-src` without 'unsafe-inline') blocks; CSSOM changes are allowed.
 *
 * Use as an element directive with kebab-case property names:
 * `<span ${cssomStyle({ 'background-color': colour })}></span>`.
 */
class CssomStyle extends Directive {
  private previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('cssomStyle must be used on an element');
  }

  render(_styles: Record<string, string | undefined | null>): typeof nothing {
    return nothing;
  }

  override update(
    part: ElementPart,
    [styles]: [Record<string, string | undefined | null>],
  ): typeof nothing {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (!(name in styles)) style.removeProperty(name);
    for (const [name, value] of Object.entries(styles)) {
      if (value === undefined || value === null || value === '') style.removeProperty(name);
      else style.setProperty(name, value);
    }
    this.previous = new Set(Object.keys(styles));
    return nothing;
  }
}

export const cssomStyle = directive(CssomStyle);
