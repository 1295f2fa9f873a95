/**
 * What `<na-zonering-layer>` says about the zones under the pointer and at the map centre: the
 * text of its polite live region, and the `na-zone-hover` event when the hovered zone changes.
 */
import type { ReactiveControllerHost } from 'lit';
import type { CentreReport, ZoneHover } from '../../src/map/zonering-layer.js';
import { tr, type WidgetLang } from '../shared/lang.js';
import { moveText } from '../shared/map-words.js';
import { NaZoneHoverEvent } from './events.js';
import { messages } from './messages.js';

export class ZoneAnnouncer {
  /** The live region's text. */
  text = '';
  private _hoverCode: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly lang: () => WidgetLang,
  ) {}

  /**
   * Announces what is at the map centre after focus and after every keyboard-relevant pan or zoom
   * (how the view moved, then the zone or "geen zone"). Identical consecutive texts alternate a
   * trailing no-break space, so the live region changes and is read again.
   */
  centre(centre: CentreReport): void {
    const lang = this.lang();
    const here =
      centre.zone === null
        ? tr(messages, 'centreNone', lang)
        : tr(messages, 'centre', lang, { name: centre.zone.name, code: centre.zone.code });
    const text = [moveText(centre.move, lang), here].filter((t) => t !== '').join(' ');
    this._say(this.text === text ? `${text}\u00a0` : text);
  }

  /** The hovered zone (null: none): fires `na-zone-hover` when it changed. */
  hover(hover: ZoneHover | null): void {
    if (hover === null) this._say('');
    const code = hover?.code ?? null;
    if (code === this._hoverCode) return;
    this._hoverCode = code;
    this.host.dispatchEvent(
      new NaZoneHoverEvent({ code, name: hover?.name ?? null, via: hover?.via ?? 'pointer' }),
    );
  }

  /** Empties the live region (e.g. a text in the former language is not left there). */
  silence(): void {
    this._say('');
  }

  /** Forgets everything (the layer left the map). */
  reset(): void {
    this._say('');
    this._hoverCode = null;
  }

  private _say(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.host.requestUpdate();
  }
}
