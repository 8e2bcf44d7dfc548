import type { Language } from '../../../shared/i18n/translate';

/** ISO country codes of land borders (CN, LA, KH) as names in the page language. */
export function countryNames(lang: Language, codes: readonly string[]): string {
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  return codes.map((code) => names.of(code) ?? code).join(', ');
}
