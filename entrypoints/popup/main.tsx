import '@/components/theme.css';
import './popup.css';
import { render } from 'preact';
import { type PopupEffects, PopupView } from '@/components/PopupView';
import { db } from '@/lib/db';
import { askDetectCheck } from '@/lib/detect-check';
import { startLanguage } from '@/lib/i18n';
import { send } from '@/lib/messages';
import { callsItem, languageItem, liveItem, popupMentorshipItem } from '@/lib/storage/items';
import { pageJournal } from '@/lib/storage/journal';
import { CallTabModel } from '@/models/call-tab';
import { DetectionCheckModel } from '@/models/detection-check';
import { tzOffsetAt } from '@/models/local-time';
import { PackModel } from '@/models/pack';
import { PrepModel } from '@/models/prep';
import { ToReflectModel } from '@/models/to-reflect';

// The popup opens on what matters now: the next session and its preparation, the call in this
// tab, and sharing with the other person. Wiring only: the models read and write, this file
// connects them to the browser.

async function activeTab(): Promise<number | undefined> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

async function main() {
  // The chosen language first, so the first render is in it (and `<html lang dir>` with it).
  await startLanguage(languageItem);
  const now = Date.now;
  const copy = (text: string) => navigator.clipboard.writeText(text);
  const prep = new PrepModel({
    db,
    now,
    remembered: popupMentorshipItem,
    journal: pageJournal(localStorage),
  });
  const pack = new PackModel({
    db,
    now,
    copy,
    mentorship: prep.current,
    session: prep.session,
    topic: prep.topicDraft,
    notes: prep.notes,
    imported: prep.reload,
    tzOffsetAt,
  });
  const call = new CallTabModel({ now, activeTab, calls: callsItem, live: liveItem, send });
  const toReflect = new ToReflectModel({ db });
  const check = new DetectionCheckModel({
    now,
    tab: activeTab,
    ask: askDetectCheck,
    audible: async (tabId) => (await browser.tabs.get(tabId)).audible,
    calls: callsItem,
    live: liveItem,
    copy,
  });

  const effects: PopupEffects = {
    openReflection(sessionId) {
      const url = browser.runtime.getURL(`/sidepanel.html?view=reflect&session=${sessionId}`);
      browser.tabs.create({ url });
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    openSession(sessionId) {
      const url = browser.runtime.getURL(`/options.html#s=${encodeURIComponent(sessionId)}`);
      browser.tabs.create({ url });
    },
    // Called straight from the click: sidePanel.open() needs the user gesture.
    openPanel: import.meta.env.FIREFOX
      ? undefined
      : () => {
          const id = call.tab.value.id;
          if (id !== undefined) browser.sidePanel.open({ tabId: id }).catch(() => {});
        },
  };

  // Alt+N: the next mentorship in "who is next" order (Chrome binds no Alt+N in a popup).
  addEventListener('keydown', (e) => {
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') {
      e.preventDefault();
      prep.chooseNext();
    }
  });
  // A popup closes when it loses focus: make sure the last keystrokes are written.
  addEventListener('pagehide', () => {
    prep.flush();
  });

  prep.load();
  call.load();
  toReflect.load();
  const root = document.getElementById('app');
  if (root)
    render(
      <PopupView
        prep={prep}
        pack={pack}
        call={call}
        toReflect={toReflect}
        effects={effects}
        check={check}
      />,
      root,
    );
}

main();
