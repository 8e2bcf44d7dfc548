import { Link } from 'react-router';
import type { AlertView } from '../../../shared/api/alerts';
import { formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import { paths } from '../../app/paths';
import { useAlertList, useMarkAlertsRead, useUnreadAlerts } from '../../lib/alerts.api';
import { useT } from '../../lib/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/**
 * Issue #17: what the viewer was told, newest first. Opening a report marks its alerts read (the case page);
 * "mark all read" empties the bell. The list follows the stream (the staff layout), no reload needed.
 */
export function AlertsPage() {
  const t = useT();
  useDocumentTitle(t('ui.alerts.title'));
  const list = useAlertList();
  const unread = useUnreadAlerts().data?.unread ?? 0;
  const markRead = useMarkAlertsRead();
  const alerts = list.data?.pages.flatMap((page) => page.alerts) ?? [];

  return (
    <div className="container container--wide">
      <h1>{t('ui.alerts.title')}</h1>
      <p className="lead" role="status">
        {t('ui.alerts.unread', { n: unread })}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('ui.alerts.mark_all_read')}
        </button>
      </div>
      {markRead.isError && <ErrorNotice error={markRead.error} />}
      {list.data === undefined ? (
        list.isError ? (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <PageLoading />
        )
      ) : alerts.length === 0 ? (
        <p>{t('ui.alerts.empty')}</p>
      ) : (
        <AlertTable alerts={alerts} />
      )}
      {list.data !== undefined && list.isError && (
        <ErrorNotice
          error={list.error}
          onRetry={() => void (list.isFetchNextPageError ? list.fetchNextPage() : list.refetch())}
        />
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="button button--secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('ui.cases.more')}
        </button>
      )}
    </div>
  );
}

function AlertTable({ alerts }: { alerts: AlertView[] }) {
  const t = useT();
  return (
    <div className="table-scroll" role="region" aria-label={t('ui.alerts.title')} tabIndex={0}>
      <table className="data-table alert-table">
        <thead>
          <tr>
            <th scope="col">{t('ui.alerts.kind')}</th>
            <th scope="col">{t('field.trackingCode')}</th>
            <th scope="col">{t('field.category')}</th>
            <th scope="col">{t('field.commune')}</th>
            <th scope="col">{t('ui.cases.deadline')}</th>
            <th scope="col">{t('ui.alerts.at')}</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} className={a.readAt === null ? 'alert-row--unread' : undefined}>
              <td>
                {t(`alert.kind.${a.kind}`)}
                {a.readAt === null && <span className="visually-hidden"> ({t('ui.alerts.unread_mark')})</span>}
              </td>
              <th scope="row">
                <Link to={paths.staff.case.href(a.trackingCode)}>{a.trackingCode}</Link>
                {a.urgent && <span className="badge badge--urgent">{t('ui.alerts.urgent')}</span>}
              </th>
              <td>{t(`category.${a.category}` as MessageKey)}</td>
              <td>{a.communeName ?? '—'}</td>
              <td>{a.dueAt ? formatDateTime(a.dueAt) : '—'}</td>
              <td>{formatDateTime(a.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
