import { Link } from 'react-router';
import type { StatsRow } from '../../../shared/api/stats';
import type { StatsMeasure } from '../../../shared/schemas/stats';
import { useI18n } from '../../lib/i18n';
import { formatNumber, formatRate } from '../../lib/statsLabels';
import { NumericHeads, ScrollTable } from '../../ui/FigureSection';

/** The counts of a row that open a list of reports. */
type Count = 'received' | 'acceptedInTime' | 'resolvedInTime' | 'overdueNow';

/**
 * SPEC.md §5's figures for a list of groups, one row each: received, accepted in time and the
 * acceptance rate, resolved in time and the resolution rate, overdue now, the two medians; issue #18: the
 * results of the reports resolved in the period (how many, fines, value of goods seized). With
 * `hrefOf`, every count links to the reports it counts.
 */
export function FiguresTable({
  title,
  groupHeader,
  rows,
  labelOf,
  hrefOf,
  total,
}: {
  title: string;
  groupHeader: string;
  rows: StatsRow[];
  labelOf: (row: StatsRow) => string;
  hrefOf?: (row: StatsRow, measure: StatsMeasure) => string;
  /** A last row for the whole scope, in bold. */
  total?: StatsRow;
}) {
  const { t, lang } = useI18n();
  const count = (row: StatsRow, measure: Count) => {
    const text = formatNumber(lang, row[measure]);
    return hrefOf && row[measure] > 0 ? <Link to={hrefOf(row, measure)}>{text}</Link> : text;
  };
  const line = (row: StatsRow, isTotal = false) => (
    <tr key={isTotal ? 'total' : row.key} className={isTotal ? 'stats-table__total' : undefined}>
      <th scope="row">{isTotal ? t('ui.periodic.all') : labelOf(row)}</th>
      <td className="numeric">{count(row, 'received')}</td>
      <td className="numeric">{count(row, 'acceptedInTime')}</td>
      <td className="numeric">{formatRate(lang, row.acceptanceRate)}</td>
      <td className="numeric">{count(row, 'resolvedInTime')}</td>
      <td className="numeric">{formatRate(lang, row.resolutionRate)}</td>
      <td className="numeric">{count(row, 'overdueNow')}</td>
      <td className="numeric">{formatNumber(lang, row.medianAcceptHours)}</td>
      <td className="numeric">{formatNumber(lang, row.medianResolveDays)}</td>
      <td className="numeric">{formatNumber(lang, row.resultsResolved)}</td>
      <td className="numeric">{formatNumber(lang, row.finesVnd)}</td>
      <td className="numeric">{formatNumber(lang, row.seizedValueVnd)}</td>
    </tr>
  );
  return (
    <ScrollTable label={title} wide>
      <thead>
        <tr>
          <th scope="col">{groupHeader}</th>
          <NumericHeads
            keys={[
              'ui.stats.measure.received',
              'ui.stats.measure.acceptedInTime',
              'ui.stats.col.acceptance_rate',
              'ui.stats.measure.resolvedInTime',
              'ui.stats.col.resolution_rate',
              'ui.stats.measure.overdueNow',
              'ui.stats.col.median_accept',
              'ui.stats.col.median_resolve',
              'ui.committee.col.results_resolved',
              'ui.committee.col.fines',
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
  );
}
