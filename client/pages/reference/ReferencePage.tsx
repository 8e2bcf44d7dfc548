import { useI18n } from '../../lib/i18n';
import { useProvinces } from '../../lib/places.api';
import { QueryResult } from '../../ui/QueryResult';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CommuneSearch } from './CommuneSearch';
import { ProvinceTable } from './ProvinceTable';

export function ReferencePage() {
  const { lang, t } = useI18n();
  useDocumentTitle(t('ui.staff.nav.reference'));
  const result = useProvinces();
  const count = new Intl.NumberFormat(lang);

  return (
    <div className="container container--wide">
      <h1>{t('ui.reference.title')}</h1>
      <QueryResult query={result}>
        {({ provinces }) => (
          <>
            <p className="lead">
              {t('ui.reference.summary', {
                provinces: count.format(provinces.length),
                communes: count.format(provinces.reduce((sum, p) => sum + p.communeCount, 0)),
              })}
            </p>
            <section aria-labelledby="commune-search-title" className="panel">
              <h2 id="commune-search-title">{t('ui.reference.search_title')}</h2>
              <CommuneSearch provinces={provinces} />
            </section>
            <section aria-labelledby="provinces-title">
              <h2 id="provinces-title">{t('ui.reference.provinces_title')}</h2>
              <ProvinceTable provinces={provinces} />
            </section>
          </>
        )}
      </QueryResult>
    </div>
  );
}
