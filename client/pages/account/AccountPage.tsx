import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { MessageKey } from '../../../shared/i18n/vi';
import { PASSWORD_MIN, passwordChangeSchema, type PasswordChange } from '../../../shared/schemas/staff';
import { applyServerErrors, schemaResolver } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useStaffSession } from '../../lib/staffSession';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { isAlerted } from '../../lib/alerts.api';
import { useChangePassword } from './account.api';
import { AlertPreferencesSection } from './AlertPreferencesForm';

const EMPTY: PasswordChange = { currentPassword: '', newPassword: '' };

/**
 * One's own account: who one is, a new password (issue #5), which alerts come by e-mail (issue #17), and signing
 * out on every device.
 */
export function AccountPage() {
  const t = useT();
  useDocumentTitle(t('ui.account.title'));
  const { state, signOut } = useStaffSession();
  const change = useChangePassword();
  const form = useForm<PasswordChange>({ defaultValues: EMPTY, resolver: schemaResolver(passwordChangeSchema) });
  const [failure, setFailure] = useState<unknown>(null);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    change.reset();
    try {
      await change.mutateAsync(values);
      form.reset(EMPTY);
    } catch (err) {
      setFailure(applyServerErrors(err, form.setError, ['currentPassword', 'newPassword']));
    }
  });

  if (state.status !== 'signed_in') return null;
  const { user } = state.session;
  return (
    <div className="container narrow">
      <h1>{t('ui.account.title')}</h1>
      <dl className="facts">
        <dt>{t('field.displayName')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('field.username')}</dt>
        <dd>{user.username}</dd>
        <dt>{t('field.role')}</dt>
        <dd>{t(`role.${user.role}` as MessageKey)}</dd>
        {user.unit && (
          <>
            <dt>{t('field.unitId')}</dt>
            <dd>{user.unit.name}</dd>
          </>
        )}
      </dl>

      <h2>{t('ui.account.password_title')}</h2>
      <FormProvider {...form}>
        <form className="report-form" onSubmit={(e) => void submit(e)} noValidate>
          <Field name="currentPassword" label={t('field.currentPassword')}>
            {(control) => (
              <input
                {...control}
                {...form.register('currentPassword')}
                type="password"
                autoComplete="current-password"
              />
            )}
          </Field>
          <Field
            name="newPassword"
            label={t('field.newPassword')}
            hint={t('ui.account.password_rules', { minimum: PASSWORD_MIN })}
          >
            {(control) => (
              <input {...control} {...form.register('newPassword')} type="password" autoComplete="new-password" />
            )}
          </Field>
          {failure !== null && <ErrorNotice error={failure} />}
          {change.isSuccess && (
            <p className="notice" role="status">
              {t('ui.account.password_changed')}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={change.isPending}>
            {t('ui.account.password_submit')}
          </button>
        </form>
      </FormProvider>

      {isAlerted(user.role) && <AlertPreferencesSection />}

      <h2>{t('ui.account.sessions_title')}</h2>
      <p>{t('ui.account.sessions_body')}</p>
      <button type="button" className="button button--secondary" onClick={() => void signOut(true)}>
        {t('ui.account.sign_out_everywhere')}
      </button>
    </div>
  );
}
