import { useNavigate } from 'react-router';
import type { StaffStats, StatsRow } from '../../../shared/api/stats';
import type { StatsDimension, StatsMeasure } from '../../../shared/schemas/stats';
import { paths } from '../../app/paths';
import { useT } from '../../lib/i18n';
import { BarChartFigure, SERIES_COLORS } from '../../ui/BarChartFigure';
import { FigureSection } from '../../ui/FigureSection';
import { drillSearch } from './filters';
import { FiguresTable } from './FiguresTable';

/** The three counts the charts draw; the rates and medians are in the table. */
const CHARTED = ['received', 'acceptedInTime', 'resolvedInTime'] as const satisfies readonly StatsMeasure[];

/**
 * One breakdown of the dashboard (over time, by category, by unit…): a bar chart, or the same
 * figures as a table; a bar or a number opens the list of the reports it counts.
 */
export function StatsFigure({
  id,
  title,
  groupHeader,
  dimension,
  rows,
  labelOf,
  scope,
  chartLimit,
  note,
}: {
  id: string;
  title: string;
  groupHeader: string;
  dimension: StatsDimension;
  rows: StatsRow[];
  labelOf: (row: StatsRow) => string;
  scope: StaffStats['scope'];
  /** Chart only the first N rows (the server sends them largest first); the table keeps them all. */
  chartLimit?: number;
  note?: string;
}) {
  const t = useT();
  const navigate = useNavigate();
  const hrefOf = (row: StatsRow, measure: StatsMeasure) =>
    paths.staff.dashboardReports.href(drillSearch(scope, { measure, dimension, key: row.key }));
  const charted = chartLimit ? rows.slice(0, chartLimit) : rows;
  return (
    <FigureSection
      id={id}
      title={title}
      note={note ?? t('ui.stats.chart_hint')}
      chart={
        <BarChartFigure
          title={title}
          orientation={dimension === 'time' ? 'columns' : 'rows'}
          rows={charted.map((row) => ({
            key: row.key,
            label: labelOf(row),
            values: { received: row.received, acceptedInTime: row.acceptedInTime, resolvedInTime: row.resolvedInTime },
          }))}
          series={CHARTED.map((measure, i) => ({
            key: measure,
            label: t(`ui.stats.measure.${measure}`),
            color: SERIES_COLORS[i] ?? '#000',
          }))}
          onBarClick={(key, measure) => {
            const row = rows.find((r) => r.key === key);
            if (row) void navigate(hrefOf(row, measure as StatsMeasure));
          }}
        />
      }
      table={<FiguresTable title={title} groupHeader={groupHeader} rows={rows} labelOf={labelOf} hrefOf={hrefOf} />}
    />
  );
}
