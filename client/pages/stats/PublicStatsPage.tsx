import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { PublicCount, PublicStats } from '../../../shared/api/stats';
import { useI18n } from '../../lib/i18n';
import { formatNumber, groupName } from '../../lib/statsLabels';
import { shownDay, timeLabel } from '../../lib/statsPeriods';
import { useProvinces } from '../../lib/places.api';
import { BarChartFigure, SERIES_COLORS } from '../../ui/BarChartFigure';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FigureSection, ScrollTable } from '../../ui/FigureSection';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { usePublicStats } from './stats.api';
// Figures and charts styles, shared with the staff dashboard; loaded with this page's own chunk.
import '../../styles/dashboard.css';
import { ProvinceSelect } from '../../ui/ProvinceSelect';

type Row = PublicStats['byCategory'][number];

/** A rounded count (issue #15); "<10" is 0 to 7, and a screen reader hears so. */
function Count({ value }: { value: PublicCount }) {
  const { t, lang } = useI18n();
  if (value === '<10') return <abbr title={t('ui.public_stats.less_than_10')}>&lt;10</abbr>;
  return <>{formatNumber(lang, value)}</>;
}

/** How many years the year list offers, the latest first. */
const YEARS_OFFERED = 5;

/** The years offered, from the latest the server publishes, backwards. */
const yearsFrom = (latest: number) => Array.from({ length: YEARS_OFFERED }, (_, i) => String(latest - i));

const charted = (value: PublicCount) => (typeof value === 'number' ? value : null);

/** Issue #7: public figures for citizens, a province or the whole country, no sign-in. */
export function PublicStatsPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('ui.public_stats.title'));
  const [params, setParams] = useSearchParams();
  const provinceParam = params.get('province');
  const province = provinceParam && /^\d{2}$/.test(provinceParam) ? provinceParam : undefined;
  const yearParam = params.get('year');
  const asked = yearParam && /^\d{4}$/.test(yearParam) ? yearParam : undefined;
  // Public figures are published for calendar years only, each month once it has ended (issue #15). Which year
  // is the latest is the server's to say (its answer without a year is for that year): a phone's clock running
  // ahead would otherwise ask for a year with no finished month and get only an error. With no year asked for,
  // both queries are one.
  const latest = usePublicStats({ province, year: undefined }, lang).data?.year;
  const stats = usePublicStats({ province, year: asked }, lang);
  const provinces = useProvinces();
  const years = latest !== undefined ? yearsFrom(latest) : asked ? [asked] : [];
  const shown = stats.data;
  const loading = stats.isFetching && (stats.isPlaceholderData || !shown);
  const year = shown ? String(shown.year) : (asked ?? '');
  const choose = (next: { province?: string; year?: string }) => {
    const merged = { province, year, ...next };
    const search = new URLSearchParams();
    if (merged.province) search.set('province', merged.province);
    // The latest year is the default: it stays out of the address, which then follows the server's calendar.
    if (merged.year && merged.year !== years[0]) search.set('year', merged.year);
    setParams(search);
  };

  const table = (title: string, groupHeader: string, rows: Row[], labelOf: (row: Row) => string) => (
    <ScrollTable label={title}>
      <thead>
        <tr>
          <th scope="col">{groupHeader}</th>
          <th scope="col" className="numeric">
            {t('ui.public_stats.received')}
          </th>
          <th scope="col" className="numeric">
            {t('ui.public_stats.resolved')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{labelOf(row)}</th>
            <td className="numeric">
              <Count value={row.received} />
            </td>
            <td className="numeric">
              <Count value={row.resolved} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
  const figure = (
    id: string,
    title: string,
    groupHeader: string,
    rows: Row[],
    labelOf: (row: Row) => string,
    orientation: 'columns' | 'rows',
  ) =>
    rows.length > 0 && (
      <FigureSection
        id={id}
        title={title}
        chart={
          <BarChartFigure
            title={title}
            orientation={orientation}
            rows={rows.map((row) => ({
              key: row.key,
              label: labelOf(row),
              values: { received: charted(row.received), resolved: charted(row.resolved) },
            }))}
            series={[
              { key: 'received', label: t('ui.public_stats.received'), color: SERIES_COLORS[0] },
              { key: 'resolved', label: t('ui.public_stats.resolved'), color: SERIES_COLORS[1] },
            ]}
          />
        }
        table={table(title, groupHeader, rows, labelOf)}
      />
    );
  const section = (id: string, title: string, content: ReactNode) => (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {content}
    </section>
  );

  return (
    <div className="container public-stats">
      <h1>{t('ui.public_stats.title')}</h1>
      <p className="lead">{t('ui.public_stats.intro')}</p>
      <div className="panel stats-filters stats-filters--public">
        <ProvinceSelect
          id="stats-province"
          value={province}
          provinces={provinces.data?.provinces ?? []}
          onChange={(code) => choose({ province: code })}
        />
        <div className="field">
          <label htmlFor="stats-year">{t('field.year')}</label>
          <select id="stats-year" value={year} onChange={(e) => choose({ year: e.target.value })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {t('ui.stats.period.year', { year: y })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {loading ? t('ui.common.loading') : ''}
      </p>
      {stats.isError && <ErrorNotice error={stats.error} onRetry={() => void stats.refetch()} />}
      {!shown ? (
        !stats.isError && <PageLoading />
      ) : (
        <div className={stats.isPlaceholderData ? 'dashboard__body dashboard__body--stale' : 'dashboard__body'}>
          <p data-testid="public-scope">
            {t('ui.public_stats.scope', {
              scope: shown.province?.name ?? t('ui.stats.whole_country'),
              from: shownDay(shown.from),
              to: shownDay(shown.to),
            })}
          </p>
          <ul className="stat-cards stat-cards--two">
            <li className="stat-card">
              <h2 className="stat-card__title">{t('ui.public_stats.received')}</h2>
              <p className="stat-card__value">
                <Count value={shown.totals.received} />
              </p>
            </li>
            <li className="stat-card">
              <h2 className="stat-card__title">{t('ui.public_stats.resolved')}</h2>
              <p className="stat-card__value">
                <Count value={shown.totals.resolved} />
              </p>
            </li>
          </ul>
          <aside className="notice" aria-labelledby="small-counts-title">
            <h2 id="small-counts-title" className="notice__title">
              {t('ui.public_stats.small_counts_title')}
            </h2>
            <p>{t('ui.public_stats.small_counts')}</p>
          </aside>
          {figure(
            'public-month',
            t('ui.public_stats.by_month'),
            t('ui.dashboard.interval.month'),
            shown.byMonth,
            (r) => timeLabel(t, r.key, 'month'),
            'columns',
          )}
          {figure(
            'public-category',
            t('ui.public_stats.by_category'),
            t('field.category'),
            shown.byCategory,
            (r) => groupName(t, 'category', r.key, r.label),
            'rows',
          )}
          {shown.byPlaceType.length > 0 &&
            section(
              'public-place-type',
              t('ui.public_stats.by_place_type'),
              table(t('ui.public_stats.by_place_type'), t('field.placeType'), shown.byPlaceType, (r) =>
                groupName(t, 'placeType', r.key, r.label),
              ),
            )}
          {!shown.province &&
            shown.byProvince.length > 0 &&
            section(
              'public-province',
              t('ui.public_stats.by_province'),
              table(t('ui.public_stats.by_province'), t('field.province'), shown.byProvince, (r) => r.label),
            )}
          {shown.byStatus.length > 0 &&
            section(
              'public-status',
              t('ui.public_stats.by_status'),
              <ScrollTable label={t('ui.public_stats.by_status')}>
                <thead>
                  <tr>
                    <th scope="col">{t('ui.stats.col.status')}</th>
                    <th scope="col" className="numeric">
                      {t('ui.stats.col.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.byStatus.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{row.label}</th>
                      <td className="numeric">
                        <Count value={row.count} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>,
            )}
          {shown.province &&
            section('public-status', t('ui.public_stats.by_status'), <p>{t('ui.public_stats.status_nation_only')}</p>)}
        </div>
      )}
    </div>
  );
}
