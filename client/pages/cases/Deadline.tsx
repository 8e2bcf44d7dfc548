import { formatDateTime } from '../../../shared/i18n/format';
import { useT } from '../../lib/i18n';

/** A deadline as a person reads it: the time, and how long is left (or how late), in red once passed. */
export function Deadline({ at, paused = false }: { at: string | null; paused?: boolean }) {
  const t = useT();
  if (paused) return <span className="deadline deadline--paused">{t('ui.cases.paused')}</span>;
  if (!at) return <span className="muted">—</span>;
  const ms = Date.parse(at) - Date.now();
  const hours = Math.round(Math.abs(ms) / 3_600_000);
  const span = hours >= 48 ? t('ui.cases.days', { n: Math.round(hours / 24) }) : t('ui.cases.hours', { n: hours });
  const state = ms < 0 ? 'overdue' : ms < 24 * 3_600_000 ? 'soon' : 'ok';
  // A deadline in days ends at midnight: it reads better as the last minute of its day.
  const shown = formatDateTime(at).startsWith('00:00 ')
    ? formatDateTime(new Date(Date.parse(at) - 60_000))
    : formatDateTime(at);
  return (
    <span className={`deadline deadline--${state}`}>
      {shown} ({ms < 0 ? t('ui.cases.late', { span }) : t('ui.cases.left', { span })})
    </span>
  );
}
