/**
 * The keys of the address field (WAI-ARIA 1.2 combobox with a listbox popup) as a pure function:
 * given the key and the list's state, what to do. The element applies the action; this module
 * decides nothing else and touches no DOM.
 */

/** The list's state when a key is pressed. */
export interface ComboboxState {
  /** Number of suggestions listed. */
  count: number;
  open: boolean;
  /** Index of the active suggestion, -1 for none. */
  active: number;
  /** A search waits for the typing pause. */
  searchPending: boolean;
  /** The text in the field. */
  value: string;
}

/** What a key does. `prevent`: the key's default action is taken over. */
export type ComboboxAction =
  | { kind: 'search-now'; prevent: true }
  | { kind: 'show'; open: true; active: number; prevent: true }
  | { kind: 'choose'; index: number; prevent: true }
  | { kind: 'close'; prevent: true }
  | { kind: 'clear'; prevent: true }
  | { kind: 'deactivate'; prevent: false };

/** The action of `key` (with its modifiers), or undefined when the key is left to the browser. */
export function comboboxKey(
  key: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; isComposing: boolean },
  s: ComboboxState,
): ComboboxAction | undefined {
  if (key.ctrlKey || key.metaKey || key.isComposing) return undefined;
  const n = s.count;
  switch (key.key) {
    case 'ArrowDown':
    case 'ArrowUp': {
      // Nothing listed yet: search now instead of after the pause.
      if (n === 0) return s.searchPending ? { kind: 'search-now', prevent: true } : undefined;
      // Alt+ArrowDown opens the list without moving.
      if (key.altKey) return { kind: 'show', open: true, active: s.active, prevent: true };
      const active =
        key.key === 'ArrowDown'
          ? !s.open || s.active >= n - 1
            ? 0
            : s.active + 1
          : !s.open || s.active <= 0
            ? n - 1
            : s.active - 1;
      return { kind: 'show', open: true, active, prevent: true };
    }
    case 'Enter':
      if (!s.open || n === 0 || key.altKey) return undefined;
      return { kind: 'choose', index: s.active >= 0 ? s.active : 0, prevent: true };
    case 'Escape':
      if (s.open) return { kind: 'close', prevent: true };
      return s.value !== '' ? { kind: 'clear', prevent: true } : undefined;
    case 'Home':
    case 'End':
    case 'ArrowLeft':
    case 'ArrowRight':
      // The keys edit the text; visual focus returns to the field.
      return { kind: 'deactivate', prevent: false };
    default:
      return undefined;
  }
}
