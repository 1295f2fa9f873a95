/**
 * Renders the long, mostly folded-away parts of a comparison (the fit per measure, what each
 * measure adds, the assumptions: hundreds of rows for the demo's three scenarios) one task after
 * the rest of the results, so that showing a new comparison is two short main-thread tasks rather
 * than one long one (#11 "Nothing heavy on the main thread"). The element keeps the previous
 * comparison's details in the DOM, hidden, meanwhile, so they are updated in place.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Which comparison has its detail sections rendered; see the module comment. */
export class DetailsController<T extends object> implements ReactiveController {
  private renderedFor: T | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private done: Promise<void> = Promise.resolve();
  private resolveDone: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly current: () => T | undefined,
  ) {
    host.addController(this);
  }

  /** The comparison whose details are rendered (or to be rendered in this update). */
  get rendered(): T | undefined {
    return this.renderedFor;
  }

  /** Resolves when the details of the comparison now shown are rendered. */
  async whenRendered(): Promise<void> {
    while (this.pending()) {
      await this.done;
      await this.host.updateComplete;
    }
  }

  hostUpdated(): void {
    if (!this.pending() || this.timer !== undefined) return;
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.renderedFor = this.current();
      this.host.requestUpdate();
      this.resolveDone?.();
    }, 0);
  }

  hostDisconnected(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.renderedFor = undefined;
    this.resolveDone?.();
  }

  private pending(): boolean {
    const shown = this.current();
    return shown !== undefined && shown !== this.renderedFor;
  }
}
