import { css } from 'lit';

/**
 * Styles of `<na-address-search>`. Component tokens are declared on `:host` and fall back to the
 * shared `--na-*` tokens (widgets/shared/styles.ts). Fits a 360 px wide screen.
 */
export const addressSearchStyles = css`
  :host {
    --_as-max-width: var(--na-address-search-max-width, 40rem);
    --_as-list-max-height: var(--na-address-search-list-max-height, 18rem);
    --_as-active-bg: var(--na-address-search-active-background, var(--_accent));
    --_as-active-text: var(--na-address-search-active-color, var(--_accent-text));
    --_as-mark-bg: var(--na-address-search-mark-background, transparent);
    --_as-error: var(--na-address-search-error-color, var(--_focus));
    display: block;
    position: relative;
    max-width: var(--_as-max-width);
    min-width: 0;
    line-height: 1.5;
  }
  [part~='label'] {
    display: block;
    font-weight: 600;
    margin-bottom: calc(var(--_space) / 2);
  }
  [part~='field'] {
    position: relative;
    display: flex;
    align-items: stretch;
    gap: calc(var(--_space) / 2);
  }
  [part~='input'] {
    flex: 1 1 auto;
    min-width: 0;
    min-height: 44px;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0 var(--_space);
  }
  [part~='input']::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  [part~='clear'] {
    flex: 0 0 auto;
  }
  [part~='spinner'] {
    position: absolute;
    inset-inline-end: calc(44px + var(--_space));
    top: 50%;
    width: 1rem;
    height: 1rem;
    margin-top: -0.5rem;
    border: 2px solid var(--_border);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: na-as-spin 0.8s linear infinite;
  }
  @keyframes na-as-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='spinner'] {
      animation: none;
    }
  }
  [part~='listbox'] {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    margin: 2px 0 0;
    padding: 0;
    list-style: none;
    max-height: var(--_as-list-max-height);
    overflow-y: auto;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 2px 6px rgb(0 0 0 / 20%);
  }
  [part~='listbox'][hidden] {
    display: none;
  }
  [part~='option'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space);
    min-height: 44px;
    padding: calc(var(--_space) / 2) var(--_space);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  [part~='option'] + [part~='option'] {
    border-top: 1px solid var(--_border);
  }
  [part~='option']:hover {
    text-decoration: underline;
  }
  [part~='option'][aria-selected='true'] {
    background: var(--_as-active-bg);
    color: var(--_as-active-text);
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  mark {
    background: var(--_as-mark-bg);
    color: inherit;
    font-weight: 700;
  }
  [part~='option-type'] {
    font-size: 0.875em;
    color: var(--_muted);
  }
  [part~='option'][aria-selected='true'] [part~='option-type'] {
    color: inherit;
  }
  [part~='error'] {
    margin: calc(var(--_space) / 2) 0 0;
    color: var(--_as-error);
    font-weight: 600;
  }
  [part~='error'] .description {
    display: block;
    font-weight: 400;
    color: var(--_text);
  }
  [part~='message'] {
    margin: calc(var(--_space) / 2) 0 0;
    color: var(--_muted);
  }
  [part~='nearest'] {
    margin: calc(var(--_space) / 2) 0 0;
    color: var(--_muted);
    font-size: 0.9375em;
  }
  @media (forced-colors: active) {
    [part~='option'][aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
  }
`;
