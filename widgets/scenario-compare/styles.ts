import { css } from 'lit';
import { panelStyles } from '../shared/styles.js';

/**
 * Styles of `<na-scenario-compare>`. Component tokens are declared on `:host` and fall back to the
 * shared `--na-*` tokens (widgets/shared/styles.ts). Fits a 320 px wide screen: wide tables scroll
 * inside their own focusable region. A print style hides the controls and opens the details.
 */
export const scenarioCompareStyles = css`
  ${panelStyles}
  :host {
    --_sc-max-width: var(--na-scenario-compare-max-width, 60rem);
    --_sc-pass: var(--na-scenario-pass-background, #d7f0d3);
    --_sc-pass-text: var(--na-scenario-pass-color, #14532d);
    --_sc-fail: var(--na-scenario-fail-background, #fbd9d3);
    --_sc-fail-text: var(--na-scenario-fail-color, #7f1d1d);
    --_sc-series-1: var(--na-scenario-series-1, #00557a);
    --_sc-series-2: var(--na-scenario-series-2, #8a4f00);
    --_sc-series-3: var(--na-scenario-series-3, #2e7d32);
    --_sc-series-4: var(--na-scenario-series-4, #6a1b9a);
    /* Mixed from the background in use, so the drop zone text stays readable in dark mode too. */
    --_sc-drop: var(
      --na-scenario-drop-background,
      color-mix(in srgb, var(--_accent) 6%, var(--_bg))
    );
    --_panel-max-width: var(--_sc-max-width);
  }
  [part~='title'] {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.1rem;
    margin: calc(var(--_space) * 2) 0 var(--_space);
  }
  h4 {
    font-size: 1rem;
    margin: var(--_space) 0 calc(var(--_space) / 2);
  }
  p {
    margin: 0 0 var(--_space);
  }
  section {
    margin-bottom: calc(var(--_space) * 2);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
    padding: var(--_space);
    min-width: 0;
  }
  legend {
    font-weight: 700;
    padding: 0 calc(var(--_space) / 2);
  }
  label {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
    max-width: 100%;
    min-width: 0;
  }
  select {
    min-width: 0;
    flex: 1 1 10rem;
  }
  input[type='text'],
  input[type='url'],
  select {
    font: inherit;
    min-height: 44px;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    max-width: 100%;
  }
  input[type='url'] {
    flex: 1 1 14rem;
    min-width: 0;
  }
  input[type='range'] {
    accent-color: var(--_accent);
    min-width: 8rem;
  }
  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    accent-color: var(--_accent);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }
  [part~='dropzone'] {
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5);
    background: var(--_sc-drop);
    margin-bottom: var(--_space);
  }
  [part~='dropzone'][data-over] {
    border-color: var(--_accent);
    border-style: solid;
  }
  [part~='file-label'] {
    font-weight: 600;
  }
  /* A file input is as wide as its button plus "Geen bestand gekozen": let it shrink (reflow at
     320 px, WCAG 1.4.10). */
  [part~='file-input'] {
    max-width: 100%;
    min-width: 0;
  }
  [part~='steps'] li,
  [part~='scenario-list'] li {
    margin-bottom: calc(var(--_space) / 2);
  }
  [part~='scenario-list'] {
    padding-left: 1.25rem;
  }
  [part~='scenario-list'] .meta {
    color: var(--_muted);
  }
  [part~='errors'] {
    border-left: 4px solid var(--_sc-fail-text);
    background: var(--_sc-fail);
    color: var(--_sc-fail-text);
    padding: var(--_space);
    margin-bottom: var(--_space);
  }
  [part~='errors']:empty {
    display: none;
  }
  [part~='errors'] ul {
    margin: 0;
    padding-left: 1.25rem;
  }
  [part~='notice'] {
    background: var(--_warn-bg);
    padding: var(--_space);
    border-radius: var(--_radius);
  }
  [part~='legend'] ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
  }
  [part~='legend'] li {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  [part~='swatch'] {
    display: inline-block;
    width: 1.25rem;
    height: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: 2px;
    forced-color-adjust: none;
  }
  .scroll {
    overflow-x: auto;
    max-width: 100%;
    margin-bottom: var(--_space);
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: calc(var(--_space) / 2);
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: calc(var(--_space) / 2) var(--_space);
    vertical-align: top;
    /* Not 'anywhere' (inherited from base): in a table it lets columns shrink below their
       longest word, so headers broke mid-word ("205|0-Ld"). Tables scroll in their region. */
    overflow-wrap: break-word;
  }
  th {
    text-align: left;
  }
  td.num {
    text-align: right;
    white-space: nowrap;
  }
  [part~='indicator-table'] th[scope='row'] {
    min-width: 12rem;
    font-weight: 400;
  }
  details {
    margin: calc(var(--_space) / 2) 0;
  }
  summary {
    cursor: pointer;
    min-height: 24px;
    color: var(--_accent);
  }
  [part~='explain'] p {
    font-size: 0.9rem;
    color: var(--_muted);
    max-width: 40rem;
  }
  [part~='charts'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    gap: var(--_space) calc(var(--_space) * 2);
  }
  [part~='chart'] {
    margin: 0;
  }
  [part~='chart'] figcaption {
    font-weight: 600;
    font-size: 0.9rem;
  }
  [part~='chart'] svg {
    width: 100%;
    height: auto;
    overflow: visible;
  }
  svg text {
    font-size: 11px;
    fill: var(--_text);
    font-family: var(--_font);
  }
  .bar-0 {
    fill: var(--_sc-series-1);
  }
  .bar-1 {
    fill: var(--_sc-series-2);
  }
  .bar-2 {
    fill: var(--_sc-series-3);
  }
  .bar-3 {
    fill: var(--_sc-series-4);
  }
  .axis {
    stroke: var(--_border);
  }
  td.pass {
    background: var(--_sc-pass);
    color: var(--_sc-pass-text);
    text-align: center;
  }
  td.fail {
    background: var(--_sc-fail);
    color: var(--_sc-fail-text);
    text-align: center;
  }
  [part~='ranking'] li {
    margin-bottom: calc(var(--_space) / 2);
  }
  [part~='explanation'] {
    font-size: 1.05rem;
  }
  [part~='assumptions'] li {
    margin-bottom: var(--_space);
  }
  code {
    font-size: 0.9em;
  }
  .tag {
    display: inline-block;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0 calc(var(--_space) / 2);
    font-size: 0.85rem;
  }
  [part~='status'][data-busy] {
    font-weight: 600;
  }
  /* The long sections below the fold (the fit and the contributions of every scenario, the
     charts, the robustness matrix: thousands of elements) are laid out only when near the view:
     a new comparison otherwise cost a layout of the whole panel in one task over 50 ms. */
  [part~='fit-scenario'],
  [part~='contrib-scenario'],
  [part~='chart'],
  [part~='matrix'] {
    content-visibility: auto;
    contain-intrinsic-size: auto 12rem;
  }
  @media print {
    [part~='fit-scenario'],
    [part~='contrib-scenario'],
    [part~='chart'],
    [part~='matrix'] {
      content-visibility: visible;
    }
    :host {
      max-width: none;
    }
    [part~='load'],
    [part~='draw'],
    [part~='map-compare'],
    [part~='actions'],
    button,
    summary {
      display: none !important;
    }
    .scroll {
      overflow: visible;
    }
    table,
    figure,
    li {
      break-inside: avoid;
    }
    td.pass,
    td.fail,
    [part~='swatch'],
    rect {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
  }
  @media (forced-colors: active) {
    td.pass,
    td.fail {
      forced-color-adjust: auto;
    }
  }
`;
