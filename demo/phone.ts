/**
 * Phone first (issue #15): on a narrow screen the map sits above the panel. After a click, scroll
 * the page so that a strip of the map stays visible at the top and the report (its summary and
 * the first plot-scale advice) fills the rest of the screen, without the user scrolling.
 * Only wiring of the host page: the element renders the report, the page decides the layout.
 */
import type { NaLocationCheck } from '../widgets/location-check/location-check.js';

/** Share of the screen height that keeps showing the map above the report. */
const MAP_STRIP = 0.18;

/**
 * Scrolls the report into view on phones (`max-width: 800px`) after each report.
 * @param check - the location check in the panel
 */
export function revealReportOnPhones(check: NaLocationCheck): void {
  const phone = window.matchMedia('(max-width: 800px)');
  check.addEventListener('na-report-ready', () => {
    if (!phone.matches) return;
    void check.updateComplete.then(() => {
      const heading = check.shadowRoot?.querySelector('[part~="report-heading"]');
      if (!heading) return;
      const top = heading.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({
        top: Math.max(0, top - window.innerHeight * MAP_STRIP),
        behavior: 'instant',
      });
    });
  });
}
