import { css } from 'lit';

/** Styles of `<na-kansenkaart-layer>` (besides the base and layer-status styles). */
export const kansenkaartLayerStyles = css`
  :host {
    display: block;
  }
  [part='hover'] {
    margin: 0;
    min-height: 1.5em;
    font-size: 0.875rem;
  }
`;
