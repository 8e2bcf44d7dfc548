/** SPEC.md §8: clocks run in Asia/Ho_Chi_Minh; dates read dd/mm/yyyy. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function formatDate(value: Date | string): string {
  return dateFormat.format(new Date(value));
}

export function formatDateTime(value: Date | string): string {
  const date = new Date(value);
  return `${timeFormat.format(date)} ${dateFormat.format(date)}`;
}

/** 0981389389 → 0981.389.389, the way the hotline is written on posters. */
export function formatPhone(digits: string): string {
  return /^0\d{9}$/.test(digits) ? `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}` : digits;
}
