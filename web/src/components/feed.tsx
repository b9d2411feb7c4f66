import type { ComponentChildren } from 'preact';
import { t } from '../i18n';
import type { Paged } from '../hooks';
import type { Item } from '../types';
import { ItemCard } from './item';
import { Empty, ErrorBox, LoadMore, Loading } from './ui';

// A list of items with its loading, error and empty states.
export function Feed({ feed, empty }: { feed: Paged<Item>; empty: ComponentChildren }) {
  if (feed.error && feed.items.length === 0) return <ErrorBox error={feed.error} retry={feed.reload} />;
  if (feed.loading && feed.items.length === 0) return <Loading />;
  if (feed.items.length === 0) return <>{empty}</>;
  return (
    <section class="feed" aria-label={t('feed.label')} aria-busy={feed.loading}>
      {feed.items.map((item) => (
        <ItemCard key={item.id} item={item} />
      ))}
      <LoadMore more={feed.more} loading={feed.loading} onClick={feed.loadMore} />
      {feed.error && <ErrorBox error={feed.error} retry={feed.loadMore} />}
    </section>
  );
}

export function EmptyFeed({ title, children }: { title: string; children?: ComponentChildren }) {
  return <Empty title={title}>{children}</Empty>;
}
