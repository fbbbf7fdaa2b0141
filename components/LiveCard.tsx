import { useEffect, useRef, useState } from 'preact/hooks';
import { formatClock, formatDuration, t, tIsolated } from '@/lib/i18n';
import type { LiveModel } from '@/models/live';
import { LiveSessionView, TimerLine } from './SessionCard';

/** What the card does with its frame; the overlay entry carries it to the content script. */
export interface CardFrameActions {
  size(width: number, height: number): void;
  move(dx: number, dy: number): void;
  /** A drag or key move is over: keep where the card is. */
  moved(): void;
  close(): void;
  /**
   * Opens the side panel (on the reflection once the call is over). Called straight from the
   * click: the panel needs the user gesture.
   */
  openPanel(view: 'live' | 'reflect'): void;
}

function Handle({ frame }: { frame: CardFrameActions }) {
  const start = useRef<{ x: number; y: number } | undefined>(undefined);
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
        frame.move(e.screenX - start.current.x, e.screenY - start.current.y);
        start.current = { x: e.screenX, y: e.screenY };
      }}
      onPointerUp={() => {
        start.current = undefined;
        frame.moved();
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
        frame.move(d[0] ?? 0, d[1] ?? 0);
        frame.moved();
      }}
    >
      ⠿
    </button>
  );
}

function EndCard({ model, frame }: { model: LiveModel; frame: CardFrameActions }) {
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
            frame.openPanel('reflect');
            frame.close();
          }}
        >
          {t('reflectNow')}
        </button>
        <button type="button" onClick={() => frame.close()}>
          {t('notNow')}
        </button>
      </div>
    </div>
  );
}

/** The session card: the live session while the call is on, the end card once it is over. */
export function LiveCard({ model, frame }: { model: LiveModel; frame: CardFrameActions }) {
  const root = useRef<HTMLElement>(null);
  const [collapsed, setCollapsed] = useState(false);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const report = () => frame.size(el.offsetWidth + 12, el.offsetHeight + 12);
    const observer = new ResizeObserver(report);
    observer.observe(el);
    report();
    return () => observer.disconnect();
  }, [frame, collapsed]);

  const ended = model.call.value?.state === 'ended' || model.session.value?.status === 'ended';
  const s = model.session.value;
  const m = model.mentorship.value;
  const timer = model.timer.value;
  const away = model.awayFlash.value;

  if (collapsed) {
    return (
      <section
        ref={root}
        aria-label={t('cardLabel')}
        class={`card-root pill ${timer ? `phase-${timer.phase}` : ''}`}
      >
        <Handle frame={frame} />
        <button
          type="button"
          class="pill-body"
          aria-expanded="false"
          onClick={() => setCollapsed(false)}
          title={t('expandCard')}
        >
          <span class="dot" aria-hidden="true" />
          {timer
            ? timer.phase === 'overtime'
              ? t('overtimeBy', formatClock(-timer.leftMs))
              : t('timeLeft', formatClock(timer.leftMs))
            : t('extName')}
          {away !== undefined && ` · ${t('youWereAway', formatClock(away))}`}
        </button>
      </section>
    );
  }

  return (
    <section ref={root} class="card-root" aria-label={t('cardLabel')}>
      <header class="spread card-head">
        <Handle frame={frame} />
        <h1 class="title">{m ? tIsolated('sessionWith', m.otherName) : t('extName')}</h1>
        <button
          type="button"
          class="icon"
          data-testid="open-panel"
          aria-label={t('openPanel')}
          title={t('openPanel')}
          onClick={() => frame.openPanel('live')}
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
          onClick={() => setCollapsed(true)}
        >
          –
        </button>
      </header>
      {ended ? (
        <EndCard model={model} frame={frame} />
      ) : !model.loaded.value ? (
        <p class="muted small">{t('loading')}</p>
      ) : !s ? (
        <div class="stack">
          <TimerLine timer={timer} />
          <p class="muted small">{t('noLiveSession')}</p>
        </div>
      ) : (
        <LiveSessionView model={model} awayFlash={away} />
      )}
    </section>
  );
}
