// Browsing, finding and creating spaces, and answering invitations.
import { useEffect, useState } from 'preact/hooks';
import { api, withQuery } from '../api';
import { t } from '../i18n';
import { toast } from '../live';
import { usePaged, useTitle } from '../hooks';
import { Link, navigate, useLocation } from '../router';
import { useMe } from '../session';
import type { Space, SpaceKind, SpaceVisibility } from '../types';
import { vocabulary } from '../vocabulary';
import { SpaceCard } from '../components/space_card';
import { Empty, ErrorBox, errorText, InlineError, LoadMore, Loading, PageHeader } from '../components/ui';

// Declining is leaving a space one was only invited to: the server forgets
// the invitation, and a secret space is gone from view again.
function Invitations() {
  const me = useMe();
  const list = usePaged<Space>('/me/invitations');
  const [busy, setBusy] = useState<string | null>(null);
  const [declined, setDeclined] = useState<string[]>([]);
  const open = list.items.filter((s) => !declined.includes(s.slug));
  if (list.loading && list.items.length === 0) return null;
  if (list.error || open.length === 0) return null;
  return (
    <section class="section" aria-labelledby="invitations-title">
      <h2 id="invitations-title" class="section-title">
        {t('spaces.invitations')}
      </h2>
      <ul class="space-list">
        {open.map((s) => (
          <SpaceCard key={s.slug} space={s}>
            {s.can.join && (
              <button
                type="button"
                class="btn btn-primary"
                disabled={busy === s.slug}
                onClick={async () => {
                  setBusy(s.slug);
                  try {
                    await api.post(`/spaces/${s.slug}/members`);
                    toast(t('space.joined', { name: s.name }));
                    navigate(`/spaces/${s.slug}`);
                  } catch (e) {
                    toast(errorText(e));
                  } finally {
                    setBusy(null);
                  }
                }}
              >
                {t('space.accept_invite')}
              </button>
            )}
            {me && (
              <button
                type="button"
                class="btn"
                disabled={busy === s.slug}
                onClick={async () => {
                  setBusy(s.slug);
                  try {
                    await api.del(`/spaces/${s.slug}/members/${me.handle}`);
                    setDeclined((d) => [...d, s.slug]);
                    toast(t('space.invite_declined', { name: s.name }));
                  } catch (e) {
                    toast(errorText(e));
                  } finally {
                    setBusy(null);
                  }
                }}
              >
                {t('space.decline_invite')}
              </button>
            )}
          </SpaceCard>
        ))}
      </ul>
      <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
    </section>
  );
}

export function SpacesPage() {
  useTitle(t('spaces.title'));
  const me = useMe();
  const loc = useLocation();
  const q = loc.query.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const list = usePaged<Space>(withQuery('/spaces', { q }), 24);
  const mine = list.items.filter((s) => s.my_role);
  // Spaces one is invited to are listed under Invitations already.
  const others = list.items.filter((s) => !s.my_role && s.my_status !== 'invited');
  return (
    <>
      <PageHeader title={t('spaces.title')}>
        {me && (
          <Link href="/spaces/new" class="btn btn-primary">
            {t('spaces.create')}
          </Link>
        )}
      </PageHeader>
      <p class="lead">{t('spaces.lead')}</p>
      {me && <Invitations />}
      <form
        class="inline-search"
        role="search"
        aria-label={t('spaces.search')}
        onSubmit={(e) => {
          e.preventDefault();
          navigate(withQuery('/spaces', { q: text.trim() }));
        }}
      >
        <label for="spaces-q">{t('spaces.search')}</label>
        <div class="input-row">
          <input id="spaces-q" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="btn btn-secondary">
            {t('action.search')}
          </button>
        </div>
      </form>
      {list.error && list.items.length === 0 ? (
        <ErrorBox error={list.error} retry={list.reload} />
      ) : list.loading && list.items.length === 0 ? (
        <Loading />
      ) : mine.length === 0 && others.length === 0 ? (
        <Empty title={q ? t('spaces.none', { q }) : t('spaces.empty')}>
          {me && (
            <Link href="/spaces/new" class="btn btn-primary">
              {t('spaces.create_first')}
            </Link>
          )}
        </Empty>
      ) : (
        <>
          {mine.length > 0 && (
            <section class="section" aria-labelledby="my-spaces-title">
              <h2 id="my-spaces-title" class="section-title">
                {t('spaces.mine')}
              </h2>
              <ul class="space-list">
                {mine.map((s) => (
                  <SpaceCard key={s.slug} space={s} />
                ))}
              </ul>
            </section>
          )}
          {others.length > 0 && (
            <section class="section" aria-labelledby="other-spaces-title">
              <h2 id="other-spaces-title" class="section-title">
                {mine.length > 0 ? t('spaces.others') : t('spaces.all')}
              </h2>
              <ul class="space-list">
                {others.map((s) => (
                  <SpaceCard key={s.slug} space={s} />
                ))}
              </ul>
            </section>
          )}
          <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
        </>
      )}
    </>
  );
}

// A new space is a community unless the writer picks another kind (or the
// server no longer has that kind).
function defaultSpaceKind(): SpaceKind {
  const kinds = vocabulary().space_kinds;
  return kinds.includes('community') ? 'community' : kinds[0];
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export function SpaceForm({ initial, onSaved, submitLabel }: { initial?: Space; onSaved: (s: Space) => void; submitLabel: string }) {
  const editing = !!initial;
  const [name, setName] = useState(initial?.name ?? '');
  const [slug, setSlug] = useState(initial?.slug ?? '');
  const [slugTouched, setSlugTouched] = useState(editing);
  const [kind, setKind] = useState<SpaceKind>(initial?.kind ?? defaultSpaceKind());
  const [visibility, setVisibility] = useState<SpaceVisibility>(initial?.visibility ?? vocabulary().space_visibilities[0]);
  const [description, setDescription] = useState(initial?.description ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="card form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          const space = editing
            ? await api.patch<Space>(`/spaces/${initial!.slug}`, { name: name.trim(), kind, visibility, description })
            : await api.post<Space>('/spaces', { name: name.trim(), slug: slug.trim(), kind, visibility, description });
          onSaved(space);
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <div class="field">
        <label for="space-name">{t('space.name')}</label>
        <input
          id="space-name"
          required
          maxLength={80}
          value={name}
          onInput={(e) => {
            setName(e.currentTarget.value);
            if (!slugTouched) setSlug(slugify(e.currentTarget.value));
          }}
        />
      </div>
      {!editing && (
        <div class="field">
          <label for="space-slug">{t('space.slug')}</label>
          <input
            id="space-slug"
            required
            maxLength={40}
            pattern="[a-z0-9][a-z0-9\-]*"
            aria-describedby="space-slug-help"
            value={slug}
            onInput={(e) => {
              setSlugTouched(true);
              setSlug(e.currentTarget.value);
            }}
          />
          <p id="space-slug-help" class="help">
            {t(visibility === 'secret' ? 'space.slug_help_secret' : 'space.slug_help', { slug: slug || 'my-space' })}
          </p>
        </div>
      )}
      <div class="field-row">
        <div class="field">
          <label for="space-kind">{t('space.kind')}</label>
          <select id="space-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            {vocabulary().space_kinds.map((k) => (
              <option key={k} value={k}>
                {t(`space.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="space-visibility">{t('space.visibility')}</label>
          <select id="space-visibility" value={visibility} aria-describedby="space-visibility-help" onChange={(e) => setVisibility(e.currentTarget.value)}>
            {vocabulary().space_visibilities.map((v) => (
              <option key={v} value={v}>
                {t(`space.visibility.${v}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id="space-visibility-help" class="help">
        {t(`space.visibility_help.${visibility}`)}
      </p>
      <div class="field">
        <label for="space-description">{t('space.description')}</label>
        <textarea id="space-description" rows={4} maxLength={2000} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </div>
      <InlineError error={error} />
      <div class="row-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('state.working') : submitLabel}
        </button>
      </div>
    </form>
  );
}

export function SpaceNewPage() {
  useTitle(t('spaces.create'));
  return (
    <>
      <PageHeader title={t('spaces.create')} />
      <SpaceForm submitLabel={t('spaces.create')} onSaved={(s) => navigate(`/spaces/${s.slug}`)} />
    </>
  );
}
