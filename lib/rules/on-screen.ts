// What the extension puts on the screen during a call, and when it keeps to itself. Three facts
// decide it: whether the user presents (shares their screen, so the other side may see the
// whole of it, card included), whether the side panel is open on this call (it shows the topic,
// the notes, the action items and, at the end, the reflection), and what the user asked for.
//
//   card:   presenting (and the setting on) --> pill, the timer alone, no away line
//           panel open on the live call      --> pill (the panel shows the rest)
//           folded by hand                   --> pill
//           otherwise                        --> the whole card (or the end card)
//   nudge:  presenting (and the setting on) --> the toolbar badge alone, no notification
//   end:    panel open on the call           --> no "Reflect now" on the end card, no notification
//
// A click on a pill the extension folded unfolds it until that reason is over: the user may want
// the notes for a moment; the next time they present, it folds again.
//
// The call page sees the frame change size when the card folds; it learns nothing new from it:
// it knows when its user presents, and its own viewport narrows when the side panel opens.
//
// Pure: no browser, no clock.

/** Why the card shows as its pill: the user presents, the panel is open, or the user folded it. */
export type FoldReason = 'presenting' | 'panel' | 'hand';

/** The reasons the extension folds the card by itself. */
export type AutoFold = Exclude<FoldReason, 'hand'>;

export interface FoldFacts {
  /** The user presents from this call now. */
  presenting: boolean;
  /** The setting "fold the card while I present" (on unless turned off). */
  foldWhilePresenting: boolean;
  /** The side panel is open showing this call. */
  panelOpen: boolean;
  /** The call is over: the end card shows, never a pill for the panel or presenting. */
  ended: boolean;
}

/** The reason the extension would fold the card now, if any. */
export function autoFold(f: FoldFacts): AutoFold | null {
  if (f.ended) return null;
  if (f.presenting && f.foldWhilePresenting) return 'presenting';
  if (f.panelOpen) return 'panel';
  return null;
}

export interface FoldChoice {
  /** The user folded the card with its "–" button. */
  byHand: boolean;
  /** The user unfolded a pill the extension had folded, for this reason. */
  unfoldedFor: AutoFold | null;
}

/** Why the card is a pill now, or null when it shows whole. Presenting comes first. */
export function cardFold(f: FoldFacts, choice: FoldChoice): FoldReason | null {
  const auto = autoFold(f);
  if (auto && auto !== choice.unfoldedFor) return auto;
  return choice.byHand ? 'hand' : null;
}

/** How the nudge back to the call shows: a notification, or the toolbar badge alone. */
export function nudgeShows(f: Pick<FoldFacts, 'presenting' | 'foldWhilePresenting'>) {
  return f.presenting && f.foldWhilePresenting ? 'badge' : 'notification';
}

/**
 * At the end of the call, where the reflection is offered: when the panel is already open on
 * the call it has turned into the reflection, so neither the end card nor a notification says it
 * again.
 */
export function reflectPrompts(f: { panelOpen: boolean }) {
  return { cardButton: !f.panelOpen, notification: !f.panelOpen };
}
