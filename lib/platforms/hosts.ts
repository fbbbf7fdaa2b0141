// The hosts the extension runs on, as manifest match patterns. This is all the host access the
// extension has: the content script's matches, the overlay's web-accessible origins.
export const CALL_MATCHES = [
  'https://meet.google.com/*',
  // app.zoom.us and company vanity hosts such as acme.zoom.us
  'https://*.zoom.us/*',
  'https://teams.microsoft.com/*',
  'https://teams.live.com/*',
  'https://teams.cloud.microsoft/*',
] as const;
