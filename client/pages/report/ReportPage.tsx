import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { useBlocker } from 'react-router';
import type { CommunesResponse, ProvincesResponse } from '../../../shared/api/places';
import type { RoutingPreview } from '../../../shared/api/routing';
import { CATEGORIES } from '../../../shared/domain/categories';
import { FORCES } from '../../../shared/domain/forces';
import { PLACE_TYPES } from '../../../shared/domain/place-types';
import { GOODS_TYPES } from '../../../shared/domain/results';
import { formatDateTime } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/vi';
import { DESCRIPTION_MAX, reportInputSchema, SELLER_HANDLE_MAX } from '../../../shared/schemas/report';
import { apiRequest } from '../../lib/api';
import { applyServerErrors, schemaResolver } from '../../lib/form';
import { currentLanguage, useT } from '../../lib/i18n';
import { useDebounced } from '../../lib/useDebounced';
import { apiErrorMessage } from '../../ui/apiErrorMessage';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { ReportPhotos } from './ReportPhotos';
import { PhotoUploads } from './PhotoUploads';
import { ReceiptView } from './ReceiptView';
import { SendNotice } from './SendNotice';
import {
  FORM_FIELDS,
  communeToChoose,
  emptyForm,
  errorSummary,
  hasContent,
  localNow,
  toPayload,
  type FormField,
  type ReportFormValues,
} from './report-form';
import { reportSender } from './report-sender';
import {
  deleteReport,
  loadReport,
  newKey,
  newReport,
  saveReport,
  toOutbox,
  type StoredPhoto,
  type StoredReport,
} from './report-store';

/** The form is checked by the shared schema the server uses, on the values as they will be sent (issue #16). */
const reportResolver = () =>
  schemaResolver<ReportFormValues>(
    reportInputSchema(() => new Date()),
    toPayload,
  );

/** The input a summary link takes the reporter to. */
function focusField(target: FormField | 'photos') {
  const id = target === 'communeCode' ? 'communeSearch' : target;
  const element = document.getElementById(id) ?? document.querySelector<HTMLElement>(`[name="${target}"]`);
  element?.focus();
  element?.scrollIntoView({ block: 'center' });
}

type Phase = { kind: 'loading' } | { kind: 'offer'; draft: StoredReport } | { kind: 'form' };

export function ReportPage() {
  const t = useT();
  useDocumentTitle(t('ui.report.title'));
  const sender = reportSender();
  const sending = useSyncExternalStore(sender.subscribe, sender.getState);
  const [phase, setPhase] = useState<Phase>(() => (sender.getState().report ? { kind: 'form' } : { kind: 'loading' }));
  const [draft, setDraft] = useState<StoredReport>(
    () => sender.getState().report ?? newReport(newKey(), emptyForm(localNow()), new Date()),
  );
  const [photos, setPhotos] = useState<StoredPhoto[]>(() => sender.getState().report?.photos ?? []);
  const [shrinking, setShrinking] = useState(false);
  const [communeQuery, setCommuneQuery] = useState(() => sender.getState().report?.communeQuery ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const [resolver] = useState(reportResolver);
  const form = useForm<ReportFormValues>({
    defaultValues: draft.values,
    resolver,
    shouldFocusError: false,
    reValidateMode: 'onChange',
  });
  const { register, formState, setValue, getValues, setError, reset, watch } = form;
  const values = watch();
  const stage = sending.report?.stage;
  const writing = phase.kind === 'form' && stage !== 'outbox' && stage !== 'sent';
  const dirty = writing && hasContent(values, photos.length);

  // On arrival: a report left in the outbox or with photos still to send goes on by itself; a draft is offered back.
  useEffect(() => {
    if (phase.kind !== 'loading') return;
    let live = true;
    void loadReport().then((stored) => {
      if (!live) return;
      if (stored && stored.stage !== 'draft') {
        void sender.send(stored);
        setPhase({ kind: 'form' });
      } else if (stored && hasContent(stored.values, stored.photos.length)) {
        setPhase({ kind: 'offer', draft: stored });
      } else {
        setPhase({ kind: 'form' });
      }
    });
    return () => {
      live = false;
    };
  }, [phase.kind, sender]);

  // The draft follows every change, photos included, a moment after typing stops.
  const debouncedValues = useDebounced(values, 400);
  useEffect(() => {
    if (!writing) return;
    // The form's values now, not the debounced copy: a photo added right after "continue" must not
    // save the empty values the debounce still holds over the draft's.
    const current = getValues();
    if (!hasContent(current, photos.length)) return;
    void saveReport({ ...draft, values: current, photos, communeQuery, savedAt: new Date().toISOString() });
  }, [JSON.stringify(debouncedValues), photos, communeQuery, writing]);

  // A refusal from the server comes back to the form, each message at its field.
  useEffect(() => {
    const refusal = sending.refusal;
    if (!refusal || stage !== 'draft' || !sending.report) return;
    setDraft(sending.report);
    setFailure(apiErrorMessage(t, refusal));
    applyServerErrors(refusal, setError, FORM_FIELDS);
    summaryRef.current?.focus();
  }, [sending.refusal]);

  // After a refused submit the summary next to the button takes the focus and reads the errors out.
  useEffect(() => {
    if (formState.submitCount > 0 && Object.keys(formState.errors).length > 0) summaryRef.current?.focus();
  }, [formState.submitCount]);

  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  // The notice box is asked with an e-mail only: cleared with the address, it does not come back ticked for another.
  const noEmail = values.contactEmail.trim() === '';
  useEffect(() => {
    if (noEmail && getValues('reporterNotice') === 'true') setValue('reporterNotice', '', { shouldDirty: true });
  }, [noEmail, getValues, setValue]);

  const category = values.category;
  const placeType = values.placeType;
  const provinceCode = values.provinceCode;
  const communeCode = values.communeCode;
  const online = placeType === 'online';

  const provinces = useQuery({
    queryKey: ['provinces'],
    queryFn: ({ signal }) => apiRequest<ProvincesResponse>('/api/public/provinces', { signal }),
    staleTime: Infinity,
  });
  const searched = useDebounced(communeQuery, 250);
  const communes = useQuery({
    queryKey: ['communes', provinceCode, searched],
    queryFn: ({ signal }) =>
      apiRequest<CommunesResponse>(`/api/public/provinces/${provinceCode}/communes`, {
        query: { q: searched, limit: 30 },
        signal,
      }),
    enabled: /^\d{2}$/.test(provinceCode),
    staleTime: Infinity,
  });
  const communeList = communes.data?.communes ?? [];
  // The only match, or the exact name, is chosen as the reporter types: no blur, no extra tap (issue #14).
  useEffect(() => {
    if (!communes.data || searched !== communeQuery || !searched.trim()) return;
    const choice = communeToChoose(searched, communes.data.communes);
    const current = getValues('communeCode');
    if (choice && choice.code !== current)
      setValue('communeCode', choice.code, { shouldValidate: formState.isSubmitted, shouldDirty: true });
    else if (!choice && current && !communes.data.communes.some((c) => c.code === current))
      setValue('communeCode', '', { shouldDirty: true });
  }, [communes.data, searched]);
  const chosenCommune = communeList.find((c) => c.code === communeCode);

  const previewBody =
    category && placeType
      ? /^\d{5}$/.test(communeCode)
        ? { category, placeType, communeCode }
        : online && /^\d{2}$/.test(provinceCode)
          ? { category, placeType, provinceCode }
          : null
      : null;
  const preview = useQuery({
    queryKey: ['routing-preview', previewBody, currentLanguage()],
    queryFn: ({ signal }) =>
      apiRequest<RoutingPreview>('/api/public/routing/preview', { method: 'POST', body: previewBody, signal }),
    enabled: previewBody !== null,
    retry: false,
    staleTime: 60_000,
  });

  // A report fully sent is forgotten when the reporter leaves the page: coming back starts a new one.
  useEffect(() => () => sender.forgetIfDone(), [sender]);
  // "Seen" only once the receipt is on screen (this effect runs after the commit that drew it): a report sent but
  // not yet drawn (or whose receipt is still missing) stays unseen and is shown again on the next visit.
  const receiptShown = stage === 'sent' && Boolean(sending.report?.receipt);
  useEffect(() => {
    if (receiptShown) void sender.markReceiptSeen();
  }, [receiptShown, sending.report?.receiptSeen, sender]);

  if (stage === 'sent' && sending.report?.receipt) {
    const uploads = sending.report.uploads ?? [];
    const busy = uploads.some((u) => u.status === 'sending');
    const pending = uploads.some((u) => u.status !== 'sent' && u.status !== 'refused');
    return (
      <ReceiptView receipt={sending.report.receipt} provinceCode={sending.report.values.provinceCode}>
        <PhotoUploads uploads={uploads} rate={sending.rate} />
        {pending && <SendNotice state={sending} sender={sender} busy={busy} />}
      </ReceiptView>
    );
  }

  if (stage === 'outbox') {
    const busy = sending.text === 'sending';
    return (
      <div className="container narrow">
        <h1>{t('ui.report.title')}</h1>
        <section className="outbox" aria-labelledby="outbox-title">
          <h2 id="outbox-title">{busy ? t('ui.outbox.sending') : t('ui.outbox.title')}</h2>
          {!busy && !navigator.onLine && <p>{t('ui.outbox.offline')}</p>}
          <SendNotice state={sending} sender={sender} busy={busy} />
        </section>
      </div>
    );
  }

  if (phase.kind === 'loading')
    return (
      <div className="container narrow">
        <h1>{t('ui.report.title')}</h1>
      </div>
    );

  if (phase.kind === 'offer') {
    const stored = phase.draft;
    return (
      <div className="container narrow">
        <h1>{t('ui.report.title')}</h1>
        <section className="notice draft-offer" aria-labelledby="draft-offer-title">
          <h2 id="draft-offer-title">{t('ui.report.draft_title')}</h2>
          <p>{t('ui.report.draft_saved_at', { at: formatDateTime(stored.savedAt), photos: stored.photos.length })}</p>
          <p className="report-actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setDraft(stored);
                setPhotos(stored.photos);
                setCommuneQuery(stored.communeQuery ?? '');
                reset(stored.values);
                setPhase({ kind: 'form' });
              }}
            >
              {t('ui.report.draft_continue')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                void deleteReport();
                setPhase({ kind: 'form' });
              }}
            >
              {t('ui.report.draft_delete')}
            </button>
          </p>
        </section>
      </div>
    );
  }

  const errors: FieldErrors<ReportFormValues> = formState.errors;
  const summary = errorSummary(
    FORM_FIELDS.flatMap((f) => (errors[f]?.message ? [{ field: f, message: errors[f].message }] : [])),
  );
  const errorId = (name: FormField) => (errors[name] ? `${name}-error` : undefined);
  const invalid = (name: FormField, hint?: string) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [hint, errorId(name)].filter(Boolean).join(' ') || undefined,
  });
  const ErrorText = ({ name }: { name: FormField }) =>
    errors[name]?.message ? (
      <p id={`${name}-error`} className="field__error">
        {errors[name].message}
      </p>
    ) : null;

  const submit = form.handleSubmit(async () => {
    setFailure(null);
    const current = getValues();
    const outbox = toOutbox({ ...draft, values: current, photos, communeQuery }, toPayload(current), new Date());
    await sender.send(outbox);
  });

  return (
    <div className="container narrow">
      <h1>{t('ui.report.title')}</h1>
      <p className="lead">{t('ui.report.intro')}</p>
      <p className="hint">{t('ui.report.draft_kept')}</p>
      <form className="report-form" onSubmit={(e) => void submit(e)} noValidate>
        {/* Issue #18: a tip about officials goes to the Standing Office of the Steering Committee 389: asked first,
            before any field that would announce a unit (issue #18 review). */}
        <div className="field">
          <label className="choice">
            <input type="checkbox" id="misconduct" {...register('misconduct')} aria-describedby="misconduct-hint" />
            <span>{t('field.misconduct')}</span>
          </label>
          <p id="misconduct-hint" className="hint">
            {t('ui.report.misconduct_hint')}
          </p>
          {values.misconduct && (
            <>
              <label htmlFor="implicatedForce">{t('field.implicatedForce')}</label>
              <select id="implicatedForce" {...register('implicatedForce')} {...invalid('implicatedForce')}>
                <option value="">{t('ui.report.implicated_unknown')}</option>
                {FORCES.map((f) => (
                  <option key={f} value={f}>
                    {t(`force.${f}`)}
                  </option>
                ))}
              </select>
              <ErrorText name="implicatedForce" />
            </>
          )}
        </div>

        <fieldset className="field choice-grid">
          <legend>{t('field.category')}</legend>
          {CATEGORIES.map((code) => (
            <label key={code} className={`choice${category === code ? ' choice--selected' : ''}`}>
              <input type="radio" value={code} {...register('category')} {...invalid('category')} />
              <span>{t(`category.${code}` as MessageKey)}</span>
            </label>
          ))}
          <ErrorText name="category" />
        </fieldset>

        {/* Issue #18: optional; the officer sets or corrects it. */}
        <div className="field">
          <label htmlFor="goodsType">{t('ui.report.goods_type_optional')}</label>
          <select id="goodsType" {...register('goodsType')} {...invalid('goodsType')}>
            <option value="">{t('ui.report.choose')}</option>
            {GOODS_TYPES.map((code) => (
              <option key={code} value={code}>
                {t(`goods.${code}`)}
              </option>
            ))}
          </select>
          <ErrorText name="goodsType" />
        </div>

        <fieldset className="field choice-grid">
          <legend>{t('field.placeType')}</legend>
          {PLACE_TYPES.map((code) => (
            <label key={code} className={`choice${placeType === code ? ' choice--selected' : ''}`}>
              <input type="radio" value={code} {...register('placeType')} {...invalid('placeType')} />
              <span>{t(`place_type.${code}` as MessageKey)}</span>
            </label>
          ))}
          <ErrorText name="placeType" />
        </fieldset>

        <div className="field">
          <label htmlFor="provinceCode">{t('ui.report.province')}</label>
          <select
            id="provinceCode"
            {...register('provinceCode', {
              onChange: () => {
                setValue('communeCode', '');
                setCommuneQuery('');
              },
            })}
            {...invalid('provinceCode')}
          >
            <option value="">{t('ui.report.choose')}</option>
            {provinces.data?.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
          <ErrorText name="provinceCode" />
        </div>

        {/^\d{2}$/.test(provinceCode) && (
          <div className="field">
            <label htmlFor="communeSearch">{online ? t('ui.report.commune_optional') : t('ui.report.commune')}</label>
            <input
              id="communeSearch"
              type="search"
              value={communeQuery}
              placeholder={t('ui.report.commune_search')}
              onChange={(e) => setCommuneQuery(e.target.value)}
              autoComplete="off"
              enterKeyHint="search"
              {...invalid('communeCode', 'commune-chosen')}
            />
            <select
              id="communeCode"
              aria-label={online ? t('ui.report.commune_optional') : t('ui.report.commune')}
              size={Math.min(6, Math.max(2, communeList.length + 1))}
              {...register('communeCode')}
              {...invalid('communeCode')}
            >
              <option value="">{t('ui.report.choose')}</option>
              {communeList.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
            <p id="commune-chosen" className="hint" role="status">
              {chosenCommune
                ? t('ui.report.commune_chosen', { name: chosenCommune.name })
                : communes.isSuccess && searched.trim() && communeList.length === 0
                  ? t('ui.report.commune_none')
                  : ''}
            </p>
            <ErrorText name="communeCode" />
          </div>
        )}

        {/* Issue #18: a tip about officials announces no unit. */}
        {preview.isSuccess && !values.misconduct && (
          <section className="notice routing-preview" aria-live="polite">
            <p>
              <strong>{t('ui.report.will_handle')}</strong> {preview.data.lead.unitName}
            </p>
            {/* Built from the unit names, not the server's explanation: no rule key can reach a citizen. */}
            {preview.data.coordinating.length > 0 && (
              <p className="hint">
                {t('routing.explain.coordinating', {
                  units: preview.data.coordinating.map((u) => u.unitName).join(', '),
                })}
              </p>
            )}
          </section>
        )}

        <div className="field">
          <label htmlFor="address">{online ? t('ui.report.address_optional') : t('field.address')}</label>
          <input id="address" maxLength={300} {...register('address')} {...invalid('address')} />
          <ErrorText name="address" />
        </div>

        {online && (
          <fieldset className="field">
            <legend className="hint" id="url-or-handle">
              {t('ui.report.url_or_handle')}
            </legend>
            <div className="field">
              <label htmlFor="url">{t('field.url')}</label>
              <input
                id="url"
                type="url"
                inputMode="url"
                placeholder="https://"
                {...register('url')}
                {...invalid('url')}
              />
              <ErrorText name="url" />
            </div>
            <div className="field">
              <label htmlFor="sellerHandle">{t('ui.report.seller_handle')}</label>
              <input
                id="sellerHandle"
                maxLength={SELLER_HANDLE_MAX}
                {...register('sellerHandle')}
                {...invalid('sellerHandle')}
              />
              <ErrorText name="sellerHandle" />
            </div>
          </fieldset>
        )}

        <div className="field">
          <label htmlFor="observedAt">{t('field.observedAt')}</label>
          <input
            id="observedAt"
            type="datetime-local"
            max={localNow()}
            {...register('observedAt')}
            {...invalid('observedAt')}
          />
          <ErrorText name="observedAt" />
        </div>

        <div className="field">
          <label className="choice">
            <input type="checkbox" id="urgent" {...register('urgent')} aria-describedby="urgent-hint" />
            <span>{t('ui.report.urgent')}</span>
          </label>
          <p id="urgent-hint" className="hint">
            {t('ui.report.urgent_hint')}
          </p>
        </div>

        <div className="field">
          <label htmlFor="description">{t('field.description')}</label>
          <textarea
            id="description"
            rows={6}
            maxLength={DESCRIPTION_MAX}
            {...register('description')}
            {...invalid('description', 'description-count')}
          />
          <p id="description-count" className="hint">
            {t('ui.report.counter', { n: values.description.trim().length, max: DESCRIPTION_MAX })}
          </p>
          <ErrorText name="description" />
        </div>

        <ReportPhotos photos={photos} onChange={setPhotos} shrinking={shrinking} onShrinking={setShrinking} />

        <details
          className="field contact"
          open={
            Boolean(errors.contactName || errors.contactPhone || errors.contactEmail || errors.reporterNotice) ||
            undefined
          }
        >
          <summary>{t('ui.report.contact_title')}</summary>
          <p className="hint">{t('ui.report.contact_explain')}</p>
          {(['contactName', 'contactPhone', 'contactEmail'] as const).map((name) => (
            <div key={name} className="field">
              <label htmlFor={name}>{t(`field.${name}`)}</label>
              <input
                id={name}
                type={name === 'contactEmail' ? 'email' : name === 'contactPhone' ? 'tel' : 'text'}
                {...register(name)}
                {...invalid(name)}
              />
              <ErrorText name={name} />
            </div>
          ))}
          {values.contactEmail.trim() !== '' && (
            <div className="field field--check">
              <label htmlFor="reporterNotice">
                <input
                  id="reporterNotice"
                  type="checkbox"
                  checked={values.reporterNotice === 'true'}
                  onChange={(e) =>
                    form.setValue('reporterNotice', e.target.checked ? 'true' : '', { shouldDirty: true })
                  }
                  {...invalid('reporterNotice')}
                />{' '}
                {t('field.reporterNotice')}
              </label>
              <ErrorText name="reporterNotice" />
            </div>
          )}
        </details>

        <div
          ref={summaryRef}
          tabIndex={-1}
          className="error-summary-slot"
          aria-labelledby={summary.length > 0 || failure ? 'error-summary-title' : undefined}
        >
          {(summary.length > 0 || failure) && (
            <div className="notice notice--error error-summary" role="alert">
              <p id="error-summary-title">
                <strong>{failure ?? t('ui.report.errors_title', { n: summary.length })}</strong>
              </p>
              {summary.length > 0 && (
                <ul>
                  {summary.map((e) => (
                    <li key={`${e.target ?? ''}-${e.message}`}>
                      {e.target ? (
                        <a
                          href={`#${e.target === 'communeCode' ? 'communeSearch' : e.target}`}
                          onClick={(event) => {
                            event.preventDefault();
                            focusField(e.target as FormField);
                          }}
                        >
                          {e.message}
                        </a>
                      ) : (
                        e.message
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
        {/* A photo picked a moment ago is still being made smaller: sending now would leave it out. */}
        {shrinking && (
          <p className="hint" id="submit-waits">
            {t('ui.report.shrinking')}
          </p>
        )}
        <button
          type="submit"
          className="button button--primary button--large"
          disabled={formState.isSubmitting || shrinking}
          aria-describedby={shrinking ? 'submit-waits' : undefined}
        >
          {t('ui.report.submit')}
        </button>
        <p className="hint">{t('ui.report.anonymous_note')}</p>
      </form>

      {blocker.state === 'blocked' && (
        <div
          className="leave-dialog"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="leave-title"
          aria-describedby="leave-text"
        >
          <div className="notice">
            <h2 id="leave-title">{t('ui.report.leave_title')}</h2>
            <p id="leave-text">{t('ui.report.leave_text')}</p>
            <p className="report-actions">
              <button type="button" className="button button--primary" autoFocus onClick={() => blocker.reset()}>
                {t('ui.report.leave_stay')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => blocker.proceed()}>
                {t('ui.report.leave_go')}
              </button>
            </p>
          </div>
        </div>
      )}
    </div>
  );
}
