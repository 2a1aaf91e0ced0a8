import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { Field } from '../components/Field.tsx';
import { ErrorMessage, usePageTitle } from '../components/States.tsx';
import { usePortalI18n } from '../i18n/index.tsx';

/** Where to go after signing in: a page of this site named by `next`, else the account page. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/open/account';
}

/** Sign in (/open/login) with the platform's own login (POST /auth/login, a session cookie). */
export default function LoginPage() {
  const { t } = usePortalI18n();
  usePageTitle(t('login.title'));
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const registered = params.get('registered');
  const [username, setUsername] = useState(registered ?? '');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const empty = {
      ...(username.trim() ? {} : { username: t('register.error.required') }),
      ...(password ? {} : { password: t('register.error.required') }),
    };
    setMissing(empty);
    if (empty.username || empty.password) return;
    setBusy(true);
    try {
      await session.login(username.trim(), password);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pt-wrap pt-narrow pt-stack">
      <h1>{t('login.title')}</h1>
      {registered && <p className="pt-alert pt-alert-success">{t('login.registered')}</p>}
      {session.state.status === 'anonymous' && session.state.reason === 'expired' && (
        <p className="pt-alert pt-alert-info">{t('login.expired')}</p>
      )}
      <form
        noValidate
        onSubmit={(event) => void submit(event)}
        className="pt-form"
        data-testid="portal-login"
      >
        <Field
          name="username"
          label={t('register.username')}
          autoComplete="username"
          required
          value={username}
          error={missing.username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <Field
          name="password"
          type="password"
          label={t('register.password')}
          autoComplete="current-password"
          required
          value={password}
          error={missing.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {failure !== null && <ErrorMessage error={failure} testId="login-error" />}
        <button type="submit" className="pt-button" disabled={busy} data-testid="portal-login-submit">
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
      <p>
        {t('login.noAccount')} <Link to="/open/register">{t('nav.register')}</Link>
      </p>
      <p className="pt-muted pt-small">
        {t('login.staff')} <a href="/login">{t('footer.staff')}</a>
      </p>
    </div>
  );
}
