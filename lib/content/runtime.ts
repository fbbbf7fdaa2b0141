// The content script's whole door to the extension: the few runtime calls it makes, straight on
// the browser's own namespace. webextension-polyfill (10 kB, 3 kB gzip) stays where it earns its
// keep, in the background and the pages; every call here is one both browsers already give with
// promises (Firefox's `browser`, Chrome's `chrome` in Manifest V3). The one difference that
// matters is answering a message: a listener's returned Promise is honoured by Firefox but not by
// Chrome, so replies go through `sendResponse` + `return true`, which both honour.
//
// Content-script zone: no `browser` global, no `wxt/browser`, no polyfill (biome.json).

// biome-ignore lint/style/noRestrictedGlobals: the one file that names the browser's namespace.
type Api = typeof chrome;

/** Firefox's `browser` when it is a real extension namespace, else Chrome's `chrome`. */
function api(): Api | undefined {
  const g = globalThis as { browser?: Api; chrome?: Api };
  return g.browser?.runtime?.id ? g.browser : g.chrome;
}

/** False once the extension is updated, reloaded or removed: this script is then an orphan. */
export function alive(): boolean {
  return Boolean(api()?.runtime?.id);
}

export function sendMessage<T = unknown>(msg: unknown): Promise<T> {
  const runtime = api()?.runtime;
  if (!runtime?.id) return Promise.reject(new Error('Extension context invalidated.'));
  return runtime.sendMessage(msg) as Promise<T>;
}

export function getURL(path: string): string {
  return api()?.runtime.getURL(path) ?? '';
}

export function manifestVersion(): string | undefined {
  return api()?.runtime.getManifest().version;
}

/**
 * Listens for messages from the extension (never from the page: a page cannot reach a content
 * script's runtime). The handler answers with a Promise, or `undefined` to leave the message to
 * other listeners. Returns the function that stops listening.
 */
export function onMessage(handler: (msg: unknown) => Promise<unknown> | undefined): () => void {
  const runtime = api()?.runtime;
  if (!runtime) return () => {};
  const listener = (msg: unknown, _sender: unknown, reply: (answer: unknown) => void) => {
    const answer = handler(msg);
    if (answer === undefined) return false;
    answer.then(reply, (error: unknown) => reply({ error: String(error) }));
    return true;
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}
