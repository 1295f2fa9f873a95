import { css } from 'lit';

/**
 * Shared design tokens. Every widget is styled through `--na-*` custom properties that fall back to
 * NL Design System tokens (`--utrecht-*`, as municipal token packages define them) and then to
 * accessible defaults. Hosts set `--na-*` (or their NLDS tokens) on any ancestor.
 *
 * @cssproperty --na-font-family - Font family (falls back to --utrecht-document-font-family).
 * @cssproperty --na-color-text - Text colour.
 * @cssproperty --na-color-background - Panel background.
 * @cssproperty --na-color-border - Borders and separators.
 * @cssproperty --na-color-accent - Buttons, links and focus accents.
 * @cssproperty --na-color-accent-text - Text on the accent colour.
 * @cssproperty --na-color-muted - Secondary text.
 * @cssproperty --na-color-warning-background - Background of warnings (illustrative data, partial report).
 * @cssproperty --na-focus-outline - Focus ring (falls back to --utrecht-focus-outline-color).
 * @cssproperty --na-radius - Corner radius.
 * @cssproperty --na-space - Base spacing unit.
 */
export const baseStyles = css`
  :host {
    --_font: var(--na-font-family, var(--utrecht-document-font-family, system-ui, sans-serif));
    --_text: var(--na-color-text, var(--utrecht-document-color, #1a1a1a));
    --_bg: var(--na-color-background, var(--utrecht-document-background-color, #ffffff));
    --_border: var(--na-color-border, var(--utrecht-separator-color, #8a8a8a));
    --_accent: var(
      --na-color-accent,
      var(--utrecht-button-primary-action-background-color, #00557a)
    );
    --_accent-text: var(
      --na-color-accent-text,
      var(--utrecht-button-primary-action-color, #ffffff)
    );
    --_muted: var(--na-color-muted, #4a4a4a);
    --_warn-bg: var(--na-color-warning-background, #fff4ce);
    --_focus: var(--na-focus-outline, var(--utrecht-focus-outline-color, #d52b1e));
    --_radius: var(--na-radius, 4px);
    --_space: var(--na-space, 8px);
    font-family: var(--_font);
    color: var(--_text);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    min-height: 44px;
    min-width: 44px;
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /*
   * Dark: the defaults turn dark, but NL Design System tokens still win, as pairs. A token set
   * with light colours only (most municipal packages) keeps its light text, background and button
   * colours together; muted text and the warning background are mixed from the text and
   * background in use, so they stay readable on whichever background that is.
   */
  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--na-color-text, var(--utrecht-document-color, #f0f0f0));
      --_bg: var(--na-color-background, var(--utrecht-document-background-color, #1e1e1e));
      --_accent: var(
        --na-color-accent,
        var(--utrecht-button-primary-action-background-color, #7cc7ff)
      );
      --_accent-text: var(
        --na-color-accent-text,
        var(--utrecht-button-primary-action-color, #000000)
      );
      --_muted: var(--na-color-muted, color-mix(in srgb, var(--_text) 80%, var(--_bg)));
      --_warn-bg: var(--na-color-warning-background, color-mix(in srgb, #ffbf00 22%, var(--_bg)));
    }
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
`;

/**
 * The panel frame of the widgets that are a block of their own (`<na-zonering-legend>`,
 * `<na-scenario-compare>`): a block as wide as `--_panel-max-width` (each sets it from its own
 * `--na-<widget>-max-width` token), the padded `base` part and the `title` part's spacing. Put it
 * after {@link baseStyles}; a widget's own styles refine the title's size.
 */
export const panelStyles = css`
  :host {
    display: block;
    max-width: var(--_panel-max-width);
    min-width: 0;
    line-height: 1.5;
    background: var(--_bg);
  }
  [part~='base'] {
    padding: var(--_space);
    overflow-wrap: anywhere;
  }
  [part~='title'] {
    line-height: 1.25;
    margin: 0 0 var(--_space);
  }
`;
