// Small DOM helpers shared by the platform detectors. Everything here reads, nothing writes, and
// nothing relies on `instanceof` (a Zoom client document inside an iframe belongs to another
// realm, so its elements are not instances of this window's `Element`).

import type { Detected, Signals } from './types';

/**
 * One alternative in an ordered selector list:
 * - a CSS selector: present when something matches (presence, not visibility: toolbars auto-hide);
 * - `{ icon }`: a Material Symbols ligature, i.e. an icon-font element whose text is the icon's
 *   name (`call_end`); the same in every UI language;
 * - `{ text, within? }`: a phrase in the page text, or in the text of elements matching `within`;
 * - `{ selector, except }`: like a CSS selector, minus elements whose label or text match `except`.
 */
export type Probe =
  | string
  | { icon: string }
  | { text: string; within?: string }
  | { selector: string; except: RegExp };

/** Google's icon fonts: Material Symbols (current Meet UI) and Material Icons (older UI). */
export const ICON_FONT_SELECTOR = '.google-symbols, .google-material-icons';

/** One document to look at, with its page text read at most once per look. */
export interface Scope {
  root: Document;
  text(): string;
}

const SKIPPED_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Lower case, one kind of apostrophe, single spaces: so "You’ll" and "You'll" compare equal. */
export function normalizeText(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The text of a subtree without style sheets and scripts (a `<style>` in the body is no label). */
export function textOf(node: Node): string {
  const parts: string[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!n) break;
    if (n.nodeType === 3 /* TEXT_NODE */) {
      parts.push(n.nodeValue ?? '');
      continue;
    }
    if (n.nodeType === 1 /* ELEMENT_NODE */ && SKIPPED_TEXT_PARENTS.has((n as Element).tagName)) {
      continue;
    }
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return normalizeText(parts.join(' '));
}

export function scopeOf(doc: Document): Scope {
  let cached: string | undefined;
  return {
    root: doc,
    text() {
      if (cached === undefined) {
        const top = doc.body ?? doc.documentElement;
        cached = top ? textOf(top) : '';
      }
      return cached;
    },
  };
}

/** querySelectorAll that treats a selector this engine cannot parse as matching nothing. */
function selectAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function labelOf(el: Element): string {
  return normalizeText(`${el.getAttribute('aria-label') ?? ''} ${textOf(el)}`);
}

/** The elements a probe points at; a page-text probe points at no element. */
function probeElements(scope: Scope, probe: Probe): Element[] {
  if (typeof probe === 'string') return selectAll(scope.root, probe);
  if ('icon' in probe) {
    return selectAll(scope.root, ICON_FONT_SELECTOR).filter(
      (el) => normalizeText(el.textContent ?? '') === probe.icon,
    );
  }
  if ('selector' in probe) {
    return selectAll(scope.root, probe.selector).filter((el) => !probe.except.test(labelOf(el)));
  }
  if (probe.within === undefined) return [];
  const phrase = normalizeText(probe.text);
  return selectAll(scope.root, probe.within).filter((el) => textOf(el).includes(phrase));
}

function probePresent(scope: Scope, probe: Probe): boolean {
  if (typeof probe === 'object' && 'text' in probe && probe.within === undefined) {
    return scope.text().includes(normalizeText(probe.text));
  }
  return probeElements(scope, probe).length > 0;
}

/** Does any alternative match in any of the scopes? */
export function present(scopes: readonly Scope[], probes: readonly Probe[]): boolean {
  return scopes.some((scope) => probes.some((probe) => probePresent(scope, probe)));
}

/** Every element any alternative points at, in order, without duplicates. */
export function elements(scopes: readonly Scope[], probes: readonly Probe[]): Element[] {
  const out: Element[] = [];
  for (const scope of scopes) {
    for (const probe of probes) {
      for (const el of probeElements(scope, probe)) if (!out.includes(el)) out.push(el);
    }
  }
  return out;
}

/** The clickable control around an element (an icon sits inside its button). */
export function controlOf(el: Element): Element {
  return el.closest('button, [role="button"]') ?? el;
}

export const NO_SIGNALS: Readonly<Signals> = Object.freeze({
  primary: false,
  secondary: false,
  waiting: false,
  lobby: false,
  ended: false,
});

/** In call by one look: both kinds of in-call evidence and nothing that says otherwise. */
export function looksInCall(s: Signals): boolean {
  return s.primary && s.secondary && !s.waiting && !s.lobby && !s.ended;
}

/**
 * The state one look supports. A leave control without in-call evidence is a waiting room
 * (Meet shows its `call_end` icon while "Asking to be let in"), so it reads as lobby. Nothing
 * known reads as none: never a guess.
 */
export function stateOf(s: Signals): Detected {
  if (s.ended) return 'ended';
  if (looksInCall(s)) return 'in-call';
  if (s.waiting || s.lobby || s.primary) return 'lobby';
  return 'none';
}
