// Editing one's own profile, with a visibility choice beside every field.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n';
import { toast } from '../live';
import { useTitle } from '../hooks';
import { Link, navigate, useLocation } from '../router';
import { setMe, useMe } from '../session';
import type { Me, Visibility } from '../types';
import { TermsInput } from '../components/terms_input';
import { InlineError, Loading, PageHeader } from '../components/ui';
import { vocabulary } from '../vocabulary';

function VisibilitySelect({ field, value, onChange }: { field: string; value: Visibility; onChange: (v: Visibility) => void }) {
  const id = `vis-${field}`;
  return (
    <div class="visibility-select">
      <label for={id}>{t('profile.visible_to')}</label>
      <select id={id} name={`visibility.${field}`} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {vocabulary().profile_visibilities.map((v) => (
          <option key={v} value={v}>
            {t(`visibility.profile.${v}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ProfileEditPage() {
  useTitle(t('profile.edit'));
  const me = useMe();
  const loc = useLocation();
  const [draft, setDraft] = useState(() => ({
    display_name: me?.display_name ?? '',
    bio: me?.bio ?? '',
    home_place: me?.home_place ?? '',
    avatar_url: me?.avatar_url ?? '',
    skills: me?.skills ?? [],
    interests: me?.interests ?? [],
  }));
  const [visibility, setVisibility] = useState<Record<string, Visibility>>(() => ({ ...(me?.visibility ?? {}) }));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!me) return <Loading />;

  const vis = (field: string) => <VisibilitySelect field={field} value={visibility[field] ?? 'members'} onChange={(v) => setVisibility({ ...visibility, [field]: v })} />;

  return (
    <>
      <PageHeader title={t('profile.edit')} />
      {loc.query.get('welcome') && <p class="notice notice-ok">{t('profile.welcome', { handle: me.handle })}</p>}
      <form
        class="card form profile-form"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            const updated = await api.patch<Me>('/me', { ...draft, visibility });
            setMe({ ...me, ...updated });
            toast(t('profile.saved'));
            navigate(`/members/${me.handle}`);
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <div class="field-with-visibility">
          <div class="field">
            <label for="pf-display_name">{t('profile.display_name')}</label>
            <input id="pf-display_name" maxLength={80} value={draft.display_name} onInput={(e) => setDraft({ ...draft, display_name: e.currentTarget.value })} />
          </div>
          {vis('display_name')}
        </div>
        <div class="field-with-visibility">
          <div class="field">
            <label for="pf-bio">{t('profile.bio')}</label>
            <textarea id="pf-bio" rows={4} maxLength={2000} value={draft.bio} onInput={(e) => setDraft({ ...draft, bio: e.currentTarget.value })} />
          </div>
          {vis('bio')}
        </div>
        <div class="field-with-visibility">
          <div class="field">
            <TermsInput id="pf-skills" label={t('profile.skills')} values={draft.skills} onChange={(skills) => setDraft({ ...draft, skills })} />
          </div>
          {vis('skills')}
        </div>
        <div class="field-with-visibility">
          <div class="field">
            <TermsInput id="pf-interests" label={t('profile.interests')} values={draft.interests} onChange={(interests) => setDraft({ ...draft, interests })} />
          </div>
          {vis('interests')}
        </div>
        <div class="field-with-visibility">
          <div class="field">
            <label for="pf-home_place">{t('profile.home_place')}</label>
            <input id="pf-home_place" maxLength={120} value={draft.home_place} onInput={(e) => setDraft({ ...draft, home_place: e.currentTarget.value })} />
          </div>
          {vis('home_place')}
        </div>
        <div class="field-with-visibility">
          <div class="field">
            <label for="pf-avatar_url">{t('profile.avatar_url')}</label>
            <input id="pf-avatar_url" type="url" placeholder="https://" value={draft.avatar_url} onInput={(e) => setDraft({ ...draft, avatar_url: e.currentTarget.value })} />
          </div>
          {vis('avatar_url')}
        </div>
        <InlineError error={error} />
        <div class="row-actions">
          <Link href={`/members/${me.handle}`} class="btn btn-secondary">
            {t('action.cancel')}
          </Link>
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('state.working') : t('profile.save')}
          </button>
        </div>
      </form>
    </>
  );
}
