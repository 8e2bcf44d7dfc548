import { createContext, useContext, useState, type ReactNode } from 'react';
import {
  FormProvider,
  useFieldArray,
  useForm,
  useFormContext,
  type DefaultValues,
  type FieldValues,
  type Path,
} from 'react-hook-form';
import type { CaseViewBody } from '../../../shared/api/cases';
import { OUTCOMES } from '../../../shared/domain/outcomes';
import { GOODS_TYPES, PROSECUTION_DECISIONS, SANCTION_CLOCKS, SANCTION_TYPES } from '../../../shared/domain/results';
import { formatDate, formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import { type CaseAction, caseActionSchemas, MAX_SEIZED_LOTS } from '../../../shared/schemas/cases';
import { ApiError } from '../../lib/api';
import { typedToIso, TYPED_TIME_FORMAT } from '../../lib/datetime';
import { applyServerErrors, schemaResolver } from '../../lib/form';
import { useI18n, useT } from '../../lib/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useUnitList } from '../../lib/units.api';
import { type CaseActionBody, useCaseAction } from './cases.api';
import {
  EMPTY_LOT,
  EMPTY_SANCTION,
  RESOLVE_FIELD_NAMES,
  resolveBody,
  type RecordBody,
  type RecordValues,
  type Recorded,
  type ResolveValues,
} from './results-form';

/** The typed extension date; a day alone that is the limit's day means the limit itself. */
function extensionUntil(typed: string, limit: string | null): string {
  const until = typedToIso(typed, new Date(), { ahead: true });
  if (
    limit &&
    !/\d:\d/.test(typed) &&
    Date.parse(until) > Date.parse(limit) &&
    Date.parse(until) - Date.parse(limit) < 86_400_000
  )
    return limit;
  return until;
}

/** Moves that need nothing more than a click. */
const SIMPLE = ['accept', 'verify', 'resume', 'close'] as const;

/** The moves with a form, as the server names them in `allowedActions`, and their button's label. */
const WITH_FORM = [
  ['ask', 'ui.cases.action.ask'],
  ['suspend', 'ui.cases.action.suspend'],
  ['resolve', 'ui.cases.action.resolve'],
  ['extend', 'ui.cases.action.extend'],
  ['transfer.request', 'ui.cases.action.transfer'],
  ['transfer.cancel', 'ui.cases.action.transfer_cancel'],
  ['transfer.accept', 'ui.cases.action.transfer_accept'],
  ['transfer.refuse', 'ui.cases.action.transfer_refuse'],
  ['transfer.decide', 'ui.cases.action.transfer_decide'],
  ['coordinate', 'ui.cases.action.coordinate'],
  ['merge', 'ui.cases.action.merge'],
  ['reveal-contact', 'ui.cases.action.reveal'],
  ['notes', 'ui.cases.action.note'],
  ['assign', 'ui.cases.action.assign'],
  ['withdraw-question', 'ui.cases.action.withdraw_question'],
  ['continue-without-answer', 'ui.cases.action.continue_without_answer'],
  ['move-lead', 'ui.cases.action.move_lead'],
  ['remind', 'ui.cases.action.remind'],
  ['approve-reveal', 'ui.cases.action.approve_reveal'],
  // Issue #18 (crime track).
  ['flag-crime', 'ui.cases.action.flag_crime'],
  ['hand-off', 'ui.cases.action.hand_off'],
  ['investigation-accept', 'ui.cases.action.investigation_accept'],
  ['investigation-extend', 'ui.cases.action.investigation_extend'],
  ['prosecution-decision', 'ui.cases.action.prosecution_decision'],
  // Issue #18 (results as data).
  ['record-violation', 'ui.cases.action.record_violation'],
  ['classify', 'ui.cases.action.classify'],
] as const satisfies readonly (readonly [string, MessageKey])[];
type FormVerb = (typeof WITH_FORM)[number][0];

type Decision = CaseActionBody<'prosecution-decision'>['decision'];
type Contact = NonNullable<CaseViewBody['contact']>;

interface Props {
  report: CaseViewBody;
  /** Someone else changed the report first: reload it. */
  onStale(): void;
}

/** The actions the server says this viewer may take now, each with the fields it needs. */
export function CaseActions({ report, onStale }: Props) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState<FormVerb | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [contact, setContact] = useState<Contact | null>(null);
  const act = useCaseAction(report.trackingCode);
  const allowed = new Set(report.allowedActions);
  const { version } = report;

  /** Sends one action; the page shows the answer (cases.api.ts). Rejects with what the server refused. */
  async function run(action: CaseAction, body: CaseActionBody): Promise<void> {
    setFailure(null);
    try {
      const view = await act.mutateAsync({ action, body });
      if (view.contact) setContact(view.contact);
      setOpen(null);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') onStale();
      throw err;
    }
  }
  const forms: Record<FormVerb, ReactNode> = {
    ask: (
      <ActionForm action="ask" defaults={{ question: '' }} body={(v) => ({ version, ...v })}>
        <ActionText name="question" label={t('field.question')} />
      </ActionForm>
    ),
    suspend: (
      <ActionForm action="suspend" defaults={{ reason: '' }} body={(v) => ({ version, ...v })}>
        <ActionText name="reason" label={t('field.reason')} />
      </ActionForm>
    ),
    resolve: (
      <ActionForm<'resolve', ResolveValues>
        action="resolve"
        defaults={{
          outcome: undefined,
          publicOutcome: '',
          goodsType: report.goodsType ?? '',
          typicalCase: report.typicalCase,
          sanction: { ...EMPTY_SANCTION, clock: report.sanction?.clock ?? '' },
          seizedGoods: [],
        }}
        fieldNames={RESOLVE_FIELD_NAMES}
        body={(v) => resolveBody(version, v, report.sanction, lang)}
      >
        <OutcomeSelect />
        <ActionText name="publicOutcome" label={t('field.publicOutcome')} />
        <p className="hint">{t('ui.cases.public_outcome_hint')}</p>
        <ResultFields recorded={report.sanction} />
      </ActionForm>
    ),
    'record-violation': (
      <ActionForm<'record-violation', RecordValues>
        action="record-violation"
        defaults={{
          recordNo: report.sanction?.recordNo ?? '',
          recordDate: report.sanction?.recordDate ?? '',
          clock: report.sanction?.clock ?? 'standard',
          clockReason: report.sanction?.clockReason ?? '',
        }}
        body={(v) => ({
          version,
          recordNo: v.recordNo,
          recordDate: v.recordDate,
          clock: v.clock as RecordBody['clock'],
          ...(v.clockReason.trim() ? { clockReason: v.clockReason } : {}),
        })}
      >
        <ActionText name="recordNo" label={t('field.recordNo')} multiline={false} />
        <DayInput name="recordDate" label={t('field.recordDate')} />
        <ClockSelect name="clock" />
        <ActionText name="clockReason" label={t('field.clockReason')} />
      </ActionForm>
    ),
    classify: (
      <ActionForm<'classify', { goodsType: string; typicalCase: boolean }>
        action="classify"
        defaults={{ goodsType: report.goodsType ?? '', typicalCase: report.typicalCase }}
        body={(v) => ({
          version,
          goodsType: (v.goodsType || null) as CaseActionBody<'classify'>['goodsType'],
          typicalCase: v.typicalCase,
        })}
      >
        <GoodsSelect name="goodsType" />
        <ActionCheck name="typicalCase" label={t('field.typicalCase')} />
      </ActionForm>
    ),
    extend: (
      <ActionForm
        action="extend"
        defaults={{ until: '', reason: '' }}
        body={(v) => ({ version, until: extensionUntil(v.until, report.deadlines.extensionLimit), reason: v.reason })}
      >
        <ActionText name="until" label={t('field.until')} multiline={false} />
        <p className="hint">
          {t('ui.cases.extend_hint', {
            format: TYPED_TIME_FORMAT,
            limit: report.deadlines.extensionLimit ? formatDateTime(report.deadlines.extensionLimit) : '—',
          })}
        </p>
        <ActionText name="reason" label={t('field.reason')} />
      </ActionForm>
    ),
    'transfer.request': (
      <ActionForm
        action="transfer"
        defaults={{ unitId: '', reason: '' }}
        body={(v) => ({ step: 'request', version, ...v })}
      >
        <UnitSelect leadUnitId={report.lead.unitId} />
        <ActionText name="reason" label={t('field.reason')} />
      </ActionForm>
    ),
    'transfer.cancel': <ActionForm action="transfer" defaults={{}} body={() => ({ step: 'cancel', version })} />,
    'transfer.accept': <ActionForm action="transfer" defaults={{}} body={() => ({ step: 'accept', version })} />,
    'transfer.refuse': (
      <ActionForm action="transfer" defaults={{ reason: '' }} body={(v) => ({ step: 'refuse', version, ...v })}>
        <ActionText name="reason" label={t('field.reason')} />
      </ActionForm>
    ),
    'transfer.decide': (
      <ActionForm
        action="transfer"
        defaults={{ keep: false, reason: '' }}
        body={(v) => ({ step: 'decide', version, ...v })}
      >
        <ActionCheck name="keep" label={t('ui.cases.keep_lead')} />
        <ActionText name="reason" label={t('field.reason')} />
      </ActionForm>
    ),
    coordinate: (
      <ActionForm action="coordinate" defaults={{ unitId: '', reason: '' }} body={(v) => ({ version, ...v })}>
        <UnitSelect leadUnitId={report.lead.unitId} />
        <ActionText name="reason" label={t('field.reason')} />
      </ActionForm>
    ),
    merge: (
      <ActionForm action="merge" defaults={{ into: '' }} body={(v) => ({ version, ...v })}>
        <ActionText name="into" label={t('field.into')} multiline={false} />
      </ActionForm>
    ),
    'reveal-contact': (
      <ActionForm action="reveal-contact" defaults={{ reason: '' }} body={(v) => ({ version, ...v })}>
        <ActionText name="reason" label={t('field.reason')} />
        <p className="hint">{t('ui.cases.reveal_hint')}</p>
        {report.misconduct && <p className="hint">{t('ui.cases.reveal_misconduct_hint')}</p>}
      </ActionForm>
    ),
    // Issue #18: another coordinator's request to reveal the reporter of a tip about officials.
    'approve-reveal': (
      <ActionForm
        action="approve-reveal"
        defaults={{ requestId: report.revealRequests.find((x) => !x.requestedByMe && !x.approvedAt)?.id ?? '' }}
        body={(v) => ({ version, ...(v.requestId ? { requestId: v.requestId } : {}) })}
      >
        <RevealRequestSelect requests={report.revealRequests} />
      </ActionForm>
    ),
    assign: (
      <ActionForm
        action="assign"
        defaults={{ officerId: report.assignedTo?.id ?? '' }}
        body={(v) => ({ version, officerId: v.officerId || null })}
      >
        <OfficerSelect assignable={report.assignable} />
      </ActionForm>
    ),
    notes: (
      <ActionForm action="notes" defaults={{ text: '', shared: false }} body={(v) => ({ version, ...v })}>
        <ActionText name="text" label={t('field.text')} />
        <ActionCheck name="shared" label={t('field.shared')} />
      </ActionForm>
    ),
    'withdraw-question': (
      <ActionForm
        action="withdraw-question"
        defaults={{ reason: '' }}
        body={(v) => ({ version, ...(v.reason.trim() ? { reason: v.reason } : {}) })}
      >
        <ActionText name="reason" label={t('ui.cases.reason_optional')} />
        <p className="hint">{t('ui.cases.withdraw_question_hint')}</p>
      </ActionForm>
    ),
    'continue-without-answer': (
      <ActionForm action="continue-without-answer" defaults={{ reason: '' }} body={(v) => ({ version, ...v })}>
        <ActionText name="reason" label={t('field.reason')} />
        <p className="hint">{t('ui.cases.withdraw_question_hint')}</p>
      </ActionForm>
    ),
    'move-lead': (
      <ActionForm action="move-lead" defaults={{ unitId: '', reason: '' }} body={(v) => ({ version, ...v })}>
        <UnitSelect leadUnitId={report.lead.unitId} />
        <ActionText name="reason" label={t('field.reason')} />
        <p className="hint">{t('ui.cases.move_lead_hint')}</p>
      </ActionForm>
    ),
    remind: (
      <ActionForm action="remind" defaults={{ text: '' }} body={(v) => ({ version, ...v })}>
        <ActionText name="text" label={t('field.text')} />
      </ActionForm>
    ),
    // Issue #18 (crime track).
    'flag-crime': (
      <ActionForm action="flag-crime" defaults={{ reason: '' }} body={(v) => ({ version, ...v })}>
        <ActionText name="reason" label={t('field.reason')} />
        <p className="hint">{t('ui.cases.crime.flag_hint')}</p>
      </ActionForm>
    ),
    'hand-off': (
      <ActionForm action="hand-off" defaults={{ unitId: '' }} body={(v) => ({ version, ...v })}>
        <InvestigatorSelect />
      </ActionForm>
    ),
    'investigation-accept': <ActionForm action="investigation-accept" defaults={{}} body={() => ({ version })} />,
    'investigation-extend': (
      <ActionForm
        action="investigation-extend"
        defaults={{ reason: '', procuracyApproval: '' }}
        body={(v) => ({
          version,
          reason: v.reason,
          ...(v.procuracyApproval.trim() ? { procuracyApproval: v.procuracyApproval } : {}),
        })}
      >
        <ActionText name="reason" label={t('field.reason')} />
        <ActionText name="procuracyApproval" label={t('field.procuracyApproval')} multiline={false} />
        <p className="hint">
          {t('ui.cases.crime.extend_hint', {
            limit: report.crime?.extensionLimit ? formatDateTime(report.crime.extensionLimit) : '—',
          })}
        </p>
      </ActionForm>
    ),
    'prosecution-decision': (
      <ActionForm<'prosecution-decision', { decision: Decision; decisionNo: string; decisionDate: string }>
        action="prosecution-decision"
        defaults={{ decision: undefined, decisionNo: '', decisionDate: '' }}
        body={(v) => ({ version, ...v })}
      >
        <DecisionSelect />
        <ActionText name="decisionNo" label={t('field.decisionNo')} multiline={false} />
        <DayInput name="decisionDate" label={t('field.decisionDate')} />
      </ActionForm>
    ),
  };

  return (
    <section className="panel case-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('ui.cases.actions')}</h2>
      <div className="button-row">
        {SIMPLE.filter((a) => allowed.has(a)).map((a) => (
          <button
            key={a}
            type="button"
            className="button button--primary"
            disabled={act.isPending}
            onClick={() => void run(a, { version }).catch(setFailure)}
          >
            {t(`ui.cases.action.${a}`)}
          </button>
        ))}
        {WITH_FORM.filter(([verb]) => allowed.has(verb)).map(([verb, label]) => (
          <button
            key={verb}
            type="button"
            className="button button--secondary"
            aria-expanded={open === verb}
            onClick={() => setOpen(open === verb ? null : verb)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      {failure !== null && <ErrorNotice error={failure} />}
      {contact && (
        <div className="notice notice--warning" role="status" data-testid="contact">
          <p>{t('ui.cases.contact_shown')}</p>
          <p>{[contact.name, contact.phone, contact.email].filter(Boolean).join(' · ')}</p>
        </div>
      )}
      {open && (
        <ActionContext.Provider
          // A form opened again starts empty, as a new form.
          key={open}
          value={{
            title: t(WITH_FORM.find(([verb]) => verb === open)?.[1] ?? 'ui.cases.actions'),
            busy: act.isPending,
            version,
            run,
            close: () => setOpen(null),
          }}
        >
          {forms[open]}
        </ActionContext.Provider>
      )}
    </section>
  );
}

/** Issue #18: the requests waiting for a second coordinator (one's own cannot be approved). */
function RevealRequestSelect({ requests }: { requests: CaseViewBody['revealRequests'] }) {
  const t = useT();
  const { register } = useFormContext<{ requestId: string }>();
  return (
    <Field name="requestId" label={t('field.requestId')}>
      {(control) => (
        <select {...control} {...register('requestId')}>
          {requests
            .filter((x) => !x.requestedByMe && !x.approvedAt)
            .map((x) => (
              <option key={x.id} value={x.id}>
                {t('ui.cases.reveal_request', {
                  who: x.requestedByName,
                  at: formatDateTime(x.requestedAt),
                  reason: x.reason,
                })}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}

/** What every action form shares: its title (also its button), the sending, and how to close it. */
interface ActionContextValue {
  title: string;
  busy: boolean;
  /** The report's version now (the live stream may refetch it while a form is open). */
  version: number;
  run(action: CaseAction, body: CaseActionBody): Promise<void>;
  close(): void;
}
const ActionContext = createContext<ActionContextValue | null>(null);

function useActionContext(): ActionContextValue {
  const value = useContext(ActionContext);
  if (!value) throw new Error('an action form outside CaseActions');
  return value;
}

/**
 * One action's form (issue #16): checked by the action's shared schema on the body as it will be sent, with
 * the shared messages; a refusal's `fields[]` at their inputs, anything else above the button.
 */
function ActionForm<A extends CaseAction, Values extends FieldValues>({
  action,
  defaults,
  body,
  fieldNames = [],
  children,
}: {
  action: A;
  /** Nested inputs a refusal's `fields[]` may name (`sanction.fineVnd`), before the top-level ones. */
  fieldNames?: readonly string[];
  /** Every field of the form, so that the server's `fields[]` find their input; a choice not made yet is undefined. */
  defaults: DefaultValues<Values>;
  body: (values: Values) => CaseActionBody<A>;
  children?: ReactNode;
}) {
  const t = useT();
  const { title, busy, version: live, run, close } = useActionContext();
  // The version the officer decided on: the one shown when the form opened (issue #17 review). A change in
  // between (another officer, seen through the live stream) gets the server's 409 and the page's stale notice,
  // never a silent send on the new version. After that refusal the form takes the version now on screen.
  const [version, setVersion] = useState(live);
  const form = useForm<Values>({
    defaultValues: defaults,
    resolver: schemaResolver<Values>(caseActionSchemas[action], body),
  });
  const [failure, setFailure] = useState<unknown>(null);
  const names = [...fieldNames, ...Object.keys(defaults)].filter(
    (name): name is Path<Values> => name in defaults || fieldNames.includes(name),
  );
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await run(action, { ...body(values), version });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') setVersion(live);
      setFailure(applyServerErrors(err, form.setError, names));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="case-action" onSubmit={(e) => void submit(e)} noValidate>
        <h3>{title}</h3>
        {children}
        {failure !== null && <ErrorNotice error={failure} />}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {title}
          </button>
          <button type="button" className="button button--secondary" onClick={close}>
            {t('ui.accounts.cancel')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

function ActionText({ name, label, multiline = true }: { name: string; label: string; multiline?: boolean }) {
  const { register } = useFormContext();
  return (
    <Field name={name} id={`action-${name}`} label={label}>
      {(control) =>
        multiline ? <textarea {...control} rows={3} {...register(name)} /> : <input {...control} {...register(name)} />
      }
    </Field>
  );
}

function ActionCheck({ name, label }: { name: string; label: string }) {
  const { register } = useFormContext();
  return (
    <label className="check">
      <input type="checkbox" {...register(name)} /> {label}
    </label>
  );
}

function OutcomeSelect() {
  const t = useT();
  const { register } = useFormContext();
  return (
    <Field name="outcome" id="action-outcome" label={t('field.outcome')}>
      {(control) => (
        <select {...control} {...register('outcome')}>
          <option value="">{t('ui.report.choose')}</option>
          {OUTCOMES.filter((o) => o !== 'duplicate').map((o) => (
            <option key={o} value={o}>
              {t(`outcome.${o}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The units to transfer to or share with: any but the lead unit (asked for when the form opens). */
function UnitSelect({ leadUnitId }: { leadUnitId: string }) {
  const t = useT();
  const { register } = useFormContext();
  const units = useUnitList();
  return (
    <Field name="unitId" id="action-unitId" label={t('field.unitId')}>
      {(control) => (
        <select {...control} {...register('unitId')}>
          <option value="">{t('ui.report.choose')}</option>
          {units.data?.units
            .filter((u) => u.id !== leadUnitId)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({t(`force.${u.force}`)})
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}

function OfficerSelect({ assignable }: { assignable: CaseViewBody['assignable'] }) {
  const t = useT();
  const { register } = useFormContext();
  return (
    <Field name="officerId" id="action-officerId" label={t('field.officerId')}>
      {(control) => (
        <select {...control} {...register('officerId')}>
          <option value="">{t('ui.cases.nobody')}</option>
          {assignable.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Issue #18: the investigating bodies a flagged report can be handed to (open police units with `investigates`). */
function InvestigatorSelect() {
  const t = useT();
  const { register } = useFormContext();
  const units = useUnitList();
  return (
    <Field name="unitId" id="action-unitId" label={t('ui.cases.crime.unit')}>
      {(control) => (
        <select {...control} {...register('unitId')}>
          <option value="">{t('ui.report.choose')}</option>
          {units.data?.units
            .filter((u) => u.investigates)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}

function DecisionSelect() {
  const t = useT();
  const { register } = useFormContext();
  return (
    <Field name="decision" id="action-decision" label={t('field.decision')}>
      {(control) => (
        <select {...control} {...register('decision')}>
          <option value="">{t('ui.report.choose')}</option>
          {PROSECUTION_DECISIONS.map((d) => (
            <option key={d} value={d}>
              {t(`prosecution.${d}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

// Issue #18 (results as data): the resolve form's results, the violation record and the classification.

/** The results of the resolve form: goods type, typical case, the sanction decision (and record), the seized lots. */
function ResultFields({ recorded }: { recorded: Recorded }) {
  const t = useT();
  return (
    <>
      <p className="hint">{t('ui.cases.results_hint')}</p>
      <GoodsSelect name="goodsType" />
      <ActionCheck name="typicalCase" label={t('field.typicalCase')} />
      <fieldset className="case-results-fieldset">
        <legend>{t('field.sanction')}</legend>
        {recorded ? (
          <p className="hint">
            {t('ui.cases.sanction_reuse', {
              no: recorded.recordNo,
              date: formatDate(`${recorded.recordDate}T12:00:00+07:00`),
            })}
          </p>
        ) : (
          <>
            <ActionText name="sanction.recordNo" label={t('field.recordNo')} multiline={false} />
            <DayInput name="sanction.recordDate" label={t('field.recordDate')} />
            <ClockSelect name="sanction.clock" optional />
          </>
        )}
        <ActionText name="sanction.decisionNo" label={t('field.decisionNo')} multiline={false} />
        <DayInput name="sanction.decisionDate" label={t('field.decisionDate')} />
        <SanctionTypes />
        <ActionText name="sanction.fineVnd" label={t('field.fineVnd')} multiline={false} />
      </fieldset>
      <SeizedLots />
    </>
  );
}

function SanctionTypes() {
  const t = useT();
  const { register, formState } = useFormContext<ResolveValues>();
  const error = formState.errors.sanction?.sanctionTypes?.message;
  return (
    <fieldset>
      <legend>{t('field.sanctionTypes')}</legend>
      {SANCTION_TYPES.map((k) => (
        <label key={k} className="check">
          <input type="checkbox" value={k} {...register('sanction.sanctionTypes')} /> {t(`sanction.${k}`)}
        </label>
      ))}
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}

/** The seized lots (at most MAX_SEIZED_LOTS), one row of inputs each (react-hook-form `useFieldArray`). */
function SeizedLots() {
  const t = useT();
  const { control, register, formState } = useFormContext<ResolveValues>();
  const lots = useFieldArray({ control, name: 'seizedGoods' });
  const error = formState.errors.seizedGoods?.message ?? formState.errors.seizedGoods?.root?.message;
  return (
    <fieldset data-testid="seized-lots">
      <legend>{t('field.seizedGoods')}</legend>
      {lots.fields.map((lot, i) => (
        <fieldset key={lot.id} className="case-lot">
          <legend>{t('ui.cases.lot', { n: i + 1 })}</legend>
          <GoodsSelect name={`seizedGoods.${i}.goodsType`} />
          <ActionText name={`seizedGoods.${i}.description`} label={t('field.lotDescription')} multiline={false} />
          <Field name={`seizedGoods.${i}.quantity`} id={`action-lot-${i}-quantity`} label={t('field.quantity')}>
            {(c) => <input {...c} inputMode="decimal" {...register(`seizedGoods.${i}.quantity`)} />}
          </Field>
          <Field name={`seizedGoods.${i}.unit`} id={`action-lot-${i}-unit`} label={t('field.countUnit')}>
            {(c) => <input {...c} {...register(`seizedGoods.${i}.unit`)} />}
          </Field>
          <Field name={`seizedGoods.${i}.valueVnd`} id={`action-lot-${i}-value`} label={t('field.valueVnd')}>
            {(c) => <input {...c} inputMode="numeric" {...register(`seizedGoods.${i}.valueVnd`)} />}
          </Field>
          <button type="button" className="button button--secondary" onClick={() => lots.remove(i)}>
            {t('ui.cases.remove_lot', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      {error && <p className="field__error">{error}</p>}
      {lots.fields.length < MAX_SEIZED_LOTS && (
        <button type="button" className="button button--secondary" onClick={() => lots.append({ ...EMPTY_LOT })}>
          {t('ui.cases.add_lot')}
        </button>
      )}
    </fieldset>
  );
}

function GoodsSelect({ name }: { name: string }) {
  const t = useT();
  const { register } = useFormContext();
  return (
    <Field name={name} id={`action-${name}`} label={t('field.goodsType')}>
      {(control) => (
        <select {...control} {...register(name)}>
          <option value="">{t('ui.cases.no_goods_type')}</option>
          {GOODS_TYPES.map((g) => (
            <option key={g} value={g}>
              {t(`goods.${g}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function ClockSelect({ name, optional = false }: { name: string; optional?: boolean }) {
  const t = useT();
  const { register } = useFormContext();
  return (
    <Field name={name} id={`action-${name}`} label={t('field.clock')}>
      {(control) => (
        <select {...control} {...register(name)}>
          {optional && <option value="">{t('sanctionClock.standard')}</option>}
          {SANCTION_CLOCKS.filter((c) => !optional || c !== 'standard').map((c) => (
            <option key={c} value={c}>
              {t(`sanctionClock.${c}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A day (yyyy-mm-dd, the browser's date input), for the record's and the decision's dates. */
function DayInput({ name, label }: { name: string; label: string }) {
  const { register } = useFormContext();
  return (
    <Field name={name} id={`action-${name}`} label={label}>
      {(control) => <input type="date" {...control} {...register(name)} />}
    </Field>
  );
}
