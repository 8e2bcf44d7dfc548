import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useUnreadAlerts } from '../../lib/alerts.api';
import { useT } from '../../lib/i18n';
import { paths } from '../paths';

/**
 * Issue #17: the staff header's bell, the count of unread alerts, a link to their list. No count while it is not
 * known (loading, or its request failed): never a "0" that is not true. A rise of the count is announced to screen
 * readers (a visually hidden polite live region), not the first count nor a fall.
 */
export function AlertBell() {
  const t = useT();
  const count = useUnreadAlerts();
  const unread = count.isError ? undefined : count.data?.unread;
  const label = unread === undefined ? t('ui.alerts.title') : t('ui.alerts.unread', { n: unread });
  const previous = useRef<number | undefined>(undefined);
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    if (unread === undefined) return;
    if (previous.current !== undefined && unread > previous.current)
      setAnnounced(t('ui.alerts.arrived', { n: unread }));
    previous.current = unread;
  }, [unread, t]);
  return (
    <>
      <Link
        to={paths.staff.alerts.href()}
        className={`alert-bell${unread ? ' alert-bell--unread' : ''}`}
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
        {unread !== undefined && unread > 0 && (
          <span className="alert-bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </Link>
      <span className="visually-hidden" aria-live="polite" data-testid="alert-bell-news">
        {announced}
      </span>
    </>
  );
}
