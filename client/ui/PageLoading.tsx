import { useT } from '../lib/i18n';

export function PageLoading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('ui.common.loading')}
    </p>
  );
}
