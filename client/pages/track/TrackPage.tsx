import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { CitizenViewBody as CitizenView } from '../../../shared/api/reports';
import type { MessageKey } from '../../../shared/i18n/vi';
import { ApiError, apiRequest } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { postMultipart } from '../../lib/upload';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { PhotoPicker } from '../../ui/PhotoPicker';
import { formatDateTime } from '../../../shared/i18n/format';
import { apiErrorMessage } from '../../ui/apiErrorMessage';

/** Code and secret in, the citizen's view out; answers to questions go back with photos. */
export function TrackPage() {
  const t = useT();
  useDocumentTitle(t('ui.track.title'));
  // The receipt page links here with the code filled in (/track?code=…); the secret is never in a URL.
  const [searchParams] = useSearchParams();
  const [receipt, setReceipt] = useState(() => ({
    trackingCode: searchParams.get('code')?.slice(0, 40) ?? '',
    secret: '',
  }));
  const [view, setView] = useState<CitizenView | null>(null);
  const [message, setMessage] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const explain = (err: unknown) =>
    [apiErrorMessage(t, err), ...(err instanceof ApiError ? err.fields.map((f) => f.message) : [])].join(' ');

  async function look(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setView(await apiRequest<CitizenView>('/api/public/track', { method: 'POST', body: receipt }));
    } catch (err) {
      setView(null);
      setError(explain(err));
    }
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const form = new FormData();
    form.append('trackingCode', receipt.trackingCode);
    form.append('secret', receipt.secret);
    form.append('message', message);
    for (const photo of photos) form.append('photos', photo);
    setProgress(0);
    try {
      setView(await postMultipart<CitizenView>('/api/public/track/messages', form, setProgress));
      setMessage('');
      setPhotos([]);
    } catch (err) {
      setError(explain(err));
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="container narrow">
      <h1>{t('ui.track.title')}</h1>
      <form onSubmit={look} className="report-form" noValidate>
        <div className="field">
          <label htmlFor="trackingCode">{t('field.trackingCode')}</label>
          <input
            id="trackingCode"
            autoComplete="off"
            autoCapitalize="characters"
            value={receipt.trackingCode}
            placeholder="389-XXXX-XXXX"
            onChange={(e) => setReceipt((r) => ({ ...r, trackingCode: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor="secret">{t('field.secret')}</label>
          <input
            id="secret"
            autoComplete="off"
            autoCapitalize="characters"
            value={receipt.secret}
            onChange={(e) => setReceipt((r) => ({ ...r, secret: e.target.value }))}
          />
        </div>
        <button type="submit" className="button button--primary">
          {t('ui.track.look')}
        </button>
      </form>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {view && (
        <section aria-labelledby="status-title" className="track-view">
          <h2 id="status-title">
            {t('ui.track.status')}: <span data-testid="status">{view.statusLabel}</span>
          </h2>
          {view.lead && <p>{t('ui.receipt.handled_by', { unit: view.lead.unitName })}</p>}
          {view.mergedInto && <p className="notice">{t('ui.track.merged', { code: view.mergedInto })}</p>}
          <ol className="timeline">
            {view.timeline.map((e) => (
              <li key={`${e.at}-${e.status}`}>
                {formatDateTime(e.at)}: {t(`ui.public_status.${e.status ?? 'received'}` as MessageKey)}
              </li>
            ))}
          </ol>
          {view.outcome && (
            <div className="notice" data-testid="outcome">
              <p>
                <strong>{t('ui.track.outcome')}</strong> {view.outcome.text}
              </p>
            </div>
          )}
          {view.openQuestion && (
            <div className="notice notice--warning">
              <p>
                <strong>{t('ui.track.question')}</strong> {view.openQuestion.text}
              </p>
            </div>
          )}
          {view.messages.length > 0 && (
            <ul className="messages">
              {view.messages.map((m) => (
                <li key={m.at + m.text} className={`message message--${m.from}`}>
                  <span className="hint">
                    {formatDateTime(m.at)}, {t(`ui.track.from_${m.from}`)}
                  </span>
                  <p>{m.text}</p>
                  {m.photos > 0 && <p className="hint">{t('ui.track.photos', { n: m.photos })}</p>}
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={send} className="report-form" noValidate>
            <div className="field">
              <label htmlFor="message">{view.openQuestion ? t('ui.track.answer') : t('ui.track.add_info')}</label>
              <textarea id="message" rows={4} value={message} onChange={(e) => setMessage(e.target.value)} />
            </div>
            <PhotoPicker files={photos} onChange={setPhotos} />
            {progress !== null && <progress max={1} value={progress} aria-label={t('ui.report.sending')} />}
            <button
              type="submit"
              className="button button--primary"
              disabled={progress !== null || message.trim() === ''}
            >
              {t('ui.track.send')}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
