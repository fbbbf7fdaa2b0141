// Small DOM helpers shared by the platform detectors. Everything here reads, nothing writes, and
// nothing relies on `instanceof` (a Zoom client document inside an iframe belongs to another
// realm, so its elements are not instances of this window's `Element`).

import type { Detected, Signals } from './types';

/** Why a probe is kept although no committed fixture shows it (the fixture meta-test reads it). */
interface ProbeNote {
  unverified?: string;
}

/**
 * One alternative in an ordered selector list:
 * - a CSS selector (or `{ css }`, to add a note): present when something matches (presence, not
 *   visibility: toolbars auto-hide);
 * - `{ icon }`: a Material Symbols ligature, i.e. an icon-font element whose text is the icon's
 *   name (`call_end`); the same in every UI language;
 * - `{ text, within? }`: a phrase in the page text, or in the text of elements matching `within`;
 * - `{ selector, except }`: like a CSS selector, minus elements whose label or text match `except`.
 * An object form may carry `unverified`: the reason it is kept though no fixture shows it.
 */
export type Probe =
  | string
  | ({ css: string } & ProbeNote)
  | ({ icon: string } & ProbeNote)
  | ({ text: string; within?: string } & ProbeNote)
  | ({ selector: string; except: RegExp } & ProbeNote);

/**
 * The reason for a probe kept without a fixture of its own: a source-backed variant (another
 * wording, an older or newer hook, a German label) of a probe that a fixture does show. The
 * fixture meta-test (tests/unit/platforms/probe-coverage.test.ts) accepts it; a new probe with
 * neither a fixture nor a reason fails there.
 */
export const ALTERNATIVE =
  'a variant the named source lists (another wording, an older or newer hook, a German label); no fixture of ours shows this variant';

/**
 * Groups whose probes count only when shown on screen: text left behind in hidden nodes after
 * admission is no waiting room (Vexa #966), and a stale banner is no reconnect.
 */
export const SHOWN_ONLY_GROUPS: ReadonlySet<string> = new Set(['waiting', 'reconnecting']);

/** Google's icon fonts: Material Symbols (current Meet UI) and Material Icons (older UI). */
export const ICON_FONT_SELECTOR = '.google-symbols, .google-material-icons';

/**
 * One document to look at, for one look: the DOM cannot change during a look (it runs in one
 * go), so the page text, each element's text and each selector's matches are read at most once.
 */
export interface Scope {
  root: Document;
  text(): string;
  /** `querySelectorAll`, as an array, once per selector per look. */
  all?(selector: string): Element[];
  /** `textOf(el)`, once per element per look. */
  textOf?(el: Element): string;
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

/**
 * The text of a subtree without style sheets and scripts (a `<style>` in the body is no label):
 * its text nodes in document order, joined by spaces. Walked by sibling links, which allocate
 * nothing (a look reads the whole page's text).
 */
export function textOf(node: Node): string {
  const parts: string[] = [];
  let n: Node | null = node;
  while (n) {
    const type = n.nodeType;
    if (type === 3 /* TEXT_NODE */) {
      parts.push(n.nodeValue ?? '');
    } else if (
      n.firstChild &&
      !(type === 1 /* ELEMENT_NODE */ && SKIPPED_TEXT_PARENTS.has((n as Element).tagName))
    ) {
      n = n.firstChild;
      continue;
    }
    // On to the next sibling, or the nearest ancestor's, without leaving the subtree.
    while (n && n !== node && !n.nextSibling) n = n.parentNode;
    if (!n || n === node) break;
    n = n.nextSibling;
  }
  return normalizeText(parts.join(' '));
}

/** querySelectorAll that treats a selector this engine cannot parse as matching nothing. */
function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function scopeOf(doc: Document): Scope {
  let cached: string | undefined;
  const matches = new Map<string, Element[]>();
  const texts = new Map<Element, string>();
  return {
    root: doc,
    text() {
      if (cached === undefined) {
        const top = doc.body ?? doc.documentElement;
        cached = top ? textOf(top) : '';
      }
      return cached;
    },
    all(selector) {
      let found = matches.get(selector);
      if (!found) {
        found = queryAll(doc, selector);
        matches.set(selector, found);
      }
      return found;
    },
    textOf(el) {
      let text = texts.get(el);
      if (text === undefined) {
        text = textOf(el);
        texts.set(el, text);
      }
      return text;
    },
  };
}

const selectAll = (scope: Scope, selector: string): Element[] =>
  scope.all ? scope.all(selector) : queryAll(scope.root, selector);

const textIn = (scope: Scope, el: Element): string =>
  scope.textOf ? scope.textOf(el) : textOf(el);

function labelOf(scope: Scope, el: Element): string {
  return normalizeText(`${el.getAttribute('aria-label') ?? ''} ${textIn(scope, el)}`);
}

/** A CSS selector of a probe, when it is one. */
function cssOf(probe: Probe): string | undefined {
  if (typeof probe === 'string') return probe;
  return 'css' in probe ? probe.css : undefined;
}

/**
 * The elements a probe looks among, and the test each must pass (none: all of them count). A
 * page-text probe looks among none.
 */
function candidatesOf(scope: Scope, probe: Probe): [Element[], ((el: Element) => boolean)?] {
  const css = cssOf(probe);
  if (css !== undefined) return [selectAll(scope, css)];
  if (typeof probe === 'string' || 'css' in probe) return [[]];
  if ('icon' in probe) {
    return [
      selectAll(scope, ICON_FONT_SELECTOR),
      (el) => normalizeText(el.textContent ?? '') === probe.icon,
    ];
  }
  if ('selector' in probe) {
    return [selectAll(scope, probe.selector), (el) => !probe.except.test(labelOf(scope, el))];
  }
  if (probe.within === undefined) return [[]];
  const phrase = normalizeText(probe.text);
  return [selectAll(scope, probe.within), (el) => textIn(scope, el).includes(phrase)];
}

/** The elements a probe points at; a page-text probe points at no element. */
function probeElements(scope: Scope, probe: Probe): Element[] {
  const [els, keep] = candidatesOf(scope, probe);
  return keep ? els.filter(keep) : els;
}

/** Whether the document has been laid out (a real browser); happy-dom reports no sizes. */
function hasLayout(doc: Document): boolean {
  const rect = doc.documentElement?.getBoundingClientRect?.();
  return rect !== undefined && (rect.width > 0 || rect.height > 0);
}

/**
 * Whether an element is on screen: not inside `hidden`, `aria-hidden="true"`, `display: none`
 * or `visibility: hidden`, and (where the page is laid out) not of zero size.
 */
export function isShown(el: Element): boolean {
  const view = el.ownerDocument?.defaultView;
  for (let n: Element | null = el; n; n = n.parentElement) {
    if (n.hasAttribute('hidden') || n.getAttribute('aria-hidden') === 'true') return false;
    const style = view?.getComputedStyle?.(n);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  if (el.ownerDocument && hasLayout(el.ownerDocument)) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return false;
  }
  return true;
}

/** The smallest elements whose text holds a phrase (where a page-text phrase sits). */
function holdersOf(root: Element, phrase: string): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop();
    if (!el) break;
    const kids = Array.from(el.children).filter(
      (k) => !SKIPPED_TEXT_PARENTS.has(k.tagName) && textOf(k).includes(phrase),
    );
    if (kids.length === 0) out.push(el);
    else stack.push(...kids);
  }
  return out;
}

/** Does one probe match in one scope? `shown`: only what is on screen counts. */
export function probeMatches(scope: Scope, probe: Probe, shown = false): boolean {
  if (typeof probe === 'object' && 'text' in probe && probe.within === undefined) {
    const phrase = normalizeText(probe.text);
    if (!scope.text().includes(phrase)) return false;
    if (!shown) return true;
    const top = scope.root.body ?? scope.root.documentElement;
    return top ? holdersOf(top, phrase).some(isShown) : false;
  }
  const [els, keep] = candidatesOf(scope, probe);
  // Stop at the first element that counts: a yes needs only one.
  if (shown) return els.some((el) => (!keep || keep(el)) && isShown(el));
  return keep ? els.some(keep) : els.length > 0;
}

/** Does any alternative match in any of the scopes? */
export function present(
  scopes: readonly Scope[],
  probes: readonly Probe[],
  shown = false,
): boolean {
  return scopes.some((scope) => probes.some((probe) => probeMatches(scope, probe, shown)));
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

/** A probe as a short, language-neutral name for reports: its own definition, never page text. */
export function probeName(probe: Probe): string {
  const css = cssOf(probe);
  if (css !== undefined) return css;
  if (typeof probe === 'string' || 'css' in probe) return '';
  if ('icon' in probe) return `icon:${probe.icon}`;
  if ('selector' in probe) return `${probe.selector} except ${probe.except.source}`;
  return probe.within === undefined
    ? `text:"${probe.text}"`
    : `text:"${probe.text}" in ${probe.within}`;
}

/** The reason a probe is kept without a fixture, if it carries one. */
export function unverifiedReason(probe: Probe): string | undefined {
  return typeof probe === 'object' ? probe.unverified : undefined;
}

/** A control that opens a menu (a split button's chevron), by its ARIA state: no leave. */
function opensMenu(el: Element): boolean {
  const popup = el.getAttribute('aria-haspopup');
  return (popup !== null && popup !== 'false') || el.hasAttribute('aria-expanded');
}

/**
 * The clickable leave controls of a matched element: the button around it (an icon sits inside
 * its button), or, for a wrapper such as Teams' `div#hangup-button`, the buttons inside it. A
 * menu trigger (the chevron beside hang-up, "more leave options") is never a leave.
 */
export function leaveButtonsOf(el: Element): Element[] {
  const around = el.closest('button, [role="button"]');
  if (around) return opensMenu(around) ? [] : [around];
  const inside = Array.from(el.querySelectorAll('button, [role="button"]'));
  if (inside.length === 0) return [el];
  return inside.filter((b) => !opensMenu(b));
}

/** Distinct leave controls of every matched element, in order. */
export function leaveButtons(found: readonly Element[]): Element[] {
  return [...new Set(found.flatMap(leaveButtonsOf))];
}

export const NO_SIGNALS: Readonly<Signals> = Object.freeze({
  primary: false,
  secondary: false,
  strong: false,
  waiting: false,
  lobby: false,
  ended: false,
  reconnecting: false,
  presenting: false,
});

/**
 * In call by one look: both kinds of in-call evidence and nothing that says otherwise. Waiting
 * text loses to strong in-call evidence: only a waiting room that is really on screen and shows
 * none of the call's own structures holds the call at lobby.
 */
export function looksInCall(s: Signals): boolean {
  return s.primary && s.secondary && (!s.waiting || s.strong) && !s.lobby && !s.ended;
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

/**
 * The standard probe groups every detector has, and the signal each feeds. `strong` is also
 * in-call evidence; `endedHints` count only once the leave control is gone (page text includes
 * chat and captions: a participant typing "call ended" must not end the call).
 */
export interface StandardProbes {
  leave: readonly Probe[];
  inCall: readonly Probe[];
  strong: readonly Probe[];
  waiting: readonly Probe[];
  lobby: readonly Probe[];
  endedMarkers: readonly Probe[];
  endedHints: readonly Probe[];
  reconnecting: readonly Probe[];
  presenting: readonly Probe[];
}

/** One look's signals from the standard groups. */
export function readSignals(scopes: readonly Scope[], p: StandardProbes): Signals {
  const primary = present(scopes, p.leave);
  const strong = present(scopes, p.strong);
  return {
    primary,
    secondary: strong || present(scopes, p.inCall),
    strong,
    waiting: present(scopes, p.waiting, true),
    lobby: present(scopes, p.lobby),
    ended: present(scopes, p.endedMarkers) || (!primary && present(scopes, p.endedHints)),
    reconnecting: present(scopes, p.reconnecting, true),
    presenting: present(scopes, p.presenting),
  };
}
