// A dropped or chosen invite file (`.ics`), from its bytes to the text lib/calendar/invite.ts
// reads. Calendars write UTF-8 (RFC 5545 3.1.4), but files people keep or forward are not
// always that: Outlook and Windows tools save UTF-16 with a byte-order mark, and older exports
// are in Windows-1252. So:
//
//   too many bytes          → invite-too-large (read no further than an invite can be long)
//   no bytes, only spaces   → invite-file-empty
//   UTF-8 / UTF-16 BOM      → decoded as the mark says, the mark dropped
//   valid UTF-8             → as it is
//   not UTF-8               → Windows-1252 (a byte there is always some character)
//   NUL bytes (no UTF-16)   → invite-file-not-calendar (a picture, a PDF, an archive)
//   no BEGIN:VCALENDAR / VEVENT in the text → invite-file-not-calendar
//
// Pure: no browser, no clock. Small on purpose: the pages load it with the model, while the
// invite reader (and ical.js) is loaded only once a file or text is read.

import { UserError } from '../errors';
import { LIMITS } from '../limits';

/** The most bytes an invite file may have: its most characters, 4 bytes each at worst. */
export const INVITE_FILE_MAX_BYTES = LIMITS.inviteInput * 4;

/** What a page has of a file the user dropped or chose (a DOM `File`). */
export interface InviteFile {
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const startsWith = (b: Uint8Array, ...mark: number[]) => mark.every((x, i) => b[i] === x);

/** The file's text, or a UserError saying why it is no invite. */
export function inviteFileText(bytes: Uint8Array): string {
  if (bytes.length > INVITE_FILE_MAX_BYTES) throw new UserError('invite-too-large');
  let text: string;
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (startsWith(bytes, 0xff, 0xfe)) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (startsWith(bytes, 0xfe, 0xff)) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (bytes.includes(0)) throw new UserError('invite-file-not-calendar');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  if (text.trim() === '') throw new UserError('invite-file-empty');
  if (text.length > LIMITS.inviteInput) throw new UserError('invite-too-large');
  if (!/BEGIN:(VCALENDAR|VEVENT)/i.test(text)) throw new UserError('invite-file-not-calendar');
  return text;
}

/** Reads a dropped or chosen file into its text; refuses a too large one before reading it. */
export async function readInviteFile(file: InviteFile): Promise<string> {
  if (file.size > INVITE_FILE_MAX_BYTES) throw new UserError('invite-too-large');
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (cause) {
    throw new UserError('invite-file-unreadable', [], { cause });
  }
  return inviteFileText(new Uint8Array(buffer));
}
