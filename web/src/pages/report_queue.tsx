// A space's queue of reports (problems at a place) for its moderators: the
// reports at one status of the report workflow, newest first, each with its
// category, address and age, and the status control that moves it with an
// optional public note (the space's response) or marks it a duplicate of
// another. A moved report leaves the list: it is found under its new
// status. The page and its controls show where the server's `can` says:
// the space's `view_reports` (its hosts) for the queue, each report's
// `can.move_status` for the moves; everyone else reads a polite note.
// The space's open data (CSV, JSON) is linked here too.
import { useState } from 'preact/hooks';
import { ApiError, enc } from '../api';
import { usePaged, useResource, useTitle } from '../hooks';
import { formatDate, t } from '../i18n';
import { Link } from '../router';
import { categoryLabel } from '../components/place';
import { StatusControl } from '../components/status_control';
import { Empty, ErrorBox, LoadMore, Loading, PageHeader } from '../components/ui';
import type { Item, Space } from '../types';
import { kindRule } from '../vocabulary';

// The kind the queue lists, as the server names it.
const QUEUE_KIND = 'report';

// The space's open data downloads (GET /api/v1/spaces/{s}/open-data.csv|json).
export function OpenDataLinks({ slug }: { slug: string }) {
  const base = `/api/v1/spaces/${enc(slug)}/open-data`;
  return (
    <p class="open-data-links small">
      <span>{t('queue.open_data')}</span>{' '}
      <a href={`${base}.csv`} download={`${slug}-ideas-and-reports.csv`} data-open-data="csv">
        {t('queue.open_data_csv')}
      </a>{' '}
      ·{' '}
      <a href={`${base}.json`} download={`${slug}-ideas-and-reports.json`} data-open-data="json">
        {t('queue.open_data_json')}
      </a>
    </p>
  );
}

function QueueRow({ item, onMoved }: { item: Item; onMoved: (item: Item) => void }) {
  const titleId = `queue-title-${item.id}`;
  return (
    <li class="card queue-row" data-item-id={item.id} aria-labelledby={titleId}>
      <h2 class="item-title" id={titleId}>
        <Link href={`/items/${item.id}`}>{item.title || t('queue.untitled')}</Link>
      </h2>
      <p class="idea-facts small">
        {item.category && (
          <span class="category-badge" data-category={item.category}>
            {categoryLabel(item.category)}
          </span>
        )}
        {item.location?.address && <span class="queue-address">{item.location.address}</span>}
        <span class="muted">
          {t('queue.reported')} <time dateTime={item.created_at}>{formatDate(item.created_at)}</time>
        </span>
        {item.duplicate_of && (
          <span class="queue-duplicate-of">
            {t('duplicate.of')} <Link href={`/items/${item.duplicate_of}`}>{t('duplicate.original')}</Link>
          </span>
        )}
      </p>
      <StatusControl item={item} onChanged={onMoved} />
    </li>
  );
}

function Queue({ space, statuses }: { space: Space; statuses: string[] }) {
  const [status, setStatus] = useState(statuses[0]);
  const list = usePaged<Item>(`/items?kind=${QUEUE_KIND}&space=${enc(space.slug)}&status=${enc(status)}&sort=new`, 30);
  return (
    <>
      <div class="ideas-controls">
        <div class="ideas-statuses" role="group" aria-label={t('queue.status_filter')}>
          {statuses.map((s) => (
            <button key={s} type="button" class={status === s ? 'chip chip-on' : 'chip'} aria-pressed={status === s} data-status-filter={s} onClick={() => setStatus(s)}>
              {t(`item.status.${s}`)}
            </button>
          ))}
        </div>
      </div>
      {list.error && list.items.length === 0 ? (
        <ErrorBox error={list.error} retry={list.reload} />
      ) : list.loading && list.items.length === 0 ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty title={t('queue.empty', { status: t(`item.status.${status}`) })} />
      ) : (
        <>
          <ol class="ideas-list queue-list" aria-label={t('queue.list', { status: t(`item.status.${status}`) })}>
            {list.items.map((item) => (
              <QueueRow key={`${item.id}-${status}`} item={item} onMoved={(moved) => list.setItems((items) => items.filter((x) => x.id !== moved.id))} />
            ))}
          </ol>
          <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
        </>
      )}
    </>
  );
}

export function ReportQueuePage({ slug }: { slug: string }) {
  const r = useResource<Space>(`/spaces/${enc(slug)}`);
  const space = r.data;
  const name = space?.name ?? slug;
  useTitle(t('queue.title', { space: name }));
  const statuses = kindRule(QUEUE_KIND)?.statuses ?? [];

  if (r.error) {
    return r.error instanceof ApiError && r.error.status === 404 ? (
      <>
        <PageHeader title={t('notfound.title')} />
        <Empty title={t('space.not_found')}>
          <Link href="/spaces" class="btn btn-secondary">
            {t('nav.spaces')}
          </Link>
        </Empty>
      </>
    ) : (
      <ErrorBox error={r.error} retry={r.reload} />
    );
  }
  if (!space) return <Loading />;
  return (
    <>
      <PageHeader title={t('queue.title', { space: name })}>
        <Link href={`/spaces/${enc(slug)}`}>{t('ideas.back', { space: name })}</Link>
      </PageHeader>
      {space.can.read && <OpenDataLinks slug={space.slug} />}
      {!space.can.view_reports ? (
        <Empty title={t('queue.hosts_only')}>
          <p>{t('queue.hosts_only_body')}</p>
        </Empty>
      ) : statuses.length === 0 ? (
        <Empty title={t('queue.no_workflow')} />
      ) : (
        <Queue space={space} statuses={statuses} />
      )}
    </>
  );
}
