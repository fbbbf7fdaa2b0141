import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chooseLanguage, followLanguage, t } from '../../../lib/i18n';
import { notify } from '../../../lib/session/notify';

// One way to show a notification: the chosen language, the icon, and only what each browser
// takes. Firefox's schema for notifications.create (Firefox ESR's own) has these properties;
// any other, `buttons` and `silent` among them, makes it throw "Unexpected property".
const FIREFOX_TAKES = [
  'appIconMaskUrl',
  'contextMessage',
  'eventTime',
  'iconUrl',
  'imageUrl',
  'isClickable',
  'items',
  'message',
  'priority',
  'progress',
  'title',
  'type',
];

const created = () => Object.values(fakeBrowser.notifications.getAllCreateOptions())[0];

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => `[${key}]` });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await chooseLanguage('auto');
});

describe('notify', () => {
  it('in Chrome: the icon, the words, the button and silence', async () => {
    vi.stubEnv('FIREFOX', '');
    await notify('n1', () => ({
      title: 'T',
      message: 'M',
      button: 'B',
      silent: true,
      priority: 1,
    }));
    expect(created()).toEqual({
      type: 'basic',
      iconUrl: expect.stringContaining('/icon/128.png'),
      title: 'T',
      message: 'M',
      priority: 1,
      buttons: [{ title: 'B' }],
      silent: true,
    });
  });

  it('in Firefox: nothing its schema lacks', async () => {
    vi.stubEnv('FIREFOX', 'true');
    await notify('n1', () => ({
      title: 'T',
      message: 'M',
      button: 'B',
      silent: true,
      priority: 1,
    }));
    const options = created() ?? {};
    expect(Object.keys(options).filter((k) => !FIREFOX_TAKES.includes(k))).toEqual([]);
    expect(options).toMatchObject({ title: 'T', message: 'M', priority: 1 });
  });

  it('composes the words once the chosen language is loaded', async () => {
    vi.stubEnv('FIREFOX', '');
    followLanguage({ get: async () => 'de', watch: () => () => {} });
    await notify('n1', () => ({ title: t('reflectTitle'), message: t('reflectMessage') }));
    expect(created()).toMatchObject({ title: 'Deine Session ist zu Ende' });
  });
});
