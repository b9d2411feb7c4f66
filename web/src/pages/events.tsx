// Events, coming and past: the instance's (/events) or one space's
// (/spaces/:slug/events), from GET /items?kind=event&when=upcoming|past,
// which lists only what the viewer may read, soonest first (latest first
// for past ones).
import { enc } from '../api';
import { usePaged, useResource, useTitle } from '../hooks';
import { t, tn } from '../i18n';
import { Link, useLocation } from '../router';
import type { EventItem, Space } from '../types';
import { EventWhen } from '../exchange/events_panel';
import { Empty, ErrorBox, LoadMore, Loading, PageHeader, Tabs } from '../components/ui';

const WHEN = ['upcoming', 'past'] as const;
type When = (typeof WHEN)[number];

function EventRow({ item }: { item: EventItem }) {
  const r = item.rsvp;
  return (
    <li class="card event-row" data-item-id={item.id}>
      <h2 class="item-title">
        <Link href={`/items/${enc(item.id)}`}>{item.title || t('events.untitled')}</Link>
      </h2>
      <p class="small">
        <EventWhen item={item} />
      </p>
      <p class="muted small">
        {item.location?.address ?? item.space?.name ?? ''}
        {r && (
          <span class="event-row-places">
            {' · '}
            {r.capacity === null ? tn('events.going_unlimited', r.going) : t('events.places_taken', { n: r.going, capacity: r.capacity })}
          </span>
        )}
        {item.status && item.status !== 'scheduled' && (
          <span class="status-badge" data-status={item.status}>
            {t(`item.status.${item.status}`)}
          </span>
        )}
      </p>
    </li>
  );
}

export function EventsPage({ slug }: { slug?: string }) {
  const { query, path } = useLocation();
  const when: When = query.get('when') === 'past' ? 'past' : 'upcoming';
  const space = useResource<Space>(slug ? `/spaces/${enc(slug)}` : null);
  const name = space.data?.name ?? slug ?? '';
  const title = slug ? t('events.space_title', { space: name }) : t('events.title');
  useTitle(title);
  const list = usePaged<EventItem>(`/items?kind=event&when=${when}${slug ? `&space=${enc(slug)}` : ''}`);
  if (space.error) return <ErrorBox error={space.error} retry={space.reload} />;
  return (
    <>
      <PageHeader title={title}>{slug && <Link href={`/spaces/${enc(slug)}`}>{t('events.back', { space: name })}</Link>}</PageHeader>
      <Tabs current={when} tabs={WHEN.map((w) => ({ key: w, href: `${path}?when=${w}`, label: t(`events.when_${w}`) }))} />
      {list.error && list.items.length === 0 ? (
        <ErrorBox error={list.error} retry={list.reload} />
      ) : list.loading && list.items.length === 0 ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty title={when === 'past' ? t('events.none_past') : t('events.none_upcoming')} />
      ) : (
        <>
          <ol class="event-list" aria-label={title}>
            {list.items.map((item) => (
              <EventRow key={item.id} item={item} />
            ))}
          </ol>
          <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
        </>
      )}
    </>
  );
}
