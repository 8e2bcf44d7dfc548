import type { z } from 'zod';
import { isMessageKey, t, type Language } from './translate';

export interface FieldError {
  field: string;
  message: string;
}

/** The dotted path of an issue as the API names it: `photos.0`, `communeCode`; for a field not accepted, that field. */
export function fieldPath(issue: { path: readonly PropertyKey[]; code?: string; keys?: readonly string[] }): string {
  const path =
    issue.code === 'unrecognized_keys' && issue.keys?.length ? [...issue.path, issue.keys.join(',')] : issue.path;
  return path.map(String).join('.') || '_';
}

function fieldLabel(lang: Language, field: string): string {
  const key = `field.${field.split('.')[0]}`;
  return isMessageKey(key) ? t(lang, key) : field;
}

/**
 * Turns a zod issue into "Mô tả: phải có ít nhất 20 ký tự" in the caller's language.
 * Schemas in shared/ carry no sentences; a refinement may name its own key in `params.key`.
 */
export function issueMessage(lang: Language, issue: z.core.$ZodIssue): string {
  const field = fieldLabel(lang, fieldPath(issue));
  const params =
    issue.code === 'custom' ? (issue.params as { key?: string; [name: string]: unknown } | undefined) : undefined;
  const custom = params?.key;
  if (custom && isMessageKey(custom)) {
    const numbers = Object.fromEntries(
      Object.entries(params).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
    );
    return t(lang, custom, { ...numbers, field });
  }
  switch (issue.code) {
    case 'invalid_type':
      return t(lang, issue.input === undefined ? 'validation.required' : 'validation.invalid_type', { field });
    case 'too_small':
      return issue.origin === 'string'
        ? t(lang, issue.minimum === 1 ? 'validation.required' : 'validation.too_short', {
            field,
            minimum: Number(issue.minimum),
          })
        : t(lang, 'validation.too_small', { field, minimum: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t(lang, 'validation.too_long', { field, maximum: Number(issue.maximum) })
        : t(lang, 'validation.too_big', { field, maximum: Number(issue.maximum) });
    case 'invalid_format':
      return t(lang, 'validation.invalid_format', { field });
    case 'invalid_value':
      return t(lang, issue.input === undefined ? 'validation.required' : 'validation.invalid_value', { field });
    case 'unrecognized_keys':
      return t(lang, 'validation.unrecognized_keys', { field });
    default:
      return t(lang, 'validation.invalid', { field });
  }
}

export function fieldErrors(lang: Language, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({ field: fieldPath(issue), message: issueMessage(lang, issue) }));
}
