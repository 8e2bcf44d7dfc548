import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { alertPreferencesSchema, type AlertPreferences } from '../../../shared/api/alerts';
import { ALERT_KINDS } from '../../../shared/domain/alerts';
import { schemaResolver } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { QueryResult } from '../../ui/QueryResult';
import { useAlertPreferences, useSaveAlertPreferences } from './account.api';

/** Issue #17: e-mail per alert kind (the bell shows every kind whatever is chosen here). */
export function AlertPreferencesSection() {
  const t = useT();
  const preferences = useAlertPreferences();
  return (
    <section aria-labelledby="alert-preferences-title">
      <h2 id="alert-preferences-title">{t('ui.account.alerts_title')}</h2>
      <p>{t('ui.account.alerts_body')}</p>
      <QueryResult query={preferences}>{(saved) => <AlertPreferencesForm saved={saved} />}</QueryResult>
    </section>
  );
}

function AlertPreferencesForm({ saved }: { saved: AlertPreferences }) {
  const t = useT();
  const save = useSaveAlertPreferences();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<AlertPreferences>({
    values: saved,
    resolver: schemaResolver(alertPreferencesSchema),
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    save.reset();
    try {
      await save.mutateAsync(values);
    } catch (err) {
      // A box cannot hold a wrong value: whatever the server refuses is said above the button.
      setFailure(err);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="report-form" onSubmit={(e) => void submit(e)} noValidate>
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
          {t('ui.account.alerts_submit')}
        </button>
      </form>
    </FormProvider>
  );
}
