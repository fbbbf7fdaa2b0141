// The close watch of a call page (entrypoints/call-watch.ts: the detectors, the tracker, the
// card), loaded by the content script only once a page hints at a call: a web-accessible module
// it imports from the extension. Both browsers run such a module in the content script's own
// isolated world, with the same extension APIs (seen in Chromium 156 and Firefox 153, under a
// page CSP with Trusted Types and strict-dynamic, as Meet sends).

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Platform } from '../records';
import { getURL } from './runtime';

/** The module's file, built by WXT from entrypoints/call-watch.ts. */
export const WATCH_FILE = '/call-watch.js';

export interface WatchDeps {
  ctx: ContentScriptContext;
  platform: Platform;
  /** The watch has gone quiet (no call near any more): look cheaply again until `wake`. */
  rest(): void;
}

export interface CallWatch {
  /** Watch the page closely (again): a look hinted at a call. */
  wake(): void;
  /** Answers a message about this tab's call, or undefined when it is none of the watch's. */
  answer(msg: unknown): Promise<unknown> | undefined;
}

export type StartWatch = (deps: WatchDeps) => CallWatch | undefined;

/** Imports the watch module and starts it; one import per page, however often it is asked. */
export function watchLoader(deps: WatchDeps): () => Promise<CallWatch | undefined> {
  let loading: Promise<CallWatch | undefined> | undefined;
  return () => {
    loading ??= import(/* @vite-ignore */ getURL(WATCH_FILE)).then(
      (mod: { default: StartWatch }) => mod.default(deps),
      (error: unknown) => {
        // Let a later hint try again; say so once per attempt.
        loading = undefined;
        console.warn('Mentor Companion: could not load call detection', error);
        return undefined;
      },
    );
    return loading;
  };
}
