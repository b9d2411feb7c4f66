// An item as a card in a feed, and the pieces the item page reuses.
import { formatDate, t, tn } from '../i18n';
import { Link } from '../router';
import type { Item } from '../types';
import { Icon } from './icons';
import { ExchangeFacts } from './exchange_facts';
import { categoryLabel } from './place';
import { ReactionBar } from './reactions';
import { VoteButton } from './vote_button';
import { Avatar, MemberLink } from './ui';
import { defaultKind, kindRule } from '../vocabulary';

// The kind, unless it is the plain default one, and where the item stands in
// its kind's workflow (a question: open or answered).
function KindAndStatus({ item }: { item: Item }) {
  const workflow = !!kindRule(item.kind)?.statuses.length;
  const plain = item.kind === defaultKind();
  if (plain && !(workflow && item.status) && !item.category) return null;
  return (
    <span class="item-badges">
      {!plain && <span class={workflow ? 'kind-badge kind-badge-workflow' : 'kind-badge'}>{t(`item.kind.${item.kind}`)}</span>}
      {item.category && (
        <span class="category-badge" data-category={item.category}>
          {categoryLabel(item.category)}
        </span>
      )}
      {workflow && item.status && (
        <span class="status-badge" data-status={item.status}>
          {t(`item.status.${item.status}`)}
        </span>
      )}
    </span>
  );
}

// The server's sanitised rendering of the Markdown: the only HTML from
// outside the app that is ever put into the page.
export function ServerHtml({ html, class: cls }: { html: string; class?: string }) {
  return <div class={cls ? `prose ${cls}` : 'prose'} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function ItemMeta({ item }: { item: Item }) {
  return (
    <div class="item-meta">
      <Avatar member={item.author} size={40} />
      <div class="item-meta-text">
        <MemberLink member={item.author} />
        <div class="item-sub">
          <Link href={`/items/${item.id}`} class="item-time">
            <time dateTime={item.created_at}>{formatDate(item.created_at)}</time>
          </Link>
          {item.edited_at && <span> · {t('item.edited')}</span>}
          {item.space && (
            <>
              {' · '}
              <Link href={`/spaces/${item.space.slug}`}>{item.space.name}</Link>
            </>
          )}
          {' · '}
          <span class="visibility-label">{t(`visibility.item.${item.visibility}`)}</span>
        </div>
      </div>
      <KindAndStatus item={item} />
    </div>
  );
}

export function ItemCard({ item }: { item: Item }) {
  return (
    <article class="card item-card" data-item-id={item.id} aria-labelledby={`item-${item.id}-label`}>
      <ItemMeta item={item} />
      {item.hidden && <p class="notice notice-warn">{t('item.hidden_notice')}</p>}
      {item.title ? (
        <h2 class="item-title" id={`item-${item.id}-label`}>
          <Link href={`/items/${item.id}`}>{item.title}</Link>
        </h2>
      ) : (
        <span id={`item-${item.id}-label`} class="visually-hidden">
          {t('item.by', { who: item.author.display_name || item.author.handle })}
        </span>
      )}
      <ExchangeFacts item={item} />
      <ServerHtml html={item.html} class="item-body" />
      {item.tags.length > 0 && (
        <ul class="chips chips-tags">
          {item.tags.map((tag) => (
            <li key={tag}>
              <Link href={`/tags/${encodeURIComponent(tag)}`} class="chip chip-tag">
                #{tag}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <footer class="item-footer">
        <VoteButton item={item} />
        <ReactionBar base={`/items/${item.id}`} reactions={item.reactions ?? {}} mine={item.my_reactions ?? []} canReact={item.can.react} compact />
        <Link href={`/items/${item.id}#replies`} class="reply-link">
          <Icon name="reply" size={16} /> {tn('item.replies', item.reply_count ?? 0)}
        </Link>
      </footer>
    </article>
  );
}
