// "Copy as Markdown" and "Download .md" for the mentorship shown and for one of its sessions
// (lib/export/markdown.ts), with the words around the user's text in the UI language. The
// user's own reflection goes in only when they tick "include my reflection".

import { computed, createModel, signal } from '@preact/signals';
import {
  type MarkdownLabels,
  type MarkdownOptions,
  mentorshipMarkdown,
  sessionMarkdown,
} from '@/lib/export/markdown';
import { t } from '@/lib/i18n';
import { catalogues } from '@/lib/reflection';
import { fileSlug } from './calendar';
import type { OptionsContext } from './context';

/** The Markdown's words, from _locales. */
export function markdownLabels(): MarkdownLabels {
  return {
    title: (name) => t('mdTitle', name),
    sessionTitle: (name) => t('mdSessionTitle', name),
    agreement: t('optAgreementTitle'),
    goals: t('optGoalsTitle'),
    sessions: t('mdSessions'),
    topic: t('mdTopic'),
    actionItems: t('optActionsTitle'),
    reflection: t('mdReflection'),
    noDate: t('mdNoDate'),
    notes: { mentee: t('mdNotesMentee'), mentor: t('mdNotesMentor') },
    fields: {
      type: t('optType'),
      cadenceDays: t('optCadence'),
      sessionMinutes: t('mdSessionMinutes'),
      preparation: t('optPreparation'),
      responsiveness: t('optResponsiveness'),
      channels: t('optChannels'),
      medium: t('optMedium'),
      location: t('optLocation'),
      inScope: t('optInScope'),
      desiredOutcomes: t('optOutcomes'),
      endsOn: t('optEndsOn'),
    },
    types: {
      'ad-hoc': t('optTypeAdHoc'),
      'goal-oriented': t('optTypeGoal'),
      'time-framed': t('optTypeTime'),
    },
    media: { video: t('optMediumVideo'), 'face-to-face': t('optMediumFace') },
    kinds: { regular: t('mdKindRegular'), first: t('optKindFirst'), last: t('optKindLast') },
  };
}

/** Every reflection question's words, by id, newest catalogue first, for the reflection part. */
export function reflectionLabels(): Record<string, string> {
  const out: Record<string, string> = {};
  const versions = Object.keys(catalogues)
    .map(Number)
    .sort((a, b) => b - a);
  for (const v of versions) {
    for (const q of catalogues[v]?.questions ?? []) {
      if (!(q.id in out)) {
        const text = t(q.key);
        out[q.id] = text && text !== q.key ? text : q.text;
      }
    }
  }
  return out;
}

export interface MarkdownEnv extends OptionsContext {
  timeZone?: () => string;
  /** Puts text on the clipboard (default: `navigator.clipboard`). */
  copy?: (text: string) => Promise<void>;
}

export const MarkdownModel = createModel((env: MarkdownEnv) => {
  const zone = env.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const copyText = env.copy ?? ((text: string) => navigator.clipboard.writeText(text));
  const includeReflection = signal(false);
  /** What was copied last: 'mentorship' or a session id, to say "Copied" by its button. */
  const copied = signal<string | undefined>(undefined);
  const error = signal<string | undefined>(undefined);

  const options = (): MarkdownOptions => ({
    timeZone: zone(),
    labels: markdownLabels(),
    ...(includeReflection.value ? { reflectionLabels: reflectionLabels() } : {}),
  });

  /** The mentorship's sessions, newest first, each to export on its own. */
  const sessions = computed(() => {
    const m = env.selected.value;
    return (env.data.value?.sessions ?? [])
      .filter((s) => s.mentorshipId === m?.id)
      .map((s) => ({
        id: s.id,
        at: s.scheduledAt ?? s.startedAt ?? s.endedAt,
        ...(s.topic?.text.trim() ? { topic: s.topic.text } : {}),
      }))
      .sort((a, b) => (b.at ?? -Infinity) - (a.at ?? -Infinity));
  });

  function records() {
    const m = env.selected.value;
    const data = env.data.value;
    if (!m || !data) return undefined;
    return {
      mentorship: m,
      sessions: data.sessions.filter((s) => s.mentorshipId === m.id),
      notes: data.notes.filter((n) => n.mentorshipId === m.id),
      reflections: data.reflections,
    };
  }

  function mentorshipFile() {
    const r = records();
    if (!r) return undefined;
    return {
      name: `mentorship-${fileSlug(r.mentorship.otherName)}.md`,
      text: mentorshipMarkdown(r, options()),
    };
  }

  function sessionFile(sessionId: string) {
    const r = records();
    const session = r?.sessions.find((s) => s.id === sessionId);
    if (!r || !session) return undefined;
    const at = session.scheduledAt ?? session.startedAt ?? session.endedAt;
    const day = at === undefined ? '' : `-${new Date(at).toISOString().slice(0, 10)}`;
    return {
      name: `session-${fileSlug(r.mentorship.otherName)}${day}.md`,
      text: sessionMarkdown(
        { ...r, notes: r.notes.filter((n) => n.sessionId === sessionId), session },
        options(),
      ),
    };
  }

  async function copy(what: string, file: { text: string } | undefined) {
    error.value = undefined;
    if (!file) return;
    try {
      await copyText(file.text);
      copied.value = what;
    } catch {
      error.value = t('mdCopyFailed');
    }
  }

  return {
    includeReflection,
    sessions,
    copied,
    error,
    setIncludeReflection(on: boolean) {
      includeReflection.value = on;
      copied.value = undefined;
    },
    mentorshipFile,
    sessionFile,
    copyMentorship: () => copy('mentorship', mentorshipFile()),
    copySession: (sessionId: string) => copy(sessionId, sessionFile(sessionId)),
  };
});

export type MarkdownModel = InstanceType<typeof MarkdownModel>;
