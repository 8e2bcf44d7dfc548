import { useState, type FormEvent } from 'react';
import type { CitizenViewBody } from '../../../shared/api/reports';
import { formatDateTime } from '../../../shared/i18n/format';
import { ApiError } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { apiErrorMessage } from '../../ui/apiErrorMessage';
import { intakeApi } from './intake.api';

/**
 * SPEC.md §6: a caller asking about a report that is not among the operator's own gives its code and
 * secret; the console shows what the tracking page would (status, question, outcome), never the contact.
 */
export function ReceiptCheck() {
  const t = useT();
  const [receipt, setReceipt] = useState({ trackingCode: '', secret: '' });
  const [view, setView] = useState<CitizenViewBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function check(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      setView(await intakeApi.checkReceipt(receipt));
    } catch (err) {
      setView(null);
      setError(
        [apiErrorMessage(t, err), ...(err instanceof ApiError ? err.fields.map((f) => f.message) : [])].join(' '),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="receipt-check">
      <summary>{t('ui.intake.receipt_check_title')}</summary>
      <p className="hint">{t('ui.intake.receipt_check_hint')}</p>
      <form onSubmit={check} noValidate>
        <div className="intake-form__row">
          <div className="field">
            <label htmlFor="receipt-code">{t('field.trackingCode')}</label>
            <input
              id="receipt-code"
              autoComplete="off"
              autoCapitalize="characters"
              placeholder="389-XXXX-XXXX"
              value={receipt.trackingCode}
              onChange={(e) => setReceipt((r) => ({ ...r, trackingCode: e.target.value }))}
            />
          </div>
          <div className="field">
            <label htmlFor="receipt-secret">{t('field.secret')}</label>
            <input
              id="receipt-secret"
              autoComplete="off"
              autoCapitalize="characters"
              value={receipt.secret}
              onChange={(e) => setReceipt((r) => ({ ...r, secret: e.target.value }))}
            />
          </div>
        </div>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {t('ui.intake.receipt_check')}
        </button>
      </form>
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{error}</p>
        </div>
      )}
      {view && (
        <section className="receipt-check__view" aria-labelledby="receipt-check-status">
          <h3 id="receipt-check-status">
            {view.trackingCode} · {t('ui.track.status')}: <span data-testid="receipt-status">{view.statusLabel}</span>
          </h3>
          {view.lead && <p>{t('ui.receipt.handled_by', { unit: view.lead.unitName })}</p>}
          {view.mergedInto && <p className="notice">{t('ui.track.merged', { code: view.mergedInto })}</p>}
          {view.openQuestion && (
            <p>
              <strong>{t('ui.track.question')}</strong> {view.openQuestion.text} ({formatDateTime(view.openQuestion.at)}
              )
            </p>
          )}
          {view.outcome && (
            <p>
              <strong>{t('ui.track.outcome')}</strong> {view.outcome.text} ({formatDateTime(view.outcome.at)})
            </p>
          )}
        </section>
      )}
    </details>
  );
}
