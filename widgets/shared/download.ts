/**
 * Saves text as a file through a temporary object URL (the browser's download). One helper for
 * every widget; the URL is revoked after the click has been handled.
 */

/** Delay before the object URL is revoked, ms (Chromium and Firefox start the download by then). */
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
