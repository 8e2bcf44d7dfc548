import { Link } from 'react-router';
import type { ResultRow } from '../../../shared/api/stats';
import { useI18n } from '../../lib/i18n';
import { formatNumber } from '../../lib/statsLabels';
import { NumericHeads, ScrollTable } from '../../ui/FigureSection';

/**
 * Issue #18: results (kết quả xử lý) per outcome or goods type: the reports resolved in the period, their fines,
 * the lots of goods seized and their value. With `hrefOf`, the count opens the list of those reports.
 */
export function ResultsTable({
  id,
  title,
  groupHeader,
  rows,
  labelOf,
  hrefOf,
  total,
}: {
  id: string;
  title: string;
  groupHeader: string;
  rows: ResultRow[];
  labelOf: (row: ResultRow) => string;
  hrefOf?: (row: ResultRow) => string;
  total?: ResultRow;
}) {
  const { t, lang } = useI18n();
  const line = (row: ResultRow, isTotal = false) => (
    <tr key={isTotal ? 'total' : row.key} className={isTotal ? 'stats-table__total' : undefined}>
      <th scope="row">{isTotal ? t('ui.periodic.all') : labelOf(row)}</th>
      <td className="numeric">
        {hrefOf && !isTotal && row.resultsResolved > 0 ? (
          <Link to={hrefOf(row)}>{formatNumber(lang, row.resultsResolved)}</Link>
        ) : (
          formatNumber(lang, row.resultsResolved)
        )}
      </td>
      <td className="numeric">{formatNumber(lang, row.finesVnd)}</td>
      <td className="numeric">{formatNumber(lang, row.seizedLots)}</td>
      <td className="numeric">{formatNumber(lang, row.seizedValueVnd)}</td>
    </tr>
  );
  return (
    <section className="periodic__section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ScrollTable label={title}>
        <thead>
          <tr>
            <th scope="col">{groupHeader}</th>
            <NumericHeads
              keys={[
                'ui.committee.col.results_resolved',
                'ui.committee.col.fines',
                'ui.committee.col.seized_lots',
                'ui.committee.col.seized_value',
              ]}
            />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => line(row))}
          {total && line(total, true)}
        </tbody>
      </ScrollTable>
    </section>
  );
}
