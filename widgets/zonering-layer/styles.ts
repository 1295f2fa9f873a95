/** Styles of `<na-zonering-layer>` (the element shows only a status line; the layer is on the map). */
import { css } from 'lit';

export const zoneringLayerStyles = css`
  :host {
    display: block;
    position: relative;
  }
`;
