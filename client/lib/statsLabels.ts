import type { MessageKey } from '../../shared/i18n/vi';
import type { Translate } from './i18n';

/** The dictionary prefix of each coded group; the others (unit, province) are named by the server. */
const PREFIXES: Record<string, string> = {
  category: 'category',
  placeType: 'place_type',
  channel: 'channel',
  force: 'force',
  status: 'status',
  // Issue #18: results; `none` is a report without one.
  outcome: 'outcome',
  goodsType: 'goods',
};

/** A group's name in the page's language: codes through the dictionary, anything else as the server named it. */
export function groupName(t: Translate, dimension: string, key: string, serverLabel: string): string {
  const prefix = PREFIXES[dimension];
  if (key === 'none' && (dimension === 'outcome' || dimension === 'goodsType'))
    return t(`stats.no_${dimension}` as MessageKey);
  return prefix ? t(`${prefix}.${key}` as MessageKey) : serverLabel;
}

/** 0.952 → "95,2 %" in Vietnamese, "95.2%" in English; null → "—". */
export function formatRate(lang: string, rate: number | null): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(rate);
}

/** 1234.5 → "1.234,5" in Vietnamese, "1,234.5" in English; null → "—". */
export function formatNumber(lang: string, value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}
