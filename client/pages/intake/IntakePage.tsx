import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import type { CallSummary, IntakeReceipt } from '../../../shared/api/intake';
import type { CommunesResponse, ProvincesResponse } from '../../../shared/api/places';
import type { RoutingPreview } from '../../../shared/api/routing';
import { CATEGORIES } from '../../../shared/domain/categories';
import { PLACE_TYPES } from '../../../shared/domain/place-types';
import { foldForSearch } from '../../../shared/domain/text';
import { formatPhone } from '../../../shared/i18n/format';
import { fieldErrors, type FieldError } from '../../../shared/i18n/validation-messages';
import type { MessageKey } from '../../../shared/i18n/vi';
import { appendCallInputSchema, intakeReportInputSchema, type TypedPlace } from '../../../shared/schemas/intake';
import { DESCRIPTION_MAX } from '../../../shared/schemas/report';
import { ApiError, apiRequest } from '../../lib/api';
import { TYPED_TIME_FORMAT, typedNow, typedToIso } from '../../lib/datetime';
import { currentLanguage, useT } from '../../lib/i18n';
import { useApiQuery } from '../../lib/useApiQuery';
import { useDebounced } from '../../lib/useDebounced';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SearchSelect, type SearchOption } from '../../ui/SearchSelect';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { intakeApi } from './intake.api';
import { OpenedReport } from './OpenedReport';
import { ReceiptCheck } from './ReceiptCheck';
import { ReadAloudReceipt } from './ReadAloudReceipt';
import { RecentCalls } from './RecentCalls';
import { SidePanel } from './SidePanel';

type TextField =
  | 'line'
  | 'callStartedAt'
  | 'callEndedAt'
  | 'callerNumber'
  | 'category'
  | 'placeType'
  | 'provinceCode'
  | 'communeCode'
  | 'address'
  | 'url'
  | 'sellerHandle'
  | 'observedAt'
  | 'description'
  | 'contactName'
  | 'contactPhone'
  | 'contactEmail';
type Fields = Record<TextField, string> & { callerAnonymous: boolean };

const blank = (line: string): Fields => ({
  line,
  callStartedAt: typedNow(),
  callEndedAt: '',
  callerNumber: '',
  callerAnonymous: false,
  category: '',
  placeType: '',
  provinceCode: '',
  communeCode: '',
  address: '',
  url: '',
  sellerHandle: '',
  observedAt: typedNow(),
  description: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
});

type Stage =
  { kind: 'entering' } | { kind: 'receipt'; receipt: IntakeReceipt } | { kind: 'appended'; call: CallSummary };

/** The call's fields as the API takes them; an empty end time means "now", when the operator saves. */
function callPayload(fields: Fields) {
  return {
    line: fields.line,
    callStartedAt: typedToIso(fields.callStartedAt),
    callEndedAt: fields.callEndedAt ? typedToIso(fields.callEndedAt) : new Date().toISOString(),
    callerNumber: fields.callerAnonymous ? '' : fields.callerNumber,
    callerAnonymous: fields.callerAnonymous,
  };
}

const withoutBlanks = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== ''));

/** Enter moves on to the next field, as Tab does: it never sends a half-typed call. */
function focusNext(from: HTMLElement) {
  const form = from.closest('form');
  if (!form) return;
  const focusable = Array.from(form.querySelectorAll<HTMLElement>('input, select, textarea, button')).filter(
    (el) => !el.hasAttribute('disabled') && el.tabIndex >= 0 && el.offsetParent !== null,
  );
  focusable[focusable.indexOf(from) + 1]?.focus();
}

/**
 * Issue #5, the hotline intake console: built for typing while someone talks. Keyboard only: Enter
 * moves on, Ctrl+Enter saves, Alt+D goes to the duplicates, Alt+N starts a new call, Esc closes an
 * opened report. The side panel shows the lead unit and possible duplicates as the operator types.
 */
export function IntakePage() {
  const t = useT();
  useDocumentTitle(t('ui.intake.title'));
  const lines = useApiQuery((signal) => intakeApi.lines(signal), []);
  const defaultLine = lines.status === 'success' ? (lines.data.lines[0]?.number ?? '') : '';
  const [fields, setFields] = useState<Fields>(() => blank(''));
  const [provinceQuery, setProvinceQuery] = useState('');
  const [communeQuery, setCommuneQuery] = useState('');
  const [communeChoice, setCommuneChoice] = useState<SearchOption | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'entering' });
  const [opened, setOpened] = useState<string | null>(null);
  const [callsVersion, setCallsVersion] = useState(0);
  const firstField = useRef<HTMLSelectElement>(null);
  const saving = useRef(false);

  // Once the lines are known the form is ready: the first field takes the focus (after <main> took
  // it for the navigation), so the operator can start typing at once.
  useEffect(() => {
    if (!defaultLine) return;
    setFields((f) => (f.line ? f : { ...f, line: defaultLine }));
    firstField.current?.focus();
  }, [defaultLine]);

  const set = (name: TextField) => (value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
    setErrors((list) => list.filter((e) => e.field !== name));
  };

  const provinces = useApiQuery((signal) => apiRequest<ProvincesResponse>('/api/public/provinces', { signal }), []);
  const provinceOptions = useMemo(() => {
    if (provinces.status !== 'success') return [];
    const folded = foldForSearch(provinceQuery);
    return provinces.data.provinces
      .filter((p) => foldForSearch(p.name).includes(folded))
      .map((p) => ({ value: p.code, label: p.name }));
  }, [provinces, provinceQuery]);
  const provinceChoice = provinceOptions.find((p) => p.value === fields.provinceCode) ?? null;
  const debouncedCommuneQuery = useDebounced(communeQuery, 150);
  const communes = useApiQuery(
    fields.provinceCode && !communeChoice
      ? (signal) =>
          apiRequest<CommunesResponse>(`/api/public/provinces/${fields.provinceCode}/communes`, {
            query: { q: debouncedCommuneQuery, limit: 12 },
            signal,
          })
      : null,
    [fields.provinceCode, debouncedCommuneQuery, communeChoice === null],
  );
  const communeOptions =
    communes.status === 'success' ? communes.data.communes.map((c) => ({ value: c.code, label: c.name })) : [];

  // SPEC.md §3: an online seller may be known by its province only (issue #14).
  const provinceOnly = fields.placeType === 'online' && !fields.communeCode && Boolean(fields.provinceCode);
  // The place of the call being typed: the server opens the reports its duplicates panel shows with it (issue #15).
  const typedPlace: TypedPlace = fields.communeCode
    ? { communeCode: fields.communeCode }
    : provinceOnly
      ? { provinceCode: fields.provinceCode }
      : {};
  const canRoute = Boolean(fields.category && fields.placeType && (fields.communeCode || provinceOnly));
  const preview = useApiQuery<RoutingPreview>(
    canRoute
      ? (signal) =>
          apiRequest<RoutingPreview>('/api/public/routing/preview', {
            method: 'POST',
            body: withoutBlanks({
              category: fields.category,
              placeType: fields.placeType,
              communeCode: fields.communeCode,
              provinceCode: provinceOnly ? fields.provinceCode : '',
            }),
            signal,
          })
      : null,
    [fields.category, fields.placeType, fields.communeCode, fields.provinceCode, currentLanguage()],
  );
  const searchInput = useDebounced(
    canRoute
      ? JSON.stringify(
          withoutBlanks({
            communeCode: fields.communeCode,
            provinceCode: provinceOnly ? fields.provinceCode : '',
            category: fields.category,
            description: fields.description.trim(),
            url: fields.url.trim(),
            sellerHandle: fields.sellerHandle.trim(),
          }),
        )
      : '',
    400,
  );
  const duplicates = useApiQuery(
    searchInput ? (signal) => intakeApi.duplicates(JSON.parse(searchInput), signal) : null,
    [searchInput, stage.kind],
  );

  const newCall = useCallback(() => {
    setFields(blank(defaultLine));
    setProvinceQuery('');
    setCommuneQuery('');
    setCommuneChoice(null);
    setErrors([]);
    setFailure(null);
    setOpened(null);
    setStage({ kind: 'entering' });
    setTimeout(() => firstField.current?.focus(), 0);
  }, [defaultLine]);

  // Shortcuts anywhere on the page; each is shown next to what it does.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        newCall();
      } else if (event.altKey && event.key.toLowerCase() === 'd') {
        event.preventDefault();
        document.querySelector<HTMLElement>('.duplicates__open, #append-note')?.focus();
      } else if (event.key === 'Escape' && opened) {
        event.preventDefault();
        setOpened(null);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [newCall, opened]);

  // After a refusal, the first field named gets the focus.
  useEffect(() => {
    const first = errors[0]?.field.split('.')[0];
    if (first) document.getElementById(first)?.focus();
  }, [errors]);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    // Ctrl+Enter pressed twice on a slow line must not make two reports.
    if (saving.current) return;
    setFailure(null);
    const payload = withoutBlanks({ ...fields, ...callPayload(fields), observedAt: typedToIso(fields.observedAt) });
    const checked = intakeReportInputSchema(() => new Date()).safeParse(payload, { reportInput: true });
    if (!checked.success) {
      setErrors(fieldErrors(currentLanguage(), checked.error.issues));
      return;
    }
    setErrors([]);
    setBusy(true);
    saving.current = true;
    try {
      const receipt = await intakeApi.enter(payload);
      setStage({ kind: 'receipt', receipt });
      setCallsVersion((n) => n + 1);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fields);
      setFailure(err);
    } finally {
      saving.current = false;
      setBusy(false);
    }
  }

  /** Appends the call on the form to an opened report; returns the refusals to show there. */
  async function append(code: string, note: string): Promise<FieldError[]> {
    const payload = withoutBlanks({ ...callPayload(fields), note });
    const checked = appendCallInputSchema(() => new Date()).safeParse(payload, { reportInput: true });
    if (!checked.success) return fieldErrors(currentLanguage(), checked.error.issues);
    const call = await intakeApi.append(code, typedPlace, payload);
    setStage({ kind: 'appended', call });
    setOpened(null);
    setCallsVersion((n) => n + 1);
    return [];
  }

  function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      void save();
    } else if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) {
      event.preventDefault();
      focusNext(target);
    }
  }

  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const describedBy = (name: string, hint?: string) =>
    [hint, errorOf(name) ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  const ErrorText = ({ name }: { name: string }) =>
    errorOf(name) ? (
      <p id={`${name}-error`} className="field__error">
        {errorOf(name)}
      </p>
    ) : null;
  const input = (name: TextField, props: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={name}>{t(`field.${name}` as MessageKey)}</label>
      <input
        id={name}
        value={fields[name]}
        onChange={(e) => set(name)(e.target.value)}
        aria-invalid={errorOf(name) ? true : undefined}
        aria-describedby={describedBy(name)}
        {...props}
      />
      <ErrorText name={name} />
    </div>
  );
  const select = (
    name: 'line' | 'category' | 'placeType',
    options: { value: string; label: string }[],
    ref?: Ref<HTMLSelectElement>,
  ) => (
    <div className="field">
      <label htmlFor={name}>{t(`field.${name}` as MessageKey)}</label>
      <select
        id={name}
        ref={ref}
        value={fields[name]}
        onChange={(e) => set(name)(e.target.value)}
        aria-invalid={errorOf(name) ? true : undefined}
        aria-describedby={describedBy(name)}
      >
        {name !== 'line' && <option value="">{t('ui.report.choose')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText name={name} />
    </div>
  );

  const lineOptions =
    lines.status === 'success'
      ? lines.data.lines.map((l) => ({
          value: l.number,
          label: `${formatPhone(l.number)} — ${l.provinceName ?? t('ui.intake.national_line')}`,
        }))
      : [];

  return (
    <div className="container container--wide intake">
      <h1>{t('ui.intake.title')}</h1>
      <p className="shortcuts" aria-label={t('ui.intake.shortcuts')}>
        <span>
          <kbd>Enter</kbd> {t('ui.intake.key_next')}
        </span>
        <span>
          <kbd>Ctrl+Enter</kbd> {t('ui.intake.key_save')}
        </span>
        <span>
          <kbd>Alt+D</kbd> {t('ui.intake.key_duplicates')}
        </span>
        <span>
          <kbd>Alt+N</kbd> {t('ui.intake.key_new')}
        </span>
        <span>
          <kbd>Esc</kbd> {t('ui.intake.key_close')}
        </span>
      </p>
      {lines.status === 'error' && <ErrorNotice error={lines.error} onRetry={lines.retry} />}

      <div className="intake__grid">
        <div className="intake__main">
          {stage.kind === 'receipt' && <ReadAloudReceipt receipt={stage.receipt} onNewCall={newCall} />}
          {stage.kind === 'appended' && (
            <section className="read-aloud" aria-labelledby="appended-title">
              <h2 id="appended-title">{t('ui.intake.appended_title', { code: stage.call.trackingCode })}</h2>
              <p>{t('ui.intake.appended_body')}</p>
              <button type="button" className="button button--primary" autoFocus onClick={newCall}>
                {t('ui.intake.new_call')} <kbd>Alt+N</kbd>
              </button>
            </section>
          )}
          {stage.kind === 'entering' && (
            <form
              className="intake-form"
              onSubmit={save}
              onKeyDown={onFormKeyDown}
              noValidate
              aria-labelledby="call-title"
            >
              <fieldset className="intake-form__group">
                <legend id="call-title">{t('ui.intake.call_title')}</legend>
                <div className="intake-form__row">
                  {select('line', lineOptions, firstField)}
                  {input('callStartedAt', {
                    inputMode: 'numeric',
                    placeholder: TYPED_TIME_FORMAT,
                    'aria-describedby': describedBy('callStartedAt', 'time-hint'),
                  })}
                  {input('callEndedAt', {
                    inputMode: 'numeric',
                    placeholder: t('ui.intake.end_placeholder'),
                    'aria-describedby': describedBy('callEndedAt', 'time-hint'),
                  })}
                </div>
                <p id="time-hint" className="hint">
                  {t('ui.intake.time_hint')}
                </p>
                <div className="intake-form__row">
                  {input('callerNumber', {
                    type: 'tel',
                    inputMode: 'tel',
                    disabled: fields.callerAnonymous,
                    placeholder: '0912 345 678',
                  })}
                  <label className="check">
                    <input
                      id="callerAnonymous"
                      type="checkbox"
                      checked={fields.callerAnonymous}
                      onChange={(e) =>
                        setFields((f) => ({
                          ...f,
                          callerAnonymous: e.target.checked,
                          callerNumber: '',
                          contactName: '',
                          contactPhone: '',
                          contactEmail: '',
                        }))
                      }
                    />
                    {t('field.callerAnonymous')}
                  </label>
                </div>
              </fieldset>

              <fieldset className="intake-form__group">
                <legend>{t('ui.intake.report_title')}</legend>
                <div className="intake-form__row">
                  {select(
                    'category',
                    CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}` as MessageKey) })),
                  )}
                  {select(
                    'placeType',
                    PLACE_TYPES.map((p) => ({ value: p, label: t(`place_type.${p}` as MessageKey) })),
                  )}
                </div>
                <div className="intake-form__row">
                  <SearchSelect
                    id="provinceCode"
                    label={t('ui.intake.province')}
                    options={provinceOptions}
                    query={provinceQuery}
                    onQuery={setProvinceQuery}
                    selected={provinceChoice}
                    onSelect={(option) => {
                      setFields((f) => ({ ...f, provinceCode: option?.value ?? '', communeCode: '' }));
                      setCommuneQuery('');
                      setCommuneChoice(null);
                      setErrors((list) => list.filter((e) => e.field !== 'provinceCode'));
                    }}
                    placeholder={t('ui.report.commune_search')}
                    error={errorOf('provinceCode')}
                  />
                  <SearchSelect
                    id="communeCode"
                    label={t('ui.report.commune')}
                    options={communeOptions}
                    query={communeQuery}
                    onQuery={setCommuneQuery}
                    selected={communeChoice}
                    onSelect={(option) => {
                      setCommuneChoice(option);
                      set('communeCode')(option?.value ?? '');
                    }}
                    placeholder={t('ui.report.commune_search')}
                    disabled={!fields.provinceCode}
                    error={errorOf('communeCode')}
                  />
                </div>
                {input('address', { maxLength: 300 })}
                {fields.placeType === 'online' && input('url', { type: 'url', placeholder: 'https://' })}
                {fields.placeType === 'online' && input('sellerHandle', { maxLength: 200 })}
                {input('observedAt', {
                  inputMode: 'numeric',
                  placeholder: TYPED_TIME_FORMAT,
                  'aria-describedby': describedBy('observedAt', 'time-hint'),
                })}
                <div className="field">
                  <label htmlFor="description">{t('field.description')}</label>
                  <textarea
                    id="description"
                    rows={6}
                    value={fields.description}
                    maxLength={DESCRIPTION_MAX}
                    onChange={(e) => set('description')(e.target.value)}
                    aria-invalid={errorOf('description') ? true : undefined}
                    aria-describedby={describedBy('description', 'description-count')}
                  />
                  <p id="description-count" className="hint">
                    {t('ui.report.counter', { n: fields.description.trim().length, max: DESCRIPTION_MAX })}
                  </p>
                  <ErrorText name="description" />
                </div>
              </fieldset>

              {!fields.callerAnonymous && (
                <fieldset className="intake-form__group">
                  <legend>{t('ui.intake.contact_title')}</legend>
                  <p className="hint">{t('ui.intake.contact_hint')}</p>
                  <div className="intake-form__row">
                    {input('contactName')}
                    {input('contactPhone', { type: 'tel', inputMode: 'tel' })}
                    {input('contactEmail', { type: 'email' })}
                  </div>
                </fieldset>
              )}

              {failure !== null && !(failure instanceof ApiError && failure.fields.length > 0) && (
                <ErrorNotice error={failure} />
              )}
              {errors.length > 0 && (
                <div className="notice notice--error" role="alert">
                  <p>{t('error.validation_failed')}</p>
                </div>
              )}
              <button type="submit" className="button button--primary button--large" disabled={busy}>
                {t('ui.intake.save')} <kbd>Ctrl+Enter</kbd>
              </button>
            </form>
          )}
          <RecentCalls refresh={callsVersion} onOpen={setOpened} />
          <ReceiptCheck />
        </div>

        <aside className="intake__side" aria-label={t('ui.intake.side')}>
          {opened ? (
            <OpenedReport
              key={opened}
              code={opened}
              place={typedPlace}
              draftNote={fields.description}
              onAppend={append}
              onClose={() => setOpened(null)}
            />
          ) : (
            stage.kind === 'entering' && <SidePanel preview={preview} duplicates={duplicates} onOpen={setOpened} />
          )}
        </aside>
      </div>
    </div>
  );
}
