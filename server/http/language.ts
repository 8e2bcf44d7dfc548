import type { Request } from 'express';
import { DEFAULT_LANGUAGE, parseLanguage, type Language } from '../../shared/i18n/translate';

/**
 * SPEC.md §8: Vietnamese unless the caller asks for English with `?lang=en` or
 * `Accept-Language: en` (the first supported language in the header's order of preference wins).
 */
export function requestLanguage(req: Request): Language {
  const fromQuery = parseLanguage(req.query?.lang);
  if (fromQuery) return fromQuery;
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return DEFAULT_LANGUAGE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: parseLanguage(tag.split('-')[0]), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry): entry is { lang: Language; q: number } => entry.lang !== undefined && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang ?? DEFAULT_LANGUAGE;
}
