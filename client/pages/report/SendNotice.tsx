import { useT } from '../../lib/i18n';
import { useNow } from '../../lib/useNow';
import { formatDuration } from './PhotoUploads';
import type { ReportSender, SenderState } from './report-sender';

/**
 * What the link is doing, honestly: a stall after 20 s without a byte, the next automatic try, a
 * cancel while something is under way and "send again now" while nothing is.
 */
export function SendNotice({ state, sender, busy }: { state: SenderState; sender: ReportSender; busy: boolean }) {
  const t = useT();
  const now = useNow(1000, state.retryAt !== null);
  return (
    <div className="send-notice">
      <div role="status" aria-live="polite">
        {state.stalled && (
          <div className="notice notice--warning">
            <p>{t('ui.send.stalled')}</p>
          </div>
        )}
        {state.paused && (
          <div className="notice">
            <p>{t('ui.send.paused')}</p>
          </div>
        )}
      </div>
      {!state.paused && state.retryAt !== null && state.retryAt > now && !busy && (
        <p className="hint">{t('ui.outbox.retry_in', { time: formatDuration(t, (state.retryAt - now) / 1000) })}</p>
      )}
      <p className="report-actions">
        {busy && !state.paused && (
          <button type="button" className="button button--secondary" onClick={() => sender.cancel()}>
            {t('ui.send.cancel')}
          </button>
        )}
        {(!busy || state.paused || state.stalled) && (
          <button type="button" className="button button--secondary" onClick={() => sender.retryNow()}>
            {t('ui.send.retry')}
          </button>
        )}
      </p>
    </div>
  );
}
