import { tz } from '@date-fns/tz';
import { addDays, format, isValid, parse } from 'date-fns';
import { TIME_ZONE } from '../../shared/i18n/format';

/** `datetime-local` wants the browser's local time without a zone: 2026-11-23T10:05. */
export function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** A `datetime-local` value as an ISO time with offset, or '' for an empty field. */
export function localToIso(value: string): string {
  return value ? new Date(value).toISOString() : '';
}

/** How staff type times (SPEC.md §8: dd/mm/yyyy): `14:05 23/11/2026`, the way formatDateTime prints them. */
export const TYPED_TIME_FORMAT = 'HH:mm dd/MM/yyyy';
const ACCEPTED = ['H:mm d/M/yyyy', 'H:mm d/M/yy', 'H:mm d/M', 'd/M/yyyy H:mm', 'H:mm', 'H'];

// SPEC.md §8: times are Asia/Ho_Chi_Minh whatever zone the browser is set to.
const VIETNAM = { in: tz(TIME_ZONE) };

export const typedNow = (now = new Date()) => format(now, TYPED_TIME_FORMAT, VIETNAM);

/**
 * A time typed in one field, in Vietnam's time (one Tab stop, unlike the five of `datetime-local`): `14:05 23/11/2026`,
 * `14:05 23/11`, or just `14:05` for today (yesterday if that would be in the future: a call taken
 * before midnight and saved after it; with `ahead`, a time to come, as for a deadline, and a date
 * alone is the end of that day). Returns the ISO time, or the text itself when it cannot be
 * read, so that validation names the field.
 */
export function typedToIso(value: string, now = new Date(), { ahead = false }: { ahead?: boolean } = {}): string {
  const text = value
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/(\d)[.h](\d)/g, '$1:$2');
  if (!text) return '';
  for (const pattern of ACCEPTED) {
    const parsed = parse(text, pattern, now, VIETNAM);
    if (!isValid(parsed)) continue;
    const timeOnly = !pattern.includes('d');
    return new Date(
      (!ahead && timeOnly && parsed.getTime() > now.getTime() + 5 * 60_000 ? addDays(parsed, -1) : parsed).getTime(),
    ).toISOString();
  }
  // A date alone, for a deadline: the end of that day.
  if (ahead) {
    const day = parse(text, 'd/M/yyyy', now, VIETNAM);
    if (isValid(day)) return new Date(addDays(day, 1).getTime() - 60_000).toISOString();
  }
  return text;
}
