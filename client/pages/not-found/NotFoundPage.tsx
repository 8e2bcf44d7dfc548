import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { useT } from '../../lib/i18n';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('ui.not_found.title'));
  return (
    <div className="container narrow">
      <h1>{t('ui.not_found.title')}</h1>
      <p>{t('ui.not_found.body')}</p>
      <p>
        <Link to={paths.home.href()} className="standalone-link">
          {t('ui.common.back_home')}
        </Link>
      </p>
    </div>
  );
}
