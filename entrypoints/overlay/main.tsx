import '@/components/theme.css';
import './overlay.css';
import { effect, signal } from '@preact/signals';
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { LiveSessionView, TimerLine } from '@/components/SessionCard';
import { focusFigures } from '@/lib/focus';
import { formatDuration, startLanguage, t, tIsolated } from '@/lib/i18n';
import { createLiveModel, type LiveModel } from '@/lib/live-model';
import { send } from '@/lib/messages';
import { openPanel } from '@/lib/session/browser-ui';
import { languageItem } from '@/lib/storage/language';
import { formatClock } from '@/lib/time';

// The session card, shown in the call page as an extension iframe. The page cannot read this
// frame: the topic, the notes and anything typed here stay in the extension. Only the card's
// size and drags cross to the page, as numbers.

const collapsed = signal(false);
const awayFlash = signal<number | undefined>(undefined);
const dismissed = signal(false);
let tabId: number | undefined;

const post = (msg: object) => window.parent.postMessage(msg, '*');

/**
 * "You were away 1:12" when the user comes back. Judged on each new focus record at the real
 * time, not on the card's clock, which a hidden tab may slow: a finished away span the card has
 * not told about yet is told once.
 */
function watchAway(model: LiveModel) {
  let told: { count: number; awayMs: number } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  effect(() => {
    const state = model.focus.value;
    if (!state) return;
    const now = Date.now();
    const f = focusFigures(state, now);
    const open = f.awaySince === null ? 0 : now - f.awaySince;
    if (!told) {
      // What happened before this card was there is not news.
      told = { count: f.count - (f.awaySince === null ? 0 : 1), awayMs: f.awayMs - open };
      return;
    }
    if (f.awaySince !== null || f.count <= told.count) return;
    awayFlash.value = f.awayMs - told.awayMs;
    told = { count: f.count, awayMs: f.awayMs };
    clearTimeout(timer);
    timer = setTimeout(() => {
      awayFlash.value = undefined;
    }, 8_000);
  });
}

function Handle() {
  const start = useRef<{ x: number; y: number } | undefined>(undefined);
  const move = (dx: number, dy: number) => post({ mc: 'move', dx, dy });
  return (
    <button
      type="button"
      class="handle"
      aria-label={t('moveCard')}
      title={t('moveCard')}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = { x: e.screenX, y: e.screenY };
      }}
      onPointerMove={(e) => {
        if (!start.current) return;
        move(e.screenX - start.current.x, e.screenY - start.current.y);
        start.current = { x: e.screenX, y: e.screenY };
      }}
      onPointerUp={() => {
        start.current = undefined;
        post({ mc: 'moved' });
      }}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 64 : 16;
        const d = {
          ArrowLeft: [-step, 0],
          ArrowRight: [step, 0],
          ArrowUp: [0, -step],
          ArrowDown: [0, step],
        }[e.key];
        if (!d) return;
        e.preventDefault();
        move(d[0] ?? 0, d[1] ?? 0);
        post({ mc: 'moved' });
      }}
    >
      ⠿
    </button>
  );
}

function EndCard({ model }: { model: LiveModel }) {
  const elapsed = model.timer.value?.elapsedMs;
  return (
    <div class="stack" data-testid="end-card">
      <p>
        <strong>{t('endCardTitle')}</strong>
        {elapsed !== undefined && <span class="muted"> · {formatDuration(elapsed)}</span>}
      </p>
      <p class="small muted">{t('endCardText')}</p>
      <div class="row">
        <button
          type="button"
          class="primary"
          onClick={() => {
            // Straight from the click, before any await: the panel needs the user gesture.
            openPanel({ tabId }).catch(() => {});
            post({ mc: 'close' });
          }}
        >
          {t('reflectNow')}
        </button>
        <button
          type="button"
          onClick={() => {
            dismissed.value = true;
            post({ mc: 'close' });
          }}
        >
          {t('notNow')}
        </button>
      </div>
    </div>
  );
}

function Card({ model }: { model: LiveModel }) {
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const report = () =>
      post({ mc: 'size', width: el.offsetWidth + 12, height: el.offsetHeight + 12 });
    const observer = new ResizeObserver(report);
    observer.observe(el);
    report();
    return () => observer.disconnect();
  }, []);

  const ended = model.call.value?.state === 'ended' || model.session.value?.status === 'ended';
  const s = model.session.value;
  const m = model.mentorship.value;
  const timer = model.timer.value;

  if (collapsed.value) {
    return (
      <section
        ref={root}
        aria-label={t('cardLabel')}
        class={`card-root pill ${timer ? `phase-${timer.phase}` : ''}`}
      >
        <Handle />
        <button
          type="button"
          class="pill-body"
          aria-expanded="false"
          onClick={() => (collapsed.value = false)}
          title={t('expandCard')}
        >
          <span class="dot" aria-hidden="true" />
          {timer
            ? timer.phase === 'overtime'
              ? t('overtimeBy', formatClock(-timer.leftMs))
              : t('timeLeft', formatClock(timer.leftMs))
            : t('extName')}
          {awayFlash.value !== undefined && ` · ${t('youWereAway', formatClock(awayFlash.value))}`}
        </button>
      </section>
    );
  }

  return (
    <section ref={root} class="card-root" aria-label={t('cardLabel')}>
      <header class="spread card-head">
        <Handle />
        <h2 class="title">{m ? tIsolated('sessionWith', m.otherName) : t('extName')}</h2>
        <button
          type="button"
          class="icon"
          data-testid="open-panel"
          aria-label={t('openPanel')}
          title={t('openPanel')}
          onClick={() => {
            // Straight from the click, before any await: the panel needs the user gesture.
            openPanel({ tabId }).catch(() => {});
          }}
        >
          <svg class="mirror-rtl" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <rect x="1.5" y="2.5" width="13" height="11" rx="2" fill="none" stroke="currentColor" />
            <rect x="9.5" y="3" width="4.5" height="10" fill="currentColor" opacity="0.55" />
          </svg>
        </button>
        <button
          type="button"
          class="icon"
          aria-expanded="true"
          aria-label={t('collapseCard')}
          title={t('collapseCard')}
          onClick={() => (collapsed.value = true)}
        >
          –
        </button>
      </header>
      {ended ? (
        <EndCard model={model} />
      ) : !model.loaded.value ? (
        <p class="muted small">{t('loading')}</p>
      ) : !s ? (
        <div class="stack">
          <TimerLine timer={timer} />
          <p class="muted small">{t('noLiveSession')}</p>
        </div>
      ) : (
        <LiveSessionView model={model} awayFlash={awayFlash.value} />
      )}
    </section>
  );
}

async function main() {
  await startLanguage(languageItem);
  const me = await send({ type: 'whoami' });
  tabId = me.tabId;
  const model = createLiveModel(tabId);
  model.start();
  watchAway(model);
  const root = document.getElementById('app');
  if (root) render(<Card model={model} />, root);
}

main();
