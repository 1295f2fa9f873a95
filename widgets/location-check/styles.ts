import { css } from 'lit';

/**
 * Styles of `<na-location-check>`. Component tokens are declared on `:host` and fall back to the
 * shared `--na-*` tokens (widgets/shared/styles.ts). Fits a 360 px wide screen: no fixed widths,
 * long words wrap.
 */
export const locationCheckStyles = css`
  :host {
    --_lc-max-width: var(--na-location-check-max-width, 48rem);
    --_lc-chip-ok: var(--na-location-check-chip-ok-color, #1e7a3a);
    --_lc-chip-error: var(--na-location-check-chip-error-color, var(--_focus));
    display: block;
    container-type: inline-size;
    max-width: var(--_lc-max-width);
    min-width: 0;
    line-height: 1.5;
    background: var(--_bg);
  }
  [part~='panel'] {
    padding: var(--_space);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  h2,
  h3,
  h4,
  h5 {
    line-height: 1.25;
    margin: calc(var(--_space) * 2) 0 var(--_space);
  }
  h2 {
    font-size: 1.25rem;
    margin-top: 0;
  }
  h3 {
    font-size: 1.15rem;
  }
  h4 {
    font-size: 1.05rem;
    border-top: 1px solid var(--_border);
    padding-top: var(--_space);
  }
  h5 {
    font-size: 1rem;
  }
  h3:focus {
    outline: none;
  }
  h3:focus-visible {
    outline: 3px solid var(--_focus);
  }
  p {
    margin: 0 0 var(--_space);
  }
  ul {
    margin: 0 0 var(--_space);
    padding-inline-start: calc(var(--_space) * 2.5);
  }
  [part~='search'] {
    margin-bottom: var(--_space);
  }
  [part~='address'] {
    font-weight: 600;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }
  .toolbar button {
    flex: 1 1 auto;
    max-width: 100%;
    white-space: normal;
    text-align: start;
    padding-block: calc(var(--_space) / 2);
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  /* Forced colours drop the background: the pressed state keeps a cue of its own (system
     colours Highlight/HighlightText, and a thicker border). */
  @media (forced-colors: active) {
    button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border: 3px solid CanvasText;
    }
  }
  [part~='keyboard'] {
    border: 2px dashed var(--_accent);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: var(--_space);
  }
  [part~='keyboard-pad'] {
    display: block;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: var(--_space);
    cursor: move;
  }
  [part~='keyboard-pad']:focus-visible,
  [part~='keyboard-pad']:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .message {
    margin: var(--_space) 0;
  }
  [part~='notice'],
  [part~='warning'] {
    background: var(--_warn-bg);
    border-inline-start: 4px solid var(--_border);
    padding: var(--_space);
    margin: var(--_space) 0;
    border-radius: var(--_radius);
  }
  [part~='warning'] ul {
    margin-bottom: 0;
  }
  [part~='loading'] {
    display: flex;
    align-items: center;
    gap: var(--_space);
    margin: var(--_space) 0;
  }
  [part~='spinner'] {
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    border: 3px solid var(--_border);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: na-spin 0.9s linear infinite;
  }
  @keyframes na-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='spinner'] {
      animation: none;
    }
  }
  dl {
    display: grid;
    grid-template-columns: minmax(0, 11rem) minmax(0, 1fr);
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0 0 var(--_space);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    min-width: 0;
  }
  @container (max-width: 30rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
    }
    dd {
      margin-bottom: var(--_space);
    }
  }
  .description,
  .provenance,
  [part~='principle-source'] {
    color: var(--_muted);
  }
  .provenance,
  [part~='principle-source'] {
    display: block;
    font-size: 0.875rem;
  }
  [part~='principle'] {
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .principle-title {
    font-weight: 600;
    margin-bottom: calc(var(--_space) / 2);
  }
  .principle-example {
    font-style: italic;
    margin-top: calc(var(--_space) / 2);
  }
  .example-label {
    font-weight: 600;
  }
  details {
    margin: calc(var(--_space) / 2) 0;
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
    min-height: 44px;
    display: flex;
    align-items: center;
    width: fit-content;
    max-width: 100%;
  }
  /* display:flex removes the disclosure marker: an own open/closed cue (a chevron drawn with
     borders, so forced colours keep it), and an underline so colour is not the only cue. */
  summary {
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  summary::before {
    content: '';
    flex: none;
    width: 0.45em;
    height: 0.45em;
    margin: 0 0.6em 0 0.15em;
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    transform: rotate(-45deg);
  }
  details[open] > summary::before {
    transform: rotate(45deg);
  }
  @media (prefers-reduced-motion: no-preference) {
    summary::before {
      transition: transform 0.15s;
    }
  }
  [part~='chip'] {
    display: inline-block;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 var(--_space);
    font-size: 0.875rem;
    white-space: nowrap;
  }
  [part~='chip-ok'] {
    border-color: var(--_lc-chip-ok);
  }
  [part~='chip-error'] {
    border-color: var(--_lc-chip-error);
    border-width: 2px;
  }
  [part~='sources'] li {
    margin-bottom: calc(var(--_space) / 2);
  }
  [part~='summary'] {
    border-inline-start: 0.25rem solid
      var(--na-accent-color, var(--utrecht-color-blue-500, #1d5b8f));
    padding-inline-start: 0.75rem;
    margin-block: 0.75rem;
  }
  [part~='summary'] ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  [part~='summary-line'] {
    margin: 0;
  }
  .summary-text {
    font-weight: 600;
    min-height: 0;
    padding-block: 0.125rem;
  }
  [part~='summary'] h4 {
    margin-block: 0 0.25rem;
  }
  [part~='links'] {
    margin-block: 0.25rem;
  }
  .print-only {
    display: none;
  }
  [part~='snapshot'] img {
    max-width: 100%;
    height: auto;
    border: 1px solid var(--_border);
  }
  @media print {
    :host {
      max-width: none;
      color: #000000;
      background: #ffffff;
    }
    .no-print,
    [part~='search'],
    [part~='toolbar'],
    [part~='keyboard'],
    [part~='actions'] {
      display: none !important;
    }
    .print-only {
      display: block;
    }
    [part~='snapshot'] img {
      width: auto;
    }
    details::details-content {
      content-visibility: visible;
      display: block;
    }
    summary {
      min-height: 0;
      color: #000000;
    }
    h4,
    [part~='principle'] {
      break-inside: avoid;
    }
    [part~='panel'] {
      font-size: 8pt;
      line-height: 1.2;
      padding: 0;
    }
    /* One page: the summary beside the map snapshot, the facts with their sources, per principle
       its title and why-here sentence (plot advice: titles only). The full texts, reason lists and
       the publications behind each principle stay on screen and in the JSON download. */
    [part~='snapshot'] {
      float: right;
      width: 45%;
      margin: 0 0 0.5em 1em;
    }
    [part~='snapshot'] img {
      max-height: 6cm;
      max-width: 100%;
    }
    [part~='principles'] {
      clear: both;
    }
    [part~='principles'] ul {
      columns: 2;
      column-gap: 1.5em;
    }
    [part~='principles'] [data-scale='perceel/tuin'] ul {
      columns: 3;
    }
    [part~='sources'] ul {
      columns: 2;
      column-gap: 1.5em;
    }
    h4 {
      margin-block: 0.5em 0.25em;
    }
    [part~='principle'] > p:not(.principle-title),
    [part~='why'] > summary,
    [part~='why'] > ul,
    [part~='missing-principles'],
    [part~='landscape'] .description {
      display: none !important;
    }
    [part~='provenance'],
    [part~='principle-source'] {
      font-size: 7pt;
    }
    /* The summary prints as its lines; the city's folded principles as their heading only;
       citation links and notes stay on screen. */
    [part~='missing-line'],
    [part~='municipality'],
    [part~='summary-why'] > :not(summary),
    [data-scale='perceel/tuin'] [part~='why'],
    [part~='principles'] [part~='principle-source'],
    [part~='municipality'] > [part~='scale'],
    [part~='principle-source'] a,
    [part~='principle-source'] .description,
    [part~='links'] {
      display: none !important;
    }
    /* Per-fact provenance is long; on paper the sources list at the end names every source with
       its version. */
    [part~='facts'] [part~='provenance'] {
      display: none !important;
    }
  }
`;
