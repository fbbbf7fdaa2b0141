// Outlook and Exchange name time zones the Windows way ("W. Europe Standard Time") in an
// invite's TZID, and older Outlook builds by their display name ("(UTC+01:00) Amsterdam,
// Berlin, …"). Normally the invite carries a VTIMEZONE block under that name, which ical.js
// reads; this table is for an invite without one (a pasted fragment, a forwarding tool that
// dropped it). Windows names map to IANA zones as the Unicode CLDR `windowsZones.xml` table
// gives them for the "001" (whole world) territory; only the zones people commonly book in
// are listed. Also here: the path-prefixed TZIDs of old Mozilla and libical exports
// (`/mozilla.org/20050126_1/Europe/Berlin`).
//
// Pure: data and string handling only.

const WINDOWS: Record<string, string> = {
  'Dateline Standard Time': 'Etc/GMT+12',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Pacific Standard Time (Mexico)': 'America/Tijuana',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time': 'America/Denver',
  'Mountain Standard Time (Mexico)': 'America/Mazatlan',
  'Central America Standard Time': 'America/Guatemala',
  'Central Standard Time': 'America/Chicago',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Canada Central Standard Time': 'America/Regina',
  'SA Pacific Standard Time': 'America/Bogota',
  'Eastern Standard Time': 'America/New_York',
  'Eastern Standard Time (Mexico)': 'America/Cancun',
  'US Eastern Standard Time': 'America/Indiana/Indianapolis',
  'Venezuela Standard Time': 'America/Caracas',
  'Atlantic Standard Time': 'America/Halifax',
  'SA Western Standard Time': 'America/La_Paz',
  'Pacific SA Standard Time': 'America/Santiago',
  'Newfoundland Standard Time': 'America/St_Johns',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Buenos_Aires',
  'SA Eastern Standard Time': 'America/Cayenne',
  'Montevideo Standard Time': 'America/Montevideo',
  'UTC-02': 'Etc/GMT+2',
  'Azores Standard Time': 'Atlantic/Azores',
  'Cape Verde Standard Time': 'Atlantic/Cape_Verde',
  UTC: 'Etc/UTC',
  'Coordinated Universal Time': 'Etc/UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'GTB Standard Time': 'Europe/Bucharest',
  'Middle East Standard Time': 'Asia/Beirut',
  'Egypt Standard Time': 'Africa/Cairo',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'FLE Standard Time': 'Europe/Kiev',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Jerusalem Standard Time': 'Asia/Jerusalem',
  'Jordan Standard Time': 'Asia/Amman',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Arabic Standard Time': 'Asia/Baghdad',
  'Arab Standard Time': 'Asia/Riyadh',
  'Russian Standard Time': 'Europe/Moscow',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Iran Standard Time': 'Asia/Tehran',
  'Arabian Standard Time': 'Asia/Dubai',
  'Caucasus Standard Time': 'Asia/Yerevan',
  'Afghanistan Standard Time': 'Asia/Kabul',
  'Pakistan Standard Time': 'Asia/Karachi',
  'West Asia Standard Time': 'Asia/Tashkent',
  'India Standard Time': 'Asia/Kolkata',
  'Sri Lanka Standard Time': 'Asia/Colombo',
  'Nepal Standard Time': 'Asia/Kathmandu',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'Myanmar Standard Time': 'Asia/Yangon',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Taipei Standard Time': 'Asia/Taipei',
  'W. Australia Standard Time': 'Australia/Perth',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'Cen. Australia Standard Time': 'Australia/Adelaide',
  'AUS Central Standard Time': 'Australia/Darwin',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'Tasmania Standard Time': 'Australia/Hobart',
  'New Zealand Standard Time': 'Pacific/Auckland',
};

/** Outlook's display names, by the start of their city list. */
const DISPLAY: [RegExp, string][] = [
  [/^\(UTC\)\s*(Coordinated Universal Time|Dublin, Edinburgh)/i, 'Europe/London'],
  [/Dublin, Edinburgh, Lisbon, London/i, 'Europe/London'],
  [/Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna/i, 'Europe/Berlin'],
  [/Brussels, Copenhagen, Madrid, Paris/i, 'Europe/Paris'],
  [/Belgrade, Bratislava, Budapest, Ljubljana, Prague/i, 'Europe/Budapest'],
  [/Sarajevo, Skopje, Warsaw, Zagreb/i, 'Europe/Warsaw'],
  [/Helsinki, Kyiv|Helsinki, Kiev/i, 'Europe/Kiev'],
  [/Athens, Bucharest/i, 'Europe/Bucharest'],
  [/\)\s*Jerusalem/i, 'Asia/Jerusalem'],
  [/Moscow, St\. Petersburg/i, 'Europe/Moscow'],
  [/Eastern Time \(US (&|and) Canada\)/i, 'America/New_York'],
  [/Central Time \(US (&|and) Canada\)/i, 'America/Chicago'],
  [/Mountain Time \(US (&|and) Canada\)/i, 'America/Denver'],
  [/Pacific Time \(US (&|and) Canada\)/i, 'America/Los_Angeles'],
  [/Chennai, Kolkata, Mumbai, New Delhi/i, 'Asia/Kolkata'],
  [/Beijing, Chongqing, Hong Kong, Urumqi/i, 'Asia/Shanghai'],
  [/Osaka, Sapporo, Tokyo/i, 'Asia/Tokyo'],
  [/Canberra, Melbourne, Sydney/i, 'Australia/Sydney'],
];

/**
 * The names a TZID may stand for, most likely first: itself (an IANA name), the IANA zone of a
 * Windows or Outlook display name, and the tails of a path-prefixed name. The caller takes the
 * first its zone data knows.
 */
export function zoneCandidates(tzid: string): string[] {
  const name = tzid.trim().replace(/^"|"$/g, '');
  const out = [name];
  const windows = WINDOWS[name];
  if (windows) out.push(windows);
  for (const [pattern, iana] of DISPLAY) if (pattern.test(name)) out.push(iana);
  if (name.startsWith('/')) {
    const parts = name.split('/').filter(Boolean);
    for (const n of [3, 2]) if (parts.length > n) out.push(parts.slice(-n).join('/'));
  }
  return out;
}
