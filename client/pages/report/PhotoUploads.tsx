import { useNow } from '../../lib/useNow';
import { isMessageKey } from '../../../shared/i18n/translate';
import { useT, type Translate } from '../../lib/i18n';
import { remaining, type PhotoUpload } from './upload-queue';

export function formatBytes(bytes: number): string {
  return bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

export function formatDuration(t: Translate, seconds: number): string {
  return seconds < 90
    ? t('ui.time.seconds', { n: Math.max(1, Math.round(seconds)) })
    : t('ui.time.minutes', { n: Math.round(seconds / 60) });
}

/** Re-renders every second while something waits on the clock (a retry countdown). */
function statusText(t: Translate, p: PhotoUpload, now: number): string {
  switch (p.status) {
    case 'waiting':
      return t('ui.photos.waiting');
    case 'sending':
      return t('ui.photos.sending', { percent: p.bytes ? Math.floor((p.loaded / p.bytes) * 100) : 0 });
    case 'sent':
      return t('ui.photos.sent');
    case 'failed':
      return t('ui.photos.failed', { time: formatDuration(t, Math.max(1, ((p.retryAt ?? now) - now) / 1000)) });
    case 'refused': {
      const key = `error.${p.error ?? ''}`;
      return t('ui.photos.refused', { reason: isMessageKey(key) ? t(key) : t('ui.error.unexpected') });
    }
  }
}

/** Each photo's state (waiting, sending x %, sent, failed and retrying), bytes and time left. */
export function PhotoUploads({ uploads, rate }: { uploads: readonly PhotoUpload[]; rate: number | null }) {
  const t = useT();
  const now = useNow(
    1000,
    uploads.some((p) => p.status === 'failed'),
  );
  if (uploads.length === 0) return null;
  const left = remaining(uploads, rate);
  const done = left.bytes === 0;
  const sentCount = uploads.filter((p) => p.status === 'sent').length;
  return (
    <section className="photo-uploads" aria-labelledby="photo-uploads-title">
      <h2 id="photo-uploads-title">{t('ui.photos.title')}</h2>
      <ol className="photo-uploads__list">
        {uploads.map((p, i) => (
          <li
            key={p.key}
            className={`photo-uploads__item photo-uploads__item--${p.status}`}
            data-testid={`photo-upload-${i + 1}`}
            data-status={p.status}
            data-bytes={p.bytes}
          >
            <span>
              {t('ui.report.photo_alt', { n: i + 1 })} · {formatBytes(p.bytes)} · <span>{statusText(t, p, now)}</span>
            </span>
            <progress
              max={p.bytes || 1}
              value={p.status === 'sent' ? p.bytes : p.loaded}
              aria-label={t('ui.report.photo_alt', { n: i + 1 })}
            />
          </li>
        ))}
      </ol>
      {/* Announced when a photo is through, not at every byte; the bytes and time left are read on demand. */}
      <p role="status" aria-live="polite">
        {done
          ? t('ui.photos.all_sent', { n: sentCount })
          : t('ui.photos.progress', { sent: sentCount, total: uploads.length })}
      </p>
      {!done && (
        <p>
          {left.seconds !== null
            ? t('ui.photos.left', { size: formatBytes(left.bytes), time: formatDuration(t, left.seconds) })
            : t('ui.photos.left_unknown', { size: formatBytes(left.bytes) })}
        </p>
      )}
      {!done && <p className="hint">{t('ui.photos.keep_open')}</p>}
    </section>
  );
}
