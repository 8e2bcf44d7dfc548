import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { CitizenViewBody } from '../../../shared/api/reports';
import type { MessageKey } from '../../../shared/i18n/vi';
import { formatDateTime } from '../../../shared/i18n/format';
import { ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { apiErrorMessage } from '../../ui/apiErrorMessage';
import { PhotoPicker } from '../../ui/PhotoPicker';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { type Receipt, useLookUp, useSendMessage } from './track.api';
import { QuietBoundary } from '../../ui/QuietBoundary';

/** Issue #17: loaded after the page (below what the page is for), off the citizen pages' 170 KB budget. */
const ProvinceHotlines = lazy(() => import('../../ui/ProvinceHotlines').then((m) => ({ default: m.ProvinceHotlines })));

/**
 * Code and secret in, the citizen's view out; answers to questions go back with photos. On the citizen path:
 * plain inputs, no form library (the server's field messages are shown together above the view).
 */
export function TrackPage() {
  const t = useT();
  useDocumentTitle(t('ui.track.title'));
  // The receipt page links here with the code filled in (/track?code=…); the secret is never in a URL.
  const [searchParams] = useSearchParams();
  const [receipt, setReceipt] = useState<Receipt>(() => ({
    trackingCode: searchParams.get('code')?.slice(0, 40) ?? '',
    secret: '',
  }));
  const [message, setMessage] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const lookUp = useLookUp();
  const sendMessage = useSendMessage();
  // The last answer, to the look-up or to a message sent since; a failed look-up shows nothing.
  const [view, setView] = useState<CitizenViewBody | null>(null);
  const failure = lookUp.error ?? sendMessage.error;
  const error =
    failure &&
    [apiErrorMessage(t, failure), ...(failure instanceof ApiError ? failure.fields.map((f) => f.message) : [])].join(
      ' ',
    );

  function look(event: FormEvent) {
    event.preventDefault();
    sendMessage.reset();
    lookUp.mutate(receipt, { onSuccess: setView, onError: () => setView(null) });
  }

  function send(event: FormEvent) {
    event.preventDefault();
    lookUp.reset();
    setProgress(0);
    sendMessage.mutate(
      { receipt, message, photos, onProgress: setProgress },
      {
        onSuccess: (answer) => {
          setView(answer);
          setMessage('');
          setPhotos([]);
        },
        onSettled: () => setProgress(null),
      },
    );
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
          <QuietBoundary>
            <Suspense fallback={null}>
              <ProvinceHotlines provinceCode={view.provinceCode} />
            </Suspense>
          </QuietBoundary>
        </section>
      )}
    </div>
  );
}
