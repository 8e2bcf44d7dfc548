import { useState, type FormEvent } from 'react';
import type { MessageKey } from '../../../shared/i18n/vi';
import { PASSWORD_MIN } from '../../../shared/schemas/staff';
import { ApiError, apiRequest } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useStaffSession } from '../../lib/staffSession';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/** One's own account: who one is, a new password (issue #5), and signing out on every device. */
export function AccountPage() {
  const t = useT();
  useDocumentTitle(t('ui.account.title'));
  const { state, signOut } = useStaffSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [errors, setErrors] = useState<{ field: string; message: string }[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);
  if (state.status !== 'signed_in') return null;
  const { user } = state.session;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    setFailure(null);
    setChanged(false);
    try {
      await apiRequest<void>('/api/staff/password', { method: 'POST', body: { currentPassword, newPassword } });
      setChanged(true);
      setCurrent('');
      setNew('');
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fields);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
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
      <form className="report-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="currentPassword">{t('field.currentPassword')}</label>
          <input
            id="currentPassword"
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.target.value)}
            aria-describedby={errorOf('currentPassword') ? 'currentPassword-error' : undefined}
          />
          {errorOf('currentPassword') && (
            <p id="currentPassword-error" className="field__error">
              {errorOf('currentPassword')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="newPassword">{t('field.newPassword')}</label>
          <input
            id="newPassword"
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.target.value)}
            aria-describedby={`newPassword-hint${errorOf('newPassword') ? ' newPassword-error' : ''}`}
          />
          <p id="newPassword-hint" className="hint">
            {t('ui.account.password_rules', { minimum: PASSWORD_MIN })}
          </p>
          {errors
            .filter((e) => e.field === 'newPassword')
            .map((e) => (
              <p key={e.message} id="newPassword-error" className="field__error">
                {e.message}
              </p>
            ))}
        </div>
        {failure !== null && <ErrorNotice error={failure} />}
        {changed && (
          <p className="notice" role="status">
            {t('ui.account.password_changed')}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('ui.account.password_submit')}
        </button>
      </form>

      <h2>{t('ui.account.sessions_title')}</h2>
      <p>{t('ui.account.sessions_body')}</p>
      <button type="button" className="button button--secondary" onClick={() => void signOut(true)}>
        {t('ui.account.sign_out_everywhere')}
      </button>
    </div>
  );
}
