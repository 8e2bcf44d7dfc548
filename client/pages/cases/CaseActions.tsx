import { useState, type FormEvent, type ReactNode } from 'react';
import type { CaseViewBody } from '../../../shared/api/cases';
import { OUTCOMES } from '../../../shared/domain/outcomes';
import { formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import { ApiError } from '../../lib/api';
import { typedToIso, TYPED_TIME_FORMAT } from '../../lib/datetime';
import { useT } from '../../lib/i18n';
import { useApiQuery } from '../../lib/useApiQuery';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { casesApi } from './cases.api';

type Contact = { name?: string; phone?: string; email?: string };

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

interface Props {
  report: CaseViewBody;
  onChanged(view: CaseViewBody): void;
  /** Someone else changed the report first: reload it. */
  onStale(): void;
}

/** The actions the server says this viewer may take now, each with the fields it needs. */
export function CaseActions({ report, onChanged, onStale }: Props) {
  const t = useT();
  const [open, setOpen] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string | boolean>>({});
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [contact, setContact] = useState<Contact | null>(null);
  const [busy, setBusy] = useState(false);
  const allowed = new Set(report.allowedActions);
  const needsUnits = allowed.has('transfer.request') || allowed.has('coordinate');
  const units = useApiQuery(needsUnits ? (signal) => casesApi.units(signal) : null, [needsUnits]);

  async function run(action: string, body: Record<string, unknown>) {
    setBusy(true);
    setErrors([]);
    setFailure(null);
    try {
      const view = await casesApi.act(report.trackingCode, action, { version: report.version, ...body });
      if ('contact' in view && view.contact) setContact(view.contact);
      setOpen(null);
      setFields({});
      onChanged(view);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fields);
      else setFailure(err);
      if (err instanceof ApiError && err.code === 'conflict') onStale();
    } finally {
      setBusy(false);
    }
  }

  const str = (name: string) => String(fields[name] ?? '');
  const setField = (name: string) => (value: string | boolean) => setFields((f) => ({ ...f, [name]: value }));
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const text = (name: string, label: string, multiline = true) => (
    <div className="field">
      <label htmlFor={`action-${name}`}>{label}</label>
      {multiline ? (
        <textarea id={`action-${name}`} rows={3} value={str(name)} onChange={(e) => setField(name)(e.target.value)} />
      ) : (
        <input id={`action-${name}`} value={str(name)} onChange={(e) => setField(name)(e.target.value)} />
      )}
      {errorOf(name) && <p className="field__error">{errorOf(name)}</p>}
    </div>
  );
  const unitSelect = (name: string) => (
    <div className="field">
      <label htmlFor={`action-${name}`}>{t('field.unitId')}</label>
      <select id={`action-${name}`} value={str(name)} onChange={(e) => setField(name)(e.target.value)}>
        <option value="">{t('ui.report.choose')}</option>
        {units.status === 'success' &&
          units.data.units
            .filter((u) => u.id !== report.lead.unitId)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({t(`force.${u.force}` as MessageKey)})
              </option>
            ))}
      </select>
      {errorOf(name) && <p className="field__error">{errorOf(name)}</p>}
    </div>
  );
  const form = (key: string, title: string, body: ReactNode, submit: () => Record<string, unknown>, action = key) =>
    open === key && (
      <form
        className="case-action"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void run(action, submit());
        }}
        noValidate
      >
        <h3>{title}</h3>
        {body}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {title}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setOpen(null)}>
            {t('ui.accounts.cancel')}
          </button>
        </div>
      </form>
    );

  const withForm: [string, string][] = [
    ['ask', t('ui.cases.action.ask')],
    ['suspend', t('ui.cases.action.suspend')],
    ['resolve', t('ui.cases.action.resolve')],
    ['extend', t('ui.cases.action.extend')],
    ['transfer.request', t('ui.cases.action.transfer')],
    ['transfer.cancel', t('ui.cases.action.transfer_cancel')],
    ['transfer.accept', t('ui.cases.action.transfer_accept')],
    ['transfer.refuse', t('ui.cases.action.transfer_refuse')],
    ['transfer.decide', t('ui.cases.action.transfer_decide')],
    ['coordinate', t('ui.cases.action.coordinate')],
    ['merge', t('ui.cases.action.merge')],
    ['reveal-contact', t('ui.cases.action.reveal')],
    ['notes', t('ui.cases.action.note')],
    ['assign', t('ui.cases.action.assign')],
  ];

  return (
    <section className="panel case-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('ui.cases.actions')}</h2>
      <div className="button-row">
        {SIMPLE.filter((a) => allowed.has(a)).map((a) => (
          <button
            key={a}
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void run(a, {})}
          >
            {t(`ui.cases.action.${a}` as MessageKey)}
          </button>
        ))}
        {withForm
          .filter(([key]) => allowed.has(key))
          .map(([key, label]) => (
            <button
              key={key}
              type="button"
              className="button button--secondary"
              aria-expanded={open === key}
              onClick={() => {
                setOpen(open === key ? null : key);
                setErrors([]);
              }}
            >
              {label}
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
      {form('ask', t('ui.cases.action.ask'), text('question', t('field.question')), () => ({
        question: str('question'),
      }))}
      {form('suspend', t('ui.cases.action.suspend'), text('reason', t('field.reason')), () => ({
        reason: str('reason'),
      }))}
      {form(
        'resolve',
        t('ui.cases.action.resolve'),
        <>
          <div className="field">
            <label htmlFor="action-outcome">{t('field.outcome')}</label>
            <select id="action-outcome" value={str('outcome')} onChange={(e) => setField('outcome')(e.target.value)}>
              <option value="">{t('ui.report.choose')}</option>
              {OUTCOMES.filter((o) => o !== 'duplicate').map((o) => (
                <option key={o} value={o}>
                  {t(`outcome.${o}` as MessageKey)}
                </option>
              ))}
            </select>
            {errorOf('outcome') && <p className="field__error">{errorOf('outcome')}</p>}
          </div>
          {text('publicOutcome', t('field.publicOutcome'))}
          <p className="hint">{t('ui.cases.public_outcome_hint')}</p>
        </>,
        () => ({ outcome: str('outcome'), publicOutcome: str('publicOutcome') }),
      )}
      {form(
        'extend',
        t('ui.cases.action.extend'),
        <>
          {text('until', t('field.until'), false)}
          <p className="hint">
            {t('ui.cases.extend_hint', {
              format: TYPED_TIME_FORMAT,
              limit: report.deadlines.extensionLimit ? formatDateTime(report.deadlines.extensionLimit) : '—',
            })}
          </p>
          {text('reason', t('field.reason'))}
        </>,
        () => ({ until: extensionUntil(str('until'), report.deadlines.extensionLimit), reason: str('reason') }),
      )}
      {form(
        'transfer.request',
        t('ui.cases.action.transfer'),
        <>
          {unitSelect('unitId')}
          {text('reason', t('field.reason'))}
        </>,
        () => ({ step: 'request', unitId: str('unitId'), reason: str('reason') }),
        'transfer',
      )}
      {form('transfer.cancel', t('ui.cases.action.transfer_cancel'), null, () => ({ step: 'cancel' }), 'transfer')}
      {form('transfer.accept', t('ui.cases.action.transfer_accept'), null, () => ({ step: 'accept' }), 'transfer')}
      {form(
        'transfer.refuse',
        t('ui.cases.action.transfer_refuse'),
        text('reason', t('field.reason')),
        () => ({ step: 'refuse', reason: str('reason') }),
        'transfer',
      )}
      {form(
        'transfer.decide',
        t('ui.cases.action.transfer_decide'),
        <>
          <label className="check">
            <input
              type="checkbox"
              checked={fields.keep === true}
              onChange={(e) => setField('keep')(e.target.checked)}
            />{' '}
            {t('ui.cases.keep_lead')}
          </label>
          {text('reason', t('field.reason'))}
        </>,
        () => ({ step: 'decide', keep: fields.keep === true, reason: str('reason') }),
        'transfer',
      )}
      {form(
        'coordinate',
        t('ui.cases.action.coordinate'),
        <>
          {unitSelect('unitId')}
          {text('reason', t('field.reason'))}
        </>,
        () => ({ unitId: str('unitId'), reason: str('reason') }),
      )}
      {form('merge', t('ui.cases.action.merge'), text('into', t('field.into'), false), () => ({ into: str('into') }))}
      {form(
        'reveal-contact',
        t('ui.cases.action.reveal'),
        <>
          {text('reason', t('field.reason'))}
          <p className="hint">{t('ui.cases.reveal_hint')}</p>
        </>,
        () => ({ reason: str('reason') }),
      )}
      {form(
        'assign',
        t('ui.cases.action.assign'),
        <div className="field">
          <label htmlFor="action-officerId">{t('field.officerId')}</label>
          <select
            id="action-officerId"
            value={fields.officerId === undefined ? (report.assignedTo?.id ?? '') : str('officerId')}
            onChange={(e) => setField('officerId')(e.target.value)}
          >
            <option value="">{t('ui.cases.nobody')}</option>
            {report.assignable.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          {errorOf('officerId') && <p className="field__error">{errorOf('officerId')}</p>}
        </div>,
        () => ({ officerId: (fields.officerId === undefined ? report.assignedTo?.id : str('officerId')) || null }),
      )}
      {form(
        'notes',
        t('ui.cases.action.note'),
        <>
          {text('text', t('field.text'))}
          <label className="check">
            <input
              type="checkbox"
              checked={fields.shared === true}
              onChange={(e) => setField('shared')(e.target.checked)}
            />{' '}
            {t('field.shared')}
          </label>
        </>,
        () => ({ text: str('text'), shared: fields.shared === true }),
      )}
    </section>
  );
}
