/**
 * The zonering colours, labels and legend model. They are pure and live in core
 * (src/core/zonering-style.ts) so every renderer (OpenLayers, ArcGIS, SLD/QML export, legend) uses
 * the same function; this module re-exports them for the map glue and existing imports.
 */
export * from '../core/zonering-style.js';
