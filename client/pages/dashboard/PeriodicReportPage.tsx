import { useSearchParams } from 'react-router';
import type { StatsRow } from '../../../shared/api/stats';
import { formatDateTime } from '../../../shared/i18n/format';
import { periodDays, statsPeriodSchema } from '../../../shared/schemas/stats';
import { useI18n } from '../../lib/i18n';
import { groupName } from '../../lib/statsLabels';
import { periodLabel, shownDay, timeLabel, vietnamToday } from '../../lib/statsPeriods';
import { useProvinces } from '../../lib/places.api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { exportHref, useStaffStats } from './dashboard.api';
import { toSearch } from './filters';
import { useFiguresScope } from './figures-scope';
import { FiguresTable } from './FiguresTable';
import { ProvinceSelect } from '../../ui/ProvinceSelect';

/** The periods a report can be asked for: each half and each whole year from 2025 (the first year of data) to now. */
function periodChoices(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const choices: string[] = [];
  for (let y = year; y >= 2025; y--)
    for (const p of [`${y}-H2`, `${y}-H1`, `${y}`]) if (periodDays(p).from <= today) choices.push(p);
  return choices;
}

/** The half-year under way: a six-month report is written in its last weeks. */
function currentHalf(today: string): string {
  return `${today.slice(0, 4)}-H${today.slice(5, 7) >= '07' ? 2 : 1}`;
}

/**
 * Issue #7: the periodic report (báo cáo định kỳ 6 tháng, năm) of a province or the nation, laid
 * out to print on A4, with the same figures to download as CSV or XLSX from the export endpoint.
 */
export function PeriodicReportPage() {
  const { t, lang } = useI18n();
  // Issue #18: a unit lead's and a commune committee's report is of their own units or commune.
  const { ownProvince, picksProvince } = useFiguresScope();
  const [params, setParams] = useSearchParams();
  const today = vietnamToday();
  const asked = params.get('period') ?? '';
  const period = statsPeriodSchema.safeParse(asked).success ? asked : currentHalf(today);
  const provinceParam = params.get('province');
  const province =
    ownProvince ?? (picksProvince && provinceParam && /^\d{2}$/.test(provinceParam) ? provinceParam : undefined);
  const { from, to } = periodDays(period);
  const title = t('ui.periodic.heading', { period: periodLabel(t, period) });
  useDocumentTitle(title);
  const stats = useStaffStats({ from, to, province, interval: 'month' });
  // A report under another period's title would mislead, on screen or on paper: no figures until its own come.
  const report = stats.isPlaceholderData ? undefined : stats.data;
  const provinces = useProvinces({ enabled: picksProvince });
  const choose = (next: { period?: string; province?: string }) =>
    setParams(toSearch({ period, province: picksProvince ? province : undefined, ...next }));
  const download = (format: 'csv' | 'xlsx', table: 'summary' | 'reports') =>
    exportHref({ format, period, province, table }, lang);
  const section = (
    id: string,
    heading: string,
    groupHeader: string,
    rows: StatsRow[],
    labelOf: (row: StatsRow) => string,
    total?: StatsRow,
  ) =>
    rows.length > 0 && (
      <section className="periodic__section" aria-labelledby={id}>
        <h2 id={id}>{heading}</h2>
        <FiguresTable title={heading} groupHeader={groupHeader} rows={rows} labelOf={labelOf} total={total} />
      </section>
    );

  return (
    <div className="container container--wide periodic">
      <h1 className="periodic__title">{title}</h1>
      <div className="periodic__controls no-print">
        <div className="intake-form__row">
          <Field name="period" label={t('field.period')}>
            {(control) => (
              <select {...control} value={period} onChange={(e) => choose({ period: e.target.value })}>
                {periodChoices(today).map((p) => (
                  <option key={p} value={p}>
                    {periodLabel(t, p)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {picksProvince && (
            <ProvinceSelect
              id="province"
              value={province}
              provinces={provinces.data?.provinces ?? []}
              onChange={(code) => choose({ province: code })}
            />
          )}
        </div>
        <div className="periodic__actions">
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('ui.periodic.print')}
          </button>
          <a className="button button--secondary" href={download('xlsx', 'summary')} download>
            {t('ui.periodic.summary_xlsx')}
          </a>
          <a className="button button--secondary" href={download('csv', 'summary')} download>
            {t('ui.periodic.summary_csv')}
          </a>
          <a className="button button--secondary" href={download('xlsx', 'reports')} download>
            {t('ui.periodic.reports_xlsx')}
          </a>
          <a className="button button--secondary" href={download('csv', 'reports')} download>
            {t('ui.periodic.reports_csv')}
          </a>
        </div>
      </div>
      {stats.isError && <ErrorNotice error={stats.error} onRetry={() => void stats.refetch()} />}
      {!report && !stats.isError && <PageLoading />}
      {report && (
        <article className="periodic__report">
          <p>
            {t('ui.periodic.scope', {
              scope: report.scope.within?.name ?? report.scope.province?.name ?? t('ui.stats.whole_country'),
              from: shownDay(report.scope.from),
              to: shownDay(report.scope.to),
              time: formatDateTime(report.scope.now),
            })}
          </p>
          {section('periodic-totals', t('ui.periodic.totals'), t('field.period'), [report.totals], () =>
            periodLabel(t, period),
          )}
          {section(
            'periodic-force',
            t('ui.dashboard.section.force'),
            t('field.force'),
            report.byForce,
            (r) => groupName(t, 'force', r.key, r.label),
            report.totals,
          )}
          {section(
            'periodic-unit',
            t('ui.dashboard.section.unit'),
            t('field.unit'),
            report.byUnit,
            (r) => r.label,
            report.totals,
          )}
          {section(
            'periodic-category',
            t('ui.dashboard.section.category'),
            t('field.category'),
            report.byCategory,
            (r) => groupName(t, 'category', r.key, r.label),
            report.totals,
          )}
          {section(
            'periodic-place-type',
            t('ui.dashboard.section.place_type'),
            t('field.placeType'),
            report.byPlaceType,
            (r) => groupName(t, 'placeType', r.key, r.label),
            report.totals,
          )}
          {section(
            'periodic-channel',
            t('ui.dashboard.section.channel'),
            t('ui.dashboard.channel_label'),
            report.byChannel,
            (r) => groupName(t, 'channel', r.key, r.label),
            report.totals,
          )}
          {!report.scope.province &&
            section(
              'periodic-province',
              t('ui.dashboard.section.province'),
              t('field.province'),
              report.byProvince,
              (r) => r.label,
              report.totals,
            )}
          {section(
            'periodic-month',
            t('ui.periodic.by_month'),
            t('ui.dashboard.interval.month'),
            report.overTime,
            (r) => timeLabel(t, r.key, 'month'),
            report.totals,
          )}
        </article>
      )}
    </div>
  );
}
