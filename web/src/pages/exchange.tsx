// The exchange: the open requests, offers, initiatives and events of a space
// (/spaces/:slug/exchange) or of every space the viewer may read
// (/exchange), a tab per kind, narrowed by a skill. The tabs are the kinds
// whose rule takes a field of the contribution economy (vocabulary), the
// list GET /items?kind=…&open=true&space=…&skill=…; the kind and the skill
// live in the query string, so a filtered list is a link.
import { useEffect, useState } from 'preact/hooks';
import { enc } from '../api';
import { ExchangeFacts } from '../components/exchange_facts';
import { Empty, ErrorBox, LoadMore, Loading, MemberLink, PageHeader, Tabs } from '../components/ui';
import { usePaged, useResource, useTitle } from '../hooks';
import { t } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import type { Item, Space } from '../types';
import { vocabulary } from '../vocabulary';

// The fields that make a kind one of the exchange's.
const EXCHANGE_FIELDS = new Set(['skills', 'starts_at', 'offer', 'goals', 'capacity', 'expires_at', 'deadline']);

export function exchangeKinds(): string[] {
  return vocabulary()
    .kinds.filter((k) => k.statuses.length > 0 && k.fields.some((f) => EXCHANGE_FIELDS.has(f.name)))
    .map((k) => k.name);
}

function ExchangeRow({ item, showSpace }: { item: Item; showSpace: boolean }) {
  return (
    <li class="card exchange-row" data-item-id={item.id} data-kind={item.kind}>
      <div class="exchange-row-head">
        <Link href={`/items/${item.id}`} class="exchange-row-title">
          {item.title || t('map.untitled')}
        </Link>
        {item.status && (
          <span class="status-badge" data-status={item.status}>
            {t(`item.status.${item.status}`)}
          </span>
        )}
      </div>
      <ExchangeFacts item={item} />
      <p class="small muted">
        <MemberLink member={item.author} />
        {showSpace && item.space && (
          <>
            {' · '}
            <Link href={`/spaces/${enc(item.space.slug)}/exchange`}>{item.space.name}</Link>
          </>
        )}
      </p>
    </li>
  );
}

export function ExchangePage({ slug }: { slug?: string }) {
  const space = useResource<Space>(slug ? `/spaces/${enc(slug)}` : null);
  const { path, query } = useLocation();
  const kinds = exchangeKinds();
  const kind = kinds.includes(query.get('kind') ?? '') ? query.get('kind')! : kinds[0] ?? '';
  const skill = query.get('skill') ?? '';
  const [typed, setTyped] = useState(skill);
  useEffect(() => setTyped(skill), [skill]);
  const name = space.data?.name ?? slug ?? '';
  const title = slug ? t('exchange.title_space', { space: name }) : t('exchange.title');
  useTitle(title);
  const params = new URLSearchParams({ kind, open: 'true' });
  if (slug) params.set('space', slug);
  if (skill) params.set('skill', skill);
  const list = usePaged<Item>(kind ? `/items?${params}` : null);
  const href = (k: string, s: string) => {
    const q = new URLSearchParams({ kind: k });
    if (s) q.set('skill', s);
    return `${path}?${q}`;
  };

  if (space.error) return <ErrorBox error={space.error} retry={space.reload} />;
  return (
    <>
      <PageHeader title={title}>
        {slug ? <Link href={`/spaces/${enc(slug)}`}>{t('exchange.back', { space: name })}</Link> : <Link href="/map">{t('nav.map')}</Link>}
      </PageHeader>
      <p class="muted">{t('exchange.intro')}</p>
      <Tabs tabs={kinds.map((k) => ({ key: k, href: href(k, skill), label: t(`exchange.tab.${k}`) }))} current={kind} />
      <form
        class="exchange-filter"
        role="search"
        aria-label={t('exchange.filter')}
        onSubmit={(e) => {
          e.preventDefault();
          navigate(href(kind, typed.trim()));
        }}
      >
        <div class="field field-inline">
          <label for="exchange-skill">{t('exchange.filter_skill')}</label>
          <input id="exchange-skill" type="search" value={typed} maxLength={100} onInput={(e) => setTyped(e.currentTarget.value)} />
        </div>
        <button type="submit" class="btn btn-secondary btn-small">
          {t('exchange.filter_apply')}
        </button>
        {skill && (
          <Link href={href(kind, '')} class="btn btn-secondary btn-small">
            {t('exchange.filter_clear')}
          </Link>
        )}
      </form>
      <section aria-labelledby="exchange-list-title">
        <h2 id="exchange-list-title" class="visually-hidden">
          {t(`exchange.tab.${kind}`)}
        </h2>
        {list.error && list.items.length === 0 ? (
          <ErrorBox error={list.error} retry={list.reload} />
        ) : list.loading && list.items.length === 0 ? (
          <Loading />
        ) : list.items.length === 0 ? (
          <Empty title={skill ? t('exchange.empty_skill', { skill }) : t('exchange.empty')} />
        ) : (
          <>
            <ul class="exchange-list" data-testid="exchange-list">
              {list.items.map((item) => (
                <ExchangeRow key={item.id} item={item} showSpace={!slug} />
              ))}
            </ul>
            <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
          </>
        )}
      </section>
    </>
  );
}
