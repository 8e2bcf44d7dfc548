import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { signInInputSchema } from '../../../shared/schemas/staff';
import { applyServerErrors, schemaResolver } from '../../lib/form';
import { useT } from '../../lib/i18n';
import { useStaffSession } from '../../lib/staffSession';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

type SignIn = { username: string; password: string };

/** Shown at any staff address until the person signs in; the page they asked for follows. */
export function SignInForm() {
  const t = useT();
  useDocumentTitle(t('ui.sign_in.title'));
  const { signIn } = useStaffSession();
  const form = useForm<SignIn>({
    defaultValues: { username: '', password: '' },
    resolver: schemaResolver(signInInputSchema),
  });
  const [failure, setFailure] = useState<unknown>(null);

  const submit = form.handleSubmit(async ({ username, password }) => {
    setFailure(null);
    try {
      await signIn(username, password);
    } catch (err) {
      form.setValue('password', '');
      setFailure(applyServerErrors(err, form.setError, ['username', 'password']));
    }
  });

  return (
    <div className="container narrow">
      <h1>{t('ui.sign_in.title')}</h1>
      <FormProvider {...form}>
        {/* No noValidate: the browser's own "fill this in" speaks first, as it always has here. */}
        <form className="report-form" onSubmit={(e) => void submit(e)}>
          <Field name="username" label={t('field.username')}>
            {(control) => (
              <input
                {...control}
                {...form.register('username')}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                required
              />
            )}
          </Field>
          <Field name="password" label={t('field.password')}>
            {(control) => (
              <input
                {...control}
                {...form.register('password')}
                type="password"
                autoComplete="current-password"
                required
              />
            )}
          </Field>
          {failure !== null && <ErrorNotice error={failure} />}
          <button type="submit" className="button button--primary" disabled={form.formState.isSubmitting}>
            {t('ui.sign_in.submit')}
          </button>
        </form>
      </FormProvider>
    </div>
  );
}
