import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { CalendarFile, CalendarModel } from '@/models/options/calendar';
import { InvitePreview } from '../InvitePreview';
import { formatWhen } from './format';

export interface CalendarProps {
  model: CalendarModel;
  /** Offers a file for download. */
  download(name: string, text: string): void;
}

/** "Add to calendar" for each booking and the series, and an invite `.ics` to import. */
export function Calendar({ model, download }: CalendarProps) {
  const booked = model.booked.value;
  const error = model.error.value;
  const [dragging, setDragging] = useState(false);
  const offer = async (file: Promise<CalendarFile | undefined>) => {
    const f = await file;
    if (f) download(f.name, f.text);
  };
  const readFiles = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) model.readFile(file);
  };
  return (
    <section class="card stack" aria-labelledby="calendar-title" data-testid="calendar">
      <h2 id="calendar-title">{t('calTitle')}</h2>
      <p class="muted small">{t('calIntro')}</p>
      {booked.length === 0 ? (
        <p class="muted small">{t('calNothingBooked')}</p>
      ) : (
        <ul class="plain stack cal-list">
          {booked.map((s) => {
            const when = formatWhen(s.scheduledAt ?? 0);
            return (
              <li key={s.id} class="spread">
                <span>{when}</span>
                <button
                  type="button"
                  aria-label={t('calDownloadSessionFor', when)}
                  data-testid="cal-session"
                  onClick={() => offer(model.sessionFile(s.id))}
                >
                  {t('calDownloadSession')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <button
          type="button"
          disabled={booked.length === 0}
          aria-describedby="cal-series-hint"
          onClick={() => offer(model.seriesFile())}
        >
          {t('calDownloadSeries')}
        </button>
        <p id="cal-series-hint" class="muted small">
          {t('calSeriesHint')}
        </p>
      </div>
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
      <h3 id="cal-import-title">{t('calImportTitle')}</h3>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is a pointer convenience; the file input inside is the way in for the keyboard and screen readers. */}
      <div
        class={`cal-drop stack${dragging ? ' cal-drop-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          readFiles(e.dataTransfer?.files);
        }}
      >
        <label>
          {t('calChooseFile')}
          <input
            type="file"
            name="invite"
            accept=".ics,text/calendar"
            aria-describedby="cal-drop-hint"
            onChange={(e) => {
              readFiles(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <p id="cal-drop-hint" class="muted small">
          {t('calDropHint')}
        </p>
      </div>
      <InvitePreview model={model.invite} idPrefix="page" />
    </section>
  );
}
