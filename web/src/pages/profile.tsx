// A member's profile: who they are, your tie with them, their posts and ties.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import { t } from '../i18n';
import { toast } from '../live';
import { usePaged, useResource, useTitle } from '../hooks';
import { Link, navigate } from '../router';
import { useMe } from '../session';
import type { Item, Member } from '../types';
import { EmptyFeed, Feed } from '../components/feed';
import { MemberCard } from '../components/member_card';
import { Icon } from '../components/icons';
import { ReportButton } from '../components/report';
import { ReputationCard } from '../exchange/reputation_card';
import { vocabulary } from '../vocabulary';
import { Avatar, Chips, Empty, ErrorBox, errorText, LoadMore, Loading, PageHeader, Tabs } from '../components/ui';

const TABS = ['posts', 'followers', 'following', 'connections'] as const;

function TieList({ handle, which }: { handle: string; which: string }) {
  const list = usePaged<Member>(`/members/${handle}/${which}`, 24);
  if (list.error && list.items.length === 0) return <ErrorBox error={list.error} retry={list.reload} />;
  if (list.loading && list.items.length === 0) return <Loading />;
  if (list.items.length === 0) return <Empty title={t(`profile.no_${which}`)} />;
  return (
    <>
      <ul class="member-grid">
        {list.items.map((m) => (
          <MemberCard key={m.handle} member={m} />
        ))}
      </ul>
      <LoadMore more={list.more} loading={list.loading} onClick={list.loadMore} />
    </>
  );
}

// The tie steps and the more menu, each shown where the member's `can` says
// the viewer may take it; the relationship says which label fits.
function TieActions({ member, onChange }: { member: Member; onChange: (m: Member) => void }) {
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const [muted, setMuted] = useState(false);
  const can = member.can;
  if (!me || !member.relationship || !can) return null;
  const rel = member.relationship;

  async function act(method: 'POST' | 'DELETE', what: string, after?: () => void) {
    setBusy(true);
    try {
      const res = method === 'POST' ? await api.post<{ result: string; member?: Member }>(`/members/${member.handle}/${what}`) : await api.del<{ result: string; member?: Member }>(`/members/${member.handle}/${what}`);
      if (res?.member) onChange(res.member);
      after?.();
    } catch (e) {
      toast(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const connection = {
    none: { label: t('tie.connect'), method: 'POST' as const, may: can.connect },
    requested: { label: t('tie.cancel_request'), method: 'DELETE' as const, may: can.disconnect },
    incoming_request: { label: t('tie.accept'), method: 'POST' as const, may: can.connect },
    connected: { label: t('tie.disconnect'), method: 'DELETE' as const, may: can.disconnect },
  }[rel.connection];
  const suspension = member.suspended ? can.reinstate : can.suspend;

  return (
    <div class="tie-actions">
      {(rel.following ? can.unfollow : can.follow) && (
        <button type="button" class={rel.following ? 'btn btn-secondary' : 'btn btn-primary'} aria-pressed={rel.following} disabled={busy} onClick={() => act(rel.following ? 'DELETE' : 'POST', 'follow')}>
          {rel.following ? t('tie.unfollow') : t('tie.follow')}
        </button>
      )}
      {connection.may && (
        <button type="button" class={rel.connection === 'none' || rel.connection === 'incoming_request' ? 'btn btn-primary' : 'btn btn-secondary'} disabled={busy} onClick={() => act(connection.method, 'connection')}>
          {connection.label}
        </button>
      )}
      {rel.connection === 'incoming_request' && can.disconnect && (
        <button type="button" class="btn btn-secondary" disabled={busy} onClick={() => act('DELETE', 'connection')}>
          {t('tie.decline')}
        </button>
      )}
      <details class="more-menu">
        <summary class="btn btn-ghost">{t('action.more')}</summary>
        <div class="more-menu-body">
          {can.mute && (
            <button
              type="button"
              class="link-button"
              disabled={busy}
              onClick={async () => {
                try {
                  if (muted) await api.del(`/members/${member.handle}/mute`);
                  else await api.post(`/members/${member.handle}/mute`);
                  setMuted(!muted);
                  toast(muted ? t('tie.unmuted') : t('tie.muted'));
                } catch (e) {
                  toast(errorText(e));
                }
              }}
            >
              {muted ? t('tie.unmute') : t('tie.mute')}
            </button>
          )}
          {can.block && (
            <button
              type="button"
              class="link-button danger"
              disabled={busy}
              onClick={() => {
                if (window.confirm(t('tie.block_confirm', { handle: member.handle }))) {
                  void act('POST', 'block', () => {
                    toast(t('tie.blocked', { handle: member.handle }));
                    navigate('/network#blocked');
                  });
                }
              }}
            >
              {t('tie.block')}
            </button>
          )}
          {can.report && <ReportButton targetType="member" targetId={member.handle} small />}
          {suspension && (
            <button
              type="button"
              class="link-button danger"
              onClick={async () => {
                const on = !member.suspended;
                try {
                  if (on) await api.post(`/members/${member.handle}/suspend`);
                  else await api.del(`/members/${member.handle}/suspend`);
                  toast(on ? t('tie.suspended', { handle: member.handle }) : t('tie.reinstated', { handle: member.handle }));
                  onChange({ ...member, suspended: on });
                } catch (e) {
                  toast(errorText(e));
                }
              }}
            >
              {member.suspended ? t('tie.reinstate') : t('tie.suspend')}
            </button>
          )}
        </div>
      </details>
    </div>
  );
}

export function ProfilePage({ handle, tab = 'posts' }: { handle: string; tab?: string }) {
  const me = useMe();
  const r = useResource<Member>(`/members/${encodeURIComponent(handle)}`);
  const member = r.data;
  useTitle(member ? member.display_name || member.handle : handle);
  const feed = usePaged<Item>(tab === 'posts' && member ? `/members/${encodeURIComponent(handle)}/feed` : null);
  const self = me?.handle === handle;

  if (r.error) {
    return r.error instanceof ApiError && r.error.status === 404 ? (
      <>
        <PageHeader title={t('notfound.title')} />
        <Empty title={t('profile.not_found', { handle })}>
          <Link href="/members" class="btn btn-secondary">
            {t('nav.people')}
          </Link>
        </Empty>
      </>
    ) : (
      <ErrorBox error={r.error} retry={r.reload} />
    );
  }
  if (!member) return <Loading />;
  if (!(TABS as readonly string[]).includes(tab)) {
    return (
      <>
        <PageHeader title={t('notfound.title')} />
        <Empty title={t('notfound.body')} />
      </>
    );
  }

  const rel = member.relationship;
  const counts = member.counts;
  return (
    <>
      <section class="card profile-header" aria-labelledby="profile-name">
        <Avatar member={member} size={88} />
        <div class="profile-main">
          <h1 id="profile-name" tabIndex={-1} class="page-title">
            {member.display_name || member.handle}
          </h1>
          <p class="member-handle">
            @{member.handle}
            {rel?.followed_by && <span class="pill">{t('tie.follows_you')}</span>}
            {rel?.connection === 'connected' && <span class="pill pill-ok">{t('tie.connected')}</span>}
            {/* every role but the plain one (listed first) is shown */}
            {member.role && member.role !== vocabulary().instance_roles[0] && <span class="pill">{t(`member.role.${member.role}`)}</span>}
            {member.suspended && <span class="pill pill-warn">{t('profile.suspended')}</span>}
          </p>
          {member.bio && <p class="profile-bio">{member.bio}</p>}
          {member.home_place && (
            <p class="muted with-icon">
              <Icon name="place" size={16} /> {member.home_place}
            </p>
          )}
          {counts && (
            <ul class="counts">
              <li>
                <Link href={`/members/${handle}/followers`}>
                  <strong>{counts.followers}</strong> {t('profile.followers')}
                </Link>
              </li>
              <li>
                <Link href={`/members/${handle}/following`}>
                  <strong>{counts.following}</strong> {t('profile.following')}
                </Link>
              </li>
              <li>
                <Link href={`/members/${handle}/connections`}>
                  <strong>{counts.connections}</strong> {t('profile.connections')}
                </Link>
              </li>
            </ul>
          )}
          {self ? (
            me?.can?.edit_profile && (
              <div class="tie-actions">
                <Link href="/profile/edit" class="btn btn-primary">
                  {t('profile.edit')}
                </Link>
              </div>
            )
          ) : (
            <TieActions member={member} onChange={(m) => r.setData(m)} />
          )}
          {!me && (
            <p class="muted small">
              <Link href={`/login?next=/members/${handle}`}>{t('profile.login_to_connect')}</Link>
            </p>
          )}
        </div>
        <div class="profile-side">
          {member.skills && member.skills.length > 0 && (
            <div>
              <h2 class="label-title">{t('profile.skills')}</h2>
              <Chips values={member.skills} href={(s) => `/members?skill=${encodeURIComponent(s)}`} />
            </div>
          )}
          {member.interests && member.interests.length > 0 && (
            <div>
              <h2 class="label-title">{t('profile.interests')}</h2>
              <Chips values={member.interests} href={(s) => `/members?interest=${encodeURIComponent(s)}`} />
            </div>
          )}
          <ReputationCard handle={member.handle} />
        </div>
      </section>
      <Tabs
        current={tab}
        tabs={TABS.map((k) => ({ key: k, label: t(`profile.tab.${k}`), href: k === 'posts' ? `/members/${handle}` : `/members/${handle}/${k}` }))}
      />
      {tab === 'posts' ? <Feed feed={feed} empty={<EmptyFeed title={t('profile.no_posts')} />} /> : <TieList key={tab} handle={handle} which={tab} />}
    </>
  );
}
