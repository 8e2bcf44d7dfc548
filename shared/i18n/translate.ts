import { dictionaries } from './dictionaries';
import { LANGUAGES, type Language } from './languages';
import { formatPlurals } from './plural';
import { vi, type MessageKey } from './vi';

export { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages';

export type MessageParams = Record<string, string | number>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

/**
 * Looks a key up in the language's dictionary, chooses its plural forms (`{n, plural, one {…} other {…}}`,
 * shared/i18n/plural.ts) and fills `{name}` placeholders.
 */
export function t(lang: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = formatPlurals(lang, dictionaries[lang][key], params);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Both labels of a code, as the meta API and the forms want them. */
export function labels(key: MessageKey): { vi: string; en: string } {
  return { vi: vi[key], en: dictionaries.en[key] };
}

/** Every code of a list with its labels, read from the keys `<prefix>.<code>`. */
export function codeLabels<C extends string>(
  prefix: string,
  codes: readonly C[],
): { code: C; labels: { vi: string; en: string } }[] {
  return codes.map((code) => ({ code, labels: labels(`${prefix}.${code}` as MessageKey) }));
}

export function parseLanguage(value: unknown): Language | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  return (LANGUAGES as readonly string[]).includes(lower) ? (lower as Language) : undefined;
}
