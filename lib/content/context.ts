// The content script's context: what WXT's `ContentScriptContext` gives `main(ctx)`, in a few
// hundred bytes. The content-script build aliases `wxt/utils/content-script-context` to this
// file (wxt.config.ts), because WXT's own class costs about 1.2 kB gzip, pulls in `wxt/browser`
// (the polyfill, 3 kB gzip, in this project), polls the URL every second where the Navigation
// API is missing, and tells the page on every start: it posts `<extension id>:<script>:wxt:
// content-script-started` to the page's window and dispatches it on the page's document, which
// any page script can read (so a page learns the extension is installed, and its id).
//
// The same public API (tests/unit/content/context.test.ts holds the two side by side):
// - invalid once `abort()`ed, or once the extension is gone (updated, reloaded, removed: the
//   runtime id disappears), and then every timer and listener made through it stops;
// - `wxt:locationchange` through the Navigation API's `currententrychange`, else `popstate` and
//   `hashchange`, never a timer; handlers get `{ newUrl, oldUrl }`;
// - nothing is ever dispatched or posted where the page can see it. (WXT's "stop older copies
//   of this script" only matters for scripts injected twice, which this project never does.)

import { alive } from './runtime';

interface LocationChange {
  newUrl: URL;
  oldUrl: URL;
}

type Handler = (event: never) => void;

interface NavigationLike {
  addEventListener(type: 'currententrychange', cb: () => void, opts: { signal: AbortSignal }): void;
}

export class ContentScriptContext {
  readonly #abort = new AbortController();
  #urlHandlers?: Array<(event: LocationChange) => void>;

  // WXT constructs it with the script's name and options; neither is needed here.

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  abort(reason?: unknown): void {
    this.#abort.abort(reason);
  }

  get isInvalid(): boolean {
    if (!this.signal.aborted && !alive()) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    // The clean-up goes once the timer has run: a script that sets a timeout a second does
    // not pile up listeners on the signal all day.
    const off = this.onInvalidated(() => clearTimeout(id));
    const id = setTimeout(() => {
      off();
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((t) => {
      if (this.isValid) callback(t);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  addEventListener(
    target: EventTarget,
    type: string,
    handler: Handler,
    options?: AddEventListenerOptions,
  ): void {
    if (type === 'wxt:locationchange') {
      this.#watchLocation().push(handler as (event: LocationChange) => void);
      return;
    }
    target.addEventListener?.(type, handler as EventListener, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  stopOldScripts(): void {}

  verifyScriptStartedEvent(_event: CustomEvent): boolean {
    return false;
  }

  listenForNewerScripts(): void {}

  #watchLocation(): Array<(event: LocationChange) => void> {
    if (this.#urlHandlers) return this.#urlHandlers;
    const handlers: Array<(event: LocationChange) => void> = [];
    this.#urlHandlers = handlers;
    let last = new URL(location.href);
    const changed = () => {
      if (!this.isValid) return;
      const now = new URL(location.href);
      if (now.href === last.href) return;
      const event = { newUrl: now, oldUrl: last };
      last = now;
      for (const h of handlers) h(event);
    };
    const nav = (globalThis as { navigation?: NavigationLike }).navigation;
    const signal = this.signal;
    if (typeof nav?.addEventListener === 'function') {
      nav.addEventListener('currententrychange', changed, { signal });
    } else {
      addEventListener('popstate', changed, { signal });
      addEventListener('hashchange', changed, { signal });
    }
    return handlers;
  }
}
