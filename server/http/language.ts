import type { Request } from 'express';
import { DEFAULT_LANGUAGE, parseLanguage, type Language } from '../../shared/i18n/translate';

/**
 * SPEC.md §8: Vietnamese unless the caller asks for English with `?lang=en` or
 * `Accept-Language: en` (the first supported language in the header's order of preference wins;
 * Express negotiates it, `en-GB` counting as `en`).
 */
export function requestLanguage(req: Request): Language {
  return parseLanguage(req.query?.lang) ?? headerLanguage(req) ?? DEFAULT_LANGUAGE;
}

/**
 * Express sorts the header by weight (`q`); among equal weights the header's own order decides, as the old
 * parser did. (`acceptsLanguages('vi', 'en')` would rank an exact tag above a regional one: `vi-VN, en` → en.)
 */
function headerLanguage(req: Request): Language | undefined {
  for (const tag of req.acceptsLanguages()) {
    const language = parseLanguage(tag.split('-')[0]?.toLowerCase());
    if (language) return language;
  }
  return undefined;
}
