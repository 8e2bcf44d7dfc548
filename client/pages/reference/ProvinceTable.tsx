import type { Province } from '../../../shared/api/places';
import { useI18n } from '../../lib/i18n';
import { YesNo } from '../../ui/YesNo';
import { countryNames } from './countryNames';

export function ProvinceTable({ provinces }: { provinces: Province[] }) {
  const { lang, t } = useI18n();
  const count = new Intl.NumberFormat(lang);
  return (
    <div className="table-scroll" role="region" aria-label={t('ui.reference.table_region')} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('ui.reference.col.code')}</th>
            <th scope="col">{t('ui.reference.col.name')}</th>
            <th scope="col" className="numeric">
              {t('ui.reference.col.communes')}
            </th>
            <th scope="col">{t('ui.reference.col.land_border')}</th>
            <th scope="col">{t('ui.reference.col.coastal')}</th>
          </tr>
        </thead>
        <tbody>
          {provinces.map((province) => (
            <tr key={province.code}>
              <td className="code">{province.code}</td>
              <th scope="row" lang="vi">
                {province.name}
              </th>
              <td className="numeric">{count.format(province.communeCount)}</td>
              <td>
                {province.landBorderCountries.length > 0 ? (
                  countryNames(lang, province.landBorderCountries)
                ) : (
                  <YesNo value={false} />
                )}
              </td>
              <td>
                <YesNo value={province.coastal} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
