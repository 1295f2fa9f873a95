/**
 * `natuurlijke-alliantie/widgets`: every element of the library, registered on import
 * (`<na-zonering-layer>`, `<na-zonering-legend>`, `<na-location-check>`, `<na-address-search>`,
 * `<na-scenario-compare>`, `<na-kansenkaart-layer>`, `<na-kansenkaart-legend>`), with their
 * classes, events and helpers. Import one element's entry
 * instead (`natuurlijke-alliantie/location-check`, …) to load only that element.
 *
 * `ol` is a peer dependency: the host's own copy is used.
 *
 * Each element's entry (`./<element>/define.ts`) names its public exports one by one; this entry
 * is their union, so a name is listed once, in its element's entry (api-report.json checks both).
 */
export * from './zonering-layer/define.js';
export * from './zonering-legend/define.js';
export * from './location-check/define.js';
export * from './address-search/define.js';
export * from './scenario-compare/define.js';
export * from './kansenkaart-layer/define.js';
export * from './kansenkaart-legend/define.js';
export { defineElement } from './shared/define.js';
export { applyWidgetTexts, WidgetTextsError, type WidgetLang } from './shared/lang.js';
