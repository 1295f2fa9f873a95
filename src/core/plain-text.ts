/**
 * Untrusted text (a service's exception text, a value from a data file) made safe to print: no
 * terminal escape sequences or other control characters, and cut to a readable length with "…".
 * Linear time, no backtracking patterns.
 */

/** Longest message text kept from a service (characters). */
export const MAX_MESSAGE_CHARS = 300;

/* eslint-disable no-control-regex -- these patterns exist to find escapes and control characters */
const ESCAPE_SEQUENCE =
  /\u001b(?:\[[0-?]{0,32}[ -/]{0,8}[@-~]|\][^\u0007\u001b]{0,2048}(?:\u0007|\u001b\\)?|[@-Z\\-_])|\u009b[0-?]{0,32}[ -/]{0,8}[@-~]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/**
 * Removes terminal escape sequences (CSI, OSC, single-character escapes) and control characters
 * except tab and newline; bidi overrides too.
 */
export function stripControl(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** Cuts `text` to at most `max` characters, ending with "…" when cut (never inside a surrogate pair). */
export function clipText(text: string, max: number = MAX_MESSAGE_CHARS): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** One line of plain text: escapes and control characters removed, whitespace collapsed, clipped. */
export function plainText(text: string, max: number = MAX_MESSAGE_CHARS): string {
  // Clip generously first, so the work is bounded by `max`, not by the input.
  const head = text.length > max * 4 + 64 ? text.slice(0, max * 4 + 64) : text;
  const out = clipText(stripControl(head).replace(/\s+/g, ' ').trim(), max);
  return head.length < text.length && !out.endsWith('…') ? `${clipText(out, max - 1)}…` : out;
}

/** A multi-line message for a terminal: escapes and control characters removed (tab and newline kept). */
export function terminalText(text: string, max = 4000): string {
  return clipText(stripControl(text.length > max * 2 ? text.slice(0, max * 2) : text), max);
}
