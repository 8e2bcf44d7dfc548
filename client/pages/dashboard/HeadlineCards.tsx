import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { StaffStats } from '../../../shared/api/stats';
import type { StatsMeasure } from '../../../shared/schemas/stats';
import { paths } from '../../app/paths';
import { useI18n } from '../../lib/i18n';
import { formatNumber, formatRate } from '../../lib/statsLabels';
import { drillSearch } from './filters';

type TargetState = 'met' | 'near' | 'missed';

/**
 * SPEC.md §5: acceptance is held to 100% (met only at the target), resolution to "above 90%"
 * (met only past it). Within five points below is "near"; further is "missed".
 */
export function targetState(rate: number, target: number, strictlyAbove: boolean): TargetState {
  if (strictlyAbove ? rate > target : rate >= target) return 'met';
  return rate >= target - 0.05 ? 'near' : 'missed';
}

function Card({ title, children, state }: { title: string; children: ReactNode; state?: TargetState }) {
  return (
    <li className={`stat-card${state ? ` stat-card--${state}` : ''}`}>
      <h3 className="stat-card__title">{title}</h3>
      {children}
    </li>
  );
}

/**
 * Issue #18, the crime track (Đồng Tháp plan: 100% of reports with signs of a crime prosecuted): prosecuted ÷
 * flagged with a decision, the flagged, handed over (within 24 h) and undecided beside it.
 */
export function CrimeCard({ stats }: { stats: StaffStats }) {
  const { t, lang } = useI18n();
  const { crime, targets } = stats;
  const rate = crime.prosecutionRate;
  const state = rate === null ? undefined : targetState(rate, targets.prosecutionRate, false);
  const n = (v: number) => formatNumber(lang, v);
  return (
    <Card title={t('ui.committee.card.crime')} state={state}>
      <p className="stat-card__value" data-testid="prosecution-rate">
        {formatRate(lang, rate)}
      </p>
      <p className="stat-card__target">
        {t('ui.committee.target_prosecution', { target: formatRate(lang, targets.prosecutionRate) })}
        {state && (
          <>
            {' · '}
            <strong>{t(`ui.dashboard.target.${state}`)}</strong>
          </>
        )}
      </p>
      <p className="stat-card__detail">
        {t('ui.committee.crime_detail', {
          flagged: n(crime.flagged),
          handedOver: n(crime.handedOver),
          inTime: n(crime.handedOverInTime),
          prosecuted: n(crime.prosecuted),
          undecided: n(crime.undecided),
        })}
      </p>
    </Card>
  );
}

/** The headline figures of the scope; every count links to the reports it counts. */
export function HeadlineCards({ stats }: { stats: StaffStats }) {
  const { t, lang } = useI18n();
  const { totals, targets, scope } = stats;
  const href = (measure: StatsMeasure) => paths.staff.dashboardReports.href(drillSearch(scope, { measure }));
  const count = (measure: StatsMeasure, n: number, text: string) =>
    n > 0 ? <Link to={href(measure)}>{text}</Link> : <span>{text}</span>;
  const rateCard = (kind: 'acceptance' | 'resolution') => {
    const rate = kind === 'acceptance' ? totals.acceptanceRate : totals.resolutionRate;
    const target = kind === 'acceptance' ? targets.acceptanceRate : targets.resolutionRate;
    const inTime = kind === 'acceptance' ? totals.acceptedInTime : totals.resolvedInTime;
    const state = rate === null ? undefined : targetState(rate, target, kind === 'resolution');
    const measures =
      kind === 'acceptance'
        ? (['acceptedInTime', 'notAcceptedInTime'] as const)
        : (['resolvedInTime', 'notResolvedInTime'] as const);
    return (
      <Card title={t(`ui.dashboard.card.${kind}`)} state={state}>
        <p className="stat-card__value">{formatRate(lang, rate)}</p>
        <p className="stat-card__target">
          {t(kind === 'acceptance' ? 'ui.dashboard.target_acceptance' : 'ui.dashboard.target_resolution', {
            target: formatRate(lang, target),
          })}
          {state && (
            <>
              {' · '}
              <strong>{t(`ui.dashboard.target.${state}`)}</strong>
            </>
          )}
        </p>
        {rate === null ? (
          <p className="stat-card__detail">{t('ui.dashboard.no_rate')}</p>
        ) : (
          <p className="stat-card__detail">
            {count(measures[0], inTime, t('ui.dashboard.in_time', { n: formatNumber(lang, inTime) }))}
            {' · '}
            {count(
              measures[1],
              totals.received - inTime,
              t('ui.dashboard.not_in_time', { n: formatNumber(lang, totals.received - inTime) }),
            )}
          </p>
        )}
      </Card>
    );
  };
  return (
    <section aria-labelledby="headline-title">
      <h2 id="headline-title" className="visually-hidden">
        {t('ui.dashboard.headline')}
      </h2>
      <ul className="stat-cards">
        <Card title={t('ui.dashboard.card.received')}>
          <p className="stat-card__value" data-testid="total-received">
            {count('received', totals.received, formatNumber(lang, totals.received))}
          </p>
        </Card>
        {rateCard('acceptance')}
        {rateCard('resolution')}
        <Card title={t('ui.dashboard.card.median_accept')}>
          <p className="stat-card__value">
            {totals.medianAcceptHours === null
              ? '—'
              : t('ui.dashboard.hours', { n: formatNumber(lang, totals.medianAcceptHours) })}
          </p>
        </Card>
        <Card title={t('ui.dashboard.card.median_resolve')}>
          <p className="stat-card__value">
            {totals.medianResolveDays === null
              ? '—'
              : t('ui.dashboard.days', { n: formatNumber(lang, totals.medianResolveDays) })}
          </p>
        </Card>
        <Card title={t('ui.dashboard.card.overdue')} state={totals.overdueNow > 0 ? 'missed' : undefined}>
          <p className="stat-card__value">
            {count('overdueNow', totals.overdueNow, formatNumber(lang, totals.overdueNow))}
          </p>
        </Card>
        <Card title={t('ui.committee.card.fines')}>
          <p className="stat-card__value stat-card__value--money" data-testid="total-fines">
            {t('ui.committee.vnd', { n: formatNumber(lang, totals.finesVnd) })}
          </p>
        </Card>
        <Card title={t('ui.committee.card.seized')}>
          <p className="stat-card__value stat-card__value--money" data-testid="total-seized">
            {t('ui.committee.vnd', { n: formatNumber(lang, totals.seizedValueVnd) })}
          </p>
          <p className="stat-card__detail">
            {t('ui.committee.seized_lots', { n: formatNumber(lang, totals.seizedLots) })}
          </p>
        </Card>
        <CrimeCard stats={stats} />
      </ul>
    </section>
  );
}
