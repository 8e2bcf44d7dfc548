import { useEffect, type ChangeEvent } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import type { CommuneRow, PeriodicReport, ResultRow, StatsRow } from '../../../shared/api/stats';
import { formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import {
  PRESET_PARTS,
  periodicDays,
  presetKey,
  REPORT_PRESETS,
  staffPeriodicQuerySchema,
  statsPeriodSchema,
  type ReportPreset,
} from '../../../shared/schemas/stats';
import { applyServerErrors, schemaResolver } from '../../lib/form';
import { useI18n } from '../../lib/i18n';
import { useProvinces } from '../../lib/places.api';
import { formatNumber, formatRate, groupName } from '../../lib/statsLabels';
import { shownDay, timeLabel, vietnamToday } from '../../lib/statsPeriods';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { NumericHeads, ScrollTable } from '../../ui/FigureSection';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { exportHref, usePeriodicReport } from './dashboard.api';
import { FiguresTable } from './FiguresTable';
import { useFiguresScope } from './figures-scope';
import { toSearch } from './filters';
import { ResultsTable } from './ResultsTable';

/** The files of the periodic report offered under it, in order: format, table, link text. */
const DOWNLOADS = [
  ['xlsx', 'summary', 'ui.periodic.summary_xlsx'],
  ['csv', 'summary', 'ui.periodic.summary_csv'],
  ['csv', 'crime', 'ui.committee.crime_csv'],
  ['csv', 'typical', 'ui.committee.typical_csv'],
  ['xlsx', 'reports', 'ui.periodic.reports_xlsx'],
  ['csv', 'reports', 'ui.periodic.reports_csv'],
] as const satisfies readonly (readonly ['csv' | 'xlsx', string, MessageKey])[];

/** What the period form holds (text, as the inputs do); `toQuery` makes the request of it. */
interface PeriodForm {
  preset: ReportPreset;
  year: string;
  part: string;
  from: string;
  to: string;
  compare: boolean;
  province: string;
}

const QUERY_NAMES = ['period', 'preset', 'year', 'part', 'from', 'to', 'compare', 'province'] as const;
type Query = Partial<Record<(typeof QUERY_NAMES)[number], string>>;
const FORM_FIELDS = ['preset', 'year', 'part', 'from', 'to', 'compare', 'province'] as const;

const takesYear = (p: ReportPreset) => p !== 'midterm' && p !== 'final' && p !== 'adhoc';
/** A term's mid-term and final reviews span years: no "same period a year earlier" (issue #18 review). */
const compares = (p: ReportPreset) => p !== 'midterm' && p !== 'final';

/** The request of a form: only the fields its preset takes (the server refuses the others, naming them). */
function toQuery(v: PeriodForm, ownProvince: string | null, picksProvince: boolean): Query {
  return {
    preset: v.preset,
    year: takesYear(v.preset) ? v.year : undefined,
    part: PRESET_PARTS[v.preset] > 0 ? v.part : undefined,
    from: v.preset === 'adhoc' ? v.from : undefined,
    to: v.preset === 'adhoc' ? v.to : undefined,
    compare: v.compare && compares(v.preset) ? 'true' : undefined,
    province: ownProvince || !picksProvince ? undefined : v.province || undefined,
  };
}

/** The URL's query, or the half-year under way (a six-month report is written in its last weeks). */
function readQuery(params: URLSearchParams, today: string): Query {
  const query: Query = {};
  for (const name of QUERY_NAMES) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  if (query.period && !statsPeriodSchema.safeParse(query.period).success) delete query.period;
  if (query.preset && !compares(query.preset as ReportPreset)) delete query.compare;
  if (!query.period && !query.preset && !query.from && !query.to)
    Object.assign(query, { preset: 'half', year: today.slice(0, 4), part: today.slice(5, 7) >= '07' ? '2' : '1' });
  return query;
}

/** The form's values for a query; an old `period` link (2026-H1) is shown as the preset it means. */
function formOf(query: Query, today: string): PeriodForm {
  const legacy = query.period ? periodicDays({ period: query.period }) : undefined;
  const preset = (legacy?.preset ?? query.preset ?? 'adhoc') as ReportPreset;
  return {
    preset: (REPORT_PRESETS as readonly string[]).includes(preset) ? preset : 'half',
    year: String(legacy?.year ?? query.year ?? today.slice(0, 4)),
    part: String(legacy?.part ?? query.part ?? 1),
    from: query.from ?? '',
    to: query.to ?? '',
    compare: query.compare === 'true',
    province: query.province ?? '',
  };
}

const yearChoices = (today: string) => {
  const last = Math.max(Number(today.slice(0, 4)) + 1, 2030);
  return Array.from({ length: last - 2020 + 1 }, (_, i) => String(last - i));
};

/**
 * Issues #7 and #18: the periodic report of a province or the nation for a committee: any range (presets:
 * month, quarter, half, year, the year to 30 September, the mid-term and final reviews; or ad hoc), the same
 * period a year earlier, results and the crime track, a province's communes, typical cases. Laid out to print
 * on A4, with the same figures to download as CSV or XLSX from the export endpoint.
 */
export function PeriodicReportPage() {
  const { t, lang } = useI18n();
  // Issue #18: a unit lead's and a commune committee's report is of their own units or commune.
  const { ownProvince, picksProvince } = useFiguresScope();
  const [params, setParams] = useSearchParams();
  const today = vietnamToday();
  const query = readQuery(params, today);
  if (!picksProvince) delete query.province;
  const report = usePeriodicReport(query);
  // A report under another period's title would mislead, on screen or on paper: no figures until its own come.
  const shown = report.isPlaceholderData ? undefined : report.data;
  const provinces = useProvinces({ enabled: picksProvince });
  const form = useForm<PeriodForm>({
    values: formOf(query, today),
    resolver: schemaResolver(staffPeriodicQuerySchema, (v) => toQuery(v, ownProvince, picksProvince)),
  });
  const preset = useWatch({ control: form.control, name: 'preset' });
  const { setError } = form;
  const refused = report.error;
  useEffect(() => {
    if (refused) applyServerErrors(refused, setError, FORM_FIELDS);
  }, [refused, setError]);
  const submit = form.handleSubmit((values) => setParams(toSearch(toQuery(values, ownProvince, picksProvince))));
  /** Month 11 → Quarter: the part kept within the new preset's (Quarter 4), never one its list does not show. */
  const keepPart = (e: ChangeEvent<HTMLSelectElement>) => {
    const most = PRESET_PARTS[e.target.value as ReportPreset] ?? 0;
    if (most > 0 && !(Number(form.getValues('part')) <= most)) form.setValue('part', String(most));
  };

  const periodName = shown
    ? t(presetKey(shown.preset as ReportPreset, shown.part) as MessageKey, {
        year: shown.year ?? '',
        part: shown.part ?? '',
        from: shownDay(shown.stats.scope.from),
        to: shownDay(shown.stats.scope.to),
      })
    : '';
  const title = t('ui.periodic.heading', { period: periodName });
  useDocumentTitle(title);
  const download = (format: 'csv' | 'xlsx', table: 'summary' | 'crime' | 'typical' | 'reports') =>
    exportHref(query, { format, table }, lang);
  const parts = PRESET_PARTS[preset];

  return (
    <div className="container container--wide periodic">
      <h1 className="periodic__title">{title}</h1>
      <FormProvider {...form}>
        <form className="periodic__controls no-print" onSubmit={(e) => void submit(e)} noValidate>
          <div className="intake-form__row">
            <Field name="preset" label={t('field.preset')}>
              {(control) => (
                <select {...control} {...form.register('preset', { onChange: keepPart })}>
                  {REPORT_PRESETS.map((p) => (
                    <option key={p} value={p}>
                      {t(`ui.committee.preset.${p}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {takesYear(preset) && (
              <Field name="year" label={t('field.year')}>
                {(control) => (
                  <select {...control} {...form.register('year')}>
                    {yearChoices(today).map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            {parts > 0 && (
              <Field name="part" label={t('field.part')}>
                {(control) => (
                  <select {...control} {...form.register('part')}>
                    {Array.from({ length: parts }, (_, i) => String(i + 1)).map((p) => (
                      <option key={p} value={p}>
                        {p}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            {preset === 'adhoc' && (
              <>
                <Field name="from" label={t('field.from')}>
                  {(control) => <input type="date" {...control} {...form.register('from')} />}
                </Field>
                <Field name="to" label={t('field.to')}>
                  {(control) => <input type="date" {...control} {...form.register('to')} />}
                </Field>
              </>
            )}
            {picksProvince && (
              <Field name="province" label={t('field.province')}>
                {(control) => (
                  <select {...control} {...form.register('province')}>
                    <option value="">{t('ui.stats.whole_country')}</option>
                    {(provinces.data?.provinces ?? []).map((p) => (
                      <option key={p.code} value={p.code}>
                        {p.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
          </div>
          {compares(preset) && (
            <div className="field">
              <label className="check">
                <input id="compare" type="checkbox" {...form.register('compare')} /> {t('ui.committee.compare')}
              </label>
            </div>
          )}
          <button type="submit" className="button button--primary">
            {t('ui.committee.show')}
          </button>
        </form>
      </FormProvider>
      <div className="periodic__actions no-print">
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('ui.periodic.print')}
        </button>
        {DOWNLOADS.map(([format, table, label]) => (
          <a key={`${format}-${table}`} className="button button--secondary" href={download(format, table)} download>
            {t(label)}
          </a>
        ))}
      </div>
      {report.isError && <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />}
      {!shown && !report.isError && <PageLoading />}
      {shown && <ReportBody report={shown} periodName={periodName} />}
    </div>
  );
}

function ReportBody({ report, periodName }: { report: PeriodicReport; periodName: string }) {
  const { t, lang } = useI18n();
  const { stats, previous } = report;
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
  const results = (id: string, dimension: 'outcome' | 'goodsType', heading: string, rows: ResultRow[]) => (
    <ResultsTable
      id={id}
      title={heading}
      groupHeader={heading}
      rows={rows}
      labelOf={(r) => groupName(t, dimension, r.key, r.label)}
      total={{ ...stats.totals, key: 'total' }}
    />
  );
  const n = (v: number | null) => formatNumber(lang, v);
  return (
    <article className="periodic__report" data-testid="periodic-report">
      <p>
        {t('ui.periodic.scope', {
          scope: stats.scope.within?.name ?? stats.scope.province?.name ?? t('ui.stats.whole_country'),
          from: shownDay(stats.scope.from),
          to: shownDay(stats.scope.to),
          time: formatDateTime(stats.scope.now),
        })}
      </p>
      {section('periodic-totals', t('ui.periodic.totals'), t('field.period'), [stats.totals], () => periodName)}
      {previous && <Comparison report={report} />}
      {results('periodic-outcome', 'outcome', t('ui.committee.by_outcome'), stats.byOutcome)}
      {results('periodic-goods', 'goodsType', t('ui.committee.by_goods'), stats.byGoodsType)}
      <section className="periodic__section" aria-labelledby="periodic-crime">
        <h2 id="periodic-crime">{t('ui.committee.crime')}</h2>
        <ScrollTable label={t('ui.committee.crime')}>
          <tbody>
            {(['flagged', 'handedOver', 'handedOverInTime', 'decided', 'prosecuted', 'undecided'] as const).map((k) => (
              <tr key={k}>
                <th scope="row">{t(`stats.crime.${k}`)}</th>
                <td className="numeric">{n(stats.crime[k])}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('stats.crime.prosecutionRate')}</th>
              <td className="numeric" data-testid="periodic-prosecution-rate">
                {formatRate(lang, stats.crime.prosecutionRate)}
              </td>
            </tr>
          </tbody>
        </ScrollTable>
      </section>
      {section(
        'periodic-force',
        t('ui.dashboard.section.force'),
        t('field.force'),
        stats.byForce,
        (r) => groupName(t, 'force', r.key, r.label),
        stats.totals,
      )}
      {section(
        'periodic-unit',
        t('ui.dashboard.section.unit'),
        t('field.unit'),
        stats.byUnit,
        (r) => r.label,
        stats.totals,
      )}
      {!stats.scope.province &&
        section(
          'periodic-province',
          t('ui.dashboard.section.province'),
          t('field.province'),
          stats.byProvince,
          (r) => r.label,
          stats.totals,
        )}
      {report.communes.length > 0 && <Communes rows={report.communes} />}
      {section(
        'periodic-category',
        t('ui.dashboard.section.category'),
        t('field.category'),
        stats.byCategory,
        (r) => groupName(t, 'category', r.key, r.label),
        stats.totals,
      )}
      {section(
        'periodic-place-type',
        t('ui.dashboard.section.place_type'),
        t('field.placeType'),
        stats.byPlaceType,
        (r) => groupName(t, 'placeType', r.key, r.label),
        stats.totals,
      )}
      {section(
        'periodic-channel',
        t('ui.dashboard.section.channel'),
        t('ui.dashboard.channel_label'),
        stats.byChannel,
        (r) => groupName(t, 'channel', r.key, r.label),
        stats.totals,
      )}
      {section(
        'periodic-month',
        t('ui.periodic.by_month'),
        t('ui.dashboard.interval.month'),
        stats.overTime,
        (r) => timeLabel(t, r.key, 'month'),
        stats.totals,
      )}
      <section className="periodic__section" aria-labelledby="periodic-typical">
        <h2 id="periodic-typical">{t('ui.committee.typical')}</h2>
        {report.typicalCases.length === 0 ? (
          <p>{t('ui.committee.no_typical')}</p>
        ) : (
          <ScrollTable label={t('ui.committee.typical')}>
            <thead>
              <tr>
                <th scope="col">{t('stats.col.tracking_code')}</th>
                <th scope="col">{t('field.category')}</th>
                <th scope="col">{t('ui.committee.col.goods_type')}</th>
                <th scope="col">{t('field.outcome')}</th>
                <th scope="col">{t('stats.col.public_outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {report.typicalCases.map((c) => (
                <tr key={c.trackingCode}>
                  <th scope="row">{c.trackingCode}</th>
                  <td>{groupName(t, 'category', c.category, c.category)}</td>
                  <td>{groupName(t, 'goodsType', c.goodsType ?? 'none', '')}</td>
                  <td>{groupName(t, 'outcome', c.outcome ?? 'none', '')}</td>
                  <td>{c.publicOutcome}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </section>
    </article>
  );
}

/** Issue #18: this period against the same days a year earlier (cùng kỳ), with the difference. */
function Comparison({ report }: { report: PeriodicReport }) {
  const { t, lang } = useI18n();
  const now = report.stats;
  const then = report.previous;
  if (!then) return null;
  const lines: [string, number, number][] = [
    [t('ui.stats.measure.received'), now.totals.received, then.totals.received],
    [t('ui.stats.measure.resolvedInTime'), now.totals.resolvedInTime, then.totals.resolvedInTime],
    [t('ui.committee.col.results_resolved'), now.totals.resultsResolved, then.totals.resultsResolved],
    [t('ui.committee.col.fines'), now.totals.finesVnd, then.totals.finesVnd],
    [t('ui.committee.col.seized_lots'), now.totals.seizedLots, then.totals.seizedLots],
    [t('ui.committee.col.seized_value'), now.totals.seizedValueVnd, then.totals.seizedValueVnd],
    [t('stats.crime.flagged'), now.crime.flagged, then.crime.flagged],
    [t('stats.crime.prosecuted'), now.crime.prosecuted, then.crime.prosecuted],
  ];
  const heading = t('ui.committee.comparison', { from: shownDay(then.scope.from), to: shownDay(then.scope.to) });
  const signed = (v: number) => (v > 0 ? `+${formatNumber(lang, v)}` : formatNumber(lang, v));
  return (
    <section className="periodic__section" aria-labelledby="periodic-comparison">
      <h2 id="periodic-comparison">{heading}</h2>
      <ScrollTable label={heading}>
        <thead>
          <tr>
            <th scope="col">{t('ui.committee.results')}</th>
            <NumericHeads keys={['ui.committee.now', 'ui.committee.previous', 'ui.committee.change']} />
          </tr>
        </thead>
        <tbody>
          {lines.map(([label, a, b]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="numeric">{formatNumber(lang, a)}</td>
              <td className="numeric">{formatNumber(lang, b)}</td>
              <td className="numeric">{signed(a - b)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

/** Issue #18: a province's communes with their figures (every commune, zeros too). */
function Communes({ rows }: { rows: CommuneRow[] }) {
  const { t, lang } = useI18n();
  const heading = t('ui.committee.by_commune');
  const n = (v: number) => formatNumber(lang, v);
  return (
    <section className="periodic__section" aria-labelledby="periodic-commune">
      <h2 id="periodic-commune">{heading}</h2>
      <ScrollTable label={heading} wide>
        <thead>
          <tr>
            <th scope="col">{t('stats.col.commune')}</th>
            <NumericHeads
              keys={[
                'ui.stats.measure.received',
                'ui.committee.col.resolved',
                'ui.stats.measure.resolvedInTime',
                'ui.committee.col.results_resolved',
                'ui.committee.col.fines',
                'ui.committee.col.seized_value',
              ]}
            />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="numeric">{n(r.received)}</td>
              <td className="numeric">{n(r.resolved)}</td>
              <td className="numeric">{n(r.resolvedInTime)}</td>
              <td className="numeric">{n(r.resultsResolved)}</td>
              <td className="numeric">{n(r.finesVnd)}</td>
              <td className="numeric">{n(r.seizedValueVnd)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}
