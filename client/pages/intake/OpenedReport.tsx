import { useState } from 'react';
import type { CallSummary } from '../../../shared/api/intake';
import { formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import { ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useApiQuery } from '../../lib/useApiQuery';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageLoading } from '../../ui/PageLoading';
import type { TypedPlace } from '../../../shared/schemas/intake';
import { AttachPhotos } from './AttachPhotos';
import { intakeApi } from './intake.api';

interface Props {
  code: string;
  /** The commune of the call being typed, or the province of an online seller: the server opens its duplicates' reports with it. */
  place: TypedPlace;
  /** The note proposed for an appended call: what the operator has typed so far. */
  draftNote: string;
  /** Appends the call on the form to this report; resolves to the field errors, if refused. */
  onAppend(code: string, note: string): Promise<{ field: string; message: string }[]>;
  onClose(): void;
}

/** A report opened from the duplicates or the recent calls: read it, append this call to it, or attach photos. */
export function OpenedReport({ code, place, draftNote, onAppend, onClose }: Props) {
  const t = useT();
  const report = useApiQuery(
    (signal) => intakeApi.report(code, place, signal),
    [code, place.communeCode, place.provinceCode],
  );
  const [note, setNote] = useState(draftNote);
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function append() {
    setBusy(true);
    setFailure(null);
    try {
      setErrors(await onAppend(code, note));
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fields);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  if (report.status === 'loading' || report.status === 'idle') return <PageLoading />;
  if (report.status === 'error') return <ErrorNotice error={report.error} onRetry={report.retry} />;
  const r = report.data;
  const noteError = errors.find((e) => e.field === 'note')?.message;
  const otherErrors = errors.filter((e) => e.field !== 'note');
  return (
    <article className="opened-report" aria-labelledby="opened-title">
      <h3 id="opened-title">{t('ui.intake.opened_title', { code: r.trackingCode })}</h3>
      <dl className="facts">
        <dt>{t('ui.intake.received')}</dt>
        <dd>
          {formatDateTime(r.receivedAt)} · {t(`channel.${r.channel}` as MessageKey)} ·{' '}
          {t(`status.${r.status}` as MessageKey)}
        </dd>
        <dt>{t('field.category')}</dt>
        <dd>
          {t(`category.${r.category}` as MessageKey)} · {t(`place_type.${r.placeType}` as MessageKey)}
        </dd>
        <dt>{t('ui.intake.place')}</dt>
        <dd>
          {[r.address, r.communeName, r.provinceName].filter(Boolean).join(', ')}
          {r.url ? ` · ${r.url}` : ''}
          {r.sellerHandle ? ` · ${r.sellerHandle}` : ''}
        </dd>
        <dt>{t('ui.intake.lead')}</dt>
        <dd>
          {t(`force.${r.lead.force}` as MessageKey)} — {r.lead.unitName}
        </dd>
        <dt>{t('field.description')}</dt>
        <dd className="opened-report__text">{r.description}</dd>
        {r.photos > 0 && (
          <>
            <dt>{t('field.photos')}</dt>
            <dd>{r.photos}</dd>
          </>
        )}
      </dl>
      {r.calls.length > 0 && (
        <>
          <h4>{t('ui.intake.calls_title')}</h4>
          <ul className="plain-list call-list">
            {r.calls.map((c: CallSummary, i) => (
              <li key={i}>
                {formatDateTime(c.at)} · {c.caller ?? t('ui.intake.caller_hidden')} · {c.operator}
                {c.note && <p className="opened-report__text">{c.note}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="field">
        <label htmlFor="append-note">{t('field.note')}</label>
        <textarea
          id="append-note"
          rows={4}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={noteError ? 'append-note-error' : 'append-note-hint'}
        />
        <p id="append-note-hint" className="hint">
          {t('ui.intake.append_hint')}
        </p>
        {noteError && (
          <p id="append-note-error" className="field__error">
            {noteError}
          </p>
        )}
      </div>
      {otherErrors.length > 0 && (
        <div className="notice notice--error" role="alert">
          <p>{t('ui.intake.append_fix_call')}</p>
          <ul>
            {otherErrors.map((e) => (
              <li key={e.field}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {failure !== null && <ErrorNotice error={failure} />}
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void append()}>
          {t('ui.intake.append')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('ui.intake.back_to_list')} <kbd>Esc</kbd>
        </button>
      </div>
      {r.enteredByMe && <AttachPhotos trackingCode={r.trackingCode} />}
    </article>
  );
}
