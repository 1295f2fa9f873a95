/**
 * Follows the language of a widget: its own `lang`, else the nearest ancestor's (across shadow
 * roots), else `<html lang>`. A MutationObserver watches `lang` on the element and on every
 * ancestor up to `<html>`, so switching `document.documentElement.lang` or a wrapper's `lang`
 * re-renders the widget in the new language, and the widget can say its live-region text again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLang, type WidgetLang } from './lang.js';

export class LangController implements ReactiveController {
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _onChange: ((lang: WidgetLang, previous: WidgetLang) => void) | undefined;
  private _observer?: MutationObserver;
  private _lang: WidgetLang = 'nl';

  /**
   * @param host the widget
   * @param onChange called after the language changed (e.g. to rewrite a live region's text)
   */
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    onChange?: (lang: WidgetLang, previous: WidgetLang) => void,
  ) {
    this._host = host;
    this._onChange = onChange;
    host.addController(this);
  }

  /** The widget's language now. */
  get lang(): WidgetLang {
    return this._lang;
  }

  hostConnected(): void {
    this._lang = resolveLang(this._host);
    this._observe();
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observer = undefined;
  }

  private _observe(): void {
    this._observer?.disconnect();
    const observer = new MutationObserver(() => this._check());
    this._observer = observer;
    // The element and every ancestor up to <html>, crossing shadow roots to their hosts: the
    // nearest one that sets `lang` may change, and one without `lang` may get it.
    let node: Node | null = this._host;
    while (node) {
      if (node instanceof Element)
        observer.observe(node, { attributes: true, attributeFilter: ['lang'] });
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
  }

  private _check(): void {
    const lang = resolveLang(this._host);
    if (lang === this._lang) return;
    const previous = this._lang;
    this._lang = lang;
    this._host.requestUpdate();
    this._onChange?.(lang, previous);
  }
}
