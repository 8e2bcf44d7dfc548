import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../lib/i18n';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/** One group of bars: a category, a unit, a month… `values` holds a number per series, null when not shown. */
export interface ChartRow {
  key: string;
  label: string;
  values: Record<string, number | null>;
}

/** Series colours, told apart by people with the common colour-vision deficiencies (Okabe–Ito hues, darkened). */
export const SERIES_COLORS = ['#0b4f9c', '#0a7a55', '#b35900', '#7a3b8f'] as const;

/** A long name (a unit, a category) in up to three lines of about 22 characters, the last cut with "…". */
export function wrapLabel(text: string, width = 22, lines = 3): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const last = out.slice(lines - 1).join(' ');
  return [...out.slice(0, lines - 1), `${last.slice(0, width - 1)}…`];
}

/** The y axis tick of a horizontal chart: the group's name wrapped to the left of its bars. */
function WrappedTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const lines = wrapLabel(payload?.value ?? '');
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill="#4a4a4a">
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? `${0.35 - (lines.length - 1) * 0.6}em` : '1.2em'}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/**
 * Grouped bars with recharts. `columns`: one column group per row along the x axis (time), wider
 * than a phone when there are many, so it scrolls inside its box. `rows`: one horizontal bar
 * group per row, labels on the left (categories, units). A click on a bar calls onBarClick.
 */
export function BarChartFigure({
  title,
  rows,
  series,
  orientation,
  onBarClick,
}: {
  title: string;
  rows: ChartRow[];
  series: ChartSeries[];
  orientation: 'columns' | 'rows';
  onBarClick?: (rowKey: string, seriesKey: string) => void;
}) {
  const t = useT();
  const data = rows.map((row) => ({ key: row.key, label: row.label, ...row.values }));
  const bars = series.map((s) => (
    <Bar
      key={s.key}
      dataKey={s.key}
      name={s.label}
      fill={s.color}
      isAnimationActive={false}
      className={onBarClick ? 'chart-bar--clickable' : undefined}
      onClick={onBarClick ? (item) => onBarClick((item.payload as { key: string }).key, s.key) : undefined}
    />
  ));
  const label = t('ui.stats.chart_label', { title });
  if (orientation === 'columns') {
    const minWidth = Math.max(300, rows.length * (series.length * 6 + 6) + 60);
    return (
      <figure className="chart chart--columns" aria-label={label}>
        <div className="chart__scroll">
          <div className="chart__canvas" style={{ minWidth }}>
            <ResponsiveContainer width="100%" height={300}>
              <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 12 }} />
                <YAxis allowDecimals={false} width={40} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Legend itemSorter={null} verticalAlign="top" align="left" />
                {bars}
              </BarChart>
            </ResponsiveContainer>
          </div>
        </div>
      </figure>
    );
  }
  const height = 70 + rows.length * Math.max(series.length * 12 + 14, 52);
  return (
    <figure className="chart chart--rows" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={150} interval={0} tick={<WrappedTick />} />
          <Tooltip />
          <Legend itemSorter={null} verticalAlign="top" align="left" />
          {bars}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
