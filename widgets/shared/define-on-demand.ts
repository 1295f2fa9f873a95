/**
 * Elements whose code loads on demand (the script-tag bundle's kansenkaart elements): `load` (a
 * dynamic `import()` of their `define` modules) runs once, when the first of `tags` appears in the
 * document, found by a MutationObserver (elements already in the page at start count too). The
 * browser then upgrades the elements in the document; properties set before (`el.map = map`) are
 * kept by Lit. Elements in a shadow root are not seen: call the returned function (it loads at
 * once; the promise resolves when the elements are defined) or await
 * `customElements.whenDefined(tag)` after calling it.
 */
export function defineOnDemand(
  tags: readonly string[],
  load: () => Promise<unknown>,
): () => Promise<void> {
  let loading: Promise<void> | undefined;
  let observer: MutationObserver | undefined;
  const run = (): Promise<void> => {
    observer?.disconnect();
    observer = undefined;
    loading ??= load().then(
      () => undefined,
      (e: unknown) => {
        // A chunk that did not load (offline, not copied next to the bundle): say so, and try
        // again on the next call.
        loading = undefined;
        console.error(`natuurlijke-alliantie: could not load ${tags.join(', ')}:`, e);
        throw e;
      },
    );
    return loading;
  };
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return run;
  const selector = tags.join(',');
  const quiet = (): void => void run().catch(() => undefined);
  if (document.querySelector(selector) !== null) {
    quiet();
    return run;
  }
  observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (
          node instanceof Element &&
          (node.matches(selector) || node.querySelector(selector) !== null)
        ) {
          quiet();
          return;
        }
  });
  observer.observe(document, { childList: true, subtree: true });
  return run;
}
