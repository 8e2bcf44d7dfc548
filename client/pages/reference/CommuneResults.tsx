import type { Province } from '../../../shared/api/places';
import { useT } from '../../lib/i18n';
import { useApiQuery } from '../../lib/useApiQuery';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CommuneTable } from './CommuneTable';
import { fetchCommunes } from './reference.api';

/** Always rendered, so its status line is a live region before the first search starts. */
export function CommuneResults({ province, q }: { province: Province | undefined; q: string }) {
  const t = useT();
  const result = useApiQuery(province ? (signal) => fetchCommunes(province.code, q, signal) : null, [
    province?.code,
    q,
  ]);

  let summary = '';
  if (result.status === 'loading') summary = t('ui.common.loading');
  if (result.status === 'success' && province) {
    const count = result.data.communes.length;
    summary =
      count > 0
        ? t('ui.reference.results', { count, province: province.name })
        : t('ui.reference.no_results', { province: province.name });
  }

  return (
    <div className="results">
      <p className="results__summary" role="status">
        {summary}
      </p>
      {result.status === 'error' && <ErrorNotice error={result.error} onRetry={result.retry} />}
      {result.status === 'success' && result.data.communes.length > 0 && (
        <CommuneTable communes={result.data.communes} />
      )}
    </div>
  );
}
