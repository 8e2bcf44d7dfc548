import { useCallback, useEffect, useRef, useState } from 'react';
import { FormProvider, useForm, type FieldErrors } from 'react-hook-form';
import type { AppendedCall, IntakeReceipt } from '../../../shared/api/intake';
import { intakeReportInputSchema } from '../../../shared/schemas/intake';
import { applyServerErrors, schemaResolver } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useStaffSession } from '../../lib/staffSession';
import { useDebounced } from '../../lib/useDebounced';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import {
  blankCall,
  callPayload,
  duplicateSearch,
  INTAKE_FIELDS,
  type IntakeValues,
  reportPayload,
  routingInput,
  typedPlace,
} from './intake-form';
import { useDuplicates, useEnterReport, useHotlineLines, useRoutingPreview } from './intake.api';
import { CallFieldset, ContactFieldset, ReportFieldset } from './IntakeFields';
import { onFormKey, useIntakeShortcuts } from './keyboard';
import { OpenedReport } from './OpenedReport';
import { ReadAloudReceipt, receiptWords, Spelled } from './ReadAloudReceipt';
import { ReceiptCheck } from './ReceiptCheck';
import { RecentCalls } from './RecentCalls';
import { SidePanel } from './SidePanel';

type Stage =
  { kind: 'entering' } | { kind: 'receipt'; receipt: IntakeReceipt } | { kind: 'appended'; call: AppendedCall };

/** The shared schema the server checks the report with, on the body as it will be sent (issue #16). */
const intakeResolver = schemaResolver<IntakeValues>(
  intakeReportInputSchema(() => new Date()),
  reportPayload,
);

/** After a refusal, the first field named (in the form's order) gets the focus. */
function focusFirstError(errors: FieldErrors<IntakeValues>) {
  const first = INTAKE_FIELDS.find((name) => errors[name]);
  if (first) document.getElementById(first)?.focus();
}

/**
 * Issue #5, the hotline intake console: built for typing while someone talks. Keyboard only: Enter
 * moves on, Ctrl+Enter saves, Alt+D goes to the duplicates, Alt+N starts a new call, Esc closes an
 * opened report. The side panel shows the lead unit and possible duplicates as the operator types.
 */
export function IntakePage() {
  const t = useT();
  const lines = useHotlineLines();
  const firstLine = lines.data?.lines[0]?.number ?? '';
  // Issue #18: officers and unit leads enter reports at a desk too (a visit first); the duplicates window, the
  // follow-up by phone and the reports of others are the hotline operators'.
  const { state } = useStaffSession();
  const isOperator = state.status === 'signed_in' && state.session.user.role === 'operator';
  // Issue #18 review: a desk takes letters, e-mails, Zalo messages and visits, not only calls.
  const title = t(isOperator ? 'ui.intake.title' : 'ui.intake.title_desk');
  useDocumentTitle(title);
  const form = useForm<IntakeValues>({
    defaultValues: blankCall('', isOperator ? 'hotline' : 'walk_in'),
    resolver: intakeResolver,
    shouldFocusError: false,
  });
  const [stage, setStage] = useState<Stage>({ kind: 'entering' });
  const [opened, setOpened] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // Each new call gets a fresh place search (the codes are the form's, what was typed in the boxes is not).
  const [callNumber, setCallNumber] = useState(0);
  const enter = useEnterReport();
  const firstField = useRef<HTMLSelectElement>(null);
  const saving = useRef(false);

  // Once the lines are known the form is ready: the first field takes the focus (after <main> took
  // it for the navigation), so the operator can start typing at once.
  useEffect(() => {
    if (!firstLine) return;
    if (!form.getValues('line')) form.setValue('line', firstLine);
    firstField.current?.focus();
  }, [firstLine, form]);

  const values = form.watch();
  const route = routingInput(values);
  const preview = useRoutingPreview(route);
  // The texts are compared on each pause in typing, not on each key.
  const typed = {
    description: useDebounced(values.description, 400),
    url: useDebounced(values.url, 400),
    sellerHandle: useDebounced(values.sellerHandle, 400),
  };
  const duplicates = useDuplicates(isOperator ? duplicateSearch(values, typed) : null);

  const newCall = useCallback(() => {
    // The next report usually comes the same way (a pile of letters): the channel stays.
    form.reset(blankCall(firstLine, form.getValues('channel')));
    setCallNumber((n) => n + 1);
    setFailure(null);
    setOpened(null);
    setStage({ kind: 'entering' });
    setTimeout(() => firstField.current?.focus(), 0);
  }, [form, firstLine]);
  const closeOpened = useCallback(() => setOpened(null), []);
  useIntakeShortcuts(newCall, opened ? closeOpened : null);

  const submit = form.handleSubmit(async (entered) => {
    setFailure(null);
    try {
      setStage({ kind: 'receipt', receipt: await enter.mutateAsync(reportPayload(entered)) });
    } catch (err) {
      setFailure(applyServerErrors(err, form.setError, INTAKE_FIELDS));
      // formState is this render's snapshot; the errors just set are read from the form itself.
      const first = INTAKE_FIELDS.find((name) => form.getFieldState(name).error);
      if (first) document.getElementById(first)?.focus();
    }
  }, focusFirstError);
  async function save() {
    // Ctrl+Enter pressed twice on a slow line must not make two reports.
    if (saving.current) return;
    saving.current = true;
    try {
      await submit();
    } finally {
      saving.current = false;
    }
  }

  const invalid = Object.keys(form.formState.errors).length > 0;
  return (
    <div className="container container--wide intake">
      <h1>{title}</h1>
      <Shortcuts duplicates={isOperator} />
      {lines.isError && <ErrorNotice error={lines.error} onRetry={() => void lines.refetch()} />}

      <div className="intake__grid">
        <div className="intake__main">
          {stage.kind === 'receipt' && <ReadAloudReceipt receipt={stage.receipt} onNewCall={newCall} />}
          {stage.kind === 'appended' && <Appended call={stage.call} onNewCall={newCall} />}
          {stage.kind === 'entering' && (
            <FormProvider {...form}>
              <form
                className="intake-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void save();
                }}
                onKeyDown={(e) => onFormKey(e, () => void save())}
                noValidate
                aria-labelledby="call-title"
              >
                <CallFieldset lines={lines.data?.lines ?? []} firstField={firstField} />
                <ReportFieldset placeKey={callNumber} />
                {(values.channel !== 'hotline' || !values.callerAnonymous) && <ContactFieldset />}
                {failure !== null && <ErrorNotice error={failure} />}
                {invalid && (
                  <div className="notice notice--error" role="alert">
                    <p>{t('error.validation_failed')}</p>
                  </div>
                )}
                <button type="submit" className="button button--primary button--large" disabled={enter.isPending}>
                  {t('ui.intake.save')} <kbd>Ctrl+Enter</kbd>
                </button>
              </form>
            </FormProvider>
          )}
          <RecentCalls onOpen={setOpened} />
          {/* Keyed by the call (and the stage): a new call (Alt+N) or an entered/appended report starts it empty, so a
              follow-up shown for one caller can never take the next caller's answer. */}
          {isOperator && (
            <ReceiptCheck key={`${callNumber}:${stage.kind}`} call={() => callPayload(form.getValues())} />
          )}
        </div>

        <aside className="intake__side" aria-label={t('ui.intake.side')}>
          {opened ? (
            <OpenedReport
              key={opened}
              code={opened}
              place={typedPlace(values)}
              draftNote={values.description}
              call={() => callPayload(form.getValues())}
              onAppended={(call) => {
                setStage({ kind: 'appended', call });
                setOpened(null);
              }}
              onClose={closeOpened}
            />
          ) : (
            stage.kind === 'entering' && (
              <SidePanel
                preview={route ? preview : null}
                misconduct={values.misconduct}
                duplicates={isOperator ? (duplicates.isEnabled ? duplicates : null) : undefined}
                onOpen={setOpened}
              />
            )
          )}
        </aside>
      </div>
    </div>
  );
}

/** The keys; Alt+D only with the duplicates panel (the operators'). */
function Shortcuts({ duplicates }: { duplicates: boolean }) {
  const t = useT();
  const keys = [
    ['Enter', t('ui.intake.key_next')],
    ['Ctrl+Enter', t('ui.intake.key_save')],
    ...(duplicates ? [['Alt+D', t('ui.intake.key_duplicates')]] : []),
    ['Alt+N', t('ui.intake.key_new')],
    ['Esc', t('ui.intake.key_close')],
  ];
  return (
    <p className="shortcuts" aria-label={t('ui.intake.shortcuts')}>
      {keys.map(([key, what]) => (
        <span key={key}>
          <kbd>{key}</kbd> {what}
        </span>
      ))}
    </p>
  );
}

/**
 * The call was added to an existing report (issue #17): the caller gets that report's code and a secret of
 * their own, read aloud like a new report's receipt.
 */
function Appended({ call, onNewCall }: { call: AppendedCall; onNewCall(): void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const words = receiptWords(call.channel);
  return (
    <section className="read-aloud" aria-labelledby="appended-title">
      <h2 id="appended-title" tabIndex={-1} ref={heading}>
        {t('ui.intake.appended_title', { code: call.trackingCode })}
      </h2>
      <p>{t('ui.intake.appended_body')}</p>
      <div className="notice notice--warning" role="note">
        <p>{t(words.warning)}</p>
      </div>
      <p className="read-aloud__script">{t(words.script)}</p>
      <Spelled label={t('field.trackingCode')} value={call.trackingCode} testId="tracking-code" />
      <Spelled label={t('field.secret')} value={call.secret} testId="secret" />
      <p className="hint">{t(words.where)}</p>
      <button type="button" className="button button--primary" onClick={onNewCall}>
        {t(words.next)} <kbd>Alt+N</kbd>
      </button>
    </section>
  );
}
