import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { AlertPreferences } from '../../../shared/api/alerts';
import { ALERT_KINDS } from '../../../shared/domain/alerts';
import { applyServerErrors } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { QueryResult } from '../../ui/QueryResult';
import { useAlertPreferences, useSaveAlertPreferences } from './account.api';

/** Issue #17: e-mail per alert kind (the bell shows every kind whatever is chosen here). */
export function AlertPreferencesSection() {
  const t = useT();
  const preferences = useAlertPreferences();
  return (
    <section aria-labelledby="alert-preferences-title">
      <h2 id="alert-preferences-title">{t('ui.account.alerts_title')}</h2>
      <QueryResult query={preferences}>{(saved) => <AlertPreferencesForm saved={saved} />}</QueryResult>
    </section>
  );
}

/** The form holds the address as typed; an empty box is sent as "no address" (null). */
type PreferencesForm = Omit<AlertPreferences, 'address'> & { address: string };
const toPayload = ({ email, address }: PreferencesForm): AlertPreferences => ({
  email,
  address: address.trim() || null,
});

function AlertPreferencesForm({ saved }: { saved: AlertPreferences }) {
  const t = useT();
  const save = useSaveAlertPreferences();
  const [failure, setFailure] = useState<unknown>(null);
  // No schema in the browser: boxes cannot hold a wrong value, and the address is the server's to check (its
  // refusal comes back to the field). The response schema's z.record would also cost the citizen pages ~1 KB: zod
  // lives in the chunk they share with the staff area (tests/api/client-shell.test.ts).
  const form = useForm<PreferencesForm>({ values: { email: saved.email, address: saved.address ?? '' } });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    save.reset();
    try {
      await save.mutateAsync(toPayload(values));
    } catch (err) {
      setFailure(applyServerErrors(err, form.setError, ['address']));
    }
  });
  return (
    <FormProvider {...form}>
      <form className="report-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field name="address" id="alert-address" label={t('ui.account.alerts_address')}>
          {(control) => <input {...control} {...form.register('address')} type="email" autoComplete="email" />}
        </Field>
        <fieldset className="alert-preferences">
          <legend>{t('ui.account.alerts_email')}</legend>
          {ALERT_KINDS.map((kind) => (
            <label key={kind} className="check check--inline">
              <input type="checkbox" {...form.register(`email.${kind}`)} /> {t(`alert.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
        {failure !== null && <ErrorNotice error={failure} />}
        {save.isSuccess && (
          <p className="notice" role="status">
            {t('ui.account.alerts_saved')}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('ui.accounts.save')}
        </button>
      </form>
    </FormProvider>
  );
}
