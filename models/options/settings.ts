// Settings: the language of the extension's text (the browser's, or one chosen), the default
// session length and the private nudge back to the call (on or off, and after how many seconds
// away). Read and written through `settingsItem`, saved as typed; a value
// out of range is refused with its sentence and nothing is saved until it is put right. The
// reminders have a switch each (all on until one is turned off).

import { computed, createModel, signal } from '@preact/signals';
import { createAutosave, type SaveStatus } from '@/lib/autosave';
import { describeError } from '@/lib/i18n';
import {
  type ReminderSettings,
  readSettingsDraft,
  reminderSwitches,
  type SettingsDraft,
  settingsDraftOf,
} from '@/lib/rules/settings';
import type { Item, Settings } from '@/lib/storage/items';

export interface SettingsError {
  field: keyof SettingsDraft | 'language';
  message: string;
}

export interface SettingsEnv {
  /** Where the settings live: `settingsItem`. */
  settings: Pick<Item<Settings>, 'get' | 'set'>;
  /** Where the language choice lives: `languageItem` ('auto' for the browser's). */
  language?: Pick<Item<string>, 'get' | 'set'>;
}

export const SettingsModel = createModel((env: SettingsEnv) => {
  const draft = signal<SettingsDraft | undefined>(undefined);
  const error = signal<SettingsError | undefined>(undefined);
  const saved = signal<SaveStatus>('idle');
  const language = signal('auto');

  const saver = createAutosave<Settings>(
    (settings) => env.settings.set(settings),
    (s) => {
      saved.value = s;
    },
  );

  /** The reminder switches as the form shows them. */
  const reminders = computed(() => (draft.value ? reminderSwitches(draft.value) : undefined));

  function edit(patch: Partial<SettingsDraft>) {
    const current = draft.value;
    if (!current) return;
    const next = { ...current, ...patch };
    draft.value = next;
    const read = readSettingsDraft(next);
    if (!read.ok) {
      error.value = { field: read.field, message: describeError(read.error) };
      return;
    }
    error.value = undefined;
    saver.push(read.settings);
  }

  return {
    draft,
    error,
    saved,
    reminders,
    language,
    async load() {
      const [settings, chosen] = await Promise.all([
        env.settings.get(),
        env.language?.get() ?? 'auto',
      ]);
      draft.value = settingsDraftOf(settings);
      language.value = chosen;
    },
    /** Shows every page in `choice` ('auto': the browser's language); pages follow at once. */
    async setLanguage(choice: string) {
      language.value = choice;
      try {
        await env.language?.set(choice);
      } catch (e) {
        error.value = { field: 'language', message: describeError(e) };
      }
    },
    edit,
    /** Turns one reminder on or off. */
    setReminder(kind: keyof ReminderSettings, on: boolean) {
      const current = reminders.value;
      if (current) edit({ reminders: { ...current, [kind]: on } });
    },
    flush: () => saver.flush(),
  };
});

export type SettingsModel = InstanceType<typeof SettingsModel>;
