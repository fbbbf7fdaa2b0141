// The demo mentorship, set up the way a mentee would: through the popup. Used by the demo and
// the screenshots, so both show the same session.

import type { Page } from 'playwright-core';

export const DEMO_MEET = 'https://meet.google.com/abc-defg-hij';
export const DEMO_MENTOR = 'Ana Moreno';
export const DEMO_MENTEE = 'Ben Okafor';
/** Who the demo call's tiles show: you (the mentee) first, as Meet does, then the mentor. */
export const DEMO_PEOPLE = [`${DEMO_MENTEE} (you)`, DEMO_MENTOR];
/** The same call as the mentor sees it. */
export const DEMO_PEOPLE_MENTOR = [`${DEMO_MENTOR} (you)`, DEMO_MENTEE];
export const DEMO_TOPIC = 'Prioritising the Q3 roadmap with a small team';
export const DEMO_NOTES =
  'Since last time I ran the stakeholder interviews we talked about.\n\n' +
  '- Sales wants the enterprise SSO work first; support wants the onboarding fixes.\n' +
  '- How do I say no to a VP without burning the relationship?\n' +
  '- Interview notes: https://docs.example.org/interviews';

/** Fills the popup (already open on `popup.html`, with no mentorship yet) and waits for the save. */
export async function setUpDemoMentorship(popup: Page): Promise<void> {
  await popup.getByLabel("Your mentor's name").fill(DEMO_MENTOR);
  await popup.getByLabel(/Meeting link/).fill(DEMO_MEET);
  await popup.getByRole('button', { name: 'Create' }).click();
  await prepareDemoSession(popup);
}

/**
 * Fills the next session's topic and notes in the popup (open, with the mentorship set up), and
 * waits until both are written. The one "Saved" line speaks for whichever field saved last, so
 * the topic's own sign, the line saying who proposed it, is awaited first.
 */
export async function prepareDemoSession(popup: Page): Promise<void> {
  await popup.getByLabel('Agreed topic').fill(DEMO_TOPIC);
  await popup.getByTestId('topic-agreed').waitFor();
  await popup.getByLabel('Your pre-session thoughts').fill(DEMO_NOTES);
  await popup.getByTestId('save-status').getByText('Saved').waitFor();
}
