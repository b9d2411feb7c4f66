// One item with its threaded replies, reactions, and the author's and
// moderators' tools: each shown only where the item's or reply's `can` says.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { formatDate, t, tn } from '../i18n';
import { toast } from '../live';
import { usePaged, useResource, useTitle } from '../hooks';
import { Link, navigate } from '../router';
import { useMe } from '../session';
import type { Item, Reply, Space } from '../types';
import { Composer } from '../components/composer';
import { ExchangeFacts } from '../components/exchange_facts';
import { ItemMeta, ServerHtml } from '../components/item';
import { ReactionBar } from '../components/reactions';
import { ReportButton } from '../components/report';
import { DuplicateLinks, ItemPlace } from '../components/place';
import { StatusControl } from '../components/status_control';
import { LendingPanel } from '../exchange/lending_panel';
import { VoteButton } from '../components/vote_button';
import { EventPanel } from '../exchange/events_panel';
import { LedgerPanel } from '../exchange/ledger_panel';
import { MatchesPanel } from '../exchange/matches_panel';
import { Avatar, Empty, ErrorBox, errorText, InlineError, LoadMore, Loading, MemberLink, PageHeader } from '../components/ui';

const MAX_INDENT = 5;

function ReplyForm({ itemId, parent, onPosted, onCancel, autoFocus }: { itemId: string; parent?: Reply; onPosted: (r: Reply) => void; onCancel?: () => void; autoFocus?: boolean }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = parent ? `reply-to-${parent.id}` : 'reply-new';
  return (
    <form
      class={parent ? 'reply-form reply-form-nested' : 'card reply-form'}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!body.trim()) return;
        setBusy(true);
        setError(null);
        try {
          const reply = await api.post<Reply>(`/items/${itemId}/replies`, parent ? { body, parent: parent.id } : { body });
          setBody('');
          onPosted(reply);
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label for={id} class={parent ? 'visually-hidden' : 'form-label'}>
        {parent ? t('reply.to', { who: parent.author ? parent.author.display_name || parent.author.handle : t('notification.someone') }) : t('reply.label')}
      </label>
      <textarea id={id} rows={parent ? 2 : 3} required maxLength={10000} autoFocus={autoFocus} value={body} placeholder={t('reply.placeholder')} onInput={(e) => setBody(e.currentTarget.value)} />
      <InlineError error={error} />
      <div class="row-actions">
        {onCancel && (
          <button type="button" class="btn btn-secondary btn-small" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        )}
        <button type="submit" class="btn btn-primary btn-small" disabled={busy || !body.trim()}>
          {busy ? t('state.working') : t('reply.submit')}
        </button>
      </div>
    </form>
  );
}

interface Node {
  reply: Reply;
  children: Node[];
}

function buildTree(replies: Reply[]): Node[] {
  const nodes = new Map<string, Node>();
  replies.forEach((r) => nodes.set(r.id, { reply: r, children: [] }));
  const roots: Node[] = [];
  for (const r of replies) {
    const node = nodes.get(r.id)!;
    const parent = r.parent_id ? nodes.get(r.parent_id) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byTime = (a: Node, b: Node) => a.reply.created_at.localeCompare(b.reply.created_at) || Number(a.reply.id) - Number(b.reply.id);
  const sort = (list: Node[]) => {
    list.sort(byTime);
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

function ReplyNode({ node, itemId, depth, mayReply, onPosted, onChanged }: { node: Node; itemId: string; depth: number; mayReply: boolean; onPosted: (r: Reply) => void; onChanged: (r: Reply) => void }) {
  const [replying, setReplying] = useState(false);
  const r = node.reply;
  const can = r.can;
  const who = r.author ? r.author.display_name || r.author.handle : t('notification.someone');
  async function remove() {
    if (!window.confirm(t('reply.delete_confirm'))) return;
    try {
      await api.del(`/replies/${r.id}`);
      onChanged({ ...r, removed: true, html: '', body: '' });
      toast(t('reply.deleted'));
    } catch (e) {
      toast(errorText(e));
    }
  }
  async function hide(on: boolean) {
    try {
      if (on) await api.post(`/replies/${r.id}/hide`);
      else await api.del(`/replies/${r.id}/hide`);
      onChanged({ ...r, removed: on });
      toast(on ? t('moderation.hidden') : t('moderation.unhidden'));
    } catch (e) {
      toast(errorText(e));
    }
  }
  return (
    <li class="reply" id={`reply-${r.id}`} data-reply-id={r.id}>
      <article class={r.removed ? 'reply-body reply-removed' : 'reply-body'} aria-label={t('reply.by', { who })}>
        <div class="reply-meta">
          {r.author && <Avatar member={r.author} size={28} />}
          {r.author && <MemberLink member={r.author} />}
          <time class="muted small" dateTime={r.created_at}>
            {formatDate(r.created_at)}
          </time>
        </div>
        {r.removed ? <p class="muted reply-html">{t('reply.removed')}</p> : <ServerHtml html={r.html} class="reply-html" />}
        <div class="reply-actions">
          {!r.removed && <ReactionBar base={`/replies/${r.id}`} reactions={r.reactions ?? {}} mine={r.my_reactions ?? []} canReact={can.react} compact />}
          {mayReply && (
            <button type="button" class="link-button" aria-expanded={replying} onClick={() => setReplying(!replying)}>
              {t('reply.reply')}
            </button>
          )}
          {can.delete && !r.removed && (
            <button type="button" class="link-button danger" onClick={remove}>
              {t('action.delete')}
            </button>
          )}
          {(r.removed ? can.unhide : can.hide) && (
            <button type="button" class="link-button danger" onClick={() => hide(!r.removed)}>
              {r.removed ? t('moderation.unhide') : t('moderation.hide')}
            </button>
          )}
          {can.report && !r.removed && <ReportButton targetType="reply" targetId={r.id} small />}
        </div>
        {replying && (
          <ReplyForm
            itemId={itemId}
            parent={r}
            autoFocus
            onCancel={() => setReplying(false)}
            onPosted={(reply) => {
              setReplying(false);
              onPosted(reply);
            }}
          />
        )}
      </article>
      {node.children.length > 0 && (
        <ol class={depth + 1 < MAX_INDENT ? 'replies nested' : 'replies flat'}>
          {node.children.map((child) => (
            <ReplyNode key={child.reply.id} node={child} itemId={itemId} depth={depth + 1} mayReply={mayReply} onPosted={onPosted} onChanged={onChanged} />
          ))}
        </ol>
      )}
    </li>
  );
}

// The history is a paged list like any other (newest revision first).
function History({ itemId }: { itemId: string }) {
  const r = usePaged<{ body: string; title?: string | null; edited_at?: string; created_at?: string }>(`/items/${itemId}/history`);
  if (r.loading && r.items.length === 0) return <Loading />;
  if (r.error && r.items.length === 0) return <ErrorBox error={r.error} />;
  const versions = r.items;
  if (versions.length === 0) return <p class="muted">{t('item.no_history')}</p>;
  return (
    <>
      <ol class="history">
        {versions.map((v, i) => (
          <li key={i}>
            <p class="muted small">{formatDate(v.edited_at ?? v.created_at ?? '')}</p>
            {v.title && <p><strong>{v.title}</strong></p>}
            <pre class="history-body">{v.body}</pre>
          </li>
        ))}
      </ol>
      <LoadMore more={r.more} loading={r.loading} onClick={r.loadMore} />
      {r.error && <ErrorBox error={r.error} retry={r.loadMore} />}
    </>
  );
}

export function ItemPage({ id }: { id: string }) {
  const me = useMe();
  const r = useResource<Item>(`/items/${encodeURIComponent(id)}`);
  const item = r.data;
  const space = useResource<Space>(item?.space ? `/spaces/${item.space.slug}` : null);
  const replies = usePaged<Reply>(item ? `/items/${encodeURIComponent(id)}/replies` : null, 100);
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useTitle(item ? item.title || t('item.title_by', { who: item.author.display_name || item.author.handle }) : t('item.title'));
  const tree = useMemo(() => buildTree(replies.items), [replies.items]);

  // Jump to a reply named in the address (#reply-12) once it is on the page.
  useEffect(() => {
    const hash = window.location.hash.slice(1);
    if (hash && replies.items.length > 0) document.getElementById(hash)?.scrollIntoView({ block: 'center' });
  }, [replies.items.length]);

  if (r.error) {
    return r.error instanceof ApiError && r.error.status === 404 ? (
      <>
        <PageHeader title={t('notfound.title')} />
        <Empty title={t('item.not_found')}>
          <Link href="/" class="btn btn-secondary">
            {t('notfound.home')}
          </Link>
        </Empty>
      </>
    ) : (
      <ErrorBox error={r.error} retry={r.reload} />
    );
  }
  if (!item) return <Loading />;
  const can = item.can;
  const changed = (reply: Reply) => replies.setItems((list) => list.map((x) => (x.id === reply.id ? reply : x)));
  const added = (reply: Reply) => {
    replies.setItems((list) => [...list, reply]);
    r.setData({ ...item, reply_count: (item.reply_count ?? 0) + 1 });
  };

  return (
    <div class="item-page">
      <article class="card item-full" data-item-id={item.id}>
        <ItemMeta item={item} />
        {item.hidden && <p class="notice notice-warn">{t('item.hidden_notice')}</p>}
        {editing ? (
          <Composer
            initial={item}
            space={space.data}
            onCancel={() => setEditing(false)}
            onPosted={(updated) => {
              r.setData(updated);
              setEditing(false);
              toast(t('item.saved'));
            }}
          />
        ) : (
          <>
            <h1 class="item-title page-title" tabIndex={-1}>
              {item.title || <span class="visually-hidden">{t('item.title_by', { who: item.author.display_name || item.author.handle })}</span>}
            </h1>
            <ExchangeFacts item={item} />
            <ServerHtml html={item.html} class="item-body" />
            <ItemPlace item={item} />
            <DuplicateLinks item={item} />
          </>
        )}
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
        {/* a new key when a status move answers a new item: voting may have closed */}
        <VoteButton key={`${item.status}`} item={item} />
        <ReactionBar base={`/items/${item.id}`} reactions={item.reactions ?? {}} mine={item.my_reactions ?? []} canReact={can.react} />
        <InlineError error={error} />
        <div class="item-tools">
          {can.edit && !editing && (
            <button type="button" class="btn btn-ghost btn-small" onClick={() => setEditing(true)}>
              {t('action.edit')}
            </button>
          )}
          {can.delete && !editing && (
            <button
              type="button"
              class="btn btn-ghost btn-small danger"
              onClick={async () => {
                if (!window.confirm(t('item.delete_confirm'))) return;
                try {
                  await api.del(`/items/${item.id}`);
                  toast(t('item.deleted'));
                  navigate('/');
                } catch (e) {
                  setError(e);
                }
              }}
            >
              {t('action.delete')}
            </button>
          )}
          {item.edited_at && can.history && (
            <button type="button" class="btn btn-ghost btn-small" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
              {t('item.history')}
            </button>
          )}
          {(item.hidden ? can.unhide : can.hide) && (
            <button
              type="button"
              class="btn btn-ghost btn-small danger"
              onClick={async () => {
                try {
                  if (item.hidden) await api.del(`/items/${item.id}/hide`);
                  else await api.post(`/items/${item.id}/hide`);
                  r.setData({ ...item, hidden: !item.hidden });
                  toast(item.hidden ? t('moderation.unhidden') : t('moderation.hidden'));
                } catch (e) {
                  setError(e);
                }
              }}
            >
              {item.hidden ? t('moderation.unhide') : t('moderation.hide')}
            </button>
          )}
          {can.report && <ReportButton targetType="item" targetId={item.id} />}
        </div>
        {showHistory && <History itemId={item.id} />}
        <StatusControl item={item} onChanged={r.setData} />
      </article>
      <LendingPanel item={item} onChanged={r.setData} />
      <EventPanel item={item} onChanged={r.setData} />
      <LedgerPanel item={item} onItemChanged={r.setData} />
      <MatchesPanel item={item} />

      <section id="replies" class="replies-section" aria-labelledby="replies-title">
        <h2 id="replies-title" class="section-title">
          {tn('item.replies', item.reply_count ?? replies.items.length)}
        </h2>
        {can.reply ? (
          <ReplyForm itemId={item.id} onPosted={added} />
        ) : !me ? (
          <p class="muted">
            <Link href={`/login?next=/items/${item.id}`}>{t('reply.login')}</Link>
          </p>
        ) : item.space && space.data && !space.data.my_role ? (
          <div class="card notice-card">
            <p>{t('reply.join_space', { space: item.space.name })}</p>
            <Link href={`/spaces/${item.space.slug}`} class="btn btn-secondary btn-small">
              {t('reply.go_to_space')}
            </Link>
          </div>
        ) : null}
        {replies.error && replies.items.length === 0 ? (
          <ErrorBox error={replies.error} retry={replies.reload} />
        ) : replies.loading && replies.items.length === 0 ? (
          <Loading />
        ) : replies.items.length === 0 ? (
          <p class="muted empty-replies">{t('reply.none')}</p>
        ) : (
          <ol class="replies">
            {tree.map((node) => (
              <ReplyNode key={node.reply.id} node={node} itemId={item.id} depth={0} mayReply={can.reply} onPosted={added} onChanged={changed} />
            ))}
          </ol>
        )}
        <LoadMore more={replies.more} loading={replies.loading} onClick={replies.loadMore} />
      </section>
    </div>
  );
}
