/**
 * Phone first (issue #15): on a narrow screen the map sits above the panel. After a click, the
 * map shrinks to a strip that stays at the top of the screen, and the page scrolls so that the
 * report (its summary and the first plot-scale advice) fills the rest, without the user
 * scrolling. Only wiring of the host page: the element renders the report, the page decides the
 * layout (`body.report-shown`, demo.css).
 */
import type OlMap from 'ol/Map.js';
import type { NaLocationCheck } from '../widgets/location-check/location-check.js';

const PHONE = '(max-width: 800px)';

/**
 * Shows the report below a strip of the map on phones, after each report.
 * @param check - the location check in the panel
 * @param map - the map above it
 */
export function revealReportOnPhones(check: NaLocationCheck, map: OlMap): void {
  const phone = window.matchMedia(PHONE);
  check.addEventListener('na-report-ready', (event) => {
    if (!phone.matches) return;
    const location = (event as CustomEvent<{ location?: { rdX?: number; rdY?: number } }>).detail
      .location;
    document.body.classList.add('report-shown');
    void check.updateComplete.then(() => {
      // The strip has its new size now: let the map fill it and keep the clicked point in view.
      map.updateSize();
      if (location?.rdX !== undefined && location.rdY !== undefined) {
        map.getView().setCenter([location.rdX, location.rdY]);
      }
      const heading = check.shadowRoot?.querySelector('[part~="report-heading"]');
      const strip = map.getTargetElement()?.getBoundingClientRect().height ?? 0;
      if (!heading) return;
      const top = heading.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: Math.max(0, top - strip), behavior: 'instant' });
    });
  });
}
