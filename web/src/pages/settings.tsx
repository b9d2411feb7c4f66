// Settings: interface language, password, and links to the rest.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { LANGUAGES, setLanguage, t, useLanguage, type Language } from '../i18n';
import { toast } from '../live';
import { useTitle } from '../hooks';
import { Link, navigate } from '../router';
import { logOut, useMe } from '../session';
import { InlineError, PageHeader } from '../components/ui';

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="card form"
      aria-labelledby="password-title"
      onSubmit={async (e) => {
        e.preventDefault();
        if (next !== repeat) {
          setError(new Error(t('settings.password_mismatch')));
          return;
        }
        setBusy(true);
        setError(null);
        try {
          await api.put('/me/password', { current_password: current, new_password: next });
          setCurrent('');
          setNext('');
          setRepeat('');
          toast(t('settings.password_changed'));
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 id="password-title" class="section-title">
        {t('settings.password')}
      </h2>
      <div class="field">
        <label for="pw-current">{t('settings.current_password')}</label>
        <input id="pw-current" type="password" autoComplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="pw-new">{t('settings.new_password')}</label>
        <input id="pw-new" type="password" autoComplete="new-password" required minLength={8} value={next} onInput={(e) => setNext(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="pw-repeat">{t('settings.repeat_password')}</label>
        <input id="pw-repeat" type="password" autoComplete="new-password" required minLength={8} value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} />
      </div>
      <InlineError error={error} />
      <div class="row-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('settings.change_password')}
        </button>
      </div>
    </form>
  );
}

export function SettingsPage() {
  useTitle(t('settings.title'));
  const lang = useLanguage();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <div class="settings-grid">
        <section class="card form" aria-labelledby="language-title">
          <h2 id="language-title" class="section-title">
            {t('settings.language')}
          </h2>
          <div class="field">
            <label for="settings-language">{t('settings.language_label')}</label>
            <select id="settings-language" value={lang} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
              {Object.entries(LANGUAGES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        </section>
        <section class="card" aria-labelledby="account-title">
          <h2 id="account-title" class="section-title">
            {t('settings.account')}
          </h2>
          {me && (
            <dl class="facts">
              <dt>{t('settings.handle')}</dt>
              <dd>@{me.handle}</dd>
              <dt>{t('settings.email')}</dt>
              <dd>{me.email}</dd>
            </dl>
          )}
          <div class="row-actions">
            <Link href="/profile/edit" class="btn btn-secondary">
              {t('profile.edit')}
            </Link>
            <Link href="/network#blocked" class="btn btn-secondary">
              {t('settings.blocked')}
            </Link>
            <button
              type="button"
              class="btn btn-secondary"
              onClick={async () => {
                await logOut().catch(() => undefined);
                navigate('/');
              }}
            >
              {t('nav.logout')}
            </button>
          </div>
        </section>
        <PasswordForm />
      </div>
    </>
  );
}
