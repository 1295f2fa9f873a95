/** Styles of `<na-zonering-layer>` (the element shows only a status line; the layer is on the map). */
import { css } from 'lit';

export const zoneringLayerStyles = css`
  :host {
    display: block;
    position: relative;
  }
  /* Shown only while the element cannot draw (no map, no polygons): what to do next. */
  .hint {
    margin: 0;
    padding: calc(var(--_space) / 2) var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
    font-size: 0.875rem;
  }
`;
