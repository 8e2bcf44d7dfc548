import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldPath, FieldValues, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { isMessageKey } from '../../shared/i18n/translate';
import { issueMessage } from '../../shared/i18n/validation-messages';
import { ApiError } from './api';
import { currentLanguage } from './i18n';

/**
 * One declaration per rule (issue #16): a form is checked by the shared zod schema the server uses, with the
 * shared Vietnamese/English messages, on the values as they will be sent. `toPayload` turns what the inputs
 * hold (text) into the request body; the form keeps its own values (`raw`), the caller sends `toPayload(values)`.
 */
export function schemaResolver<Values extends FieldValues>(
  schema: z.ZodType<unknown, FieldValues>,
  toPayload: (values: Values) => FieldValues = (values) => values,
): Resolver<Values> {
  return async (values) => {
    const result = await schema.safeParseAsync(toPayload(values), { reportInput: true });
    if (result.success) return { values, errors: {} };
    // Every issue is worded here, in the page's language: a refinement's issue carries its key as its message
    // ("invalid_value"), which zod keeps over any error map (issue #18 review: the raw code was shown).
    const lang = currentLanguage();
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const name = issue.path.map(String).join('.');
      // Of a union (a scope: national or a province), what the closest branch said.
      const said =
        issue.code === 'invalid_union' && issue.errors.length > 0
          ? (issue.errors.reduce((a, b) => (b.length < a.length ? b : a))[0] ?? issue)
          : issue;
      errors[name] ??= {
        type: said.code,
        message: issueMessage(lang, { ...said, path: labelPath(issue.path) } as z.core.$ZodIssue),
      };
    }
    // A payload never renames a field, so the errors' names are the form's own.
    return { values: {}, errors: toNestErrors<Values>(errors, { fields: {}, shouldUseNativeValidation: false }) };
  };
}

/**
 * The message names the input, not the fieldset around it (issue #18 review): `sanction.fineVnd` is named by
 * its own label "Số tiền phạt (đồng)", not by "Quyết định xử phạt"; a path without a label of its own keeps its
 * first segment's (`photos.0` → "Ảnh").
 */
function labelPath(path: readonly PropertyKey[]): readonly PropertyKey[] {
  const own = path.findLast((p, i) => i > 0 && typeof p === 'string' && isMessageKey(`field.${p}`));
  return own === undefined ? path : [own];
}

/**
 * A refusal from the server comes back to the form: each of its `fields[]` at its input, when the form has an
 * input of that name (`photos.0` → `photos`). Returns what is left to show above the form: the error itself when
 * no field took a message, or null.
 */
export function applyServerErrors<Values extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<Values>,
  fieldNames: readonly FieldPath<Values>[],
): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  let placed = 0;
  for (const { field, message } of error.fields) {
    const name = fieldNames.find((candidate) => candidate === field || candidate === field.split('.')[0]);
    if (!name) continue;
    setError(name, { type: 'server', message });
    placed += 1;
  }
  return placed === error.fields.length ? null : error;
}
