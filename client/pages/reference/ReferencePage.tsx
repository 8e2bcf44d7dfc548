import { useI18n } from '../../lib/i18n';
import { useApiQuery } from '../../lib/useApiQuery';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CommuneSearch } from './CommuneSearch';
import { ProvinceTable } from './ProvinceTable';
import { fetchProvinces } from './reference.api';

export function ReferencePage() {
  const { lang, t } = useI18n();
  useDocumentTitle(t('ui.staff.nav.reference'));
  const result = useApiQuery((signal) => fetchProvinces(signal), []);
  const count = new Intl.NumberFormat(lang);

  return (
    <div className="container container--wide">
      <h1>{t('ui.reference.title')}</h1>
      {result.status === 'loading' && <PageLoading />}
      {result.status === 'error' && <ErrorNotice error={result.error} onRetry={result.retry} />}
      {result.status === 'success' && (
        <>
          <p className="lead">
            {t('ui.reference.summary', {
              provinces: count.format(result.data.provinces.length),
              communes: count.format(result.data.provinces.reduce((sum, p) => sum + p.communeCount, 0)),
            })}
          </p>
          <section aria-labelledby="commune-search-title" className="panel">
            <h2 id="commune-search-title">{t('ui.reference.search_title')}</h2>
            <CommuneSearch provinces={result.data.provinces} />
          </section>
          <section aria-labelledby="provinces-title">
            <h2 id="provinces-title">{t('ui.reference.provinces_title')}</h2>
            <ProvinceTable provinces={result.data.provinces} />
          </section>
        </>
      )}
    </div>
  );
}
