import type { CaseViewBody } from '../../../shared/api/cases';
import { formatDate } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import { useI18n } from '../../lib/i18n';
import { formatNumber } from '../../lib/statsLabels';
import { Deadline } from './Deadline';

/** A yyyy-mm-dd day as the pages show dates. */
const day = (d: string) => formatDate(`${d}T12:00:00+07:00`);

/**
 * Issue #18 (results as data): the goods type, the typical-case flag, the violation record with the sanction
 * decision's clock (coloured as the deadlines are) and the decision, and the goods seized with their total value.
 */
export function CaseResults({ report: r }: { report: CaseViewBody }) {
  const { t, lang } = useI18n();
  // In the page's language (issue #18 review): 1.500.000 in Vietnamese, 1,500,000 in English.
  const vnd = (n: number) => formatNumber(lang, n);
  const quantity = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 3 });
  const s = r.sanction;
  const total = r.seizedGoods.reduce((sum, g) => sum + g.valueVnd, 0);
  return (
    <section className="panel" aria-labelledby="results-title" data-testid="case-results">
      <h2 id="results-title">
        {t('ui.cases.results')}
        {r.typicalCase && (
          <>
            {' '}
            <span className="badge">{t('ui.cases.typical')}</span>
          </>
        )}
      </h2>
      <dl className="facts">
        <dt>{t('field.goodsType')}</dt>
        <dd>{r.goodsType ? t(`goods.${r.goodsType}` as MessageKey) : t('ui.cases.no_goods_type')}</dd>
        {r.outcome && (
          <>
            <dt>{t('field.outcome')}</dt>
            <dd>{t(`outcome.${r.outcome}` as MessageKey)}</dd>
          </>
        )}
        {s && (
          <>
            <dt>{t('field.recordNo')}</dt>
            <dd>
              {t('ui.cases.sanction_record', { no: s.recordNo, date: day(s.recordDate) })} ·{' '}
              {t(`sanctionClock.${s.clock}` as MessageKey)}
              {s.clockReason && <span className="hint"> — {s.clockReason}</span>}
            </dd>
            <dt>{t('ui.cases.sanction_due')}</dt>
            <dd data-testid="sanction-due">
              {s.decisionNo ? (
                t('ui.cases.sanction_decision', { no: s.decisionNo, date: day(s.decisionDate ?? s.recordDate) })
              ) : (
                <Deadline at={s.dueAt} due={{ overdue: s.overdue, dueSoon: false }} />
              )}
            </dd>
            {s.sanctionTypes.length > 0 && (
              <>
                <dt>{t('field.sanctionTypes')}</dt>
                <dd data-testid="sanction-types">
                  {s.sanctionTypes.map((k) => t(`sanction.${k}` as MessageKey)).join('; ')}
                  {s.fineVnd !== null && ` · ${t('ui.cases.fine', { amount: vnd(s.fineVnd) })}`}
                </dd>
              </>
            )}
          </>
        )}
      </dl>
      {r.seizedGoods.length > 0 && (
        <table className="data-table" data-testid="seized-goods">
          <caption>{t('field.seizedGoods')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.goodsType')}</th>
              <th scope="col">{t('field.lotDescription')}</th>
              <th scope="col">{t('field.quantity')}</th>
              <th scope="col">{t('field.valueVnd')}</th>
            </tr>
          </thead>
          <tbody>
            {r.seizedGoods.map((g, i) => (
              <tr key={i}>
                <td>{t(`goods.${g.goodsType}` as MessageKey)}</td>
                <td>{g.description ?? '—'}</td>
                <td>
                  {quantity(g.quantity)} {g.unit}
                </td>
                <td>{vnd(g.valueVnd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.seizedGoods.length > 0 && <p>{t('ui.cases.seized_total', { amount: vnd(total) })}</p>}
    </section>
  );
}
