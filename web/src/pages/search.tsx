// Search across members, items and spaces.
import { useEffect, useState } from 'preact/hooks';
import { withQuery } from '../api';
import { t } from '../i18n';
import { usePaged, useTitle } from '../hooks';
import { navigate, useLocation } from '../router';
import type { Item, Member, Space } from '../types';
import { ItemCard } from '../components/item';
import { MemberCard } from '../components/member_card';
import { SpaceCard } from '../components/space_card';
import { Empty, ErrorBox, LoadMore, Loading, PageHeader, Tabs } from '../components/ui';

const TYPES = ['items', 'members', 'spaces'] as const;
type Hit = (Item | Member | Space) & { type?: string };

export function SearchPage() {
  const loc = useLocation();
  const q = loc.query.get('q') ?? '';
  const typeParam = loc.query.get('type') ?? 'items';
  const type = (TYPES as readonly string[]).includes(typeParam) ? typeParam : 'items';
  useTitle(q ? t('search.title_q', { q }) : t('search.title'));
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const list = usePaged<Hit>(q ? withQuery('/search', { q, type }) : null);

  return (
    <>
      <PageHeader title={t('search.title')} />
      <form
        class="inline-search"
        role="search"
        aria-label={t('search.title')}
        onSubmit={(e) => {
          e.preventDefault();
          navigate(withQuery('/search', { q: text.trim(), type }));
        }}
      >
        <label for="search-q">{t('search.label')}</label>
        <div class="input-row">
          <input id="search-q" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="btn btn-primary">
            {t('action.search')}
          </button>
        </div>
      </form>
      <Tabs current={type} tabs={TYPES.map((k) => ({ key: k, label: t(`search.type.${k}`), href: withQuery('/search', { q, type: k }) }))} />
      {!q ? (
        <Empty title={t('search.prompt')} />
      ) : list.error && list.items.length === 0 ? (
        <ErrorBox error={list.error} retry={list.reload} />
      ) : list.loading && list.items.length === 0 ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty title={t('search.none', { q })} />
      ) : (
        <>
          {type === 'members' ? (
            <ul class="member-grid">
              {list.items.map((m) => (
                <MemberCard key={(m as Member).handle} member={m as Member} />
              ))}
            </ul>
          ) : type === 'spaces' ? (
            <ul class="space-list">
              {list.items.map((s) => (
                <SpaceCard key={(s as Space).slug} space={s as Space} level={2} />
              ))}
            </ul>
          ) : (
            <section class="feed">
              {list.items.map((i) => (
                <ItemCard key={(i as Item).id} item={i as Item} />
              ))}
            </section>
          )}
          <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
        </>
      )}
    </>
  );
}
