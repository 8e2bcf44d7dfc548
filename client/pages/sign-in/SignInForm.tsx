import { useState, type FormEvent } from 'react';
import { useT } from '../../lib/i18n';
import { useStaffSession } from '../../lib/staffSession';
import { apiErrorMessage } from '../../ui/apiErrorMessage';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/** Shown at any staff address until the person signs in; the page they asked for follows. */
export function SignInForm() {
  const t = useT();
  useDocumentTitle(t('ui.sign_in.title'));
  const { signIn } = useStaffSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (err) {
      setError(apiErrorMessage(t, err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="container narrow">
      <h1>{t('ui.sign_in.title')}</h1>
      <form className="report-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="username">{t('field.username')}</label>
          <input
            id="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('field.password')}</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        {error && (
          <div className="notice notice--error" role="alert">
            <p>{error}</p>
          </div>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('ui.sign_in.submit')}
        </button>
      </form>
    </div>
  );
}
