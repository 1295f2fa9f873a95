/**
 * The page shell shared by the demo pages: the language switch (nl/en) that sets `lang` on the
 * document and on every `na-*` element and translates the page's own texts, and the collapsible
 * panel on phones. Only wiring: no domain logic.
 */
import type OlMap from 'ol/Map.js';
import { labelZoomButtons } from '../src/map/ol-controls.js';
import { texts, type DemoLang } from './texts.js';

const STORAGE_KEY = 'na-demo-lang';

function storedLang(): DemoLang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch (e) {
    // Storage can be disabled (privacy settings): fall back to Dutch.
    console.warn('Geoportaal demo: the language preference could not be read.', e);
    return 'nl';
  }
}

function storeLang(lang: DemoLang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch (e) {
    console.warn('Geoportaal demo: the language preference could not be stored.', e);
  }
}

/** The text of a key in a language (the key itself when unknown). */
export function text(key: string, lang: DemoLang): string {
  return texts[key]?.[lang] ?? key;
}

let current: DemoLang = 'nl';
const maps = new Set<OlMap>();

/** Labels the map's zoom buttons in the page language now and after every language switch. */
export function registerMap(map: OlMap): void {
  maps.add(map);
  labelZoomButtons(map, { zoomIn: text('zoomIn', current), zoomOut: text('zoomOut', current) });
}

/** The language now shown. */
export function currentLang(): DemoLang {
  return current;
}

/**
 * Shows the page in a language: `lang` once on `<html>` (the widgets follow the `lang` of their
 * ancestors and re-render), the page's own texts, the pressed state of the switch.
 */
export function setLang(lang: DemoLang): void {
  current = lang;
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = text(el.dataset.i18n ?? '', lang);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', text(el.dataset.i18nAriaLabel ?? '', lang));
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-context-label]')) {
    el.setAttribute('context-label', text(el.dataset.i18nContextLabel ?? '', lang));
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('.lang-switch [data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  for (const map of maps) {
    labelZoomButtons(map, { zoomIn: text('zoomIn', lang), zoomOut: text('zoomOut', lang) });
  }
  document.dispatchEvent(new CustomEvent('demo-lang-change', { detail: { lang } }));
}

/** The collapsible panel: on phones a button hides and shows the panel body. */
function initPanelToggle(): void {
  const toggle = document.querySelector<HTMLButtonElement>('.panel-toggle');
  const body = document.querySelector<HTMLElement>('.panel-body');
  if (!toggle || !body) return;
  const show = (open: boolean): void => {
    body.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.dataset.i18n = open ? 'panelHide' : 'panelShow';
    toggle.textContent = text(toggle.dataset.i18n, current);
  };
  toggle.addEventListener('click', () => show(body.hidden));
  // On wide screens the panel is always open.
  const wide = window.matchMedia('(min-width: 801px)');
  wide.addEventListener('change', () => {
    if (wide.matches) show(true);
  });
}

/** Wires the language switch and the panel toggle, and applies the stored language. */
export function initShell(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.lang-switch [data-lang]')) {
    button.addEventListener('click', () => {
      const lang: DemoLang = button.dataset.lang === 'en' ? 'en' : 'nl';
      storeLang(lang);
      setLang(lang);
    });
  }
  initPanelToggle();
  setLang(storedLang());
}
