/**
 * `natuurlijke-alliantie/widgets`: every element of the library, registered on import
 * (`<na-zonering-layer>`, `<na-zonering-legend>`, `<na-location-check>`, `<na-address-search>`,
 * `<na-scenario-compare>`), with their classes, events and helpers. Import one element's entry
 * instead (`natuurlijke-alliantie/location-check`, …) to load only that element.
 *
 * `ol` is a peer dependency: the host's own copy is used.
 */
export * from './zonering-layer/define.js';
export * from './zonering-legend/define.js';
export * from './location-check/define.js';
export * from './address-search/define.js';
export * from './scenario-compare/define.js';
export { defineElement } from './shared/define.js';
export { applyWidgetTexts, WidgetTextsError, type WidgetLang } from './shared/lang.js';
