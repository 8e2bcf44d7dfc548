import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { useT } from '../../lib/i18n';
import { HotlineLinks } from '../../ui/HotlineLinks';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/** Until the online form ships (issue #4), /report says so and points to the hotlines. */
export function ReportPage() {
  const t = useT();
  useDocumentTitle(t('ui.report.title'));
  return (
    <div className="container narrow">
      <h1>{t('ui.report.title')}</h1>
      <p className="lead">{t('ui.report.rollout')}</p>
      <p>{t('ui.report.call_now')}</p>
      <HotlineLinks size="large" />
      <p className="hint">{t('ui.home.emergency')}</p>
      <p>
        <Link to={paths.home.href()} className="standalone-link">{t('ui.common.back_home')}</Link>
      </p>
    </div>
  );
}
