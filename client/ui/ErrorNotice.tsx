import { useT } from '../lib/i18n';
import { apiErrorMessage } from './apiErrorMessage';

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="notice notice--error" role="alert">
      <p>{apiErrorMessage(t, error)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('ui.common.retry')}
        </button>
      )}
    </div>
  );
}
