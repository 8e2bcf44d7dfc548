import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import {
  STATS_DIMENSIONS,
  STATS_MEASURES,
  type StatsDimension,
  type StatsMeasure,
} from '../../../shared/schemas/stats';
import { paths } from '../../app/paths';
import { useI18n } from '../../lib/i18n';
import { groupName, formatNumber } from '../../lib/statsLabels';
import { shownDay, timeLabel } from '../../lib/statsPeriods';
import { useNow } from '../../lib/useNow';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useStatsReports } from './dashboard.api';
import { useFiguresScope } from './figures-scope';
import { readFilters, toSearch } from './filters';

const DIMENSION_FIELDS: Record<StatsDimension, MessageKey> = {
  category: 'field.category',
  placeType: 'field.placeType',
  channel: 'ui.dashboard.channel_label',
  force: 'field.force',
  unit: 'field.unit',
  province: 'field.province',
  time: 'ui.stats.col.time',
  // Issue #18: results (reports resolved in the period).
  outcome: 'field.outcome',
  goodsType: 'ui.committee.col.goods_type',
};

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/** A deadline and, once met, when: "14:00 24/11/2026 · xong lúc 09:12 24/11/2026". */
function DueCell({ due, doneAt, now }: { due: string; doneAt: string | null; now: number }) {
  const { t } = useI18n();
  const late = doneAt ? Date.parse(doneAt) > Date.parse(due) : Date.parse(due) < now;
  return (
    <td className={late ? 'deadline--overdue' : undefined}>
      {formatDateTime(due)}
      {doneAt && <span className="muted"> · {t('ui.drill.done_at', { time: formatDateTime(doneAt) })}</span>}
    </td>
  );
}

/** Issue #7: the reports behind one number of the dashboard; its total is that number. */
export function ReportsListPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const filters = readFilters(params);
  const measure: StatsMeasure = oneOf(STATS_MEASURES, params.get('measure')) ?? 'received';
  const dimension = oneOf(STATS_DIMENSIONS, params.get('dimension'));
  const key = dimension ? (params.get('key') ?? undefined) : undefined;
  const measureName = t(`ui.stats.measure.${measure}`);
  useDocumentTitle(t('ui.drill.title', { measure: measureName }));
  const query = { ...filters, measure, dimension, key };
  const list = useStatsReports(query);
  const now = useNow();
  // Issue #18: a commune committee's list is read-only: no case opens from it.
  const { opensCases } = useFiguresScope();

  if (list.isError && !list.data)
    return (
      <div className="container">
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      </div>
    );
  if (!list.data) return <PageLoading />;
  const first = list.data.pages[0];
  const items = list.data.pages.flatMap((p) => p.items);
  const groupValue =
    dimension && key
      ? dimension === 'time'
        ? timeLabel(t, key, filters.interval ?? 'month')
        : groupName(t, dimension, key, key)
      : null;
  // Units and provinces are named by the server, in the rows themselves.
  const named =
    dimension === 'unit' ? items[0]?.leadUnitName : dimension === 'province' ? items[0]?.provinceName : null;

  return (
    <div className="container container--wide">
      <p>
        <Link to={paths.staff.dashboard.href(toSearch({ ...filters }))}>← {t('ui.drill.back')}</Link>
      </p>
      <h1>{t('ui.drill.title', { measure: measureName })}</h1>
      <p className="lead">
        {dimension && groupValue && (
          <>
            {t('ui.drill.group', { dimension: t(DIMENSION_FIELDS[dimension]), value: named ?? groupValue })}
            <br />
          </>
        )}
        {filters.from &&
          filters.to &&
          t('ui.stats.period.range', { from: shownDay(filters.from), to: shownDay(filters.to) })}
      </p>
      {!opensCases && <p className="hint">{t('ui.drill.read_only')}</p>}
      <p className="drill-total" data-testid="drill-total">
        {t('ui.drill.total', { n: formatNumber(lang, first?.total ?? 0) })}
      </p>
      {items.length === 0 ? (
        <p role="status">{t('ui.drill.empty')}</p>
      ) : (
        <div
          className="table-scroll"
          role="region"
          aria-label={t('ui.stats.table_scrolls', { title: measureName })}
          tabIndex={0}
        >
          <table className="data-table drill-table">
            <thead>
              <tr>
                <th scope="col">{t('field.trackingCode')}</th>
                <th scope="col">{t('ui.drill.col.received_at')}</th>
                <th scope="col">{t('field.status')}</th>
                <th scope="col">{t('field.category')}</th>
                <th scope="col">{t('ui.drill.col.lead')}</th>
                <th scope="col">{t('ui.drill.col.accept_due')}</th>
                <th scope="col">{t('ui.drill.col.resolve_due')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.trackingCode}>
                  <th scope="row">
                    {opensCases ? (
                      <Link to={paths.staff.case.href(r.trackingCode)}>{r.trackingCode}</Link>
                    ) : (
                      r.trackingCode
                    )}
                  </th>
                  <td>{formatDateTime(r.receivedAt)}</td>
                  <td>{t(`status.${r.status}` as MessageKey)}</td>
                  <td>
                    {t(`category.${r.category}` as MessageKey)}
                    <br />
                    <span className="muted">{[r.communeName, r.provinceName].filter(Boolean).join(', ')}</span>
                  </td>
                  <td>{r.leadUnitName}</td>
                  <DueCell due={r.acceptDueAt} doneAt={r.acceptedAt} now={now} />
                  <DueCell due={r.resolveDueAt} doneAt={r.resolvedAt} now={now} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items.length > 0 && <p className="hint">{t('ui.drill.shown', { n: formatNumber(lang, items.length) })}</p>}
      {list.isFetchNextPageError && <ErrorNotice error={list.error} />}
      {list.hasNextPage && (
        <button
          type="button"
          className="button button--secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('ui.drill.more')}
        </button>
      )}
    </div>
  );
}
