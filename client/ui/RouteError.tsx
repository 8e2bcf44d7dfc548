import { useT } from '../lib/i18n';
import { useDocumentTitle } from './useDocumentTitle';

/**
 * Shown instead of a whole layout when a route fails to render or its code cannot be
 * downloaded (usually a dropped connection, or a new release replaced the old chunks).
 */
export function RouteError() {
  const t = useT();
  useDocumentTitle(t('ui.route_error.title'));
  return (
    <main className="main container route-error">
      <h1>{t('ui.route_error.title')}</h1>
      <p>{t('ui.route_error.body')}</p>
      <p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('ui.route_error.reload')}
        </button>
      </p>
      <p>
        <a href="/" className="standalone-link">
          {t('ui.common.back_home')}
        </a>
      </p>
    </main>
  );
}
