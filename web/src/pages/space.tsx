// One space: its feed, members, and for hosts the join requests, invites,
// moderation queue and settings. Every control shows only where the server's
// `can` on the space (or `space_can` on a member row) says the viewer may.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { formatDate, t, tn } from '../i18n';
import { toast } from '../live';
import { usePaged, useResource, useTitle } from '../hooks';
import { Link, navigate } from '../router';
import { useMe } from '../session';
import type { Item, Member, Report, Space, SpaceMember } from '../types';
import { Composer } from '../components/composer';
import { EmptyFeed, Feed } from '../components/feed';
import { MemberCard } from '../components/member_card';
import { SpaceBadges } from '../components/space_card';
import { Empty, ErrorBox, errorText, InlineError, LoadMore, Loading, MemberLink, PageHeader, Tabs } from '../components/ui';
import { SpaceForm } from './spaces';
import { exchangeKinds } from './exchange';
import { OpenDataLinks } from './report_queue';
import { takesField, vocabulary } from '../vocabulary';

function MembershipActions({ space, onChange }: { space: Space; onChange: () => void }) {
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const [muted, setMuted] = useState(false);
  if (!me) {
    return (
      <Link href={`/login?next=/spaces/${space.slug}`} class="btn btn-primary">
        {t('space.login_to_join')}
      </Link>
    );
  }
  async function run(work: () => Promise<unknown>, message?: string) {
    setBusy(true);
    try {
      await work();
      if (message) toast(message);
      onChange();
    } catch (e) {
      toast(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  const join = () => run(() => api.post(`/spaces/${space.slug}/members`), space.visibility === 'closed' && space.my_status !== 'invited' ? t('space.requested_toast') : t('space.joined', { name: space.name }));
  const leave = () => run(() => api.del(`/spaces/${space.slug}/members/${me.handle}`), t('space.left', { name: space.name }));
  // my_role and my_status say where the viewer stands (which label); can
  // says whether the step is theirs to take.
  return (
    <div class="tie-actions">
      {space.my_role ? (
        space.can.leave && (
          <button type="button" class="btn btn-secondary" disabled={busy} onClick={leave}>
            {t('space.leave')}
          </button>
        )
      ) : space.my_status === 'invited' ? (
        space.can.join && (
          <button type="button" class="btn btn-primary" disabled={busy} onClick={join}>
            {t('space.accept_invite')}
          </button>
        )
      ) : space.my_status === 'requested' ? (
        space.can.leave && (
          <button type="button" class="btn btn-secondary" disabled={busy} onClick={leave}>
            {t('space.cancel_request')}
          </button>
        )
      ) : (
        space.can.join &&
        !space.archived && (
          <button type="button" class="btn btn-primary" disabled={busy} onClick={join}>
            {space.visibility === 'open' ? t('space.join') : t('space.request')}
          </button>
        )
      )}
      <button
        type="button"
        class="btn btn-secondary"
        aria-pressed={muted}
        disabled={busy}
        onClick={() =>
          run(async () => {
            if (muted) await api.del(`/spaces/${space.slug}/mute`);
            else await api.post(`/spaces/${space.slug}/mute`);
            setMuted(!muted);
          }, muted ? t('space.unmuted') : t('space.muted'))
        }
      >
        {muted ? t('space.unmute') : t('space.mute')}
      </button>
    </div>
  );
}

function InviteForm({ space }: { space: Space }) {
  const [handle, setHandle] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="card form invite-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        const h = handle.trim().replace(/^@/, '');
        try {
          await api.post(`/spaces/${space.slug}/invites`, { handle: h });
          toast(t('space.invited', { handle: h }));
          setHandle('');
        } catch (err) {
          setError(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <h2 class="section-title">{t('space.invite_title')}</h2>
      <div class="field">
        <label for="invite-handle">{t('space.invite_handle')}</label>
        <div class="input-row">
          <input id="invite-handle" required value={handle} placeholder="@handle" onInput={(e) => setHandle(e.currentTarget.value)} />
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t('space.invite')}
          </button>
        </div>
      </div>
      <InlineError error={error} />
    </form>
  );
}

function MembersTab({ space }: { space: Space }) {
  const me = useMe();
  const list = usePaged<SpaceMember>(`/spaces/${space.slug}/members`, 30);
  async function setRole(m: SpaceMember, role: 'moderator' | 'member') {
    try {
      await api.post(`/spaces/${space.slug}/roles/${m.handle}`, { role });
      list.setItems((items) => items.map((x) => (x.handle === m.handle ? { ...x, space_role: role } : x)));
    } catch (e) {
      toast(errorText(e));
    }
  }
  async function remove(m: SpaceMember) {
    if (!window.confirm(t('space.remove_confirm', { handle: m.handle }))) return;
    try {
      await api.del(`/spaces/${space.slug}/members/${m.handle}`);
      list.setItems((items) => items.filter((x) => x.handle !== m.handle));
    } catch (e) {
      toast(errorText(e));
    }
  }
  return (
    <>
      {space.can.invite && <InviteForm space={space} />}
      {list.error && list.items.length === 0 ? (
        <ErrorBox error={list.error} retry={list.reload} />
      ) : list.loading && list.items.length === 0 ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty title={t('space.no_members')} />
      ) : (
        <>
          <ul class="member-grid">
            {list.items.map((m) => (
              <MemberCard key={m.handle} member={m}>
                {m.space_role && <span class={m.space_role === 'member' ? 'pill' : 'pill pill-ok'}>{t(`space.role.${m.space_role}`)}</span>}
                {/* the role the row has picks the step offered; space_can says whether it is the viewer's */}
                {m.space_can?.set_role &&
                  (m.space_role === 'moderator' ? (
                    <button type="button" class="btn btn-secondary btn-small" onClick={() => setRole(m, 'member')}>
                      {t('space.demote')}
                    </button>
                  ) : m.space_role === 'member' ? (
                    <button type="button" class="btn btn-secondary btn-small" onClick={() => setRole(m, 'moderator')}>
                      {t('space.promote')}
                    </button>
                  ) : null)}
                {/* on one's own row `remove` is leaving, offered in the space's header */}
                {m.space_can?.remove && m.handle !== me?.handle && (
                  <button type="button" class="btn btn-ghost btn-small" onClick={() => remove(m)}>
                    {t('space.remove')}
                  </button>
                )}
              </MemberCard>
            ))}
          </ul>
          <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
        </>
      )}
    </>
  );
}

function RequestsTab({ space }: { space: Space }) {
  const list = usePaged<Member>(`/spaces/${space.slug}/requests`, 30);
  async function decide(m: Member, decision: 'approve' | 'decline') {
    try {
      await api.post(`/spaces/${space.slug}/requests/${m.handle}`, { decision });
      list.setItems((items) => items.filter((x) => x.handle !== m.handle));
      toast(decision === 'approve' ? t('space.approved', { handle: m.handle }) : t('space.declined', { handle: m.handle }));
    } catch (e) {
      toast(errorText(e));
    }
  }
  if (list.error && list.items.length === 0) return <ErrorBox error={list.error} retry={list.reload} />;
  if (list.loading && list.items.length === 0) return <Loading />;
  if (list.items.length === 0) return <Empty title={t('space.no_requests')} />;
  return (
    <>
      <ul class="member-grid">
        {list.items.map((m) => {
          return (
            <MemberCard key={m.handle} member={m}>
              {m.space_can?.decide && (
                <>
                  <button type="button" class="btn btn-primary btn-small" onClick={() => decide(m, 'approve')}>
                    {t('space.approve')}
                  </button>
                  <button type="button" class="btn btn-secondary btn-small" onClick={() => decide(m, 'decline')}>
                    {t('space.decline')}
                  </button>
                </>
              )}
            </MemberCard>
          );
        })}
      </ul>
      <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
    </>
  );
}

// The moderation queue: each open report with what was reported, and the
// actions a host takes on it (hide the post or reply, then resolve).
export function ReportQueue({ path }: { path: string }) {
  const list = usePaged<Report>(path, 30);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  async function hide(kind: 'items' | 'replies', id: string, on: boolean) {
    try {
      if (on) await api.post(`/${kind}/${id}/hide`);
      else await api.del(`/${kind}/${id}/hide`);
      setHidden((s) => {
        const n = new Set(s);
        if (on) n.add(`${kind}/${id}`);
        else n.delete(`${kind}/${id}`);
        return n;
      });
      toast(on ? t('moderation.hidden') : t('moderation.unhidden'));
    } catch (e) {
      toast(errorText(e));
    }
  }
  async function resolve(r: Report) {
    try {
      await api.post(`/reports/${r.id}/resolve`);
      list.setItems((items) => items.filter((x) => x.id !== r.id));
      toast(t('moderation.resolved'));
    } catch (e) {
      toast(errorText(e));
    }
  }
  if (list.error && list.items.length === 0) return <ErrorBox error={list.error} retry={list.reload} />;
  if (list.loading && list.items.length === 0) return <Loading />;
  if (list.items.length === 0) return <Empty title={t('moderation.empty')}>{t('moderation.empty_body')}</Empty>;
  return (
    <>
      <ul class="report-list">
        {list.items.map((r) => {
          const itemId = r.target_type === 'item' ? r.target_id : r.reply?.item_id;
          const hideKind = r.target_type === 'item' ? 'items' : r.target_type === 'reply' ? 'replies' : null;
          const isHidden = hidden.has(`${hideKind}/${r.target_id}`) || (r.target_type === 'item' ? !!r.item?.hidden : !!r.reply?.removed);
          const target = r.target_type === 'item' ? r.item : r.target_type === 'reply' ? r.reply : undefined;
          const mayToggle = !!target && (isHidden ? target.can.unhide : target.can.hide);
          return (
            <li key={r.id} class="card report-card" data-report-id={r.id}>
              <p class="report-head">
                <span class="pill pill-warn">{t(`moderation.target.${r.target_type}`)}</span>
                {r.reporter && (
                  <span>
                    {t('moderation.reported_by')} <MemberLink member={r.reporter} />
                  </span>
                )}
                {r.created_at && <time class="muted small" dateTime={r.created_at}>{formatDate(r.created_at)}</time>}
              </p>
              <blockquote class="report-reason">{r.reason}</blockquote>
              {r.item && <p class="report-excerpt">{r.item.title || r.item.body.slice(0, 200)}</p>}
              {r.reply && <p class="report-excerpt">{r.reply.body.slice(0, 200)}</p>}
              {r.member && (
                <p class="report-excerpt">
                  <MemberLink member={r.member} />
                </p>
              )}
              <div class="row-actions">
                {itemId && (
                  <Link href={`/items/${itemId}${r.target_type === 'reply' ? `#reply-${r.target_id}` : ''}`} class="btn btn-secondary btn-small">
                    {t('moderation.view')}
                  </Link>
                )}
                {hideKind && mayToggle && (
                  <button type="button" class="btn btn-secondary btn-small" onClick={() => hide(hideKind, r.target_id, !isHidden)}>
                    {isHidden ? t('moderation.unhide') : t('moderation.hide')}
                  </button>
                )}
                <button type="button" class="btn btn-primary btn-small" onClick={() => resolve(r)}>
                  {t('moderation.resolve')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
    </>
  );
}

function ReportsTab({ space }: { space: Space }) {
  return <ReportQueue path={`/spaces/${space.slug}/reports`} />;
}

function SettingsTab({ space, onSaved }: { space: Space; onSaved: (s: Space) => void }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <SpaceForm initial={space} submitLabel={t('action.save')} onSaved={(s) => { toast(t('space.saved')); onSaved(s); }} />
      {space.can.edit && (
        <section class="card danger-zone">
          <h2 class="section-title">{space.archived ? t('space.unarchive') : t('space.archive')}</h2>
          <p class="muted">{t('space.archive_help')}</p>
          <InlineError error={error} />
          <button
            type="button"
            class="btn btn-danger"
            onClick={async () => {
              try {
                onSaved(await api.patch<Space>(`/spaces/${space.slug}`, { archived: !space.archived }));
              } catch (e) {
                setError(e);
              }
            }}
          >
            {space.archived ? t('space.unarchive') : t('space.archive')}
          </button>
        </section>
      )}
    </>
  );
}

export function SpacePage({ slug, tab = 'posts' }: { slug: string; tab?: string }) {
  const r = useResource<Space>(`/spaces/${encodeURIComponent(slug)}`);
  const space = r.data;
  useTitle(space?.name ?? slug);
  const canRead = !!space?.can.read;
  const feed = usePaged<Item>(space && tab === 'posts' && canRead ? `/spaces/${encodeURIComponent(slug)}/feed` : null);

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
  const can = space.can;
  const tabs = [
    { key: 'posts', label: t('space.tab.posts'), href: `/spaces/${slug}` },
    { key: 'members', label: t('space.tab.members'), href: `/spaces/${slug}/members` },
    ...(can.decide_requests ? [{ key: 'requests', label: t('space.tab.requests'), href: `/spaces/${slug}/requests` }] : []),
    ...(can.view_reports ? [{ key: 'reports', label: t('space.tab.reports'), href: `/spaces/${slug}/reports` }] : []),
    ...(can.edit ? [{ key: 'settings', label: t('space.tab.settings'), href: `/spaces/${slug}/settings` }] : []),
  ];
  const known = tabs.some((x) => x.key === tab);

  return (
    <>
      <section class="card space-header" aria-labelledby="space-title">
        <div class="space-icon space-icon-large" aria-hidden="true">
          {space.name.slice(0, 1).toUpperCase()}
        </div>
        <div class="space-header-main">
          <h1 id="space-title" tabIndex={-1} class="page-title">
            {space.name}
          </h1>
          <SpaceBadges space={space} />
          {space.description && <p class="space-desc">{space.description}</p>}
          <p class="muted small">{tn('space.members_count', space.member_count ?? 0)}</p>
          <MembershipActions space={space} onChange={r.reload} />
          {canRead && vocabulary().kinds.some((k) => k.takes_votes) && (
            <p class="space-ideas">
              <Link href={`/spaces/${encodeURIComponent(space.slug)}/ideas`}>{t('space.ideas_board')}</Link>
            </p>
          )}
          {canRead && vocabulary().kinds.some((k) => k.takes_rsvps) && (
            <p class="space-events">
              <Link href={`/spaces/${encodeURIComponent(space.slug)}/events`}>{t('events.space_link')}</Link>
            </p>
          )}
          {canRead && exchangeKinds().length > 0 && (
            <p class="space-exchange">
              <Link href={`/spaces/${encodeURIComponent(space.slug)}/exchange`}>{t('space.exchange')}</Link>
            </p>
          )}
          {canRead && vocabulary().kinds.some((k) => takesField(k.name, 'location')) && (
            <p class="space-map">
              <Link href={`/spaces/${encodeURIComponent(space.slug)}/map`}>{t('space.map')}</Link>
              {can.post && takesField('report', 'location') && (
                <>
                  {' · '}
                  <Link href={`/spaces/${encodeURIComponent(space.slug)}/report`}>{t('report_form.link')}</Link>
                </>
              )}
            </p>
          )}
          {can.view_reports && (
            <p class="space-queue">
              <Link href={`/spaces/${encodeURIComponent(space.slug)}/queue`}>{t('queue.link')}</Link>
            </p>
          )}
          {canRead && <OpenDataLinks slug={space.slug} />}
          {can.view_network && (
            <p class="space-analytics">
              <Link href={`/analytics?scope=space:${encodeURIComponent(space.slug)}`}>
                {t('space.network_analytics')}
              </Link>
            </p>
          )}
        </div>
      </section>
      <Tabs tabs={tabs} current={tab} />
      {!known ? (
        <Empty title={t('space.tab_unavailable')}>
          <Link href={`/spaces/${slug}`} class="btn btn-secondary">
            {t('space.tab.posts')}
          </Link>
        </Empty>
      ) : tab === 'posts' ? (
        canRead ? (
          <>
            {can.post && <Composer space={space} onPosted={(item) => feed.setItems((l) => [item, ...l])} />}
            <Feed feed={feed} empty={<EmptyFeed title={t('space.no_posts')}>{can.post && <p>{t('space.no_posts_member')}</p>}</EmptyFeed>} />
          </>
        ) : (
          <Empty title={t('space.closed_title')}>
            <p>{t('space.closed_body')}</p>
          </Empty>
        )
      ) : tab === 'members' ? (
        <MembersTab space={space} />
      ) : tab === 'requests' ? (
        <RequestsTab space={space} />
      ) : tab === 'reports' ? (
        <ReportsTab space={space} />
      ) : (
        <SettingsTab
          space={space}
          onSaved={(s) => {
            r.setData(s);
            if (s.slug !== slug) navigate(`/spaces/${s.slug}/settings`);
          }}
        />
      )}
    </>
  );
}
