import type { CaseViewBody } from '../../../shared/api/cases';
import { formatDate, formatDateTime } from '../../../shared/i18n/format';
import { useT } from '../../lib/i18n';
import { Deadline } from './Deadline';

type Crime = NonNullable<CaseViewBody['crime']>;

/**
 * Issue #18: the crime track on the case page (SPEC.md §4–5): why the report was flagged, the hand-off to the
 * investigating body (due within 24 hours; later is shown late), that body's clock (BLTTHS 2015 Điều 147) and
 * its decision.
 */
export function CrimePanel({ crime }: { crime: Crime }) {
  const t = useT();
  const late = crime.handoverLate && <span className="badge badge--urgent">{t('ui.cases.crime.late')}</span>;
  return (
    <section className="panel" aria-labelledby="crime-title" data-testid="crime">
      <h2 id="crime-title">{t('ui.cases.crime.title')}</h2>
      <p>{crime.reason}</p>
      <dl className="facts">
        <dt>{t('ui.cases.crime.flagged')}</dt>
        <dd>{formatDateTime(crime.flaggedAt)}</dd>
        <dt>{t('ui.cases.crime.unit')}</dt>
        <dd>
          {crime.investigatingUnit ? (
            crime.investigatingUnit.name
          ) : (
            <>
              {t('ui.cases.crime.not_handed')} · {t('ui.cases.crime.handover_due')}:{' '}
              <Deadline at={crime.handoverDueAt} /> {late}
            </>
          )}
        </dd>
        {crime.handedOverAt && (
          <>
            <dt>{t('ui.cases.crime.handed_over')}</dt>
            <dd>
              {formatDateTime(crime.handedOverAt)} {late}
            </dd>
            <dt>{t('ui.cases.crime.accepted')}</dt>
            <dd>{crime.acceptedAt ? formatDateTime(crime.acceptedAt) : t('ui.cases.crime.not_accepted')}</dd>
          </>
        )}
        {crime.dueAt && !crime.decision && (
          <>
            <dt>{t('ui.cases.crime.due')}</dt>
            <dd>
              <Deadline at={crime.dueAt} due={{ overdue: crime.overdue, dueSoon: false }} />
              {crime.extensions > 0 && <> · {t('ui.cases.crime.extensions', { n: crime.extensions })}</>}
            </dd>
          </>
        )}
        {crime.procuracyApproval && (
          <>
            <dt>{t('field.procuracyApproval')}</dt>
            <dd>{crime.procuracyApproval}</dd>
          </>
        )}
        {crime.decision && (
          <>
            <dt>{t('ui.cases.crime.decision')}</dt>
            <dd data-testid="prosecution-decision">
              {t('ui.cases.crime.decision_value', {
                decision: t(`prosecution.${crime.decision}`),
                no: crime.decisionNo ?? '',
                date: crime.decisionDate ? formatDate(crime.decisionDate) : '',
              })}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
