import { useT } from '../lib/i18n';
import { MAIN_CONTENT_ID } from './MainContent';

export function SkipLink() {
  const t = useT();
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
      {t('ui.app.skip_to_content')}
    </a>
  );
}
