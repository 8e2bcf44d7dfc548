/**
 * Each language's name and its switch label, in that language. The page offers the other language before that
 * language's dictionary is loaded (client/lib/dictionaries.ts loads English only when asked), so these few
 * texts are kept apart and spread into both dictionaries.
 */
export const LANGUAGE_NAMES = {
  vi: { 'ui.language.name': 'Tiếng Việt', 'ui.language.switch_to': 'Chuyển sang Tiếng Việt' },
  en: { 'ui.language.name': 'English', 'ui.language.switch_to': 'Switch to English' },
} as const;
