import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { formatDateTime } from '../../../shared/i18n/format';
import type { CitizenViewBody } from '../../../shared/api/reports';
import { receiptAnswerInputSchema } from '../../../shared/schemas/intake';
import { trackInputSchema } from '../../../shared/schemas/report';
import { applyServerErrors, schemaResolver } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import type { FormBody } from './intake-form';
import { useCheckReceipt, useRecordAnswer } from './intake.api';

type Receipt = { trackingCode: string; secret: string };
const answerSchema = receiptAnswerInputSchema(() => new Date());
/** The call's own fields: a refusal of one of them is mended on the console's form, not here. */
const CALL_FIELDS = ['line', 'callStartedAt', 'callEndedAt', 'callerNumber', 'callerAnonymous'] as const;
type AnswerValues = { message: string } & { [K in (typeof CALL_FIELDS)[number] | keyof Receipt]?: string };

/**
 * SPEC.md §6: a caller asking about a report that is not among the operator's own gives its code and
 * secret; the console shows what the tracking page would (status, question, outcome), never the contact.
 */
export function ReceiptCheck({ call }: { call(): FormBody }) {
  const t = useT();
  const form = useForm<Receipt>({
    defaultValues: { trackingCode: '', secret: '' },
    resolver: schemaResolver<Receipt>(trackInputSchema),
  });
  const check = useCheckReceipt();
  const [failure, setFailure] = useState<unknown>(null);
  // After an answer is recorded, the view it answered with (the question gone, the status moved).
  const [answered, setAnswered] = useState<CitizenViewBody | null>(null);
  const view = answered ?? check.data;

  const submit = form.handleSubmit(async (receipt) => {
    setFailure(null);
    setAnswered(null);
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
          {answered && (
            <p className="notice" role="status">
              {t('ui.intake.answer_recorded')}
            </p>
          )}
        </section>
      )}
      {view && check.variables && !answered && (
        <SpokenAnswer
          key={`${check.variables.trackingCode}-${check.submittedAt}`}
          receipt={check.variables}
          call={call}
          onAnswered={setAnswered}
        />
      )}
    </details>
  );
}

/**
 * Issue #17: the caller's spoken answer (or what they add), recorded as the reporter's own message with the call
 * on the console's form; the code and secret checked above are sent again and checked again.
 */
function SpokenAnswer({
  receipt,
  call,
  onAnswered,
}: {
  receipt: Receipt;
  call(): FormBody;
  onAnswered(view: CitizenViewBody): void;
}) {
  const t = useT();
  const record = useRecordAnswer();
  const form = useForm<AnswerValues>({
    defaultValues: { message: '' },
    resolver: schemaResolver<AnswerValues>(answerSchema, ({ message }) => ({ ...receipt, ...call(), message })),
  });
  const [failure, setFailure] = useState<unknown>(null);
  const submit = form.handleSubmit(async ({ message }) => {
    setFailure(null);
    try {
      onAnswered(await record.mutateAsync({ ...receipt, ...call(), message }));
    } catch (err) {
      setFailure(applyServerErrors(err, form.setError, ['message', ...CALL_FIELDS]));
    }
  });
  const errors = form.formState.errors;
  const otherErrors = [...CALL_FIELDS, 'trackingCode', 'secret'].flatMap((name) => {
    const message = errors[name as keyof AnswerValues]?.message;
    return typeof message === 'string' ? [{ name, message }] : [];
  });
  return (
    <FormProvider {...form}>
      <form className="receipt-check__answer" onSubmit={(e) => void submit(e)} noValidate>
        <Field name="message" id="receipt-answer" label={t('ui.intake.answer_label')}>
          {(control) => <textarea {...control} rows={3} {...form.register('message')} />}
        </Field>
        {otherErrors.length > 0 && (
          <div className="notice notice--error" role="alert">
            <p>{t('ui.intake.append_fix_call')}</p>
            <ul>
              {otherErrors.map((e) => (
                <li key={e.name}>{e.message}</li>
              ))}
            </ul>
          </div>
        )}
        {failure !== null && <ErrorNotice error={failure} />}
        <button type="submit" className="button button--primary" disabled={record.isPending}>
          {t('ui.intake.answer_record')}
        </button>
      </form>
    </FormProvider>
  );
}
