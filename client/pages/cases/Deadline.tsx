import { formatDateTime } from '../../../shared/i18n/format';
import { useT } from '../../lib/i18n';
import { useNow } from '../../lib/useNow';

/** The server's word on the deadline running now (SPEC.md §5: "due soon" is its setting, not the browser's). */
export interface DueFlags {
  overdue: boolean;
  dueSoon: boolean;
}

/**
 * A deadline as a person reads it: the time, and how long is left (or how late), in red once passed. The colour
 * of the running deadline is the server's (`due`); one not running now is late once passed, never "soon".
 */
export function Deadline({ at, paused = false, due }: { at: string | null; paused?: boolean; due?: DueFlags }) {
  const t = useT();
  const now = useNow();
  if (paused) return <span className="deadline deadline--paused">{t('ui.cases.paused')}</span>;
  if (!at) return <span className="muted">—</span>;
  const ms = Date.parse(at) - now;
  // The server's flag as fetched, or the clock: a deadline that passes while the page is open turns late.
  const late = ms < 0 || (due?.overdue ?? false);
  const hours = Math.round(Math.abs(ms) / 3_600_000);
  const span = hours >= 48 ? t('ui.cases.days', { n: Math.round(hours / 24) }) : t('ui.cases.hours', { n: hours });
  const state = late ? 'overdue' : due?.dueSoon ? 'soon' : 'ok';
  // A deadline in days ends at midnight: it reads better as the last minute of its day.
  const shown = formatDateTime(at).startsWith('00:00 ')
    ? formatDateTime(new Date(Date.parse(at) - 60_000))
    : formatDateTime(at);
  return (
    <span className={`deadline deadline--${state}`}>
      {shown} ({late ? t('ui.cases.late', { span }) : t('ui.cases.left', { span })})
    </span>
  );
}
