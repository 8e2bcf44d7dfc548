import type { Province } from '../../../shared/api/places';
import { useT } from '../../lib/i18n';
import { useCommunes } from '../../lib/places.api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CommuneTable } from './CommuneTable';

/** Always rendered, so its status line is a live region before the first search starts. */
export function CommuneResults({ province, q }: { province: Province | undefined; q: string }) {
  const t = useT();
  const result = useCommunes(province?.code ?? '', q, { enabled: province !== undefined });

  let summary = '';
  if (result.isFetching && !result.data) summary = t('ui.common.loading');
  if (result.data && province) {
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
      {result.isError && <ErrorNotice error={result.error} onRetry={() => void result.refetch()} />}
      {result.data && result.data.communes.length > 0 && <CommuneTable communes={result.data.communes} />}
    </div>
  );
}
