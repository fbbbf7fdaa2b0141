import { describe, expect, it } from 'vitest';
import {
  autoFold,
  cardFold,
  type FoldChoice,
  type FoldFacts,
  nudgeShows,
  reflectPrompts,
} from '../../../lib/rules/on-screen';

// What shows on the screen during a call: the card folds to its timer while the user presents
// or while the panel shows the call; the nudge keeps to the badge while presenting; at the end
// the panel's reflection is not offered again.

const facts = (f: Partial<FoldFacts> = {}): FoldFacts => ({
  presenting: false,
  foldWhilePresenting: true,
  panelOpen: false,
  ended: false,
  ...f,
});
const choice = (c: Partial<FoldChoice> = {}): FoldChoice => ({
  byHand: false,
  unfoldedFor: null,
  ...c,
});

describe('cardFold', () => {
  it.each([
    ['nothing going on: the whole card', facts(), choice(), null],
    ['presenting: the pill', facts({ presenting: true }), choice(), 'presenting'],
    [
      'presenting with the setting off: the whole card',
      facts({ presenting: true, foldWhilePresenting: false }),
      choice(),
      null,
    ],
    ['the panel open: the pill', facts({ panelOpen: true }), choice(), 'panel'],
    [
      'presenting with the panel open: presenting comes first',
      facts({ presenting: true, panelOpen: true }),
      choice(),
      'presenting',
    ],
    [
      'the setting off, the panel open: the pill for the panel',
      facts({ presenting: true, foldWhilePresenting: false, panelOpen: true }),
      choice(),
      'panel',
    ],
    ['folded by hand', facts(), choice({ byHand: true }), 'hand'],
    [
      'folded by hand, presenting: presenting says why',
      facts({ presenting: true }),
      choice({ byHand: true }),
      'presenting',
    ],
    [
      'presenting stops while folded by hand: stays folded',
      facts({ presenting: false }),
      choice({ byHand: true }),
      'hand',
    ],
    [
      'unfolded by the user while presenting: whole until presenting stops',
      facts({ presenting: true }),
      choice({ unfoldedFor: 'presenting' }),
      null,
    ],
    [
      'unfolded for the panel, then presenting: folds for presenting',
      facts({ presenting: true, panelOpen: true }),
      choice({ unfoldedFor: 'panel' }),
      'presenting',
    ],
    [
      'unfolded while presenting, the panel opens after: still whole (presenting comes first)',
      facts({ presenting: true, panelOpen: true }),
      choice({ unfoldedFor: 'presenting' }),
      null,
    ],
    [
      'the call over, panel open: the end card',
      facts({ ended: true, panelOpen: true }),
      choice(),
      null,
    ],
    [
      'the call over, folded by hand: stays folded',
      facts({ ended: true }),
      choice({ byHand: true }),
      'hand',
    ],
  ] as const)('%s', (_name, f, c, expected) => {
    expect(cardFold(f, c)).toBe(expected);
  });

  it('names only the reasons the extension folds for itself', () => {
    expect(autoFold(facts({ presenting: true }))).toBe('presenting');
    expect(autoFold(facts({ panelOpen: true }))).toBe('panel');
    expect(autoFold(facts())).toBeNull();
    expect(autoFold(facts({ ended: true, presenting: true }))).toBeNull();
  });
});

describe('nudgeShows', () => {
  it.each([
    [false, true, 'notification'],
    [true, true, 'badge'],
    [true, false, 'notification'],
    [false, false, 'notification'],
  ] as const)('presenting %s, setting %s: %s', (presenting, foldWhilePresenting, expected) => {
    expect(nudgeShows({ presenting, foldWhilePresenting })).toBe(expected);
  });
});

describe('reflectPrompts', () => {
  it.each([
    [false, { cardButton: true, notification: true }],
    [true, { cardButton: false, notification: false }],
  ])('panel open %s', (panelOpen, expected) => {
    expect(reflectPrompts({ panelOpen })).toEqual(expected);
  });
});
