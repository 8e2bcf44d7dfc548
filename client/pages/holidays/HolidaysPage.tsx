import { useState, type FormEvent } from 'react';
import { isValid, parse } from 'date-fns';
import { ApiError, apiRequest } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useStaffSession } from '../../lib/staffSession';
import { useApiQuery } from '../../lib/useApiQuery';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageLoading } from '../../ui/PageLoading';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

type Holiday = { day: string; kind: 'holiday' | 'workday'; name: string };

/** `23/11/2026` → `2026-11-23`, or null. */
function isoDay(typed: string): string | null {
  const day = parse(typed.trim(), 'd/M/yyyy', new Date());
  if (!isValid(day)) return null;
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}
const shown = (day: string) => day.split('-').reverse().join('/');

/** SPEC.md §5: the holiday calendar deadlines count with; national coordinators keep it. */
export function HolidaysPage() {
  const t = useT();
  useDocumentTitle(t('ui.holidays.title'));
  const { state } = useStaffSession();
  const canEdit =
    state.status === 'signed_in' &&
    state.session.user.role === 'coordinator' &&
    state.session.user.scopeProvinceCode === null;
  const [year, setYear] = useState(new Date().getFullYear());
  const [version, setVersion] = useState(0);
  const list = useApiQuery(
    (signal) => apiRequest<{ holidays: Holiday[] }>('/api/staff/holidays', { query: { year }, signal }),
    [year, version],
  );
  const [draft, setDraft] = useState({ day: '', kind: 'holiday', name: '' });
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [failure, setFailure] = useState<unknown>(null);

  async function change(work: () => Promise<unknown>) {
    setErrors([]);
    setFailure(null);
    try {
      await work();
      setVersion((n) => n + 1);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fields);
      else setFailure(err);
    }
  }
  function add(event: FormEvent) {
    event.preventDefault();
    const day = isoDay(draft.day);
    if (!day) {
      setErrors([{ field: 'day', message: t('ui.holidays.bad_day') }]);
      return;
    }
    void change(async () => {
      await apiRequest(`/api/staff/holidays/${day}`, { method: 'PUT', body: { kind: draft.kind, name: draft.name } });
      setDraft({ day: '', kind: 'holiday', name: '' });
      setYear(Number(day.slice(0, 4)));
    });
  }
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;

  return (
    <div className="container">
      <h1>{t('ui.holidays.title')}</h1>
      <p className="lead">{t('ui.holidays.intro')}</p>
      <div className="field">
        <label htmlFor="year">{t('field.year')}</label>
        <select id="year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[2025, 2026, 2027, 2028].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {failure !== null && <ErrorNotice error={failure} />}
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.retry} />}
      {list.status === 'loading' && <PageLoading />}
      {list.status === 'success' && (
        <div className="table-scroll" role="region" aria-label={t('ui.holidays.title')} tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('field.day')}</th>
                <th scope="col">{t('field.kind')}</th>
                <th scope="col">{t('field.name')}</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{t('ui.accounts.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.data.holidays.map((h) => (
                <tr key={h.day}>
                  <th scope="row">{shown(h.day)}</th>
                  <td>{h.kind === 'holiday' ? t('ui.holidays.kind_holiday') : t('ui.holidays.kind_workday')}</td>
                  <td>{h.name}</td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          void change(() => apiRequest(`/api/staff/holidays/${h.day}`, { method: 'DELETE' }))
                        }
                      >
                        {t('ui.holidays.remove', { day: shown(h.day) })}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <form className="panel report-form" onSubmit={add} noValidate>
          <h2>{t('ui.holidays.add_title')}</h2>
          <div className="field">
            <label htmlFor="holiday-day">{t('field.day')}</label>
            <input
              id="holiday-day"
              value={draft.day}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              onChange={(e) => setDraft({ ...draft, day: e.target.value })}
            />
            {errorOf('day') && <p className="field__error">{errorOf('day')}</p>}
          </div>
          <div className="field">
            <label htmlFor="holiday-kind">{t('field.kind')}</label>
            <select id="holiday-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
              <option value="holiday">{t('ui.holidays.kind_holiday')}</option>
              <option value="workday">{t('ui.holidays.kind_workday')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="holiday-name">{t('field.name')}</label>
            <input
              id="holiday-name"
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
            {errorOf('name') && <p className="field__error">{errorOf('name')}</p>}
          </div>
          <p className="hint">{t('ui.holidays.effect')}</p>
          <button type="submit" className="button button--primary">
            {t('ui.holidays.add')}
          </button>
        </form>
      )}
    </div>
  );
}
