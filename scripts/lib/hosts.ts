// The real hostnames the tests and the demo map to the local fixture server. The platform hosts
// come from the extension's one host list (lib/platforms/hosts.ts), so a host added there is
// served, certified and mapped here without a second edit.
import { SAMPLE_HOSTS } from '../../lib/platforms/hosts.ts';

export const MEETING_HOSTS: readonly string[] = SAMPLE_HOSTS;

/** A host that is not a meeting platform: the extension must do nothing there. */
export const OTHER_HOST = 'docs.example.org';

/**
 * A host under a covered domain that holds no meetings (Zoom's help centre): the content script
 * runs there, and must find no call and mount no card.
 */
export const COVERED_OTHER_HOST = 'support.zoom.us';

export const ALL_HOSTS = [...MEETING_HOSTS, COVERED_OTHER_HOST, OTHER_HOST];
