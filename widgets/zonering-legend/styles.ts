import { css } from 'lit';
import { panelStyles } from '../shared/styles.js';

/**
 * Styles of `<na-zonering-legend>`. Component tokens are declared on `:host` and fall back to the
 * shared `--na-*` tokens (widgets/shared/styles.ts). Fits a 320 px wide screen.
 */
export const zoneringLegendStyles = css`
  ${panelStyles}
  :host {
    --_zl-swatch: var(--na-zonering-legend-swatch-size, 1.25rem);
    --_panel-max-width: var(--na-zonering-legend-max-width, 28rem);
  }
  [part~='title'] {
    font-size: 1.15rem;
    font-weight: 700;
  }
  [part~='controls'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
    margin-bottom: var(--_space);
  }
  [part~='toggle-label'],
  .opacity {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    min-height: 44px;
  }
  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  input[type='range'] {
    accent-color: var(--_accent);
    min-width: 6rem;
  }
  [part~='opacity-value'] {
    min-width: 3em;
    font-variant-numeric: tabular-nums;
  }
  [part~='scale'],
  [part~='message'] {
    margin: 0 0 var(--_space);
    color: var(--_muted);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='sublist'] {
    margin: calc(var(--_space) / 2) 0 var(--_space) calc(var(--_space) * 2);
  }
  [part~='entry-row'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  [part~='entry-label'] {
    flex: 1 1 8rem;
    min-width: 0;
  }
  [part~='code'] {
    color: var(--_muted);
  }
  [part~='swatch'] {
    flex: none;
    width: var(--_zl-swatch);
    height: var(--_zl-swatch);
    border: 1px solid var(--_border);
    border-radius: 2px;
    /* The swatch is data, not decoration: keep its colour in forced-colours mode. */
    forced-color-adjust: none;
  }
  [part~='explain'] {
    min-height: 32px;
    min-width: 44px;
    padding: 0 var(--_space);
  }
  [part~='describe'] {
    margin: var(--_space) 0 0;
  }
  [part~='describe-toggle'] {
    min-height: 32px;
    padding: 0 var(--_space);
  }
  [part~='description'] {
    margin: calc(var(--_space) / 2) 0 0;
  }
  [part~='description'][hidden] {
    display: none;
  }
  [part~='where'] {
    color: var(--_muted);
  }
  [part~='explanation'] {
    margin: calc(var(--_space) / 2) 0 var(--_space);
    padding-left: calc(var(--_zl-swatch) + var(--_space));
  }
  [part~='explanation'][hidden] {
    display: none;
  }
  [part~='explanation'] p {
    margin: 0 0 calc(var(--_space) / 2);
  }
  dl {
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0 0 calc(var(--_space) / 2);
  }
`;
