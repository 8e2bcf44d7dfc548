import type { StaffStats } from '../../../shared/api/stats';
import { FORCES, type Force } from '../../../shared/domain/forces';
import {
  STATS_INTERVALS,
  type StatsDimension,
  type StatsInterval,
  type StatsMeasure,
} from '../../../shared/schemas/stats';

/** The dashboard's filters, as they stand in the page's URL (so a view can be bookmarked or sent). */
export interface DashboardFilters {
  province?: string;
  from?: string;
  to?: string;
  force?: Force;
  unit?: string;
  interval?: StatsInterval;
}

const isDay = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Reads the filters from a URL query, leaving out what is malformed (the server would refuse it). */
export function readFilters(params: URLSearchParams): DashboardFilters {
  const province = params.get('province');
  const force = params.get('force');
  const unit = params.get('unit');
  const interval = params.get('interval');
  const from = params.get('from');
  const to = params.get('to');
  return {
    province: province && /^\d{2}$/.test(province) ? province : undefined,
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
    force: (FORCES as readonly string[]).includes(force ?? '') ? (force as Force) : undefined,
    unit: unit && /^[0-9a-f-]{36}$/i.test(unit) ? unit : undefined,
    interval: (STATS_INTERVALS as readonly string[]).includes(interval ?? '') ? (interval as StatsInterval) : undefined,
  };
}

/** A URL query string of the set values, in a stable order. */
export function toSearch(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value);
  return params.toString();
}

/** What one clicked number counts: its figure and, unless it is a total, its group. */
export interface DrillTarget {
  measure: StatsMeasure;
  dimension?: StatsDimension;
  key?: string;
}

/**
 * The list behind a number, with the exact scope the dashboard answered for (its period, interval,
 * province), so the list's total is the number that was clicked even when the URL left them to defaults.
 */
export function drillSearch(scope: StaffStats['scope'], target: DrillTarget): string {
  return toSearch({
    from: scope.from,
    to: scope.to,
    province: scope.province?.code,
    force: scope.force ?? undefined,
    unit: scope.unit?.id,
    interval: scope.interval,
    measure: target.measure,
    dimension: target.dimension,
    key: target.key,
  });
}
