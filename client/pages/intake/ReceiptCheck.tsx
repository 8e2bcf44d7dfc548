import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { formatDateTime } from '../../../shared/i18n/format';
import { trackInputSchema } from '../../../shared/schemas/report';
import { applyServerErrors, schemaResolver } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useCheckReceipt } from './intake.api';

type Receipt = { trackingCode: string; secret: string };

/**
 * SPEC.md §6: a caller asking about a report that is not among the operator's own gives its code and
 * secret; the console shows what the tracking page would (status, question, outcome), never the contact.
 */
export function ReceiptCheck() {
  const t = useT();
  const form = useForm<Receipt>({
    defaultValues: { trackingCode: '', secret: '' },
    resolver: schemaResolver<Receipt>(trackInputSchema),
  });
  const check = useCheckReceipt();
  const [failure, setFailure] = useState<unknown>(null);
  const view = check.data;

  const submit = form.handleSubmit(async (receipt) => {
    setFailure(null);
    try {
      await check.mutateAsync(receipt);
    } catch (err) {
      setFailure(applyServerErrors(err, form.setError, ['trackingCode', 'secret']));
    }
  });

  return (
    <details className="receipt-check">
      <summary>{t('ui.intake.receipt_check_title')}</summary>
      <p className="hint">{t('ui.intake.receipt_check_hint')}</p>
      <FormProvider {...form}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <div className="intake-form__row">
            <Field name="trackingCode" id="receipt-code" label={t('field.trackingCode')}>
              {(control) => (
                <input
                  {...control}
                  {...form.register('trackingCode')}
                  autoComplete="off"
                  autoCapitalize="characters"
                  placeholder="389-XXXX-XXXX"
                />
              )}
            </Field>
            <Field name="secret" id="receipt-secret" label={t('field.secret')}>
              {(control) => (
                <input {...control} {...form.register('secret')} autoComplete="off" autoCapitalize="characters" />
              )}
            </Field>
          </div>
          <button type="submit" className="button button--secondary" disabled={check.isPending}>
            {t('ui.intake.receipt_check')}
          </button>
        </form>
      </FormProvider>
      {failure !== null && <ErrorNotice error={failure} />}
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
