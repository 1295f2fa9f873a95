/**
 * Offers text as a file download (a temporary object URL and a click on an `<a download>`), for
 * every widget. The URL is revoked after {@link REVOKE_DELAY_MS}: some browsers start reading the
 * blob only after the click's task, so revoking at once can cancel the download.
 */

/** How long the object URL of a download lives, in ms. */
export const REVOKE_DELAY_MS = 1000;

/** Saves `text` as `fileName` with the media type `type`. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
}

/** A file name made of `name`: lower case ASCII letters, digits and hyphens (`fallback` if empty). */
export function fileSlug(name: string, fallback: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? fallback : s;
}
