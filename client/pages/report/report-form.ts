import { foldForSearch } from '../../../shared/domain/text';
import { REPORT_FIELDS } from '../../../shared/schemas/report';
import type { FieldError } from '../../../shared/i18n/validation-messages';

/**
 * The form's fields, in the order they appear on the page (the error summary follows it). `goodsType` (issue
 * #18) is the optional goods type under the category; `implicatedForce` (issue #18) sits first, with the box
 * "about officials". `reporterNotice`
 * (issue #17) is the box "email me when there is news", shown only with an e-mail: `'true'` or `''`.
 */
export const FORM_FIELDS = [
  'implicatedForce',
  'category',
  'goodsType',
  ...REPORT_FIELDS.filter((f) => f !== 'category'),
  'reporterNotice',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
/**
 * What the inputs hold: text everywhere, `observedAt` as the browser's local `datetime-local`; `urgent`
 * the checkbox "Việc đang diễn ra, cần xử lý ngay" (issue #17).
 */
export type ReportFormValues = Record<FormField, string> & { urgent: boolean; misconduct: boolean };
/** The JSON body of a report. */
export type ReportPayload = Record<string, string | boolean>;

export function emptyForm(observedAt: string): ReportFormValues {
  const text = Object.fromEntries(FORM_FIELDS.map((f) => [f, f === 'observedAt' ? observedAt : '']));
  return { ...(text as Record<FormField, string>), urgent: false, misconduct: false };
}

/** `datetime-local` wants the phone's local time without a zone: 2026-11-23T10:05 (no date library on this page). */
export function localNow(now = new Date()): string {
  const d = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** A `datetime-local` value (the phone's local time) as an ISO time, or '' when empty or unreadable. */
export function localToIso(value: string): string {
  if (!value) return '';
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? value : time.toISOString();
}

/** The body of POST /api/public/reports: empty fields left out, the time as ISO with offset, `urgent` only when ticked. */
export function toPayload(values: Partial<ReportFormValues>): ReportPayload {
  const payload: ReportPayload = {};
  for (const field of FORM_FIELDS) {
    const value = field === 'observedAt' ? localToIso(values.observedAt ?? '') : (values[field] ?? '');
    // The box is hidden without an e-mail: a value left from before is not sent.
    if (field === 'reporterNotice' && !(values.contactEmail ?? '').trim()) continue;
    // Issue #18: the force named goes only with a tip about officials.
    if (field === 'implicatedForce' && values.misconduct !== true) continue;
    if (value.trim() !== '') payload[field] = value;
  }
  if (values.urgent === true) payload.urgent = true;
  if (values.misconduct === true) payload.misconduct = true;
  return payload;
}

/** Whether the reporter has started: any field but the pre-filled time, the urgent mark, or a photo. */
export function hasContent(values: Partial<ReportFormValues>, photos: number): boolean {
  return (
    photos > 0 ||
    values.urgent === true ||
    values.misconduct === true ||
    FORM_FIELDS.some((f) => f !== 'observedAt' && (values[f] ?? '').trim() !== '')
  );
}

/** The input an error's field is shown at: `photos.0` → photos, `_` or an unknown name → none. */
export function errorTarget(field: string): FormField | 'photos' | null {
  const head = field.split('.')[0] ?? '';
  if (head === 'photos' || head === 'photo') return 'photos';
  return (FORM_FIELDS as readonly string[]).includes(head) ? (head as FormField) : null;
}

/**
 * The error summary next to the submit button: one line per faulty field, in page order, each
 * with the input to focus. Errors that name no field of the form come last with no target.
 */
export function errorSummary(
  errors: readonly FieldError[],
): { target: FormField | 'photos' | null; message: string }[] {
  const order = (target: FormField | 'photos' | null) =>
    target === null ? 99 : target === 'photos' ? FORM_FIELDS.indexOf('description') + 0.5 : FORM_FIELDS.indexOf(target);
  const seen = new Set<string>();
  return errors
    .map((e) => ({ target: errorTarget(e.field), message: e.message }))
    .filter((e) => {
      const id = e.target ?? e.message;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => order(a.target) - order(b.target));
}

const UNIT_PREFIX = /^(xa|phuong|dac khu|thi tran)\s+/;

/**
 * The commune to choose as the reporter types (issue #14): the only match, or the one whose name is
 * exactly what was typed (with or without "Xã"/"Phường", accents or case). Null when it is not clear.
 */
export function communeToChoose<T extends { code: string; name: string }>(
  query: string,
  matches: readonly T[],
): T | null {
  const typed = foldForSearch(query);
  if (!typed) return null;
  if (matches.length === 1) return matches[0] ?? null;
  const exact = matches.filter((c) => {
    const name = foldForSearch(c.name);
    return name === typed || name.replace(UNIT_PREFIX, '') === typed.replace(UNIT_PREFIX, '');
  });
  return exact.length === 1 ? (exact[0] ?? null) : null;
}
