import type { Ref } from 'preact';
import { t } from '@/lib/i18n';
import type { SearchField } from '@/lib/rules/search';
import type { Range } from '@/lib/rules/search-text';
import type { SearchScope, ShownResult } from '@/models/options/search';
import { formatWhen } from './format';

/** Text with its matching words in <mark>, built from the ranges (never as HTML). */
export function Marked(props: { text: string; ranges: readonly Range[] }) {
  const parts: preact.ComponentChild[] = [];
  let at = 0;
  for (const [start, end] of props.ranges) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(props.text.slice(at, start));
    parts.push(<mark key={start}>{props.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < props.text.length) parts.push(props.text.slice(at));
  return <>{parts}</>;
}

const FIELD_KEY: Record<SearchField['kind'], string> = {
  topic: 'srchFieldTopic',
  note: 'srchFieldNote',
  'action-item': 'srchFieldItem',
  reflection: 'srchFieldReflection',
  goal: 'srchFieldGoal',
};

export interface SearchBoxProps {
  query: string;
  scope: SearchScope;
  /** The mentorship shown, to offer searching it alone. */
  otherName?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Results are shown (the box then names them as what it controls). */
  hasResults: boolean;
  onQuery(text: string): void;
  onScope(scope: SearchScope): void;
}

/** The search box at the top of the Mentorships page; `/` focuses it. */
export function SearchBox(props: SearchBoxProps) {
  return (
    <search class="opt-search row">
      <label class="opt-grow">
        <span class="visually-hidden">{t('srchLabel')}</span>
        <input
          ref={props.inputRef}
          type="search"
          name="search"
          value={props.query}
          placeholder={t('srchPlaceholder')}
          aria-keyshortcuts="/"
          aria-controls={props.hasResults ? 'search-results' : undefined}
          onInput={(e) => props.onQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && props.query) {
              e.preventDefault();
              props.onQuery('');
            }
          }}
        />
      </label>
      {props.otherName !== undefined && (
        <label class="small">
          <span class="visually-hidden">{t('srchScope')}</span>
          <select
            value={props.scope}
            onChange={(e) => props.onScope(e.currentTarget.value as SearchScope)}
          >
            <option value="all">{t('srchScopeAll')}</option>
            <option value="mentorship">{t('srchScopeOne', props.otherName)}</option>
          </select>
        </label>
      )}
    </search>
  );
}

export interface SearchResultsProps {
  query: string;
  results: ShownResult[];
  total: number;
  onOpenSession(sessionId: string): void;
  onOpenMentorship(mentorshipId: string): void;
}

/** Results as sessions (and mentorships, by their goals) with the matching words marked. */
export function SearchResultsView(props: SearchResultsProps) {
  const { results, total } = props;
  return (
    <section id="search-results" class="card stack" aria-labelledby="search-title">
      <h2 id="search-title">{t('srchTitle')}</h2>
      <p class="muted small" role="status">
        {total === 0
          ? t('srchNone', props.query.trim())
          : total > results.length
            ? t('srchShowing', [String(total), String(results.length)])
            : t('srchCount', String(total))}
      </p>
      {results.length > 0 && (
        <ol class="opt-results">
          {results.map((r) => {
            const key = r.kind === 'session' ? r.sessionId : `m-${r.mentorshipId}`;
            const title =
              r.kind === 'session'
                ? `${r.otherName} · ${r.at !== undefined ? formatWhen(r.at) : t('optNoDate')}`
                : t('srchGoalsOf', r.otherName);
            return (
              <li key={key} class="opt-result stack">
                <a
                  href={
                    r.kind === 'session'
                      ? `#s=${encodeURIComponent(r.sessionId)}`
                      : `#m=${encodeURIComponent(r.mentorshipId)}`
                  }
                  class="opt-result-title"
                  onClick={(e) => {
                    e.preventDefault();
                    if (r.kind === 'session') props.onOpenSession(r.sessionId);
                    else props.onOpenMentorship(r.mentorshipId);
                  }}
                >
                  {title}
                </a>
                {r.shown.map((hit, i) => (
                  <p class="small opt-hit" key={`${hit.field.kind}-${i}`}>
                    <span class="opt-badge">{t(FIELD_KEY[hit.field.kind])}</span>{' '}
                    {hit.excerpt.cutBefore && '… '}
                    <Marked text={hit.excerpt.text} ranges={hit.excerpt.ranges} />
                    {hit.excerpt.cutAfter && ' …'}
                  </p>
                ))}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
