/**
 * The messages that say why the map of `map-target` is not there (keys of
 * {@link MAP_TARGET_MESSAGE} in `map-target.ts`). One wording for every element that takes an
 * `ol/Map`; each element spreads them into its own message table, so a municipality can still
 * reword them per element (`applyWidgetTexts`).
 */
export const mapTargetMessages = {
  mapTargetInvalid: {
    nl: '{selector} is geen geldige CSS-selector (attribuut map-target).',
    en: '{selector} is not a valid CSS selector (attribute map-target).',
  },
  mapTargetNoElement: {
    nl: 'Er is geen element {selector} op de pagina voor de kaart (attribuut map-target).',
    en: 'There is no element {selector} on the page for the map (attribute map-target).',
  },
  mapTargetNoMap: {
    nl: 'In {selector} staat geen OpenLayers-kaart. Maak de kaart daarin, of geef hem via de eigenschap map.',
    en: 'There is no OpenLayers map in {selector}. Create the map there, or give it with the property map.',
  },
} as const;
