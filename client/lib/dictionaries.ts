import type { Language } from '../../shared/i18n/languages';
import { vi, type MessageKey } from '../../shared/i18n/vi';

/**
 * The browser's dictionaries (it replaces shared/i18n/dictionaries.ts in the build, see vite.config.mts):
 * Vietnamese, the default, is in the page; English is fetched the first time it is asked for (`loadLanguage`,
 * awaited before the page is drawn in English). Until then `en` reads the Vietnamese texts, never a key.
 */
export const dictionaries: Record<Language, Record<MessageKey, string>> = { vi, en: vi };

let english: Promise<void> | null = null;

export function loadLanguage(lang: Language): Promise<void> {
  if (lang !== 'en') return Promise.resolve();
  english ??= import('../../shared/i18n/en').then(
    ({ en }) => {
      dictionaries.en = en;
    },
    (error: unknown) => {
      english = null; // a dropped link: the next switch tries again
      throw error;
    },
  );
  return english;
}
