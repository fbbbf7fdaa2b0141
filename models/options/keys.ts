// The Mentorships page's keys, one keystroke each, taken only when no text field has focus and
// no modifier is held, so none clashes with typing or with the browser's own keys:
//   /   focus the search box (as on many sites; Chrome binds no plain "/" on extension pages)
//   n   the next mentorship in "who is next" order
//   [ ] the previous and next held session, on a session's page (Alt+←/→ would be the
//       browser's Back and Forward, so those are left alone)
//
// Pure: a key event's fields in, the command out.

export type KeyCommand = 'search' | 'next-mentorship' | 'previous-session' | 'next-session';

export interface KeyInput {
  key: string;
  /** The physical key (KeyboardEvent.code): "n" is KeyN on a Hebrew or Cyrillic layout too. */
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** Focus is in a text field, a select or an editable element. */
  typing: boolean;
  /** A session's page is shown. */
  onSessionPage: boolean;
}

export function keyCommand(e: KeyInput): KeyCommand | undefined {
  if (e.typing || e.altKey || e.ctrlKey || e.metaKey) return undefined;
  if (e.key === '/') return 'search';
  if (e.key === 'n' || e.code === 'KeyN') return 'next-mentorship';
  if (e.onSessionPage && e.key === '[') return 'previous-session';
  if (e.onSessionPage && e.key === ']') return 'next-session';
  return undefined;
}
