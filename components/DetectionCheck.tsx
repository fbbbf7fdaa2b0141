import './detection-check.css';
import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';
import type { DetectionCheck, GroupCheck } from '@/lib/platforms/check';
import type { CheckView, DetectionCheckModel, SessionPart } from '@/models/detection-check';

// The detection check (issue 11): one click opens it, under a heading; what the detector sees
// in the tab now, group by group and probe by probe, the tracker's streaks, the session as the
// background has it, and "Copy for a bug report". Probe names are our own definitions, shown as
// code (left to right in every language); the copied text is shown in full, so the user sees
// what they send.

const STATE_KEY: Record<DetectionCheck['look'], string> = {
  none: 'detectStateNone',
  lobby: 'detectStateLobby',
  'in-call': 'detectStateInCall',
  ended: 'detectStateEnded',
  unknown: 'detectStateUnknown',
};

/** The platforms' own names, the same in every language. */
const PLATFORM_NAME = {
  meet: 'Google Meet',
  zoom: 'Zoom',
  teams: 'Microsoft Teams',
} as const;

const ORIGIN_KEY = {
  detected: 'detectSessionDetected',
  hand: 'detectSessionHand',
  audio: 'detectSessionAudio',
} as const;

function Group({ g }: { g: GroupCheck }) {
  const hits = g.probes.filter((p) => p.matched).length;
  return (
    <li>
      <details>
        <summary>
          <code dir="ltr">{g.group}</code>
          {/* The signal it feeds, where it is not named the same. */}
          {g.signal && g.signal !== g.group && (
            <>
              {' '}
              <span class="muted">({g.signal})</span>
            </>
          )}{' '}
          · {t('detectGroupCount', [String(hits), String(g.probes.length)])}
          {g.shownOnly && <span class="muted small"> · {t('detectShownOnly')}</span>}
        </summary>
        <ul class="plain detect-probes">
          {g.probes.map((p) => (
            <li key={p.probe} class={p.matched ? 'ok' : 'muted'}>
              <span aria-hidden="true">{p.matched ? '✓' : '✗'}</span>
              <span class="visually-hidden">
                {t(p.matched ? 'detectMatched' : 'detectNotMatched')}
              </span>{' '}
              <code dir="ltr">{p.probe}</code>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

function sessionText(s: SessionPart | undefined): string {
  if (!s) return t('detectSessionNone');
  const base = t(ORIGIN_KEY[s.origin], String(Math.floor(s.liveForS / 60)));
  return s.held ? `${base} · ${t('detectSessionHeld')}` : base;
}

function Ready({
  v,
  model,
}: {
  v: Extract<CheckView, { status: 'ready' }>;
  model: DetectionCheckModel;
}) {
  const c = v.check;
  const tr = c.tracker;
  const copied = model.copied.value;
  return (
    <div class="stack">
      {v.callTab && <p class="muted small">{t('detectCallTab')}</p>}
      <dl class="detect-facts">
        <dt>{t('detectPlatform')}</dt>
        <dd data-testid="detect-platform">
          {c.platform ? PLATFORM_NAME[c.platform] : t('detectPlatformNone')}
          {c.hostRule && (
            <>
              {' '}
              <code dir="ltr">{c.hostRule}</code>
            </>
          )}
        </dd>
        <dt>{t('detectSeenNow')}</dt>
        <dd data-testid="detect-look">{t(STATE_KEY[c.look])}</dd>
        <dt>{t('detectTracked')}</dt>
        <dd data-testid="detect-tracked">{t(STATE_KEY[tr.state])}</dd>
        <dt>{t('detectStreaks')}</dt>
        <dd>
          {t('detectStreaksText', [String(tr.inCallStreak), String(tr.goneStreak)])}
          {tr.leavePending && ` · ${t('detectLeavePending')}`}
          {tr.reconnectHold && ` · ${t('detectReconnecting')}`}
          {tr.presenting && ` · ${t('detectPresenting')}`}
        </dd>
        <dt>{t('detectSession')}</dt>
        <dd data-testid="detect-session">{sessionText(v.session)}</dd>
        {v.audible !== undefined && (
          <>
            <dt>{t('detectSound')}</dt>
            <dd>{t(v.audible ? 'detectAudible' : 'detectSilent')}</dd>
          </>
        )}
      </dl>
      {c.groups.length > 0 && (
        <>
          <h3>{t('detectGroups')}</h3>
          <ul class="plain detect-groups">
            {c.groups.map((g) => (
              <Group key={g.group} g={g} />
            ))}
          </ul>
        </>
      )}
      <div class="row">
        <button type="button" class="primary" onClick={model.copy}>
          {t('detectCopy')}
        </button>
        <button type="button" onClick={model.check}>
          {t('detectAgain')}
        </button>
      </div>
      <p class={`small ${copied === 'failed' ? 'error' : 'ok'}`} role="status" aria-live="polite">
        {copied === 'copied' ? t('detectCopied') : copied === 'failed' ? t('detectCopyFailed') : ''}
      </p>
      <details>
        <summary>{t('detectWhatIsCopied')}</summary>
        <p class="muted small">{t('detectPrivate')}</p>
        {/* Read-only text the user can also select and copy by hand (when copying fails). */}
        <textarea
          class="detect-report"
          dir="ltr"
          readOnly
          rows={12}
          aria-label={t('detectWhatIsCopied')}
          value={v.text}
          data-testid="detect-report"
        />
      </details>
    </div>
  );
}

/**
 * The check as a disclosure under its heading. `controls` sits beside it ("I'm in a session" /
 * "End session") where the page shows them nowhere else.
 */
export function DetectionCheckSection(props: {
  model: DetectionCheckModel;
  controls?: ComponentChildren;
}) {
  const { model } = props;
  const v = model.view.value;
  const open = v.status !== 'closed';
  return (
    // Closed, it is one small line (the popup stays close to its content's size); open, a card.
    <section
      class={open ? 'card stack detect-check' : 'detect-check closed'}
      aria-labelledby="detect-h"
      data-testid="detect-check"
    >
      <h2 id="detect-h" class="detect-head">
        <button
          type="button"
          class="link"
          aria-expanded={open}
          {...(open ? { 'aria-controls': 'detect-body' } : {})}
          onClick={model.toggle}
        >
          {t('detectCheck')}
        </button>
      </h2>
      {open && (
        <div id="detect-body" class="stack">
          {v.status === 'checking' && <p class="muted small">{t('detectChecking')}</p>}
          {v.status === 'no-page' && <p class="muted small">{t('detectNoPage')}</p>}
          {v.status === 'ready' && <Ready v={v} model={model} />}
          {props.controls}
        </div>
      )}
    </section>
  );
}
