import { useState } from 'preact/hooks';
import { db } from '@/lib/db';
import { describeError, t } from '@/lib/i18n';
import type { Mentorship, SessionRecord } from '@/lib/records';
import { applyImport, loadAll } from '@/lib/repos/snapshot';
import { type ImportPlan, planImport } from '@/lib/share/apply';
import { mailtoUrl } from '@/lib/share/mailto';
import { decodePack, encodePack } from '@/lib/share/message';
import { PACK_VERSION, type Pack } from '@/lib/share/pack';

// Sending and receiving share packs. What goes in a pack is what the sender ticks: the topic and
// the pre-session notes. Focus figures and reflections are never offered here.

export function buildPack(
  m: Mentorship,
  s: SessionRecord,
  content: { topic: string; notes: string },
  include: { topic: boolean; notes: boolean },
  now: number,
): Pack {
  const notes = include.notes ? content.notes : '';
  const pack: Pack = {
    v: PACK_VERSION,
    kind: notes.trim() ? 'pre-session' : 'topic',
    from: m.myRole,
    topic: include.topic ? content.topic.trim() : '',
    notes,
    createdAt: new Date(now).toISOString(),
    mentorship: {
      id: m.pairId ?? m.id,
      ...(m.myRole === 'mentor' ? { menteeName: m.otherName } : { mentorName: m.otherName }),
    },
  };
  if (s.scheduledAt !== undefined)
    pack.session = { scheduledAt: new Date(s.scheduledAt).toISOString() };
  return pack;
}

function describe(plan: Extract<ImportPlan, { needsChoice: false }>): string[] {
  const lines: string[] = [];
  if (plan.isNew) lines.push(t('importNewSession'));
  for (const c of plan.changes) {
    if (c.field === 'topic') lines.push(t('importTopic', c.after));
    // Characters as a person counts them: an emoji is one.
    else if (c.field === 'notes') lines.push(t('importNotes', String([...c.after].length)));
    else
      lines.push(
        c.added.length === 1 ? t('importOneAction') : t('importActions', String(c.added.length)),
      );
  }
  return lines;
}

export function SharePanel(props: {
  mentorship: Mentorship;
  session: SessionRecord;
  topic: string;
  notes: string;
  onImported(): void;
}) {
  const m = props.mentorship;
  const [include, setInclude] = useState({ topic: true, notes: true });
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [info, setInfo] = useState<string | undefined>();
  const [pending, setPending] = useState<{ pack: Pack; plan: ImportPlan } | undefined>();
  const [copied, setCopied] = useState(false);
  // Once open (by the user, or by a preview, error or result to show), the panel stays open
  // until the user closes it: a result must not vanish into a collapsed panel.
  const [open, setOpen] = useState(false);

  const pack = buildPack(
    m,
    props.session,
    { topic: props.topic, notes: props.notes },
    include,
    Date.now(),
  );
  const empty = !pack.topic && !pack.notes.trim();
  // A pack too long to share gets its sentence instead of a link.
  let mailto: string | undefined;
  let tooLong: string | undefined;
  try {
    mailto = mailtoUrl(pack, {});
  } catch (e) {
    tooLong = describeError(e);
  }
  const otherRole = t(m.myRole === 'mentor' ? 'roleMentee' : 'roleMentor');

  const read = async (chosen?: string) => {
    setError(undefined);
    setInfo(undefined);
    try {
      const incoming = pending?.pack ?? decodePack(pasted);
      const { mentorships, sessions, notes } = await loadAll(await db());
      const plan = planImport(incoming, { mentorships, sessions, notes, now: Date.now() }, chosen);
      if (!plan.needsChoice && !plan.changes.length && !plan.isNew && !plan.pairWith) {
        setPending(undefined);
        setInfo(t('importNothingNew'));
        return;
      }
      setPending({ pack: incoming, plan });
    } catch (e) {
      setPending(undefined);
      setError(describeError(e));
    }
  };

  const apply = async () => {
    if (!pending || pending.plan.needsChoice) return;
    try {
      await applyImport(await db(), pending.plan, pending.pack.from, Date.now());
      setPending(undefined);
      setPasted('');
      setInfo(t('importDone'));
      props.onImported();
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <details
      class="card stack"
      open={open || Boolean(pending || error || info)}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <strong>{t('shareTitle', otherRole)}</strong>
      </summary>
      <div class="stack" style="margin-top:8px">
        <div class="row small">
          <label class="inline">
            <input
              type="checkbox"
              checked={include.topic}
              onChange={(e) => setInclude({ ...include, topic: e.currentTarget.checked })}
            />{' '}
            {t('shareIncludeTopic')}
          </label>
          <label class="inline">
            <input
              type="checkbox"
              checked={include.notes}
              onChange={(e) => setInclude({ ...include, notes: e.currentTarget.checked })}
            />{' '}
            {t('shareIncludeNotes')}
          </label>
        </div>
        <div class="row">
          <a
            class="button primary"
            href={empty ? undefined : mailto}
            aria-disabled={empty || !mailto}
            data-testid="share-mailto"
            target="_blank"
            rel="noreferrer"
          >
            {t('shareEmail', otherRole)}
          </a>
          <button
            type="button"
            disabled={empty || Boolean(tooLong)}
            onClick={async () => {
              await navigator.clipboard.writeText(encodePack(pack));
              setCopied(true);
            }}
          >
            {copied ? t('shareCopied') : t('shareCopy')}
          </button>
        </div>
        {tooLong && (
          <p class="error small" role="alert">
            {tooLong}
          </p>
        )}
        <label>
          {t('importLabel', otherRole)}
          <textarea
            name="import"
            rows={4}
            value={pasted}
            placeholder={t('importPlaceholder')}
            onInput={(e) => {
              setPasted(e.currentTarget.value);
              setPending(undefined);
            }}
          />
        </label>
        {error && (
          <p class="error small" role="alert" data-testid="import-error">
            {error}
          </p>
        )}
        {info && (
          <p class="ok small" role="status" data-testid="import-info">
            {info}
          </p>
        )}
        {pending?.plan.needsChoice && (
          <label>
            {t('importChoose')}
            <select onChange={(e) => read(e.currentTarget.value)} defaultValue="">
              <option value="" disabled>
                …
              </option>
              {pending.plan.candidates.map((c) => (
                <option value={c.id} key={c.id}>
                  {c.otherName}
                </option>
              ))}
            </select>
          </label>
        )}
        {pending && !pending.plan.needsChoice && (
          <div class="stack" data-testid="import-preview">
            <p class="small">{t('importPreview', pending.plan.mentorship.otherName)}</p>
            <ul class="small" style="margin:0;padding-left:18px">
              {describe(pending.plan).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            <div class="row">
              <button type="button" class="primary" onClick={apply}>
                {t('importApply')}
              </button>
              <button type="button" onClick={() => setPending(undefined)}>
                {t('cancel')}
              </button>
            </div>
          </div>
        )}
        {!pending && (
          <div>
            <button type="button" disabled={!pasted.trim()} onClick={() => read()}>
              {t('importRead')}
            </button>
          </div>
        )}
      </div>
    </details>
  );
}
