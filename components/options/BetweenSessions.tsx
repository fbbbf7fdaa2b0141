import { t } from '@/lib/i18n';
import type { OptionsModel } from '@/models/options/app';
import { Calendar } from './Calendar';
import { MarkdownExport } from './MarkdownExport';
import type { PageEffects } from './OptionsPage';

/** Between sessions (issue 14): the calendar, Markdown and the way to the period review. */
export function BetweenSessions({ model, effects }: { model: OptionsModel; effects: PageEffects }) {
  const m = model.selected.value;
  if (!m) return null;
  const due = model.review.due.value;
  return (
    <>
      <Calendar model={model.calendar} download={effects.download} />
      <MarkdownExport model={model.markdown} download={effects.download} />
      <section class="card stack" aria-labelledby="review-link-title">
        <h2 id="review-link-title">{t('reviewSectionTitle')}</h2>
        <p class={due ? 'small' : 'muted small'} role={due ? 'status' : undefined}>
          {t(
            due === 'ended' ? 'reviewDueEnded' : due === 'goals' ? 'reviewDueGoals' : 'reviewIntro',
          )}
        </p>
        <p>
          <a href={`#review=${encodeURIComponent(m.id)}`} data-testid="review-open">
            {t('reviewOpen')}
          </a>
        </p>
      </section>
    </>
  );
}
