import { t } from '../i18n';
import { usePaged, useResource, useTitle } from '../hooks';
import { Link } from '../router';
import { useMe } from '../session';
import type { Item, Member, Page } from '../types';
import { Composer } from '../components/composer';
import { EmptyFeed, Feed } from '../components/feed';
import { Avatar, MemberLink, PageHeader } from '../components/ui';

function tagsOf(items: Item[]): string[] {
  return [...new Set(items.flatMap((i) => i.tags ?? []))];
}

function Welcome() {
  return (
    <section class="hero">
      <h1 tabIndex={-1}>{t('home.hero_title')}</h1>
      <p>{t('home.hero_body')}</p>
      <div class="hero-actions">
        <Link href="/signup" class="btn btn-primary btn-large">
          {t('nav.signup')}
        </Link>
        <Link href="/login" class="btn btn-secondary btn-large">
          {t('nav.login')}
        </Link>
      </div>
    </section>
  );
}

function PeopleYouMayKnow() {
  const r = useResource<Page<Member>>('/me/second-degree?limit=5');
  const list = r.data?.items ?? [];
  return (
    <section class="card aside-card" aria-labelledby="pymk-title">
      <h2 id="pymk-title" class="aside-title">
        {t('home.people_you_may_know')}
      </h2>
      {r.loading ? (
        <p class="muted">{t('state.loading')}</p>
      ) : list.length === 0 ? (
        <p class="muted">{t('home.pymk_empty')}</p>
      ) : (
        <ul class="mini-list">
          {list.map((m) => (
            <li key={m.handle}>
              <Avatar member={m} size={32} />
              <div>
                <MemberLink member={m} />
                <p class="muted small">{t('network.mutual', { n: m.mutual_connections ?? 0 })}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Link href="/network" class="aside-more">
        {t('home.see_network')}
      </Link>
    </section>
  );
}

export function HomePage() {
  const me = useMe();
  useTitle(me ? t('home.title') : '');
  const feed = usePaged<Item>(me ? '/feeds/home' : '/feeds/public');
  if (!me) {
    return (
      <>
        <Welcome />
        <h2 class="section-title">{t('explore.title')}</h2>
        <Feed feed={feed} empty={<EmptyFeed title={t('explore.empty')} />} />
      </>
    );
  }
  return (
    <div class="layout-two">
      <div class="column-main">
        <PageHeader title={t('home.title')} />
        {me.can?.post && <Composer knownTags={tagsOf(feed.items)} onPosted={(item) => feed.setItems((list) => [item, ...list])} />}
        <Feed
          feed={feed}
          empty={
            <EmptyFeed title={t('home.empty_title')}>
              <p>{t('home.empty_body')}</p>
              <div class="row-actions">
                <Link href="/members" class="btn btn-secondary">
                  {t('home.find_people')}
                </Link>
                <Link href="/spaces" class="btn btn-secondary">
                  {t('home.find_spaces')}
                </Link>
              </div>
            </EmptyFeed>
          }
        />
      </div>
      <aside class="column-aside" aria-label={t('home.aside')}>
        <section class="card aside-card profile-mini">
          <Avatar member={me} size={48} />
          <div>
            <MemberLink member={me} />
            {me.can?.edit_profile && (
              <p class="small">
                <Link href="/profile/edit">{t('profile.edit')}</Link>
              </p>
            )}
          </div>
        </section>
        {me.can?.view_second_degree && <PeopleYouMayKnow />}
      </aside>
    </div>
  );
}

export function ExplorePage() {
  useTitle(t('explore.title'));
  const feed = usePaged<Item>('/feeds/public');
  return (
    <>
      <PageHeader title={t('explore.title')} />
      <p class="lead">{t('explore.lead')}</p>
      <Feed feed={feed} empty={<EmptyFeed title={t('explore.empty')} />} />
    </>
  );
}

export function TagPage({ tag }: { tag: string }) {
  useTitle(`#${tag}`);
  const feed = usePaged<Item>(`/tags/${encodeURIComponent(tag)}/feed`);
  return (
    <>
      <PageHeader title={`#${tag}`} />
      <Feed feed={feed} empty={<EmptyFeed title={t('tag.empty', { tag })} />} />
    </>
  );
}
