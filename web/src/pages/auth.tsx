import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { logIn, signUp, useMe } from '../session';
import { useTitle } from '../hooks';
import { InlineError, PageHeader } from '../components/ui';

function nextPath(query: URLSearchParams, fallback: string): string {
  const next = query.get('next') || '';
  // Only same-site paths: never let ?next= send someone elsewhere.
  return next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

export function LoginPage() {
  useTitle(t('login.title'));
  const loc = useLocation();
  const me = useMe();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div class="auth-page">
      <div class="card auth-card">
        <PageHeader title={t('login.title')} />
        {me && <p class="note">{t('login.already', { handle: me.handle })}</p>}
        <form
          class="form"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            try {
              await logIn(login.trim(), password);
              navigate(nextPath(loc.query, '/'), { replace: true });
            } catch (err) {
              setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          <div class="field">
            <label for="login-name">{t('login.login')}</label>
            <input id="login-name" name="login" autoComplete="username" required value={login} onInput={(e) => setLogin(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="login-password">{t('login.password')}</label>
            <input id="login-password" name="password" type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </div>
          <InlineError error={error} />
          <button type="submit" class="btn btn-primary btn-block" disabled={busy}>
            {busy ? t('state.working') : t('login.submit')}
          </button>
        </form>
        <p class="auth-switch">
          {t('login.no_account')} <Link href="/signup">{t('login.to_signup')}</Link>
        </p>
      </div>
    </div>
  );
}

export function SignupPage() {
  useTitle(t('signup.title'));
  const loc = useLocation();
  const [handle, setHandle] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const handleValid = handle === '' || /^[a-z][a-z0-9_]{2,29}$/.test(handle);
  return (
    <div class="auth-page">
      <div class="card auth-card">
        <PageHeader title={t('signup.title')} />
        <p class="lead">{t('signup.lead')}</p>
        <form
          class="form"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            try {
              await signUp(handle.trim(), email.trim(), password);
              navigate(nextPath(loc.query, '/profile/edit?welcome=1'), { replace: true });
            } catch (err) {
              setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          <div class="field">
            <label for="signup-handle">{t('signup.handle')}</label>
            <input
              id="signup-handle"
              name="handle"
              autoComplete="username"
              required
              minLength={3}
              maxLength={30}
              value={handle}
              aria-describedby="signup-handle-help"
              aria-invalid={!handleValid}
              onInput={(e) => setHandle(e.currentTarget.value.toLowerCase())}
            />
            <p id="signup-handle-help" class={handleValid ? 'help' : 'help help-bad'}>
              {t('signup.handle_help')}
            </p>
          </div>
          <div class="field">
            <label for="signup-email">{t('signup.email')}</label>
            <input id="signup-email" name="email" type="email" autoComplete="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="signup-password">{t('signup.password')}</label>
            <input
              id="signup-password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
              aria-describedby="signup-password-help"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
            <p id="signup-password-help" class="help">
              {t('signup.password_help')}
            </p>
          </div>
          <InlineError error={error} />
          <button type="submit" class="btn btn-primary btn-block" disabled={busy}>
            {busy ? t('state.working') : t('signup.submit')}
          </button>
        </form>
        <p class="auth-switch">
          {t('signup.have_account')} <Link href="/login">{t('signup.to_login')}</Link>
        </p>
      </div>
    </div>
  );
}
