import type { Commune } from '../../../shared/api/places';
import { useT } from '../../lib/i18n';
import { YesNo } from '../../ui/YesNo';

export function CommuneTable({ communes }: { communes: Commune[] }) {
  const t = useT();
  return (
    <div className="table-scroll" role="region" aria-label={t('ui.reference.results_region')} tabIndex={0}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('ui.reference.col.code')}</th>
            <th scope="col">{t('ui.reference.col.name')}</th>
            <th scope="col">{t('ui.reference.col.type')}</th>
            <th scope="col">{t('ui.reference.col.land_border')}</th>
            <th scope="col">{t('ui.reference.col.coastal')}</th>
            <th scope="col">{t('ui.reference.col.remote')}</th>
          </tr>
        </thead>
        <tbody>
          {communes.map((commune) => (
            <tr key={commune.code}>
              <td className="code">{commune.code}</td>
              <th scope="row" lang="vi">
                {commune.name}
              </th>
              <td>{t(`commune_type.${commune.type}`)}</td>
              <td>
                <YesNo value={commune.landBorder} />
              </td>
              <td>
                <YesNo value={commune.coastal} />
              </td>
              <td>
                <YesNo value={commune.remoteOrIsland} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
