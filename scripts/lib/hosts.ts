// The real hostnames the tests and the demo map to the local fixture server.
export const MEETING_HOSTS = [
  'meet.google.com',
  'app.zoom.us',
  'acme.zoom.us', // a company vanity host
  'teams.microsoft.com',
  'teams.live.com',
  'teams.cloud.microsoft',
] as const;

/** A host that is not a meeting platform: the extension must do nothing there. */
export const OTHER_HOST = 'docs.example.org';

export const ALL_HOSTS = [...MEETING_HOSTS, OTHER_HOST];
