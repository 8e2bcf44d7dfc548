import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { AppendedCall, CallSummary, IntakeReportView } from '../../../shared/api/intake';
import { formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import { appendCallInputSchema, type TypedPlace } from '../../../shared/schemas/intake';
import { applyServerErrors, schemaResolver } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { QueryResult } from '../../ui/QueryResult';
import { AttachPhotos } from './AttachPhotos';
import type { FormBody } from './intake-form';
import { useAppendCall, useIntakeReport } from './intake.api';

interface Props {
  code: string;
  /** The commune of the call being typed, or the province of an online seller: the server opens its duplicates' reports with it. */
  place: TypedPlace;
  /** The note proposed for an appended call: what the operator has typed so far. */
  draftNote: string;
  /** The call on the console's form, as the API takes it (line, times, caller). */
  call(): FormBody;
  onAppended(call: AppendedCall): void;
  onClose(): void;
}

const appendSchema = appendCallInputSchema(() => new Date());
/** The call's own fields: a refusal of one of them is mended on the console's form, not here. */
const CALL_FIELDS = ['line', 'callStartedAt', 'callEndedAt', 'callerNumber', 'callerAnonymous'] as const;
/** The note is the only input; the call's fields are named only to hold their errors. */
type AppendValues = { note: string } & { [K in (typeof CALL_FIELDS)[number]]?: string };

/** A report opened from the duplicates or the recent calls: read it, append this call to it, or attach photos. */
export function OpenedReport(props: Props) {
  const report = useIntakeReport(props.code, props.place);
  return <QueryResult query={report}>{(r) => <OpenedReportView report={r} {...props} />}</QueryResult>;
}

function OpenedReportView({
  report: r,
  place,
  draftNote,
  call,
  onAppended,
  onClose,
}: Props & { report: IntakeReportView }) {
  const t = useT();
  const append = useAppendCall();
  // Issue #17: the opened report takes the focus (its heading), so the keyboard and a screen reader go on from
  // there; once, when it opens: a refetch while the operator types on the form must not pull the focus away.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // The call fields are checked with the note, as the server will: their errors are listed, the note's is at it.
  const form = useForm<AppendValues>({
    defaultValues: { note: draftNote },
    resolver: schemaResolver<AppendValues>(appendSchema, ({ note }) => ({ ...call(), note })),
  });
  const [failure, setFailure] = useState<unknown>(null);
  const submit = form.handleSubmit(async ({ note }) => {
    setFailure(null);
    try {
      onAppended(await append.mutateAsync({ code: r.trackingCode, place, body: { ...call(), note } }));
    } catch (err) {
      setFailure(applyServerErrors(err, form.setError, ['note', ...CALL_FIELDS]));
    }
  });
  const errors = form.formState.errors;
  const callErrors = CALL_FIELDS.flatMap((name) => {
    const message = errors[name]?.message;
    return typeof message === 'string' ? [{ name, message }] : [];
  });

  return (
    <article className="opened-report" aria-labelledby="opened-title">
      <h3 id="opened-title" tabIndex={-1} ref={heading}>
        {t('ui.intake.opened_title', { code: r.trackingCode })}
      </h3>
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
          {r.lead.force ? `${t(`force.${r.lead.force}` as MessageKey)} — ` : ''}
          {r.lead.unitName}
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
      <FormProvider {...form}>
        <Field name="note" id="append-note" label={t('field.note')} hint={t('ui.intake.append_hint')}>
          {(control) => <textarea {...control} rows={4} {...form.register('note')} />}
        </Field>
      </FormProvider>
      {callErrors.length > 0 && (
        <div className="notice notice--error" role="alert">
          <p>{t('ui.intake.append_fix_call')}</p>
          <ul>
            {callErrors.map((e) => (
              <li key={e.name}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {failure !== null && <ErrorNotice error={failure} />}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={append.isPending}
          onClick={() => void submit()}
        >
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
