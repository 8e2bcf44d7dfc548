import { useState } from 'react';
import { isValid, parse } from 'date-fns';
import { FormProvider, useForm } from 'react-hook-form';
import { z } from 'zod';
import { holidayInputSchema } from '../../../shared/schemas/holidays';
import { applyServerErrors, schemaResolver } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useStaffSession } from '../../lib/staffSession';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { QueryResult } from '../../ui/QueryResult';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { type Holiday, useHolidays, useRemoveHoliday, useSaveHoliday } from './holidays.api';

/** `23/11/2026` → `2026-11-23`, or null. */
function isoDay(typed: string): string | null {
  const day = parse(typed.trim(), 'd/M/yyyy', new Date());
  if (!isValid(day)) return null;
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}
const shown = (day: string) => day.split('-').reverse().join('/');

/**
 * The server's checks (the body's, and the day's, a path parameter) on the day as sent; the day is typed the
 * Vietnamese way, so a day that does not read as dd/mm/yyyy says so in those words.
 */
const holidayFormSchema = holidayInputSchema.extend({
  day: z.string().refine((typed) => isoDay(typed) !== null, { params: { key: 'ui.holidays.bad_day' }, abort: true }),
});
type HolidayForm = { day: string; kind: Holiday['kind']; name: string };
const dayOf = (values: HolidayForm) => isoDay(values.day) ?? '';
const EMPTY: HolidayForm = { day: '', kind: 'holiday', name: '' };

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
  const list = useHolidays(year);
  const save = useSaveHoliday();
  const remove = useRemoveHoliday();
  const form = useForm<HolidayForm>({ defaultValues: EMPTY, resolver: schemaResolver(holidayFormSchema) });
  const [failure, setFailure] = useState<unknown>(null);

  const add = form.handleSubmit(async (values) => {
    setFailure(null);
    const day = dayOf(values);
    try {
      await save.mutateAsync({ ...values, day });
      form.reset(EMPTY);
      setYear(Number(day.slice(0, 4)));
    } catch (err) {
      setFailure(applyServerErrors(err, form.setError, ['day', 'kind', 'name']));
    }
  });
  function removeDay(day: string) {
    setFailure(null);
    remove.mutate(day, { onError: setFailure });
  }

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
      <QueryResult query={list}>
        {({ holidays }) => (
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
                {holidays.map((h) => (
                  <tr key={h.day}>
                    <th scope="row">{shown(h.day)}</th>
                    <td>{h.kind === 'holiday' ? t('ui.holidays.kind_holiday') : t('ui.holidays.kind_workday')}</td>
                    <td>{h.name}</td>
                    {canEdit && (
                      <td>
                        <button type="button" className="link-button" onClick={() => removeDay(h.day)}>
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
      </QueryResult>
      {canEdit && (
        <FormProvider {...form}>
          <form className="panel report-form" onSubmit={(e) => void add(e)} noValidate>
            <h2>{t('ui.holidays.add_title')}</h2>
            <Field name="day" id="holiday-day" label={t('field.day')}>
              {(control) => (
                <input {...control} {...form.register('day')} placeholder="dd/mm/yyyy" inputMode="numeric" />
              )}
            </Field>
            <Field name="kind" id="holiday-kind" label={t('field.kind')}>
              {(control) => (
                <select {...control} {...form.register('kind')}>
                  <option value="holiday">{t('ui.holidays.kind_holiday')}</option>
                  <option value="workday">{t('ui.holidays.kind_workday')}</option>
                </select>
              )}
            </Field>
            <Field name="name" id="holiday-name" label={t('field.name')}>
              {(control) => <input {...control} {...form.register('name')} />}
            </Field>
            <p className="hint">{t('ui.holidays.effect')}</p>
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {t('ui.holidays.add')}
            </button>
          </form>
        </FormProvider>
      )}
    </div>
  );
}
