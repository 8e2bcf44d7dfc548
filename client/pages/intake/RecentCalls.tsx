import { formatDateTime, formatPhone } from '../../../shared/i18n/format';
import { useT } from '../../lib/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useRecentCalls } from './intake.api';

/**
 * The operator's latest calls: the way back to a report to append to it or attach photos. Asked again after
 * each call entered or appended (intake.api.ts).
 */
export function RecentCalls({ onOpen }: { onOpen(code: string): void }) {
  const t = useT();
  const calls = useRecentCalls();
  return (
    <details className="recent-calls">
      <summary>{t('ui.intake.recent_title')}</summary>
      {calls.isError && <ErrorNotice error={calls.error} onRetry={() => void calls.refetch()} />}
      {calls.status === 'success' && calls.data.calls.length === 0 && <p>{t('ui.intake.recent_none')}</p>}
      {calls.status === 'success' && calls.data.calls.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('ui.intake.channel_col')}</th>
                <th scope="col">{t('field.callStartedAt')}</th>
                <th scope="col">{t('field.line')}</th>
                <th scope="col">{t('field.callerNumber')}</th>
                <th scope="col">{t('field.trackingCode')}</th>
                <th scope="col">{t('ui.intake.recent_kind')}</th>
              </tr>
            </thead>
            <tbody>
              {calls.data.calls.map((c, i) => (
                <tr key={i}>
                  <td>{t(`channel.${c.channel}`)}</td>
                  <td>{formatDateTime(c.at)}</td>
                  <td>{formatPhone(c.line)}</td>
                  <td>{c.caller ?? t('ui.intake.caller_hidden')}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => onOpen(c.trackingCode)}>
                      {c.trackingCode}
                    </button>
                  </td>
                  <td>{c.opensReport ? t('ui.intake.recent_new') : t('ui.intake.recent_appended')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
