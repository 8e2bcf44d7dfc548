import { useEffect, useState, type FormEvent } from 'react';
import type { ProvincesResponse, CommunesResponse } from '../../../shared/api/places';
import type { Receipt } from '../../../shared/api/reports';
import type { RoutingPreview } from '../../../shared/api/routing';
import { CATEGORIES } from '../../../shared/domain/categories';
import { PLACE_TYPES } from '../../../shared/domain/place-types';
import { fieldErrors, type FieldError } from '../../../shared/i18n/validation-messages';
import type { MessageKey } from '../../../shared/i18n/vi';
import { DESCRIPTION_MAX, reportInputSchema } from '../../../shared/schemas/report';
import { ApiError, apiRequest } from '../../lib/api';
import { localNow, localToIso } from '../../lib/datetime';
import { currentLanguage, useT } from '../../lib/i18n';
import { postMultipart } from '../../lib/upload';
import { useApiQuery } from '../../lib/useApiQuery';
import { apiErrorMessage } from '../../ui/apiErrorMessage';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { PhotoPicker } from './PhotoPicker';
import { ReceiptView } from './ReceiptView';

type Fields = Record<'category' | 'placeType' | 'provinceCode' | 'communeCode' | 'address' | 'url' | 'observedAt' | 'description' | 'contactName' | 'contactPhone' | 'contactEmail', string>;

const EMPTY: Fields = {
  category: '', placeType: '', provinceCode: '', communeCode: '', address: '', url: '', observedAt: '', description: '',
  contactName: '', contactPhone: '', contactEmail: '',
};

export function ReportPage() {
  const t = useT();
  useDocumentTitle(t('ui.report.title'));
  const [fields, setFields] = useState<Fields>(() => ({ ...EMPTY, observedAt: localNow() }));
  const [photos, setPhotos] = useState<File[]>([]);
  const [communeQuery, setCommuneQuery] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  // A field that is being corrected loses its error at once; the others keep theirs.
  const clearError = (name: string) => setErrors((list) => list.filter((e) => e.field.split('.')[0] !== name));
  const set = (name: keyof Fields) => (value: string) => {
    setFields((f) => ({ ...f, [name]: value }));
    clearError(name);
  };

  const provinces = useApiQuery((signal) => apiRequest<ProvincesResponse>('/api/public/provinces', { signal }), []);
  const communes = useApiQuery(
    fields.provinceCode
      ? (signal) => apiRequest<CommunesResponse>(`/api/public/provinces/${fields.provinceCode}/communes`, { query: { q: communeQuery, limit: 30 }, signal })
      : null,
    [fields.provinceCode, communeQuery],
  );
  const canPreview = fields.category && fields.placeType && /^\d{5}$/.test(fields.communeCode);
  const preview = useApiQuery(
    canPreview
      ? (signal) => apiRequest<RoutingPreview>('/api/public/routing/preview', { method: 'POST', body: { category: fields.category, placeType: fields.placeType, communeCode: fields.communeCode }, signal })
      : null,
    [fields.category, fields.placeType, fields.communeCode, currentLanguage()],
  );
  // Braces matter: Chromium's scrollTo returns a promise, which React would take for a cleanup.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [receipt]);
  // After a refusal, take the reporter to the first field named, wherever it is on a long page.
  useEffect(() => {
    const first = errors[0]?.field.split('.')[0];
    if (!first) return;
    const target = document.getElementById(first) ?? document.querySelector<HTMLElement>(`[name="${first}"]`);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }, [errors]);

  if (receipt) return <ReceiptView receipt={receipt} />;

  const errorOf = (name: string) => errors.find((e) => e.field === name || e.field.startsWith(`${name}.`))?.message;
  const describedBy = (name: string) => (errorOf(name) ? `${name}-error` : undefined);
  const FieldErrorText = ({ name }: { name: string }) =>
    errorOf(name) ? <p id={`${name}-error`} className="field__error">{errorOf(name)}</p> : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const observedAt = localToIso(fields.observedAt);
    const payload = { ...fields, observedAt };
    const checked = reportInputSchema(() => new Date()).safeParse(Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== '')), { reportInput: true });
    if (!checked.success) {
      setErrors(fieldErrors(currentLanguage(), checked.error.issues));
      return;
    }
    setErrors([]);
    const form = new FormData();
    for (const [name, value] of Object.entries(payload)) if (value !== '') form.append(name, value);
    for (const photo of photos) form.append('photos', photo);
    setProgress(0);
    try {
      setReceipt(await postMultipart<Receipt>('/api/public/reports', form, setProgress));
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fields);
      setFailure(apiErrorMessage(t, err));
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="container narrow">
      <h1>{t('ui.report.title')}</h1>
      <p className="lead">{t('ui.report.intro')}</p>
      <form className="report-form" onSubmit={submit} noValidate>
        <fieldset className="field choice-grid">
          <legend>{t('field.category')}</legend>
          {CATEGORIES.map((code) => (
            <label key={code} className={`choice${fields.category === code ? ' choice--selected' : ''}`}>
              <input type="radio" name="category" value={code} checked={fields.category === code} onChange={() => set('category')(code)} />
              <span>{t(`category.${code}` as MessageKey)}</span>
            </label>
          ))}
          <FieldErrorText name="category" />
        </fieldset>

        <fieldset className="field choice-grid">
          <legend>{t('field.placeType')}</legend>
          {PLACE_TYPES.map((code) => (
            <label key={code} className={`choice${fields.placeType === code ? ' choice--selected' : ''}`}>
              <input type="radio" name="placeType" value={code} checked={fields.placeType === code} onChange={() => set('placeType')(code)} />
              <span>{t(`place_type.${code}` as MessageKey)}</span>
            </label>
          ))}
          <FieldErrorText name="placeType" />
        </fieldset>

        <div className="field">
          <label htmlFor="provinceCode">{t('ui.report.province')}</label>
          <select
            id="provinceCode"
            value={fields.provinceCode}
            aria-describedby={describedBy('provinceCode')}
            onChange={(e) => {
              setFields((f) => ({ ...f, provinceCode: e.target.value, communeCode: '' }));
              clearError('provinceCode');
            }}
          >
            <option value="">{t('ui.report.choose')}</option>
            {provinces.status === 'success' && provinces.data.provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
          </select>
          <FieldErrorText name="provinceCode" />
        </div>

        {fields.provinceCode && (
          <div className="field">
            <label htmlFor="communeSearch">{t('ui.report.commune')}</label>
            <input id="communeSearch" type="search" value={communeQuery} placeholder={t('ui.report.commune_search')} onChange={(e) => setCommuneQuery(e.target.value)} autoComplete="off" />
            <select
              id="communeCode"
              aria-label={t('ui.report.commune')}
              value={fields.communeCode}
              aria-describedby={describedBy('communeCode')}
              onChange={(e) => set('communeCode')(e.target.value)}
              size={Math.min(6, Math.max(2, communes.status === 'success' ? communes.data.communes.length + 1 : 2))}
            >
              <option value="">{t('ui.report.choose')}</option>
              {communes.status === 'success' && communes.data.communes.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
            </select>
            <FieldErrorText name="communeCode" />
          </div>
        )}

        {preview.status === 'success' && (
          <section className="notice routing-preview" aria-live="polite">
            <p>
              <strong>{t('ui.report.will_handle')}</strong> {preview.data.lead.unitName}
            </p>
            <p className="hint">{preview.data.explanation}</p>
          </section>
        )}

        <div className="field">
          <label htmlFor="address">{t('field.address')}</label>
          <input id="address" value={fields.address} onChange={(e) => set('address')(e.target.value)} aria-describedby={describedBy('address')} maxLength={300} />
          <FieldErrorText name="address" />
        </div>

        {fields.placeType === 'online' && (
          <div className="field">
            <label htmlFor="url">{t('field.url')}</label>
            <input id="url" type="url" inputMode="url" value={fields.url} onChange={(e) => set('url')(e.target.value)} aria-describedby={describedBy('url')} placeholder="https://" />
            <FieldErrorText name="url" />
          </div>
        )}

        <div className="field">
          <label htmlFor="observedAt">{t('field.observedAt')}</label>
          <input id="observedAt" type="datetime-local" value={fields.observedAt} max={localNow()} onChange={(e) => set('observedAt')(e.target.value)} aria-describedby={describedBy('observedAt')} />
          <FieldErrorText name="observedAt" />
        </div>

        <div className="field">
          <label htmlFor="description">{t('field.description')}</label>
          <textarea id="description" rows={6} value={fields.description} maxLength={DESCRIPTION_MAX} onChange={(e) => set('description')(e.target.value)} aria-describedby={`description-count${errorOf('description') ? ' description-error' : ''}`} />
          <p id="description-count" className="hint">{t('ui.report.counter', { n: fields.description.trim().length, max: DESCRIPTION_MAX })}</p>
          <FieldErrorText name="description" />
        </div>

        <PhotoPicker
          files={photos}
          onChange={(files) => {
            setPhotos(files);
            clearError('photos');
          }}
          error={errorOf('photos')}
        />

        <details className="field contact">
          <summary>{t('ui.report.contact_title')}</summary>
          <p className="hint">{t('ui.report.contact_explain')}</p>
          {(['contactName', 'contactPhone', 'contactEmail'] as const).map((name) => (
            <div key={name} className="field">
              <label htmlFor={name}>{t(`field.${name}`)}</label>
              <input id={name} type={name === 'contactEmail' ? 'email' : name === 'contactPhone' ? 'tel' : 'text'} value={fields[name]} onChange={(e) => set(name)(e.target.value)} aria-describedby={describedBy(name)} />
              <FieldErrorText name={name} />
            </div>
          ))}
        </details>

        {failure && <div className="notice notice--error" role="alert"><p>{failure}</p></div>}
        {progress !== null && (
          <p>
            <label htmlFor="upload-progress">{t('ui.report.sending')}</label>
            <progress id="upload-progress" max={1} value={progress} />
          </p>
        )}
        <button type="submit" className="button button--primary button--large" disabled={progress !== null}>
          {t('ui.report.submit')}
        </button>
        <p className="hint">{t('ui.report.anonymous_note')}</p>
      </form>
    </div>
  );
}
