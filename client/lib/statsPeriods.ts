import { isValid, parse } from 'date-fns';
import { TIME_ZONE } from '../../shared/i18n/format';
import { periodDays } from '../../shared/schemas/stats';
import type { MessageKey } from '../../shared/i18n/vi';
import type { Translate } from './i18n';

const isoDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Vietnam (SPEC.md §8), `yyyy-mm-dd`, whatever zone the browser is set to. */
export function vietnamToday(now = new Date()): string {
  return isoDayFormat.format(now);
}

/** `2026-07-01` → `01/07/2026`. */
export const shownDay = (day: string) => day.split('-').reverse().join('/');

/** `1/7/2026` or `01/07/2026` → `2026-07-01`, or null when it is not a date. */
export function typedDay(typed: string): string | null {
  const text = typed.trim();
  if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text)) return null;
  const day = parse(text, 'd/M/yyyy', new Date());
  if (!isValid(day)) return null;
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

export interface PeriodPreset {
  id: string;
  label: MessageKey;
  year?: number;
  /** Undefined: the server's default, the last twelve months up to today. */
  from?: string;
  to?: string;
}

/** The periods people report on: this month, the last twelve months, and the halves and whole of this year and last. */
export function periodPresets(today: string): PeriodPreset[] {
  const year = Number(today.slice(0, 4));
  const presets: PeriodPreset[] = [
    { id: 'last12', label: 'ui.stats.period.last_12_months' },
    { id: 'month', label: 'ui.stats.period.this_month', from: `${today.slice(0, 8)}01`, to: today },
  ];
  for (const y of [year, year - 1]) {
    for (const period of [`${y}-H1`, `${y}-H2`, `${y}`]) {
      const days = periodDays(period);
      if (days.from > today) continue;
      presets.push({ id: period, label: periodLabelKey(period), year: y, ...days });
    }
  }
  return presets;
}

/** The preset a from/to pair is, or 'custom'. */
export function presetOf(presets: PeriodPreset[], from: string | undefined, to: string | undefined): string {
  return presets.find((p) => p.from === from && p.to === to)?.id ?? 'custom';
}

function periodLabelKey(period: string): MessageKey {
  return period.endsWith('-H1')
    ? 'ui.stats.period.h1'
    : period.endsWith('-H2')
      ? 'ui.stats.period.h2'
      : 'ui.stats.period.year';
}

/** "6 tháng đầu năm 2026" for `2026-H1`. */
export function periodLabel(t: Translate, period: string): string {
  return t(periodLabelKey(period), { year: period.slice(0, 4) });
}

/** A row of an over-time table, named by its first day: `07/2026`, `Tuần từ 06/07/2026`, `06/07/2026`. */
export function timeLabel(t: Translate, key: string, interval: 'day' | 'week' | 'month'): string {
  if (interval === 'month') return `${key.slice(5, 7)}/${key.slice(0, 4)}`;
  if (interval === 'week') return t('ui.stats.week_of', { day: shownDay(key) });
  return shownDay(key);
}
