import { Link } from 'react-router';
import { useUnreadAlerts } from '../../lib/alerts.api';
import { useT } from '../../lib/i18n';
import { paths } from '../paths';

/** Issue #17: the staff header's bell, the count of unread alerts, a link to their list. */
export function AlertBell() {
  const t = useT();
  const unread = useUnreadAlerts().data?.unread ?? 0;
  const label = t('ui.alerts.unread', { n: unread });
  return (
    <Link
      to={paths.staff.alerts.href()}
      className={`alert-bell${unread > 0 ? ' alert-bell--unread' : ''}`}
      aria-label={label}
      title={label}
      data-testid="alert-bell"
    >
      <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"
        />
      </svg>
      {unread > 0 && (
        <span className="alert-bell__count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
