import { useEffect, useRef } from 'preact/hooks';
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
  // The panel open on the call has turned into the reflection: the card does not offer it again.
  const offer = model.offerReflect.value;
  return (
    <div class="stack" data-testid="end-card">
      <p>
        <strong>{t('endCardTitle')}</strong>
        {elapsed !== undefined && <span class="muted"> · {formatDuration(elapsed)}</span>}
      </p>
      <p class="small muted">{offer ? t('endCardText') : t('endCardInPanel')}</p>
      <div class="row">
        {offer && (
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
        )}
        <button type="button" onClick={() => frame.close()}>
          {offer ? t('notNow') : t('closeCard')}
        </button>
      </div>
    </div>
  );
}

/**
 * Reports the card's size to its frame: the natural size of its content (the card scrolls inside
 * itself when the page is too short for it), with the body's padding and border, rounded up, so
 * the card's document never overflows the frame and no scrollbar shows around it (classic
 * scrollbars, as Linux and Windows draw them, would take room from the content and bring the
 * other one). Sent only when it changes.
 */
function useFrameSize(root: { current: HTMLElement | null }, frame: CardFrameActions) {
  const last = useRef('');
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const watched = useRef(new WeakSet<Element>());
  useEffect(() => {
    const report = () => {
      const el = root.current;
      if (!el) return;
      const body = el.ownerDocument.body;
      const card = el.getBoundingClientRect();
      const around = body.getBoundingClientRect();
      // Capped by max-height, the card's own box is shorter than what it holds.
      const natural = Math.max(card.height, el.scrollHeight + (el.offsetHeight - el.clientHeight));
      const width = Math.ceil(around.width);
      const height = Math.ceil(natural + (around.height - card.height));
      const key = `${width}x${height}`;
      if (key === last.current) return;
      last.current = key;
      frame.size(width, height);
    };
    const o = new ResizeObserver(report);
    observer.current = o;
    watched.current = new WeakSet();
    return () => {
      o.disconnect();
      observer.current = undefined;
    };
  }, [frame, root]);
  // After every render: the card and what it holds now (a capped card does not resize when its
  // content grows; its children do). Each element once: observing again would report again.
  useEffect(() => {
    const el = root.current;
    const o = observer.current;
    if (!el || !o) return;
    for (const target of [el, ...el.children]) {
      if (watched.current.has(target)) continue;
      watched.current.add(target);
      o.observe(target);
    }
  });
}

function Pill({
  model,
  frame,
  root,
}: {
  model: LiveModel;
  frame: CardFrameActions;
  root: { current: HTMLElement | null };
}) {
  const timer = model.timer.value;
  const reason = model.fold.value;
  // While the user presents, the other side may see the screen: the time left and nothing else.
  const away = reason === 'presenting' ? undefined : model.awayFlash.value;
  const why =
    reason === 'presenting'
      ? t('pillPresenting')
      : reason === 'panel'
        ? t('pillPanel')
        : t('expandCard');
  return (
    <section
      ref={root}
      aria-label={t('cardLabel')}
      class={`card-root pill ${timer ? `phase-${timer.phase}` : ''}`}
      data-testid="pill"
      data-fold={reason ?? undefined}
    >
      <Handle frame={frame} />
      <button
        type="button"
        class="pill-body"
        aria-expanded="false"
        onClick={() => model.unfold()}
        title={why}
      >
        <span class="dot" aria-hidden="true" />
        {timer
          ? timer.phase === 'overtime'
            ? t('overtimeBy', formatClock(-timer.leftMs))
            : t('timeLeft', formatClock(timer.leftMs))
          : t('extName')}
        {away !== undefined && ` · ${t('youWereAway', formatClock(away))}`}
        <span class="visually-hidden"> · {why}</span>
      </button>
    </section>
  );
}

/**
 * The session card: the live session while the call is on, the end card once it is over. It
 * folds to its timer pill by hand, and by itself while the user presents or the side panel shows
 * the call (models/live.ts, lib/rules/on-screen.ts).
 */
export function LiveCard({ model, frame }: { model: LiveModel; frame: CardFrameActions }) {
  const root = useRef<HTMLElement>(null);
  useFrameSize(root, frame);

  const ended = model.ended.value;
  const s = model.session.value;
  const m = model.mentorship.value;
  const timer = model.timer.value;
  const away = model.awayFlash.value;

  if (model.fold.value) return <Pill model={model} frame={frame} root={root} />;

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
          onClick={() => model.foldByHand()}
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
