/**
 * Whether the page is being printed (between `beforeprint` and `afterprint`, or while the
 * element's own print button opens the dialog), so an element can open every explanation for
 * the paper. Listens only while its element is connected.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Tracks printing for one element. */
export class PrintController implements ReactiveController {
  printing = false;
  private controller: AbortController | undefined;
  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.controller = new AbortController();
    const { signal } = this.controller;
    window.addEventListener('beforeprint', () => this.set(true), { signal });
    window.addEventListener('afterprint', () => this.set(false), { signal });
  }

  hostDisconnected(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  /** Renders for paper, opens the browser's print dialog, and renders for the screen again. */
  async print(): Promise<void> {
    this.set(true);
    await this.host.updateComplete;
    try {
      window.print();
    } finally {
      this.set(false);
    }
  }

  private set(on: boolean): void {
    if (this.printing === on) return;
    this.printing = on;
    this.host.requestUpdate();
  }
}
