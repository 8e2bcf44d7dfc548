import { Link } from 'react-router';
import { useT } from '../lib/i18n';

/** The "389" mark and product name that open every page header; the second line says where you are. */
export function Brand({ to, subtitle, subtitleClass }: { to: string; subtitle: string; subtitleClass: string }) {
  const t = useT();
  return (
    <Link to={to} className="brand">
      <span className="brand__mark" aria-hidden="true">
        389
      </span>
      <span className="brand__text">
        <span className="brand__name">{t('ui.app.name')}</span>
        <span className={subtitleClass}>{subtitle}</span>
      </span>
    </Link>
  );
}
