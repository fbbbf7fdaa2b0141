// The one list of hosts the extension runs on. Everything else derives from it: the manifest's
// match patterns (content script, the card's web-accessible origins), the detectors' host checks
// (`platformOfHost`), and the hostnames the tests and the demo map to the local fixture server
// (scripts/lib/hosts.ts). Host access is kept to the least that covers each platform: exact hosts
// where the platform has a fixed one, subdomains only where meetings really run on many.
//
// This file is read by Node scripts as well as bundled, so it imports types only. It is also in
// the content script every platform page loads, so each rule's source is a comment, not a field.

import type { Platform } from '../records';

export interface HostRule {
  platform: Platform;
  /** The registrable host, lower case. */
  host: string;
  /** Whether the rule covers subdomains too (`*.host` in a match pattern also covers `host`). */
  subdomains: boolean;
  /** Hostnames of this rule the tests serve (the host itself, or typical subdomains). */
  samples: readonly string[];
}

export const HOST_RULES: readonly HostRule[] = [
  // Google Meet in the browser (every source; TranscripTonic background.js PLATFORM_CONFIGS)
  {
    platform: 'meet',
    host: 'meet.google.com',
    subdomains: false,
    samples: ['meet.google.com'],
  },
  // the Zoom web client on app.zoom.us, regional hosts (us02web) and company vanity hosts
  // (TranscripTonic `https://*.zoom.us/*`; Vexa zoom/selectors.ts)
  {
    platform: 'zoom',
    host: 'zoom.us',
    subdomains: true,
    samples: ['app.zoom.us', 'acme.zoom.us', 'us02web.zoom.us'],
  },
  // Zoom for Government, the same web client on its own domain and agency subdomains (Vexa
  // services/mcp link_parser.py: "zoom.us (all subdomains) and zoomgov.com")
  {
    platform: 'zoom',
    host: 'zoomgov.com',
    subdomains: true,
    samples: ['zoomgov.com', 'agency.zoomgov.com'],
  },
  // Teams for work and school, classic and v2, and its anonymous guest page /light-meetings/launch
  // (TranscripTonic; Vexa manifest.json; attendee meeting_url_utils.py)
  {
    platform: 'teams',
    host: 'teams.microsoft.com',
    subdomains: false,
    samples: ['teams.microsoft.com'],
  },
  // Teams (free), consumer meetings (TranscripTonic; Vexa)
  {
    platform: 'teams',
    host: 'teams.live.com',
    subdomains: false,
    samples: ['teams.live.com'],
  },
  // the new Teams web app (TranscripTonic; teams-for-linux app/config default url)
  {
    platform: 'teams',
    host: 'teams.cloud.microsoft',
    subdomains: false,
    samples: ['teams.cloud.microsoft'],
  },
  // Teams for US government, GCC High (teams-for-linux ADR 020 "GovCloud
  // (https://gov.teams.microsoft.us/)"; Vexa link_parser.py)
  {
    platform: 'teams',
    host: 'gov.teams.microsoft.us',
    subdomains: false,
    samples: ['gov.teams.microsoft.us'],
  },
  // Teams for the US Department of Defense (Vexa link_parser.py and its tests)
  {
    platform: 'teams',
    host: 'dod.teams.microsoft.us',
    subdomains: false,
    samples: ['dod.teams.microsoft.us'],
  },
  // Teams behind Microsoft Defender for Cloud Apps session control, which serves the app at the
  // host plus `.mcas.ms` (teams-for-linux mainAppWindow/index.js and reactHandler.js strip the
  // suffix)
  {
    platform: 'teams',
    host: 'teams.microsoft.com.mcas.ms',
    subdomains: false,
    samples: ['teams.microsoft.com.mcas.ms'],
  },
  // the new Teams app behind the same proxy (teams-for-linux reactHandler.js: "eg:
  // teams.cloud.microsoft.mcas.ms")
  {
    platform: 'teams',
    host: 'teams.cloud.microsoft.mcas.ms',
    subdomains: false,
    samples: ['teams.cloud.microsoft.mcas.ms'],
  },
];

/** The rule that covers a hostname, if any. A look-alike (`zoom.us.evil.example`) has none. */
export function hostRuleOf(hostname: string): HostRule | undefined {
  const host = hostname.toLowerCase();
  return HOST_RULES.find((r) => host === r.host || (r.subdomains && host.endsWith(`.${r.host}`)));
}

/** The platform of a hostname, or undefined for every host we do not cover. */
export function platformOfHost(hostname: string): Platform | undefined {
  return hostRuleOf(hostname)?.platform;
}

/** Manifest match patterns: all the host access the extension has. */
export const CALL_MATCHES: readonly string[] = HOST_RULES.map(
  (r) => `https://${r.subdomains ? '*.' : ''}${r.host}/*`,
);

/** Every hostname the tests serve for a platform host. */
export const SAMPLE_HOSTS: readonly string[] = /* @__PURE__ */ HOST_RULES.flatMap((r) => r.samples);
