import { Link, useSearchParams } from 'react-router';
import type { ResultRow, StatsRow } from '../../../shared/api/stats';
import { formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import type { StatsDimension } from '../../../shared/schemas/stats';
import { paths } from '../../app/paths';
import { useT } from '../../lib/i18n';
import { shownDay, timeLabel } from '../../lib/statsPeriods';
import { groupName } from '../../lib/statsLabels';
import { useProvinces } from '../../lib/places.api';
import { useUnitList } from '../../lib/units.api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useStaffStats } from './dashboard.api';
import { useFiguresScope } from './figures-scope';
import { FiltersForm } from './FiltersForm';
import { drillSearch, readFilters, toSearch, type DashboardFilters } from './filters';
import { HeadlineCards } from './HeadlineCards';
import { ResultsTable } from './ResultsTable';
import { StatsFigure } from './StatsFigure';

const TOP_UNITS = 10;

/** Issue #7: a coordinator's dashboard of SPEC.md §5's figures, filtered in the URL so a view can be shared. */
export function DashboardPage() {
  const t = useT();
  useDocumentTitle(t('ui.dashboard.title'));
  // Issue #18: unit leads and commune committees read their own figures; only a national coordinator picks a province.
  const { ownProvince, picksProvince, readsUnitList } = useFiguresScope();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const query = { ...filters, province: picksProvince ? filters.province : undefined };
  const stats = useStaffStats(query);
  const provinces = useProvinces({ enabled: picksProvince });
  const units = useUnitList({ enabled: readsUnitList });
  // While new filters load, the last figures stay on screen (and the filters keep their focus).
  const shown = stats.data;
  const loading = stats.isPlaceholderData;

  if (stats.isError && !shown)
    return (
      <div className="container">
        <ErrorNotice error={stats.error} onRetry={() => void stats.refetch()} />
      </div>
    );
  if (!shown) return <PageLoading />;
  const { scope } = shown;
  const unitProvince = ownProvince ?? filters.province;
  const change = (next: DashboardFilters) => setParams(toSearch({ ...next }));
  const label = (dimension: StatsDimension) => (row: StatsRow) =>
    dimension === 'time' ? timeLabel(t, row.key, scope.interval) : groupName(t, dimension, row.key, row.label);
  const figure = (
    id: string,
    dimension: StatsDimension,
    title: string,
    groupHeader: string,
    rows: StatsRow[],
    extra: { chartLimit?: number; note?: string } = {},
  ) =>
    rows.length > 0 && (
      <StatsFigure
        id={id}
        title={title}
        groupHeader={groupHeader}
        dimension={dimension}
        rows={rows}
        labelOf={label(dimension)}
        scope={scope}
        {...extra}
      />
    );

  // Issue #18: results per outcome and goods type (resolved in the period); a count opens its reports.
  const results = (id: string, dimension: 'outcome' | 'goodsType', title: string, rows: ResultRow[]) =>
    shown.totals.resultsResolved > 0 && (
      <ResultsTable
        id={id}
        title={title}
        groupHeader={title}
        rows={rows}
        labelOf={(row) => groupName(t, dimension, row.key, row.label)}
        hrefOf={(row) =>
          paths.staff.dashboardReports.href(drillSearch(scope, { measure: 'resolved', dimension, key: row.key }))
        }
        total={{ ...shown.totals, key: 'total' }}
      />
    );

  return (
    <div className="container container--wide dashboard">
      <h1>{t('ui.dashboard.title')}</h1>
      <p className="lead" data-testid="dashboard-scope">
        {t('ui.dashboard.scope', {
          scope: scope.unit?.name ?? scope.within?.name ?? scope.province?.name ?? t('ui.stats.whole_country'),
          from: shownDay(scope.from),
          to: shownDay(scope.to),
        })}
        {scope.force && ` · ${t(`force.${scope.force}` as MessageKey)}`}
      </p>
      <p>
        <Link to={paths.staff.periodicReport.href(toSearch({ province: scope.province?.code }))}>
          {t('ui.dashboard.periodic_link')}
        </Link>
      </p>
      <FiltersForm
        filters={filters}
        shown={{ from: scope.from, to: scope.to }}
        provinces={picksProvince ? (provinces.data?.provinces ?? []) : null}
        units={
          readsUnitList
            ? (units.data?.units ?? []).filter((u) => !unitProvince || u.provinceCode === unitProvince)
            : shown.byUnit.map((u) => ({ id: u.key, name: u.label, force: u.force }))
        }
        onChange={change}
      />
      <p className="visually-hidden" role="status">
        {loading ? t('ui.common.loading') : ''}
      </p>
      {stats.isError && <ErrorNotice error={stats.error} onRetry={() => void stats.refetch()} />}
      <div className={loading ? 'dashboard__body dashboard__body--stale' : 'dashboard__body'}>
        <HeadlineCards stats={shown} />
        <p className="hint">{t('ui.dashboard.as_of', { time: formatDateTime(scope.now) })}</p>
        {results('by-outcome', 'outcome', t('ui.committee.by_outcome'), shown.byOutcome)}
        {results('by-goods-type', 'goodsType', t('ui.committee.by_goods'), shown.byGoodsType)}
        {shown.totals.received === 0 ? (
          <p role="status">{t('ui.dashboard.empty')}</p>
        ) : (
          <>
            {figure('over-time', 'time', t('ui.dashboard.section.over_time'), t('ui.stats.col.time'), shown.overTime)}
            {figure('by-force', 'force', t('ui.dashboard.section.force'), t('field.force'), shown.byForce)}
            {figure('by-unit', 'unit', t('ui.dashboard.section.unit'), t('field.unit'), shown.byUnit, {
              chartLimit: TOP_UNITS,
              note:
                shown.byUnit.length > TOP_UNITS
                  ? t('ui.dashboard.top_units', { n: TOP_UNITS, total: shown.byUnit.length })
                  : undefined,
            })}
            {!scope.province &&
              figure(
                'by-province',
                'province',
                t('ui.dashboard.section.province'),
                t('field.province'),
                shown.byProvince,
              )}
            {figure(
              'by-category',
              'category',
              t('ui.dashboard.section.category'),
              t('field.category'),
              shown.byCategory,
            )}
            {figure(
              'by-place-type',
              'placeType',
              t('ui.dashboard.section.place_type'),
              t('field.placeType'),
              shown.byPlaceType,
            )}
            {figure(
              'by-channel',
              'channel',
              t('ui.dashboard.section.channel'),
              t('ui.dashboard.channel_label'),
              shown.byChannel,
            )}
          </>
        )}
      </div>
    </div>
  );
}
