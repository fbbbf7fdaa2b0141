// Every notification the extension shows, made one way: in the language chosen in Settings
// (composed once that language is loaded), with the extension's icon, and with only what the
// browser takes. Firefox refuses a notification that has buttons or `silent` ("Unexpected
// property"), so there the whole notification is the action and it keeps the system's sound.

import { languageReady } from '../i18n';

export interface Notice {
  title: string;
  message: string;
  /** The one button (Chrome); in Firefox a click on the notification does what it says. */
  button?: string;
  /** No sound (Chrome). */
  silent?: boolean;
  priority?: number;
}

/** Shows notification `id`, with the words `compose` gives in the chosen language. */
export async function notify(id: string, compose: () => Notice): Promise<string> {
  await languageReady();
  const { button, silent, ...rest } = compose();
  return browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    ...rest,
    ...(import.meta.env.FIREFOX
      ? {}
      : { ...(button ? { buttons: [{ title: button }] } : {}), ...(silent ? { silent } : {}) }),
  });
}
