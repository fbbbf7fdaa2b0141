import '@/components/theme.css';
import './privacy.css';
import { render } from 'preact';
import { Markdown } from '@/components/Markdown';
import { t } from '@/lib/i18n';
import policy from '../../PRIVACY.md?raw';

// The privacy policy inside the extension: the repository's PRIVACY.md, bundled as text at
// build time, so the page and the file the stores link to cannot differ.

function main() {
  document.title = t('privacyTitle');
  const root = document.getElementById('app');
  if (root)
    render(
      <article class="policy" data-testid="privacy">
        <Markdown text={policy} />
      </article>,
      root,
    );
}

main();
