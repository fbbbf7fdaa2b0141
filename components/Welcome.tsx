import { t } from '@/lib/i18n';
import { type ShortcutRow, Shortcuts } from './Shortcuts';

export interface WelcomePicture {
  src: string;
  /** The picture's caption key and its description for screen readers. */
  caption: string;
  alt: string;
}

/** The first-run page: what the extension does, pinning it, the shortcuts, sharing, the demo. */
export function Welcome(props: {
  pictures: WelcomePicture[];
  shortcuts: ShortcutRow[] | undefined;
  firefox: boolean;
  onChangeShortcuts?: () => void;
  onOpenOptions(): void;
  privacyUrl: string;
}) {
  return (
    <div class="welcome stack">
      <header class="stack">
        <h1>{t('welcomeTitle')}</h1>
        <p class="lead">{t('welcomeIntro')}</p>
      </header>
      <section aria-labelledby="how-h" class="stack">
        <h2 id="how-h">{t('welcomeHowTitle')}</h2>
        <ol class="pictures">
          {props.pictures.map((p) => (
            <li key={p.src}>
              <figure>
                <img src={p.src} alt={p.alt} />
                <figcaption>{p.caption}</figcaption>
              </figure>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="pin-h" class="card stack">
        <h2 id="pin-h">{t('welcomePinTitle')}</h2>
        <p>{t(props.firefox ? 'welcomePinFirefox' : 'welcomePinChrome')}</p>
      </section>
      <div class="card">
        <Shortcuts rows={props.shortcuts} onChange={props.onChangeShortcuts} />
      </div>
      <section aria-labelledby="email-h" class="card stack">
        <h2 id="email-h">{t('welcomeEmailTitle')}</h2>
        <p>{t('welcomeEmail1')}</p>
        <p>{t('welcomeEmail2')}</p>
      </section>
      <section aria-labelledby="demo-h" id="demo" class="card stack">
        <h2 id="demo-h">{t('welcomeDemoTitle')}</h2>
        <p>{t('welcomeDemo1')}</p>
        <pre class="command">
          <code>./run demo</code>
        </pre>
        <p class="muted small">{t('welcomeDemo2')}</p>
      </section>
      <p class="row">
        <button type="button" class="primary" onClick={props.onOpenOptions}>
          {t('welcomeStart')}
        </button>
        <a href={props.privacyUrl}>{t('privacyLink')}</a>
      </p>
    </div>
  );
}
