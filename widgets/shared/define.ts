/**
 * Registers a custom element once per page. A page can hold two copies of this library (say the
 * geoportal's bundle and a plugin's own copy, or the script-tag bundle next to the npm package);
 * `customElements.define` throws on a second definition of a tag, which would break the page.
 * Here the first copy wins: a later copy with another class only warns.
 *
 * @param tag - the element name, e.g. `na-location-check`
 * @param ctor - the element class of this copy
 * @returns true when this call registered `ctor`; false when the tag was already defined
 *   (by this class: silently; by another class, i.e. another copy: with a console warning)
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): boolean {
  if (typeof customElements === 'undefined') return false;
  const existing = customElements.get(tag);
  if (existing === undefined) {
    try {
      customElements.define(tag, ctor);
      return true;
    } catch (e) {
      // The same constructor already registered under another tag, or a race with another copy.
      console.warn(
        `<${tag}> could not be registered: ${e instanceof Error ? e.message : String(e)}`,
      );
      return false;
    }
  }
  if (existing !== ctor) {
    console.warn(
      `<${tag}> is already defined by another copy of natuurlijke-alliantie (or another library); ` +
        'this copy was not registered. Load the library once per page.',
    );
  }
  return false;
}
