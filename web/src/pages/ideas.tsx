// A space's ideas board: its ideas with their votes, sorted by votes, by
// the widest support (`diverse`: votes spread over the network's
// communities count more than a clique's) or by newest, filtered by the idea
// kind's workflow statuses. Each idea with votes shows `communities`, how
// many network communities its supporters come from.
//
// The list comes from GET /items?kind=idea&space=…&status=…&sort=…; from a
// server without that route, or without that sort, the board reads the
// space's feed and filters and sorts it here, so it works either way.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, enc } from '../api';
import { useResource, useTitle } from '../hooks';
import { t, tn } from '../i18n';
import { Link } from '../router';
import { categoryLabel } from '../components/place';
import { VoteButton } from '../components/vote_button';
import { Empty, ErrorBox, LoadMore, Loading, PageHeader } from '../components/ui';
import type { Item, Page, Space } from '../types';
import { kindRule, vocabulary } from '../vocabulary';

const SORTS = ['votes', 'diverse', 'new'] as const;
type Sort = (typeof SORTS)[number];
// The kind the board lists: the first that takes votes (the idea kind).
const boardKind = () => vocabulary().kinds.find((k) => k.takes_votes)?.name ?? 'idea';
const FEED_PAGE = 50;
const FEED_PAGES = 20; // the fallback reads at most this many feed pages

function compare(sort: Sort): (a: Item, b: Item) => number {
  const newer = (a: Item, b: Item) => b.created_at.localeCompare(a.created_at);
  const votes = (a: Item, b: Item) => (b.votes ?? 0) - (a.votes ?? 0);
  if (sort === 'new') return newer;
  // The feed has no scores: the widest support is told by communities first.
  const communities = (a: Item, b: Item) => (b.communities ?? 0) - (a.communities ?? 0);
  if (sort === 'diverse') return (a, b) => communities(a, b) || votes(a, b) || newer(a, b);
  return (a, b) => votes(a, b) || newer(a, b);
}

// Whether the server cannot list the board itself: no GET /items (404/405),
// or one that does not know this sort yet (400 on anything but `new`).
function unanswered(e: ApiError, sort: Sort): boolean {
  return e.status === 404 || e.status === 405 || (e.status === 400 && sort !== 'new');
}

interface Board {
  items: Item[];
  error: ApiError | null;
  loading: boolean;
  more: boolean;
  loadMore: () => void;
  reload: () => void;
}

// The space's feed, every page up to FEED_PAGES, narrowed to the board.
async function fromFeed(slug: string, kind: string, status: string, sort: Sort): Promise<Item[]> {
  const all: Item[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < FEED_PAGES; i++) {
    const page: Page<Item> = await api.page<Item>(`/spaces/${enc(slug)}/feed`, { limit: FEED_PAGE, cursor });
    all.push(...page.items);
    cursor = page.next_cursor ?? null;
    if (!cursor) break;
  }
  return all.filter((i) => i.kind === kind && (!status || i.status === status)).sort(compare(sort));
}

function useBoard(slug: string, status: string, sort: Sort): Board {
  const [items, setItems] = useState<Item[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const kind = boardKind();
  const query = { kind, space: slug, status, sort };

  function load(after: string | null, live: () => boolean) {
    setLoading(true);
    setError(null);
    api
      .page<Item>('/items', { ...query, limit: 20, cursor: after })
      .then((page) => {
        if (!live()) return;
        setItems((old) => (after ? [...old, ...page.items] : page.items));
        setCursor(page.next_cursor ?? null);
      })
      .catch(async (e: ApiError) => {
        if (after || !(e instanceof ApiError && unanswered(e, sort))) throw e;
        const list = await fromFeed(slug, kind, status, sort);
        if (!live()) return;
        setItems(list);
        setCursor(null);
      })
      .catch((e: ApiError) => live() && setError(e))
      .finally(() => live() && setLoading(false));
  }

  useEffect(() => {
    let live = true;
    setItems([]);
    setCursor(null);
    load(null, () => live);
    return () => {
      live = false;
    };
  }, [slug, status, sort, version]);

  return { items, error, loading, more: cursor !== null, loadMore: () => load(cursor, () => true), reload: () => setVersion((v) => v + 1) };
}

function IdeaRow({ item }: { item: Item }) {
  return (
    <li class="card idea-row" data-item-id={item.id}>
      <div class="idea-main">
        <h2 class="item-title">
          <Link href={`/items/${item.id}`}>{item.title || t('ideas.untitled')}</Link>
        </h2>
        <p class="idea-facts small">
          {item.status && (
            <span class="status-badge" data-status={item.status}>
              {t(`item.status.${item.status}`)}
            </span>
          )}
          {item.category && (
            <span class="category-badge" data-category={item.category}>
              {categoryLabel(item.category)}
            </span>
          )}
          {!!item.communities && <span class="idea-communities muted">{tn('ideas.communities', item.communities)}</span>}
        </p>
      </div>
      <VoteButton item={item} />
    </li>
  );
}

export function IdeasPage({ slug }: { slug: string }) {
  const space = useResource<Space>(`/spaces/${enc(slug)}`);
  const [sort, setSort] = useState<Sort>('votes');
  const [status, setStatus] = useState('');
  const board = useBoard(slug, status, sort);
  const name = space.data?.name ?? slug;
  useTitle(t('ideas.title', { space: name }));
  const statuses = kindRule(boardKind())?.statuses ?? [];

  if (space.error) return <ErrorBox error={space.error} retry={space.reload} />;
  return (
    <>
      <PageHeader title={t('ideas.title', { space: name })}>
        <Link href={`/spaces/${enc(slug)}`}>{t('ideas.back', { space: name })}</Link>
      </PageHeader>
      <div class="ideas-controls">
        <div class="ideas-statuses" role="group" aria-label={t('ideas.status_filter')}>
          {['', ...statuses].map((s) => (
            <button key={s || 'all'} type="button" class={status === s ? 'chip chip-on' : 'chip'} aria-pressed={status === s} data-status-filter={s || 'all'} onClick={() => setStatus(s)}>
              {s ? t(`item.status.${s}`) : t('ideas.all')}
            </button>
          ))}
        </div>
        <label class="ideas-sort">
          <span>{t('ideas.sort')}</span>
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as Sort)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`ideas.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {board.error && board.items.length === 0 ? (
        <ErrorBox error={board.error} retry={board.reload} />
      ) : board.loading && board.items.length === 0 ? (
        <Loading />
      ) : board.items.length === 0 ? (
        <Empty title={t('ideas.empty')} />
      ) : (
        <>
          <ol class="ideas-list" aria-label={t('ideas.list')}>
            {board.items.map((item) => (
              <IdeaRow key={`${item.id}-${sort}-${status}`} item={item} />
            ))}
          </ol>
          <LoadMore more={board.more} loading={board.loading} onClick={board.loadMore} />
        </>
      )}
    </>
  );
}
