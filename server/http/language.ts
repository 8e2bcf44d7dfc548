import type { Request } from 'express';
import { DEFAULT_LANGUAGE, LANGUAGES, parseLanguage, type Language } from '../../shared/i18n/translate';

/**
 * SPEC.md §8: Vietnamese unless the caller asks for English with `?lang=en` or
 * `Accept-Language: en` (the first supported language in the header's order of preference wins;
 * Express negotiates it, `en-GB` counting as `en`).
 */
export function requestLanguage(req: Request): Language {
  return parseLanguage(req.query?.lang) ?? parseLanguage(req.acceptsLanguages(...LANGUAGES)) ?? DEFAULT_LANGUAGE;
}
