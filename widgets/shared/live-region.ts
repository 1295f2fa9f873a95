/**
 * The visually hidden polite live region (`part="status"`) through which an element announces
 * what changed (the number of suggestions, a short report summary); the whole text is read each
 * time it changes.
 */
import { html, type TemplateResult } from 'lit';

export function liveStatus(text: string): TemplateResult {
  return html`<div
    part="status"
    class="visually-hidden"
    role="status"
    aria-live="polite"
    aria-atomic="true"
  >
    ${text}
  </div>`;
}
